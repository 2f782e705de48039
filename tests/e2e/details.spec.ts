// Box attributes, the label set and image provenance: edited, validated, undone, kept.
import { expect, test } from '@playwright/test';
import { HARBOUR, fixture } from './fixtures';
import { annotationRows, boxesOf, caseWithImage, drag } from './app';

test('attributes, label rename and provenance are saved and survive a reload', async ({ page }) => {
  const at = await caseWithImage(page, 'Details', HARBOUR, fixture(HARBOUR.name));
  await drag(page, at(200, 300), at(500, 360));
  await expect(annotationRows(page)).toHaveCount(1);

  await page.getByLabel('Name or IMO number').fill('IMO 9000001');
  await page.getByLabel('Count', { exact: true }).fill('12');
  await page.getByLabel('Confidence').selectOption('medium');
  await page.getByLabel('Note', { exact: true }).fill('Hull matches the released photo.');
  await page.getByLabel('Name or IMO number').click();
  await expect.poll(async () => (await boxesOf(page, HARBOUR.name))[0]!.attributes).toEqual({
    name: 'IMO 9000001',
    count: 12,
    confidence: 'medium',
    note: 'Hull matches the released photo.',
  });

  await page.getByLabel('Count', { exact: true }).fill('-3');
  await page.getByLabel('Note', { exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Count cannot be negative');

  await page.getByText('Labels of this case').click();
  await page.getByLabel('Name of label 1').fill('vessel');
  await page.getByLabel('Name of label 2').click();
  await expect.poll(async () => (await boxesOf(page, HARBOUR.name))[0]!.label).toBe('vessel');
  // The label chosen for new boxes follows the rename.
  await page.keyboard.press('b');
  await drag(page, at(700, 420), at(800, 470));
  await expect.poll(async () => (await boxesOf(page, HARBOUR.name)).map((a) => a.label)).toEqual(['vessel', 'vessel']);
  await page.keyboard.press('Control+z');
  await expect(annotationRows(page)).toHaveCount(1);

  await page.getByLabel('Release date').fill('2023-13');
  await page.getByLabel('Source URL').fill('ftp://example.org/x');
  await page.getByRole('button', { name: 'Save provenance' }).click();
  await expect(page.getByText('month 13 does not exist')).toBeVisible();
  await expect(page.getByText('The source URL must start with http:// or https://')).toBeVisible();
  await page.getByLabel('Title', { exact: true }).fill('Containers at the quay');
  await page.getByLabel('Publisher / source').fill('U.S. Department of State');
  await page.getByLabel('Source URL').fill('https://www.state.gov/');
  await page.getByLabel('Release date').fill('2023-10-13');
  await page.getByLabel('Capture date').fill('2023-10');
  await page.getByRole('button', { name: 'Save provenance' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  await page.reload();
  await expect(annotationRows(page)).toHaveCount(1);
  await expect(page.getByRole('button', { name: /Containers at the quay/ })).toBeVisible();
  await expect(page.getByLabel('Release date')).toHaveValue('2023-10-13');
  await expect(page.getByLabel('Capture date')).toHaveValue('2023-10');
  await expect(annotationRows(page).first()).toContainText('vessel');
});

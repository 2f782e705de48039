// Cases: create, rename, switch, and delete with a confirmation that says what goes.
import { expect, test } from '@playwright/test';
import { HARBOUR, fixture } from './fixtures';
import { annotationRows, caseWithImage, drag, openApp, SAMPLE_BOXES } from './app';

test('create, rename, switch and delete cases', async ({ page }) => {
  const picker = page.getByLabel('Case', { exact: true });
  const at = await caseWithImage(page, 'Rajin, October 2023', HARBOUR, fixture(HARBOUR.name));
  await drag(page, at(200, 300), at(500, 360));
  await expect(annotationRows(page)).toHaveCount(1);

  await page.getByRole('button', { name: 'Rename case' }).click();
  await page.getByLabel('Case name').fill('Rajin port, October 2023');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(picker.locator('option:checked')).toHaveText('Rajin port, October 2023');

  await picker.selectOption({ label: 'Sample: synthetic port (not real imagery)' });
  await expect(annotationRows(page)).toHaveCount(SAMPLE_BOXES);
  await picker.selectOption({ label: 'Rajin port, October 2023' });
  await expect(annotationRows(page)).toHaveCount(1);

  await page.getByRole('button', { name: 'Delete case' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete case' });
  await expect(dialog).toContainText('Delete the case “Rajin port, October 2023” with its 1 image, 1 box and 0 claims?');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(picker.locator('option')).toHaveCount(2);

  await page.getByRole('button', { name: 'Delete case' }).click();
  await page.getByRole('dialog', { name: 'Delete case' }).getByRole('button', { name: 'Delete case' }).click();
  await expect(picker.locator('option')).toHaveCount(1);
  await expect(picker.locator('option:checked')).toHaveText('Sample: synthetic port (not real imagery)');
  await page.reload();
  await expect(picker.locator('option')).toHaveCount(1);
});

test('a case name is required', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('dialog', { name: 'New case' }).getByRole('alert')).toHaveText('A case needs a name.');
});

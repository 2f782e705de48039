// A person who works by keyboard alone reaches every box: the "Annotations" list is one tab stop
// whose arrows pick boxes, and from there L links them to a claim.
import { expect, type Locator, type Page } from '@playwright/test';
import { test } from '@playwright/test';
import { annotationRows, openApp, stored } from './app';

/** Presses Tab until the element has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('by keyboard alone: pick boxes in the Annotations list, link one to a claim, see the link in the box view', async ({ page }) => {
  await openApp(page);
  const geometryBefore = (await stored(page)).annotations.map((a) => a.geometry);
  const rows = annotationRows(page);
  const selection = page.getByLabel('Selection');

  await tabTo(page, page.getByRole('listbox', { name: 'Annotations' }));
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(selection).toHaveText('1 selected');
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(selection).toHaveText('2 selected');
  await page.keyboard.press('Space');
  await expect(selection).toHaveText('1 selected');
  await expect(rows.nth(2)).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('End');
  await expect(rows.last()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(selection).toHaveText('1 selected');
  // The arrows chose boxes; they moved none.
  expect((await stored(page)).annotations.map((a) => a.geometry)).toEqual(geometryBefore);

  await page.keyboard.press('l');
  const dialog = page.getByRole('dialog', { name: 'Link to claim' });
  await expect(page.getByLabel('Find claim')).toBeFocused();
  await page.keyboard.type('berth B1');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('option', { selected: true })).toContainText('No ship was moored at berth B1');
  await tabTo(page, dialog.getByRole('radio', { name: 'Supports' }));
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: 'Contradicts' })).toBeChecked();
  await tabTo(page, dialog.getByLabel('Link note'));
  await page.keyboard.type('Moored ship at the berth');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  const linked = page.getByRole('group', { name: 'Linked claims' });
  await expect(linked).toContainText('Contradicts: [Example] No ship was moored at berth B1');
  await expect(linked).toContainText('Moored ship at the berth');
});

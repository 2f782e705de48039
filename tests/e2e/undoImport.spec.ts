// Importing images is one step to undo: undo takes them out of the case, redo brings them back.
import { expect, test } from '@playwright/test';
import { annotationRows, importThroughChooser, newCase, openApp, stored } from './app';
import { HARBOUR, SECOND, fixture } from './fixtures';

test('an import of two images is one step: Ctrl+Z takes both out, Ctrl+Y brings them back', async ({ page }) => {
  await openApp(page);
  await newCase(page, 'Undo an import');
  await importThroughChooser(page, [fixture(HARBOUR.name), fixture(SECOND.name)]);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 images' })).toBeVisible();
  const images = page.getByRole('list', { name: 'Images in this case' }).getByRole('button');
  await expect(images).toHaveCount(2);
  const imported = async () => (await stored(page)).images.filter((i) => i.fileName === HARBOUR.name || i.fileName === SECOND.name).map((i) => i.fileName).sort();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', 'Undo Import images (Ctrl+Z)');

  await page.keyboard.press('Control+z');
  await expect(images).toHaveCount(0);
  expect(await imported()).toEqual([]);

  await page.keyboard.press('Control+y');
  await expect(images).toHaveCount(2);
  await expect(page.getByText(`${HARBOUR.width} × ${HARBOUR.height} px · 0 boxes`)).toBeVisible();
  expect(await imported()).toEqual([SECOND.name, HARBOUR.name].sort());

  await page.reload();
  await expect(annotationRows(page)).toHaveCount(0);
  await expect(images).toHaveCount(2);
});

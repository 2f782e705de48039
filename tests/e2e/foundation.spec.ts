// The foundation scenario, by mouse and keyboard only: import, draw, label, move, undo, redo,
// reload and find everything as it was; re-import recognised. Bad files: badInputs.spec.ts.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { HARBOUR, fixture } from './fixtures';
import { annotationRows, boxesOf, caseWithImage, changeAnalystName, drag, fittedMapping, importThroughChooser, newCase, openApp, stored } from './app';

test('import, draw three boxes, label, move, undo, redo, reload', async ({ page }) => {
  await openApp(page);
  await newCase(page, 'Harbour check');
  await importThroughChooser(page, [fixture(HARBOUR.name)]);
  await expect(page.getByRole('status').filter({ hasText: 'Imported synthetic-harbour.png' })).toBeVisible();
  await expect(page.getByText('synthetic-harbour.png · 1200 × 800 px · 0 boxes')).toBeVisible();

  await page.keyboard.press('0');
  const at = await fittedMapping(page, HARBOUR);
  await page.getByRole('button', { name: 'Box tool' }).click();
  await drag(page, at(200, 300), at(500, 360));
  await drag(page, at(700, 420), at(1000, 470));
  await drag(page, at(100, 650), at(300, 750));
  await expect(annotationRows(page)).toHaveCount(3);
  await expect(page.getByText('1200 × 800 px · 3 boxes')).toBeVisible();

  // The cursor's image-pixel position is shown.
  await page.mouse.move(at(600, 400).x, at(600, 400).y);
  await expect(page.getByLabel('Cursor position')).toHaveText(/^x (59\d|60\d), y (39\d|40\d) px$/);

  // Change the third box's label with its number key.
  await page.getByRole('button', { name: 'Select tool' }).click();
  await page.mouse.click(at(200, 700).x, at(200, 700).y);
  await page.keyboard.press('Shift+Digit3');
  await expect(page.getByLabel('Box label')).toHaveValue('container stack');

  // Move the first box by dragging it.
  const drawn = (await boxesOf(page, HARBOUR.name));
  const first = drawn.find((a) => a.geometry.x < 250 && a.geometry.y < 350)!;
  await drag(page, at(350, 330), at(400, 380));
  await expect.poll(async () => (await boxesOf(page, HARBOUR.name)).find((a) => a.id === first.id)!.geometry.x).toBeGreaterThan(first.geometry.x + 40);
  const moved = (await boxesOf(page, HARBOUR.name)).find((a) => a.id === first.id)!.geometry;

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await boxesOf(page, HARBOUR.name)).find((a) => a.id === first.id)!.geometry).toEqual(first.geometry);
  await page.keyboard.press('Control+Shift+Z');
  await expect.poll(async () => (await boxesOf(page, HARBOUR.name)).find((a) => a.id === first.id)!.geometry).toEqual(moved);

  const before = (await boxesOf(page, HARBOUR.name)).map(({ id, label, geometry, author }) => ({ id, label, geometry, author }));
  expect(before.map((a) => a.label).sort()).toEqual(['container stack', 'ship', 'ship']);
  expect(before.every((a) => a.author === 'Ana Analyst')).toBe(true);

  await page.reload();
  await expect(annotationRows(page)).toHaveCount(3);
  const after = (await boxesOf(page, HARBOUR.name)).map(({ id, label, geometry, author }) => ({ id, label, geometry, author }));
  expect(after).toEqual(before);
  await expect(page.getByLabel('Case', { exact: true }).locator('option:checked')).toHaveText('Harbour check');
});

test('a changed analyst name is stamped on new boxes, earlier boxes keep theirs, and it survives a reload', async ({ page }) => {
  const at = await caseWithImage(page, 'Handover', HARBOUR, fixture(HARBOUR.name));
  const authorsLeftToRight = async () => (await boxesOf(page, HARBOUR.name)).sort((a, b) => a.geometry.x - b.geometry.x).map((a) => a.author);
  await drag(page, at(100, 100), at(200, 200));
  await expect(annotationRows(page)).toHaveCount(1);

  await changeAnalystName(page, 'Bo Reviewer');
  await drag(page, at(400, 100), at(500, 200));
  await expect(annotationRows(page)).toHaveCount(2);
  expect(await authorsLeftToRight()).toEqual(['Ana Analyst', 'Bo Reviewer']);

  await page.reload();
  await expect(annotationRows(page)).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Analyst: Bo Reviewer' })).toBeVisible();
  await page.keyboard.press('0');
  const after = await fittedMapping(page, HARBOUR);
  await page.keyboard.press('b');
  await drag(page, after(700, 100), after(800, 200));
  await expect(annotationRows(page)).toHaveCount(3);
  expect(await authorsLeftToRight()).toEqual(['Ana Analyst', 'Bo Reviewer', 'Bo Reviewer']);
});

test('the same file imported again is recognised by its hash', async ({ page }) => {
  await openApp(page);
  await newCase(page, 'Duplicates');
  await importThroughChooser(page, [fixture(HARBOUR.name)]);
  await expect(page.getByText('1200 × 800 px · 0 boxes')).toBeVisible();
  await importThroughChooser(page, [fixture(HARBOUR.name)]);
  await expect(page.getByRole('status').filter({ hasText: 'synthetic-harbour.png is already in this case (same SHA-256' })).toBeVisible();
  expect((await stored(page)).images.filter((i) => i.fileName === HARBOUR.name)).toHaveLength(1);
});

test('images dropped onto the window are imported', async ({ page }) => {
  await openApp(page);
  await newCase(page, 'Dropped');
  const base64 = readFileSync(fixture(HARBOUR.name)).toString('base64');
  const transfer = await page.evaluateHandle(
    ({ base64, name }) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type: 'image/png' }));
      return data;
    },
    { base64, name: HARBOUR.name },
  );
  await page.dispatchEvent('.app', 'dragover', { dataTransfer: transfer });
  await expect(page.getByText('Drop images to import them into this case')).toBeVisible();
  await page.dispatchEvent('.app', 'drop', { dataTransfer: transfer });
  await expect(page.getByText('1200 × 800 px · 0 boxes')).toBeVisible();
  await expect(page.getByText('Drop images to import them into this case')).toBeHidden();
});

// Scale (issue #6): a 100-megapixel image opens (drawn from a reduced level when fitted) and pans;
// 5,000 boxes rectangle-selected and deleted come back with one undo.
import { expect, test, type Page } from '@playwright/test';
import { annotationRows, canvas, drag, fittedMapping, newCase, openApp } from './app';

const BIG = { name: 'synthetic-100mp.jpg', width: 10_000, height: 10_000 };

/** A synthetic 10,000 × 10,000 JPEG made in the page: dark water with a red square in the middle. */
async function dropBigImage(page: Page) {
  const files = await page.evaluateHandle(async ({ name, width, height }) => {
    const c = new OffscreenCanvas(width, height);
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#102840';
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = '#e01010';
    ctx.fillRect(4000, 4000, 2000, 2000);
    const data = new DataTransfer();
    data.items.add(new File([await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 })], name, { type: 'image/jpeg' }));
    return data;
  }, BIG);
  await page.dispatchEvent('.app', 'drop', { dataTransfer: files });
  await expect(page.getByRole('status').filter({ hasText: `Imported ${BIG.name}` })).toBeVisible({ timeout: 60_000 });
}

/** The colour the image layer shows at a point of the canvas region (the layer's own canvas). */
async function imagePixel(page: Page, at: { x: number; y: number }): Promise<number[]> {
  const region = (await canvas(page).boundingBox())!;
  return canvas(page).evaluate((el, p) => {
    const layer = el.querySelector('canvas')!;
    const ratio = layer.width / layer.clientWidth;
    return [...layer.getContext('2d')!.getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data.slice(0, 3)];
  }, { x: at.x - region.x, y: at.y - region.y });
}

const isRed = ([r, g, b]: number[]) => r! > 150 && g! < 80 && b! < 80;

test('a 100-megapixel image opens fitted and pans', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await newCase(page, 'Big picture');
  await dropBigImage(page);
  await expect(page.getByText('10000 × 10000 px · 0 boxes')).toBeVisible();
  await page.keyboard.press('0');
  const at = await fittedMapping(page, BIG);
  await expect.poll(() => imagePixel(page, at(5000, 5000)).then(isRed), { timeout: 30_000 }).toBe(true);
  expect(isRed(await imagePixel(page, at(2000, 2000)))).toBe(false);

  // The hand tool drags the picture: the square follows the pointer.
  await page.keyboard.press('h');
  const from = at(5000, 5000);
  await drag(page, from, { x: from.x + 250, y: from.y });
  await expect.poll(() => imagePixel(page, { x: from.x + 250, y: from.y }).then(isRed)).toBe(true);
  expect(isRed(await imagePixel(page, { x: from.x - 100, y: from.y }))).toBe(false);
});

test('5,000 boxes rectangle-selected and deleted come back with one undo', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await newCase(page, 'Many boxes');
  // The image of the sample case is not needed: a plain 2,000 × 1,000 PNG made in the page.
  const image = await page.evaluateHandle(async () => {
    const c = new OffscreenCanvas(2000, 1000);
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#1d4e6b';
    ctx.fillRect(0, 0, 2000, 1000);
    const data = new DataTransfer();
    data.items.add(new File([await c.convertToBlob({ type: 'image/png' })], 'grid.png', { type: 'image/png' }));
    return data;
  });
  await page.dispatchEvent('.app', 'drop', { dataTransfer: image });
  await expect(page.getByText('2000 × 1000 px · 0 boxes')).toBeVisible();

  // 100 × 50 boxes of 12 × 12 px on a 20 px grid, from x = 20 and y = 20, as a COCO file.
  const annotations = Array.from({ length: 5000 }, (_, i) => ({ id: i + 1, image_id: 1, category_id: 1, bbox: [20 + (i % 100) * 19, 20 + Math.floor(i / 100) * 19, 12, 12], area: 144, iscrowd: 0 }));
  const coco = { images: [{ id: 1, file_name: 'grid.png', width: 2000, height: 1000 }], categories: [{ id: 1, name: 'container' }], annotations };
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import annotations' }).click();
  await (await chooser).setFiles({ name: 'grid.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(coco)) });
  await expect(page.getByRole('status').filter({ hasText: 'Placed 5000 boxes' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('2000 × 1000 px · 5000 boxes')).toBeVisible();

  await page.keyboard.press('0');
  await page.keyboard.press('v');
  const at = await fittedMapping(page, { width: 2000, height: 1000 });
  await drag(page, at(5, 5), at(1995, 995));
  await expect(page.getByText('5000 selected')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(page.getByText('2000 × 1000 px · 0 boxes')).toBeVisible({ timeout: 30_000 });
  await expect(annotationRows(page)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByText('2000 × 1000 px · 5000 boxes')).toBeVisible({ timeout: 30_000 });
});

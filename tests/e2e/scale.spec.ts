// Scale (issue #6): a 100-megapixel image opens (drawn from a reduced level when fitted) and pans,
// and once its tile pyramid is made shows the original's own pixels at 100 %;
// 5,000 boxes rectangle-selected and deleted come back with one undo; boxes dragged while drawn from
// a reduced level leave no ghost behind.
import { expect, test, type Page } from '@playwright/test';
import { annotationRows, canvas, drag, fittedMapping, newCase, openApp, viewState } from './app';

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
/** The water's colour, #102840, give or take the JPEG's rounding. */
const isWater = ([r, g, b]: number[]) => Math.abs(r! - 0x10) < 12 && Math.abs(g! - 0x28) < 12 && Math.abs(b! - 0x40) < 12;

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

  // The pyramid is made in the background; then, at 100 %, the square's edge is as sharp as in
  // the original.
  const making = page.getByText(/^Making full-resolution tiles… \d+ of 134$/);
  await expect(making).toBeVisible();
  await expect(making).toBeHidden({ timeout: 90_000 });
  await page.keyboard.press('1');
  expect((await viewState(page)).scale).toBe(1);
  // The hand tool brings the square's left edge (x = 4,000) near the middle, 500 px a drag.
  const region = (await canvas(page).boundingBox())!;
  const middle = { x: region.x + region.width / 2, y: region.y + region.height / 2 };
  let view = await viewState(page);
  for (let i = 0; i < 20 && Math.abs(view.centre.x - 4000) > 300; i++, view = await viewState(page)) {
    const step = Math.max(-500, Math.min(500, 4000 - view.centre.x));
    await drag(page, { x: middle.x + step / 2, y: middle.y }, { x: middle.x - step / 2, y: middle.y });
  }
  expect(view.centre.y).toBeGreaterThan(4100);
  const screenX = (imageX: number) => middle.x + (imageX - view.centre.x);
  const y = middle.y;
  // Across the edge, water then red; in between only the few pixels the JPEG's own chroma
  // blurs (3 here), where the preview, magnified five times, would blend some ten.
  const across = () => Promise.all(Array.from({ length: 21 }, (_, i) => imagePixel(page, { x: screenX(4000) + i - 10, y })));
  const blended = (row: number[][]) => row.filter((p) => !isWater(p) && !isRed(p)).length;
  await expect.poll(async () => blended(await across()), { timeout: 10_000 }).toBeLessThanOrEqual(4);
  const row = await across();
  expect(isWater(row[0]!) && isRed(row[20]!)).toBe(true);
});

/** A plain 2,000 × 1,000 PNG with 100 × 50 boxes of 12 × 12 px on a 19 px grid from (20, 20), imported as COCO. */
async function gridOfBoxes(page: Page) {
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
  const annotations = Array.from({ length: 5000 }, (_, i) => ({ id: i + 1, image_id: 1, category_id: 1, bbox: [20 + (i % 100) * 19, 20 + Math.floor(i / 100) * 19, 12, 12], area: 144, iscrowd: 0 }));
  const coco = { images: [{ id: 1, file_name: 'grid.png', width: 2000, height: 1000 }], categories: [{ id: 1, name: 'container' }], annotations };
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import annotations' }).click();
  await (await chooser).setFiles({ name: 'grid.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(coco)) });
  await expect(page.getByRole('status').filter({ hasText: 'Placed 5000 boxes' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('2000 × 1000 px · 5000 boxes')).toBeVisible();
}

test('5,000 boxes rectangle-selected and deleted come back with one undo', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await newCase(page, 'Many boxes');
  await gridOfBoxes(page);

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

/** How many pixels of the image layer, between two points of the page, are not the plain water colour. */
async function markedPixels(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<number> {
  const region = (await canvas(page).boundingBox())!;
  return canvas(page).evaluate((el, r) => {
    const layer = el.querySelector('canvas')!;
    const ratio = layer.width / layer.clientWidth;
    const [x, y] = [Math.round(r.x * ratio), Math.round(r.y * ratio)];
    const data = layer.getContext('2d')!.getImageData(x, y, Math.round(r.w * ratio), Math.round(r.h * ratio)).data;
    let marked = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i]! - 0x1d) + Math.abs(data[i + 1]! - 0x4e) + Math.abs(data[i + 2]! - 0x6b) > 40) marked += 1;
    return marked;
  }, { x: from.x - region.x, y: from.y - region.y, w: to.x - from.x, h: to.y - from.y });
}

test('boxes dragged in a zoomed-out view of many boxes leave nothing at their old place', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await newCase(page, 'Dragged boxes');
  await gridOfBoxes(page);
  await page.keyboard.press('0');
  await page.keyboard.press('v');
  const at = await fittedMapping(page, { width: 2000, height: 1000 });
  // The top-left 3 × 3 boxes (20-70 px on each axis); their neighbours start at 77 px.
  await drag(page, at(10, 10), at(73, 73));
  await expect(page.getByText('9 selected')).toBeVisible();
  const [oldFrom, oldTo] = [at(17, 17), at(72, 72)];
  expect(await markedPixels(page, oldFrom, oldTo)).toBeGreaterThan(0);

  // Held mid-drag by the middle box (the corners carry resize handles), 600 px right and 300
  // down: the old place shows only the water.
  const grip = at(45, 45);
  await page.mouse.move(grip.x, grip.y);
  await page.mouse.down();
  await page.mouse.move(grip.x + 100, grip.y + 50, { steps: 4 });
  await page.mouse.move(at(645, 345).x, at(645, 345).y, { steps: 4 });
  await expect.poll(() => markedPixels(page, oldFrom, oldTo)).toBe(0);
  await page.mouse.up();
  // Saved: the next step to undo is the move (the imports before it are steps too).
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', 'Undo Move (Ctrl+Z)');
  await expect.poll(() => markedPixels(page, oldFrom, oldTo)).toBe(0);
  // Undone, the boxes are back in their place.
  await page.keyboard.press('Control+z');
  await expect.poll(() => markedPixels(page, oldFrom, oldTo)).toBeGreaterThan(0);
});

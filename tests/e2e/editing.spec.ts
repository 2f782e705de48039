// Editing boxes with mouse and keyboard: rectangle selection, delete, duplicate, copy and paste
// between images, nudging, resizing and rotating with handles, zoom and pan.
import { expect, test, type Page } from '@playwright/test';
import { HARBOUR, SECOND, fixture } from './fixtures';
import { annotationRows, boxesOf, canvas, caseWithImage, drag, importThroughChooser, viewState } from './app';

async function harbourWithBoxes(page: Page) {
  const at = await caseWithImage(page, 'Editing', HARBOUR, fixture(HARBOUR.name));
  await drag(page, at(100, 100), at(200, 200));
  await drag(page, at(300, 100), at(400, 200));
  await drag(page, at(800, 600), at(900, 700));
  await expect(annotationRows(page)).toHaveCount(3);
  await page.keyboard.press('v');
  return at;
}

const geometries = async (page: Page, name = HARBOUR.name) => (await boxesOf(page, name)).map((a) => a.geometry).sort((a, b) => a.x - b.x || a.y - b.y);

test('rectangle-select two boxes, delete them as one step, undo brings both back, Ctrl+Y deletes them again', async ({ page }) => {
  const at = await harbourWithBoxes(page);
  await drag(page, at(50, 50), at(450, 250));
  await expect(page.getByRole('heading', { name: '2 boxes' })).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(annotationRows(page)).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(annotationRows(page)).toHaveCount(3);
  await page.keyboard.press('Control+y');
  await expect(annotationRows(page)).toHaveCount(1);
});

test('Backspace deletes the selected boxes', async ({ page }) => {
  const at = await harbourWithBoxes(page);
  await page.mouse.click(at(150, 150).x, at(150, 150).y);
  await page.keyboard.down('Shift');
  await page.mouse.click(at(850, 650).x, at(850, 650).y);
  await page.keyboard.up('Shift');
  await expect(page.getByRole('heading', { name: '2 boxes' })).toBeVisible();
  await page.keyboard.press('Backspace');
  await expect(annotationRows(page)).toHaveCount(1);
  // The box left is the one that was not selected.
  expect((await geometries(page))[0]!.x).toBeCloseTo(300, -1);
});

test('shift-click adds to the selection; arrows nudge by 1 px and by 10 px with Shift', async ({ page }) => {
  const at = await harbourWithBoxes(page);
  await page.mouse.click(at(150, 150).x, at(150, 150).y);
  await page.keyboard.down('Shift');
  await page.mouse.click(at(350, 150).x, at(350, 150).y);
  await page.keyboard.up('Shift');
  await expect(page.getByRole('heading', { name: '2 boxes' })).toBeVisible();
  const before = await geometries(page);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(async () => (await geometries(page)).map((g) => [g.x, g.y])).toEqual([
    [before[0]!.x + 1, before[0]!.y + 10],
    [before[1]!.x + 1, before[1]!.y + 10],
    [before[2]!.x, before[2]!.y],
  ]);
});

test('duplicate with Ctrl+D, and copy and paste onto another image', async ({ page }) => {
  const at = await harbourWithBoxes(page);
  await page.mouse.click(at(850, 650).x, at(850, 650).y);
  await page.keyboard.press('Control+d');
  await expect(annotationRows(page)).toHaveCount(4);
  const copies = (await geometries(page)).filter((g) => g.x > 700);
  expect(copies.map((g) => g.x - copies[0]!.x)).toEqual([0, 10]);

  await page.keyboard.press('Control+c');
  await importThroughChooser(page, [fixture(SECOND.name)]);
  await expect(page.getByText('800 × 600 px · 0 boxes')).toBeVisible();
  await canvas(page).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+v');
  await expect(annotationRows(page)).toHaveCount(1);
  const pasted = await boxesOf(page, SECOND.name);
  expect(pasted[0]).toMatchObject({ label: 'ship', author: 'Ana Analyst' });
});

test('resize and rotate with the handles, each one undo step', async ({ page }) => {
  const at = await harbourWithBoxes(page);
  await page.mouse.click(at(150, 150).x, at(150, 150).y);
  const [start] = await geometries(page);
  // Drag the bottom-right handle outwards by 50 image pixels.
  await drag(page, at(200, 200), at(250, 250));
  await expect.poll(async () => (await geometries(page))[0]!.width).toBeGreaterThan(start!.width + 40);
  const resized = (await geometries(page))[0]!;
  expect(resized.x).toBeCloseTo(start!.x, 0);

  // The rotation handle sits above the top edge's middle; drag it round to the right.
  const box = (await canvas(page).boundingBox())!;
  const top = at(resized.x + resized.width / 2, resized.y);
  await drag(page, { x: top.x, y: top.y - 50 }, { x: Math.min(top.x + 150, box.x + box.width - 5), y: top.y + resized.height / 2 });
  await expect.poll(async () => Math.abs((await geometries(page))[0]!.rotation)).toBeGreaterThan(30);
  const rotated = (await geometries(page))[0]!;
  // Rotation is about the centre: the centre stays where it was.
  expect(rotated.x + rotated.width / 2).toBeCloseTo(resized.x + resized.width / 2, 0);
  expect(rotated.y + rotated.height / 2).toBeCloseTo(resized.y + resized.height / 2, 0);

  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await geometries(page))[0]!.rotation).toBe(0);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await geometries(page))[0]!.width).toBe(start!.width);
});

test('zoom with keys and wheel about the cursor, pan with space and drag', async ({ page }) => {
  await harbourWithBoxes(page);
  const zoom = page.getByLabel('Zoom level');
  const fitted = await zoom.textContent();
  await page.keyboard.press('1');
  await expect(zoom).toHaveText('Zoom 100%');
  await page.keyboard.press('+');
  await expect(zoom).toHaveText('Zoom 125%');
  await page.keyboard.press('-');
  await expect(zoom).toHaveText('Zoom 100%');
  await page.keyboard.press('0');
  await expect(zoom).toHaveText(fitted!);

  const box = (await canvas(page).boundingBox())!;
  const point = { x: box.x + box.width / 2 + 40, y: box.y + box.height / 2 + 30 };
  await page.mouse.move(point.x, point.y);
  const cursor = async () => (await page.getByLabel('Cursor position').textContent())!.match(/\d+/g)!.map(Number);
  const under = await cursor();
  await page.mouse.wheel(0, -300);
  await expect(zoom).not.toHaveText(fitted!);
  await page.mouse.move(point.x + 1, point.y);
  await page.mouse.move(point.x, point.y);
  // The image point under the cursor stays under it (to the pixel, allowing for rounding).
  await expect.poll(async () => (await cursor()).map((v, i) => Math.abs(v - under[i]!) <= 1)).toEqual([true, true]);

  await page.keyboard.down('Space');
  await drag(page, point, { x: point.x - 100, y: point.y - 60 });
  await page.keyboard.up('Space');
  await page.mouse.move(point.x + 1, point.y);
  await page.mouse.move(point.x, point.y);
  await expect.poll(async () => (await cursor())[0]! - under[0]!).toBeGreaterThan(20);
  expect(await annotationRows(page).count()).toBe(3); // panning drew nothing
});

/** Whether the middle of the canvas shows this image point (to the pixel the status bar reads). */
const centredOn = async (page: Page, p: { x: number; y: number }) => {
  const { centre } = await viewState(page);
  return Math.abs(centre.x - p.x) <= 1 && Math.abs(centre.y - p.y) <= 1;
};

test('clicking a box in the list selects and centres it, zooming out only if it does not fit', async ({ page }) => {
  await harbourWithBoxes(page);
  const zoom = page.getByLabel('Zoom level');
  await page.keyboard.press('1');
  for (let i = 0; i < 4; i++) await page.keyboard.press('+');
  await expect(zoom).toHaveText('Zoom 244.1%');
  // Zoomed in on the middle of the image, no part of the third box (800..900, 600..700) is in view.
  const { inView } = await viewState(page);
  expect(inView.maxX < 800 || inView.maxY < 600).toBe(true);

  await annotationRows(page).nth(2).click();
  await expect(annotationRows(page).nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: 'Box', exact: true })).toBeVisible();
  await expect.poll(() => centredOn(page, { x: 850, y: 650 })).toBe(true);
  await expect(zoom).toHaveText('Zoom 244.1%'); // the box fits: the zoom is kept

  // Zoomed in so far that a 100 px box is larger than the view, choosing one zooms out to show it whole.
  for (let i = 0; i < 8; i++) await page.keyboard.press('+');
  await expect(zoom).toHaveText('Zoom 1455.2%');
  const view = (await canvas(page).boundingBox())!;
  await annotationRows(page).nth(0).click();
  await expect.poll(() => centredOn(page, { x: 150, y: 150 })).toBe(true);
  expect(100 * (await viewState(page)).scale).toBeLessThanOrEqual(Math.min(view.width, view.height));
});

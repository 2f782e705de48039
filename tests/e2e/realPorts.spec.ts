// The same flow on real satellite images of ports (Sentinel-2 and PlanetScope), read at run
// time from the shared data folder: boxes drawn over vessels the dataset's COCO file marks.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { ImageRecord } from '../../src/model/records';
import { annotationRows, boxesOf, canvas, drag, fittedMapping, importThroughChooser, newCase, openApp, stored } from './app';

const REAL = join(process.cwd(), '..', 'shared', 'data', 'real-ports');
const BUSAN = join(REAL, 'sen2ships', 'busan', '2022-05-14_SH_Busan_True_color.png');
const SCENE = join(REAL, 'shipsnet_scenes', 'scene_1.jpg');

test.skip(!existsSync(BUSAN), `real port images not found at ../shared/data/real-ports: skipping the real-image flow`);

const busanIn = (images: ImageRecord[]) => images.find((i) => i.fileName.endsWith('Busan_True_color.png'))!;

/** Fits the open Busan image and boxes, with the box tool, three vessels its COCO file marks; returns their COCO boxes. */
async function boxVessels(page: Page, busan: ImageRecord) {
  await page.keyboard.press('0');
  const at = await fittedMapping(page, busan);
  const coco = JSON.parse(readFileSync(join(REAL, 'sen2ships', 'busan', 'busan_coco.json'), 'utf8')) as { annotations: { image_id: number; bbox: number[] }[] };
  const vessels = coco.annotations.filter((a) => a.image_id === 2 && a.bbox[3]! > 12).slice(0, 3);
  await page.keyboard.press('b');
  for (const { bbox } of vessels) {
    const [x, y, w, h] = bbox as [number, number, number, number];
    await drag(page, at(x, y), at(x + w, y + h));
  }
  await expect(annotationRows(page)).toHaveCount(vessels.length);
  return vessels;
}

test('real Sentinel-2 and PlanetScope images: import, box the vessels COCO marks, reload', async ({ page }) => {
  await openApp(page);
  await newCase(page, 'Busan, 2022-05-14');
  await importThroughChooser(page, [BUSAN, SCENE]);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 images' })).toBeVisible();

  const images = (await stored(page)).images;
  const busan = busanIn(images);
  expect(busan).toMatchObject({ width: 1042, height: 699, mediaType: 'image/png', byteLength: readFileSync(BUSAN).length });
  expect(busan.sha256).toBe(createHash('sha256').update(readFileSync(BUSAN)).digest('hex'));
  expect(images.find((i) => i.fileName === 'scene_1.jpg')).toMatchObject({ width: 2825, height: 1777, mediaType: 'image/jpeg' });

  await page.getByRole('button', { name: /Busan_True_color/ }).click();
  await expect(page.getByText('1042 × 699 px · 0 boxes')).toBeVisible();
  const vessels = await boxVessels(page, busan);
  const drawn = await boxesOf(page, busan.fileName);
  // Drawn at fit zoom, each box lies within about a screen pixel of the dataset's box.
  for (const { bbox } of vessels) {
    const match = drawn.find((a) => Math.abs(a.geometry.x - bbox[0]!) < 2.5 && Math.abs(a.geometry.y - bbox[1]!) < 2.5);
    expect(match, `a box near ${bbox.join(',')}`).toBeDefined();
  }

  await page.reload();
  await expect(annotationRows(page)).toHaveCount(vessels.length);
  expect(await boxesOf(page, busan.fileName)).toEqual(drawn);
});

test('real Sentinel-2 image: relabel a vessel, move it, undo with the button, redo with Ctrl+Shift+Z, reload', async ({ page }) => {
  await openApp(page);
  await newCase(page, 'Busan, edited');
  await importThroughChooser(page, [BUSAN]);
  await expect(page.getByText('1042 × 699 px · 0 boxes')).toBeVisible();
  const busan = busanIn((await stored(page)).images);
  await boxVessels(page, busan);

  // The vessels are a few pixels long at fit zoom: choose one in the list, which centres it,
  // then zoom in on the middle of the view, where it now is, to grab it clear of its handles.
  await page.getByRole('button', { name: 'Select tool' }).click();
  await annotationRows(page).nth(2).click();
  await expect(annotationRows(page).nth(2)).toHaveAttribute('aria-selected', 'true');
  for (let i = 0; i < 5; i++) await page.keyboard.press('+');
  await page.keyboard.press('Shift+Digit3');
  await expect(page.getByLabel('Box label')).toHaveValue('container stack');
  const vessel = (await boxesOf(page, busan.fileName)).find((a) => a.label === 'container stack')!;
  const geometry = async () => (await boxesOf(page, busan.fileName)).find((a) => a.id === vessel.id)!.geometry;

  const scale = Number((await page.getByLabel('Zoom level').textContent())!.match(/[\d.]+/)![0]) / 100;
  const view = (await canvas(page).boundingBox())!;
  const middle = { x: view.x + view.width / 2, y: view.y + view.height / 2 };
  await drag(page, middle, { x: middle.x + 40, y: middle.y + 30 });
  // Moved by the drag in image pixels, to within a pixel.
  await expect.poll(async () => Math.abs((await geometry()).x - (vessel.geometry.x + 40 / scale))).toBeLessThan(1.5);
  const moved = await geometry();
  expect(Math.abs(moved.y - (vessel.geometry.y + 30 / scale))).toBeLessThan(1.5);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(geometry).toEqual(vessel.geometry);
  await page.keyboard.press('Control+Shift+Z');
  await expect.poll(geometry).toEqual(moved);

  const before = await boxesOf(page, busan.fileName);
  expect(before.map((a) => a.label).sort()).toEqual(['container stack', 'ship', 'ship']);
  await page.reload();
  await expect(annotationRows(page)).toHaveCount(3);
  expect(await boxesOf(page, busan.fileName)).toEqual(before);
});

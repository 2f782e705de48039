// The same flow on real satellite images of ports (Sentinel-2 and PlanetScope), read at run
// time from the shared data folder: boxes drawn over vessels the dataset's COCO file marks.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { annotationRows, boxesOf, drag, fittedMapping, importThroughChooser, newCase, openApp, stored } from './app';

const REAL = join(process.cwd(), '..', 'shared', 'data', 'real-ports');
const BUSAN = join(REAL, 'sen2ships', 'busan', '2022-05-14_SH_Busan_True_color.png');
const SCENE = join(REAL, 'shipsnet_scenes', 'scene_1.jpg');

test.skip(!existsSync(BUSAN), `real port images not found at ../shared/data/real-ports: skipping the real-image flow`);

test('real Sentinel-2 and PlanetScope images: import, box the vessels COCO marks, reload', async ({ page }) => {
  await openApp(page);
  await newCase(page, 'Busan, 2022-05-14');
  await importThroughChooser(page, [BUSAN, SCENE]);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 images' })).toBeVisible();

  const images = (await stored(page)).images;
  const busan = images.find((i) => i.fileName.endsWith('Busan_True_color.png'))!;
  expect(busan).toMatchObject({ width: 1042, height: 699, mediaType: 'image/png', byteLength: readFileSync(BUSAN).length });
  expect(busan.sha256).toBe(createHash('sha256').update(readFileSync(BUSAN)).digest('hex'));
  expect(images.find((i) => i.fileName === 'scene_1.jpg')).toMatchObject({ width: 2825, height: 1777, mediaType: 'image/jpeg' });

  await page.getByRole('button', { name: /Busan_True_color/ }).click();
  await expect(page.getByText('1042 × 699 px · 0 boxes')).toBeVisible();
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

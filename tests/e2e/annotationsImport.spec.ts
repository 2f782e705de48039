// COCO files of the real sen2ships data imported onto their images, matched by file name.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { annotationRows, importThroughChooser, newCase, openApp } from './app';

const SEN2SHIPS = join(process.cwd(), '..', 'shared', 'data', 'real-ports', 'sen2ships');
const BUSAN = join(SEN2SHIPS, 'busan');

test.skip(!existsSync(BUSAN), 'real port data not found at ../shared/data/real-ports: skipping the COCO import test');

test('the Busan COCO file puts its vessels on the true-colour image and names the image the case lacks', async ({ page }) => {
  const coco = JSON.parse(readFileSync(join(BUSAN, 'busan_coco.json'), 'utf8')) as { images: { id: number; file_name: string }[]; annotations: { image_id: number }[] };
  const trueColour = coco.images.find((i) => i.file_name.includes('True_color'))!;
  const expected = coco.annotations.filter((a) => a.image_id === trueColour.id).length;

  await openApp(page);
  await newCase(page, 'Busan COCO');
  await importThroughChooser(page, [join(BUSAN, trueColour.file_name)]);
  await expect(page.getByText('1042 × 699 px · 0 boxes')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import annotations' }).click();
  await (await chooser).setFiles(join(BUSAN, 'busan_coco.json'));
  await expect(page.getByRole('status').filter({ hasText: `Placed ${expected} boxes from 1 file` })).toBeVisible();
  await expect(page.getByText(`1042 × 699 px · ${expected} boxes`)).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('images not in this case: 2022-05-14_SH_Busan_NDWI.png (0 boxes)');
  await expect(page.getByRole('table', { name: 'Counts per label' })).toContainText(`vessel${expected}`);

  await page.keyboard.press('Control+z');
  await expect(annotationRows(page)).toHaveCount(0);
});

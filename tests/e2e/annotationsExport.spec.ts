// "Export annotations": DOTA for the open image keeps a rotated box's true corners; COCO for the
// whole case says that rotated boxes become bounding boxes, and holds every box of the case.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { boxCorners } from '../../src/model/geometry';
import { annotationRows, boxesOf, canvas, drag, fittedMapping, importThroughChooser, newCase, openApp } from './app';
import { HARBOUR, SECOND, fixture } from './fixtures';

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Export annotations' });

/** Opens the dialog, picks format and scope, exports, and returns the download's name and text. */
async function exportAs(page: Page, format: string, scope: 'Open image' | 'Whole case', notice?: string) {
  await page.getByRole('button', { name: 'Export annotations' }).click();
  await dialog(page).getByLabel('Format').selectOption(format);
  await dialog(page).getByLabel(scope).check();
  if (notice) await expect(dialog(page).getByRole('status')).toHaveText(notice);
  else await expect(dialog(page).getByRole('status')).toHaveCount(0);
  const download = page.waitForEvent('download');
  await dialog(page).getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  await expect(dialog(page)).toBeHidden();
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

test('DOTA for the open image keeps rotated corners; COCO for the whole case warns and holds every box', async ({ page }) => {
  await openApp(page);
  await newCase(page, 'Export check');

  // No image open yet: only the whole case can be exported; Escape closes the dialog.
  await page.getByRole('button', { name: 'Export annotations' }).click();
  await expect(dialog(page).getByLabel('Open image')).toBeDisabled();
  await expect(dialog(page).getByLabel('Whole case')).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();

  await importThroughChooser(page, [fixture(HARBOUR.name)]);
  await expect(page.getByText(`${HARBOUR.width} × ${HARBOUR.height} px · 0 boxes`)).toBeVisible();
  await page.keyboard.press('0');
  const at = await fittedMapping(page, HARBOUR);
  await page.keyboard.press('b');
  await drag(page, at(100, 100), at(200, 200));
  await drag(page, at(400, 300), at(600, 360));
  await expect(annotationRows(page)).toHaveCount(2);

  // Rotate the first box with its handle, as a person would (see editing.spec.ts).
  await page.keyboard.press('v');
  await page.mouse.click(at(150, 150).x, at(150, 150).y);
  const first = (await boxesOf(page, HARBOUR.name)).find((a) => a.geometry.x < 300)!.geometry;
  const top = at(first.x + first.width / 2, first.y);
  const area = (await canvas(page).boundingBox())!;
  await drag(page, { x: top.x, y: top.y - 50 }, { x: Math.min(top.x + 150, area.x + area.width - 5), y: top.y + first.height / 2 });
  await expect.poll(async () => Math.max(...(await boxesOf(page, HARBOUR.name)).map((a) => Math.abs(a.geometry.rotation)))).toBeGreaterThan(30);

  const dota = await exportAs(page, 'DOTA', 'Open image');
  expect(dota.name).toBe('synthetic-harbour.txt');
  await expect(page.getByRole('status').filter({ hasText: 'Exported 2 boxes as DOTA' })).toBeVisible();
  const lines = dota.text.trim().split('\n').map((l) => l.split(' '));
  expect(lines).toHaveLength(2);
  const written = lines.map((l) => l.slice(0, 8).map(Number)).sort((a, b) => a[0]! - b[0]!);
  const storedBoxes = await boxesOf(page, HARBOUR.name);
  const expected = storedBoxes.map((a) => boxCorners(a.geometry).flatMap((p) => [p.x, p.y])).sort((a, b) => a[0]! - b[0]!);
  written.forEach((corners, i) => corners.forEach((v, j) => expect(v).toBeCloseTo(expected[i]![j]!, 6)));
  // The rotated box really is written rotated: its first edge is not horizontal.
  const rotated = storedBoxes.find((a) => Math.abs(a.geometry.rotation) > 30)!;
  const [p1, p2] = boxCorners(rotated.geometry);
  expect(Math.abs(p2.y - p1.y)).toBeGreaterThan(1);

  // A second image with one more box, so the whole case differs from the open image.
  await importThroughChooser(page, [fixture(SECOND.name)]);
  await expect(page.getByText(`${SECOND.width} × ${SECOND.height} px · 0 boxes`)).toBeVisible();
  await page.keyboard.press('0');
  const onSecond = await fittedMapping(page, SECOND);
  await page.keyboard.press('b');
  await drag(page, onSecond(100, 100), onSecond(250, 180));
  await expect(annotationRows(page)).toHaveCount(1);

  const notice = "1 rotated box is written as its axis-aligned bounding box in COCO JSON (each annotation's segmentation also holds the four corners); DOTA, CSV and bundles keep their true corners.";
  const coco = await exportAs(page, 'COCO JSON', 'Whole case', notice);
  expect(coco.name).toBe('Export-check-coco.json');
  await expect(page.getByRole('status').filter({ hasText: 'Exported 3 boxes as COCO JSON' })).toContainText(notice);
  await page.getByText(/^Case history/).click();
  await expect(page.getByRole('list', { name: 'Case history' }).getByRole('listitem')).toContainText([/exported as dota annotations synthetic-harbour\.txt$/, /exported as coco annotations Export-check-coco\.json$/]);
  const json = JSON.parse(coco.text) as { images: unknown[]; annotations: { segmentation: number[][] }[] };
  expect(json.images).toHaveLength(2);
  expect(json.annotations).toHaveLength(3);
  const segment = json.annotations.map((a) => a.segmentation[0]!).find((s) => Math.abs(s[0]! - boxCorners(rotated.geometry)[0].x) < 1e-6);
  expect(segment).toBeDefined();

  // DOTA keeps rotation, so it gives no notice.
  await page.getByRole('button', { name: 'Export annotations' }).click();
  await dialog(page).getByLabel('Format').selectOption('DOTA');
  await dialog(page).getByLabel('Whole case').check();
  await expect(dialog(page).getByRole('status')).toHaveCount(0);
  await dialog(page).getByLabel('Format').selectOption('Pascal VOC XML');
  await expect(dialog(page).getByRole('status')).toContainText('1 rotated box is written as its axis-aligned bounding box in Pascal VOC XML');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
});

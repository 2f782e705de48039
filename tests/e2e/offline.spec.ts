// No network (issue #7): a whole session by two analysts, through the visible controls only.
// Ana imports two images, boxes them, relabels a box, links one to a new claim and exports the
// case as a bundle; Ben, in a profile of his own, imports that bundle, boxes the same image and
// compares his boxes with hers. Every request of every page and worker stays on the app's origin.
import { expect, test, type Page } from '@playwright/test';
import { annotationRows, drag, fittedMapping, importThroughChooser, networkWatch, newCase, openApp } from './app';
import { HARBOUR, SECOND, fixture } from './fixtures';
import { exportBundle, importBundle, linkSelection, newClaim } from './flows';

/** Opens an image of the case from the image list, fitted, with the box tool; returns its pixel-to-page mapping. */
async function openImage(page: Page, image: { name: string; width: number; height: number }) {
  await page.getByRole('list', { name: 'Images in this case' }).getByRole('button', { name: new RegExp(image.name) }).click();
  await expect(page.getByText(`${image.name} · ${image.width} × ${image.height} px`)).toBeVisible();
  await page.keyboard.press('0');
  const at = await fittedMapping(page, image);
  await page.keyboard.press('b');
  return at;
}

test('a whole session of import, boxes, claims, bundle out and in, and comparison stays on the app origin', async ({ browser, context, page, baseURL }) => {
  const network = networkWatch(baseURL!);
  await network.watch(context);

  await openApp(page, 'Ana Analyst');
  await newCase(page, 'Harbour watch');
  await importThroughChooser(page, [fixture(HARBOUR.name), fixture(SECOND.name)]);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 images' })).toBeVisible();

  const second = await openImage(page, SECOND);
  await drag(page, second(100, 100), second(300, 200));
  await expect(annotationRows(page)).toHaveCount(1);
  const at = await openImage(page, HARBOUR);
  await drag(page, at(200, 300), at(500, 360));
  await drag(page, at(700, 420), at(1000, 470));
  await drag(page, at(900, 650), at(960, 700));
  await expect(annotationRows(page)).toHaveCount(3);
  // The box on the quay is no ship: relabel it with its number key.
  await page.keyboard.press('v');
  await page.mouse.click(at(930, 675).x, at(930, 675).y);
  await page.keyboard.press('Shift+Digit3');
  await expect(page.getByLabel('Box label')).toHaveValue('container stack');

  await page.getByRole('tab', { name: /Claims/ }).click();
  await newClaim(page, { Statement: 'Two ships lay at the quay on the day.', Claimant: 'Port spokesperson', 'Date claimed': '2023-10' });
  await page.getByRole('tab', { name: 'Boxes' }).click();
  await page.mouse.click(at(350, 330).x, at(350, 330).y);
  await page.keyboard.press('l');
  await linkSelection(page, 'Two ships lay', 'Supports');
  await expect(page.getByRole('group', { name: 'Linked claims' }).getByRole('listitem')).toHaveText([/^Supports: Two ships lay/]);

  const bundle = await exportBundle(page, 'Ana.evidence.zip');
  await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toBeVisible();

  // Ben's own profile: a second browser context, watched the same way.
  const bensProfile = await browser.newContext();
  await network.watch(bensProfile);
  const ben = await bensProfile.newPage();
  await openApp(ben, 'Ben Annotator');
  await importBundle(ben, bundle, 'own');
  const bens = await openImage(ben, HARBOUR);
  await expect(annotationRows(ben)).toHaveCount(3);
  await drag(ben, bens(200, 300), bens(500, 360));
  await drag(ben, bens(50, 50), bens(110, 80));
  await expect(annotationRows(ben)).toHaveCount(5);

  await ben.getByRole('tab', { name: 'Review' }).click();
  await expect(ben.getByLabel('Side A', { exact: true })).toHaveValue('case:Ana Analyst');
  await expect(ben.getByLabel('Side B', { exact: true })).toHaveValue('case:Ben Annotator');
  await expect(ben.getByRole('list', { name: 'Differences' }).getByRole('button')).toHaveText(['Only A: ship', 'Only A: container stack', 'Only B: ship']);
  await bensProfile.close();

  const { requests, paths, foreign } = network.summary();
  console.log(`offline session: ${requests} requests, ${paths} distinct paths on ${network.origin}, ${foreign.length} elsewhere`);
  expect(requests).toBeGreaterThan(0);
  expect(foreign).toEqual([]);
});

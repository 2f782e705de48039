// The reviewer's comparison: two analysts box the same image in their own profiles and export
// bundles; a reviewer compares one with the other's bundle file, then imports both into one case,
// compares them, steps through the differences with n, records verdicts (undoable), reloads and
// finds them.
import { expect, test, type Browser } from '@playwright/test';
import { annotationRows, caseWithImage, drag, openApp } from './app';
import { exportBundle, importBundle } from './flows';
import { HARBOUR, fixture } from './fixtures';

type Box = { label: 'Shift+1' | 'Shift+2' | 'Shift+4'; from: [number, number]; to: [number, number] };
const SHIP = 'Shift+1';
const CONTAINER = 'Shift+2';
const CRANE = 'Shift+4';

/** One analyst's boxes on the harbour image, exported as a bundle; returns the bundle's path. */
async function analystBundle(browser: Browser, analyst: string, boxes: Box[]): Promise<string> {
  const page = await browser.newPage();
  const at = await caseWithImage(page, `${analyst}'s count`, HARBOUR, fixture(HARBOUR.name), analyst);
  for (const [i, box] of boxes.entries()) {
    // Nothing selected, so the label is chosen for the next box only.
    await page.keyboard.press('Escape');
    await page.keyboard.press(box.label);
    await drag(page, at(...box.from), at(...box.to));
    await expect(annotationRows(page)).toHaveCount(i + 1);
  }
  const path = await exportBundle(page, `${analyst.split(' ')[0]}.evidence.zip`);
  await page.close();
  return path;
}

test('two analysts compared: figures, differences stepped with n, verdicts undone, redone and kept', async ({ browser, page }) => {
  // A: two ships, a crane, a container. B: the first ship alike, the second ship called a crane,
  // the crane 4 px to the right (IoU 76/84), no container, and a ship A did not box.
  const ana = await analystBundle(browser, 'Ana Analyst', [
    { label: SHIP, from: [200, 300], to: [500, 360] },
    { label: SHIP, from: [700, 420], to: [1000, 470] },
    { label: CRANE, from: [100, 620], to: [180, 680] },
    { label: CONTAINER, from: [900, 650], to: [960, 700] },
  ]);
  const ben = await analystBundle(browser, 'Ben Annotator', [
    { label: SHIP, from: [200, 300], to: [500, 360] },
    { label: CRANE, from: [700, 420], to: [1000, 470] },
    { label: CRANE, from: [104, 620], to: [184, 680] },
    { label: SHIP, from: [50, 50], to: [110, 80] },
  ]);

  await openApp(page, 'Rita Reviewer');
  await importBundle(page, ana, 'own');
  await page.getByRole('tab', { name: 'Review' }).click();
  const figures = page.getByRole('region', { name: 'Agreement on this image' });
  const figureOf = (name: string) => figures.locator('div').filter({ has: page.locator('dt', { hasText: new RegExp(`^${name}$`) }) }).locator('dd');

  // First against Ben's bundle file, not imported: the same figures, but no verdicts.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Compare with a bundle…' }).click();
  await (await chooser).setFiles(ben);
  await expect(page.getByText('Ben.evidence.zip: 1 of its images is in this case (by SHA-256)')).toBeVisible();
  await expect(page.getByLabel('Side B', { exact: true })).toHaveValue('bundle:Ben Annotator');
  await expect(figureOf('Matched pairs')).toHaveText('3');
  await expect(figureOf("Cohen's kappa")).toHaveText('0.400');
  await expect(page.getByRole('form', { name: 'Verdict' })).toHaveCount(0);
  await expect(page.getByText('import the bundle into the case to record them')).toBeVisible();
  await page.getByRole('button', { name: 'Close bundle' }).click();

  // Then with Ben's boxes imported into the case.
  await importBundle(page, ben, 'open');
  await page.getByRole('tab', { name: 'Review' }).click();
  await expect(page.getByLabel('Side A', { exact: true })).toHaveValue('case:Ana Analyst');
  await expect(page.getByLabel('Side B', { exact: true })).toHaveValue('case:Ben Annotator');
  await expect(figureOf('Matched pairs')).toHaveText('3');
  // Overlay, then side by side: one canvas per author, sharing one view.
  await expect(page.getByRole('img', { name: 'A and B overlaid' }).locator('canvas').first()).toHaveAttribute('width', /^[1-9]\d{2,}$/);
  await page.getByLabel('Side by side').check();
  await expect(page.getByRole('img', { name: 'A: Ana Analyst' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'B: Ben Annotator' })).toBeVisible();
  await page.getByLabel('Overlay').check();

  const differences = page.getByRole('list', { name: 'Differences' }).getByRole('button');
  await expect(differences).toHaveText(['Only A: container', 'Only B: ship', /^Label differs: ship \/ crane/]);
  await expect(differences.nth(0)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('n');
  await expect(differences.nth(1)).toHaveAttribute('aria-current', 'true');
  await expect(page.getByText('Differences 2 of 3')).toBeVisible();

  const verdict = page.getByRole('form', { name: 'Verdict' });
  await verdict.getByLabel('Accept B').check();
  await verdict.getByLabel('Comment').fill('A missed the small hull at the top left.');
  await verdict.getByRole('button', { name: 'Save verdict' }).click();
  await expect(differences.nth(1)).toContainText('Accept B');

  await page.keyboard.press('n');
  await expect(differences.nth(2)).toHaveAttribute('aria-current', 'true');
  await verdict.getByLabel('Needs discussion').check();
  await verdict.getByRole('button', { name: 'Save verdict' }).click();
  await expect(differences.nth(2)).toContainText('Needs discussion');
  await page.keyboard.press('Control+z');
  await expect(differences.nth(2)).not.toContainText('Needs discussion');
  await page.keyboard.press('Control+Shift+z');
  await expect(differences.nth(2)).toContainText('Needs discussion');
  await page.keyboard.press('p');
  await expect(differences.nth(1)).toHaveAttribute('aria-current', 'true');
  await expect(verdict.getByLabel('Comment')).toHaveValue('A missed the small hull at the top left.');

  // The case table, and its CSV.
  await expect(page.getByRole('table', { name: 'Agreement per label' })).toContainText('crane');
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export agreement CSV' }).click();
  expect((await csv).suggestedFilename()).toMatch(/agreement\.csv$/);

  await page.reload();
  await page.getByRole('tab', { name: 'Review' }).click();
  await expect(differences).toHaveText(['Only A: container', /^Only B: ship · Accept B$/, /Needs discussion$/]);
});

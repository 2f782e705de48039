// Claims, links and the claim view, by mouse and keyboard: two claims, three boxes linked (two
// support, one contradicts), counts and the quantity check, a crop opens its box, undo the last
// link, reload.
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_DIR, HARBOUR, fixture } from './fixtures';
import { annotationRows, boxesOf, caseWithImage, drag, openApp, viewState } from './app';
import { linkSelection, newClaim } from './flows';

const claimsList = (page: Page) => page.getByRole('listbox', { name: 'Claims', exact: true });

test('claims, links, claim view, crop, undo, reload', async ({ page }) => {
  const at = await caseWithImage(page, 'Shipments', HARBOUR, fixture(HARBOUR.name));
  await page.keyboard.press('Shift+Digit2'); // container
  await drag(page, at(200, 300), at(300, 360));
  await drag(page, at(350, 300), at(450, 360));
  await drag(page, at(700, 420), at(800, 470));
  await expect(annotationRows(page)).toHaveCount(3);

  await page.getByRole('tab', { name: /Claims/ }).click();
  await newClaim(
    page,
    { Statement: 'North Korea has shipped more than 1,000 containers of munitions to Russia.', Claimant: 'John Kirby', 'Date claimed': '2023-10-13', 'Source URL': 'https://www.whitehouse.gov/', Quantity: '1000', Unit: 'containers', Tags: 'containers' },
    'more than',
  );
  await newClaim(page, { Statement: 'No containers left the quay in September.', Claimant: 'Port spokesperson', 'Date claimed': '2023-10' });
  await expect(claimsList(page).getByRole('option')).toHaveCount(2);

  // Three links: the first two boxes support the claim (keyboard L), the third contradicts it (button).
  await page.getByRole('tab', { name: 'Boxes' }).click();
  await page.keyboard.press('v');
  await page.mouse.click(at(250, 330).x, at(250, 330).y);
  await page.keyboard.down('Shift');
  await page.mouse.click(at(400, 330).x, at(400, 330).y);
  await page.keyboard.up('Shift');
  await page.keyboard.press('l');
  await linkSelection(page, '1,000 containers', 'Supports');
  await page.mouse.click(at(750, 440).x, at(750, 440).y);
  await page.getByRole('button', { name: 'Link to claim' }).click();
  // The claim just linked comes chosen; a search that hides it leaves nothing for Enter to link to.
  const picker = page.getByRole('dialog', { name: 'Link to claim' });
  await expect(picker.getByRole('option', { selected: true })).toContainText('1,000 containers');
  await picker.getByLabel('Find claim').fill('quay');
  await page.keyboard.press('Enter');
  await expect(picker.getByRole('alert')).toHaveText('Choose one of the claims shown to link to; nothing was linked.');
  await linkSelection(page, '1,000 containers', 'Contradicts');
  const boxClaims = page.getByRole('group', { name: 'Linked claims' });
  await expect(boxClaims.getByRole('listitem')).toHaveText([/^Contradicts: North Korea has shipped more than 1,000 containers/]);

  // The claim view: groups, counts by label, quantity check. The claim just linked is the one chosen.
  await page.getByRole('tab', { name: /Claims/ }).click();
  await expect(claimsList(page).getByRole('option', { selected: true })).toContainText('1,000 containers');
  await page.getByRole('button', { name: 'Open claim' }).click();
  const view = page.getByRole('article', { name: 'Claim' });
  await expect(view.getByRole('region', { name: 'Supports evidence' }).getByRole('figure')).toHaveCount(2);
  await expect(view.getByRole('region', { name: 'Contradicts evidence' }).getByRole('figure')).toHaveCount(1);
  await expect(view.getByRole('region', { name: 'Quantity check' })).toHaveText(
    'claimed: more than 1,000 containers; linked evidence: 2 containers in 1 image; contradicting: 1 container in 1 image',
  );
  const counts = view.getByRole('table', { name: 'Linked boxes by label' });
  await expect(counts.getByRole('columnheader')).toHaveText(['Label', 'Supports', 'Contradicts', 'Context']);
  await expect(counts.getByRole('row')).toHaveCount(2);
  await expect(counts.getByRole('row').nth(1).getByRole('cell')).toHaveText(['container', '2', '1', '0']);

  // The contradicting crop opens its image centred on that box, selected.
  await view.getByRole('region', { name: 'Contradicts evidence' }).getByRole('button', { name: /Open container in synthetic-harbour.png/ }).click();
  await expect(page.getByRole('tab', { name: 'Image' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Selection')).toHaveText('1 selected');
  await expect(annotationRows(page).nth(2)).toHaveAttribute('aria-selected', 'true');
  const third = (await boxesOf(page, HARBOUR.name)).find((b) => b.geometry.x > 600)!;
  const centre = { x: third.geometry.x + third.geometry.width / 2, y: third.geometry.y + third.geometry.height / 2 };
  await expect.poll(async () => {
    const p = (await viewState(page)).centre;
    return Math.abs(p.x - centre.x) <= 2 && Math.abs(p.y - centre.y) <= 2;
  }).toBe(true);
  await expect(boxClaims.getByRole('listitem')).toHaveCount(1);

  // Undo the last of the three links: the contradiction.
  await page.keyboard.press('Control+z');
  await expect(boxClaims).toContainText('Not linked to any claim yet.');
  await expect(boxClaims.getByRole('listitem')).toHaveCount(0);

  await page.reload();
  await page.getByRole('tab', { name: /Claims/ }).click();
  await expect(claimsList(page).getByRole('option')).toHaveCount(2);
  await claimsList(page).getByRole('option').filter({ hasText: '1,000 containers' }).click();
  await page.getByRole('button', { name: 'Open claim' }).click();
  await expect(view.getByRole('region', { name: 'Supports evidence' }).getByRole('figure')).toHaveCount(2);
  await expect(view.getByRole('region', { name: 'Contradicts evidence' })).toHaveCount(0);
  await expect(view.getByRole('region', { name: 'Quantity check' })).toHaveText('claimed: more than 1,000 containers; linked evidence: 2 containers in 1 image');
  await expect(counts.getByRole('row').nth(1).getByRole('cell')).toHaveText(['container', '2', '0', '0']);

  // The box view: a supporting box keeps its link, the third box lost its one.
  await page.getByRole('tab', { name: 'Image' }).click();
  await page.getByRole('tab', { name: 'Boxes' }).click();
  await annotationRows(page).nth(0).click();
  await expect(boxClaims.getByRole('listitem')).toHaveText([/^Supports: North Korea has shipped more than 1,000 containers/]);
  await annotationRows(page).nth(2).click();
  await expect(boxClaims).toContainText('Not linked to any claim yet.');

  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
});

test('claims from CSV: good rows import together, a bad row is reported by line', async ({ page }) => {
  const csv = [
    'statement,claimant,claimed_at,quantity_value,quantity_unit,quantity_qualifier,tags',
    '"More than 1,000 containers were shipped",John Kirby,2023-10-13,1000,containers,more than,containers',
    'A claim with an impossible date,Someone,2023-02-30,,,,',
    '"A statement over',
    'two lines",NIS,2023-11-01,1000000,artillery shells,more than,shells',
  ].join('\n');
  writeFileSync(`${FIXTURE_DIR}/claims-with-bad-row.csv`, csv);
  await openApp(page);
  await page.getByRole('tab', { name: /Claims/ }).click();
  const before = await claimsList(page).getByRole('option').count();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import claims CSV' }).click();
  await (await chooser).setFiles(`${FIXTURE_DIR}/claims-with-bad-row.csv`);
  await expect(page.getByRole('alert')).toContainText('line 3');
  await expect(page.getByRole('alert')).toContainText('2023-02-30 does not exist');
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 claims' })).toBeVisible();
  await expect(claimsList(page).getByRole('option')).toHaveCount(before + 2);
});

test('deleting a claim with links names them first', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: /Claims/ }).click();
  await expect(claimsList(page).getByRole('option')).toHaveCount(3);
  await claimsList(page).getByRole('option').filter({ hasText: 'More than 400 containers' }).click();
  await page.getByRole('button', { name: 'Delete claim' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete claim' });
  await expect(dialog).toContainText('Its 4 links to boxes go too');
  await expect(dialog.getByRole('listitem')).toHaveCount(4);
  await expect(dialog).toContainText('container stack');
  await dialog.getByRole('button', { name: 'Delete claim' }).click();
  await expect(claimsList(page).getByRole('option')).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(claimsList(page).getByRole('option')).toHaveCount(3);
});

test('the timeline places the sample claims and opens one on click', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('button', { name: /^Image: Synthetic port scene/ })).toBeVisible();
  await timeline.getByRole('button', { name: /^Claim: \[Example\] No ship was moored/ }).click();
  await expect(page.getByRole('article', { name: 'Claim' })).toContainText('No ship was moored at berth B1 that day.');
  await expect(page.getByRole('region', { name: 'Contradicts evidence' }).getByRole('figure')).toHaveCount(1);

  await page.getByRole('tab', { name: 'Timeline' }).click();
  await timeline.getByLabel('Tag').selectOption('containers');
  await expect(timeline.getByRole('button', { name: /^Claim: \[Example\] No ship/ })).toHaveCount(0);
  await expect(timeline.getByRole('button', { name: /^Claim: \[Example\] More than 400/ })).toBeVisible();
});

test('the example claims CSV in assets/ imports into a case of ones own', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByLabel('Case name').fill('DPRK to Russia, 2023');
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: /Claims/ }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import claims CSV' }).click();
  await (await chooser).setFiles('assets/claims-2023-dprk-russia-shipments.csv');
  await expect(page.getByRole('status').filter({ hasText: /Imported \d+ claims/ })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByLabel('Search claims').fill('1,000 containers');
  await expect(claimsList(page).getByRole('option').first()).toContainText('2023-10-13');
});

// Bad inputs through the controls a person uses (issue 7, item 5): each is refused with a message
// naming it and the reason, and the stored records do not change. The run prints how many were tried.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { canvas, importThroughChooser, newCase, openApp, stored } from './app';
import { BAD_IMAGES, BAD_STATEMENTS, CORRUPT_EXIF_JPEG, FOREIGN_ZIPS, writeAll } from './badInputs';

// One worker runs the whole file, so that one count covers every case.
test.describe.configure({ mode: 'default' });

let dir = '';
let tried = 0;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bad-inputs-'));
});
test.afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  console.log(`bad inputs tried: ${tried}`);
});

test('bad image files are refused with the reason, store nothing, and a JPEG with corrupt EXIF still imports', async ({ page }) => {
  const paths = writeAll(dir, [...BAD_IMAGES, CORRUPT_EXIF_JPEG]);
  await openApp(page);
  await newCase(page, 'Bad input');
  const before = await stored(page);

  const started = Date.now();
  await importThroughChooser(page, paths);
  const alert = page.getByRole('alert');
  for (const { file, reason } of BAD_IMAGES) {
    const message = alert.getByText(`${file} was not imported:`);
    await expect(message).toContainText(reason);
    await expect(message).toContainText('Nothing was stored for it.');
    tried += 1;
  }
  // Refused by its size, never read: the whole batch takes seconds, not the time to read 2 GiB.
  expect(Date.now() - started).toBeLessThan(15_000);

  await expect(page.getByRole('status').filter({ hasText: `Imported ${CORRUPT_EXIF_JPEG.file}` })).toBeVisible();
  await expect(page.getByText(`${CORRUPT_EXIF_JPEG.width} × ${CORRUPT_EXIF_JPEG.height} px · 0 boxes`)).toBeVisible();
  await expect(canvas(page)).toBeVisible();
  tried += 1;
  const after = await stored(page);
  expect(after.images.map((i) => i.fileName).sort()).toEqual([...before.images.map((i) => i.fileName), CORRUPT_EXIF_JPEG.file].sort());
  expect(after.blobs).toBe(before.blobs + 1);
  expect(after.audit).toBe(before.audit + 1);
  expect(after.annotations).toEqual(before.annotations);
});

test('claim statements that are too long or hide characters are refused in the form, and no claim is stored', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: /Claims/ }).click();
  const claims = page.getByRole('listbox', { name: 'Claims', exact: true }).getByRole('option');
  const count = await claims.count();
  const before = await stored(page);

  await page.getByRole('button', { name: 'New claim' }).click();
  const dialog = page.getByRole('dialog', { name: 'New claim' });
  const statement = dialog.getByLabel('Statement', { exact: true });
  for (const { statement: text, error } of BAD_STATEMENTS) {
    await statement.fill(text);
    await dialog.getByRole('button', { name: 'Save claim' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('One field needs attention. Nothing was saved.');
    await expect(dialog.getByText(error, { exact: true })).toBeVisible();
    await expect(statement).toHaveAttribute('aria-invalid', 'true');
    tried += 1;
  }
  expect(await stored(page)).toEqual(before);

  // The same form saves once the statement is clean, so the counts above could have changed.
  await statement.fill('More than 1,000 containers.');
  await dialog.getByRole('button', { name: 'Save claim' }).click();
  await expect(dialog).toBeHidden();
  await expect(claims).toHaveCount(count + 1);
  expect((await stored(page)).audit).toBe(before.audit + 1);
});

test("another application's ZIP archives are refused as bundles, saying what they are, and nothing changes", async ({ page }) => {
  const paths = writeAll(dir, FOREIGN_ZIPS);
  await openApp(page);
  const before = await stored(page);
  for (const [i, { file, reason }] of FOREIGN_ZIPS.entries()) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import bundle' }).click();
    await (await chooser).setFiles(paths[i]!);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(`${file}: ${reason}`);
    await expect(alert).toContainText('Nothing was imported.');
    await expect(page.getByRole('dialog', { name: 'Import bundle' })).toHaveCount(0);
    tried += 1;
  }
  expect(await stored(page)).toEqual(before);
});

// Durability as the analyst sees it: whether storage is persistent, a database emptied behind the
// app's back is noticed (the marker outside IndexedDB outlives it), and closing the window while
// an import runs asks first.
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { encodePng } from '../fixtures/png';
import { importThroughChooser, newCase, openApp } from './app';
import { fixture } from './fixtures';

const storageStatus = (page: Page) => page.getByRole('status', { name: 'Storage' });

test('the header says whether the browser granted persistent storage', async ({ page }) => {
  await openApp(page);
  const persisted = await page.evaluate(() => navigator.storage.persisted());
  await expect(storageStatus(page)).toHaveText(persisted ? 'Storage: persistent' : 'Storage: may be cleared');
});

test('a database emptied behind the app is noticed at the next start, until the analyst has read it', async ({ page }) => {
  await openApp(page);
  // What the browser does when it evicts the site's database: the app's connection is closed
  // by the deletion, and the database is gone.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('evidence-annotator');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
  );
  await page.reload();
  const notice = page.getByRole('dialog', { name: 'Your cases are not here' });
  await expect(notice.getByRole('alert')).toContainText(/when the app last started, on \d{4}-\d\d-\d\d \d\d:\d\d UTC, it held 1 case and 1 image, and they are not here/);
  await expect(notice).toContainText('Restore your cases from your latest bundles with "Import bundle"');
  // The sample is not made again to hide the loss, and a reload does not forget it.
  await expect(page.getByLabel('Case', { exact: true })).toHaveValue('');
  await page.reload();
  await expect(notice).toBeVisible();

  await notice.getByRole('button', { name: 'Continue with this database' }).click();
  await expect(notice).toBeHidden();
  await expect(page.getByLabel(/Your name/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(/Your name/)).toBeVisible();
  await expect(notice).toBeHidden();
});

test('closing the window while an import runs asks first; once it has finished, it does not', async ({ page }) => {
  // Large uncompressed PNGs, so the import takes seconds: distinct bytes, so none is a duplicate.
  const files = [1, 2, 3, 4].map((n) => {
    const path = fixture(`slow-import-${n}.png`);
    writeFileSync(path, encodePng(2400, 2000, (x, y) => [(x * n) & 255, (y + n) & 255, (x ^ y) & 255]));
    return path;
  });
  await openApp(page);
  await newCase(page, 'Leaving mid-import');
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });
  await importThroughChooser(page, files);
  await expect(page.getByText(/^Importing \d of 4/)).toBeVisible();
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);

  await expect(page.getByRole('list', { name: 'Images in this case' }).getByRole('listitem')).toHaveCount(4, { timeout: 30_000 });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(asked).toEqual(['beforeunload']);
});

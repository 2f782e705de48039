// "Verify integrity" (issue #7): every stored original hashed again, the audit log checked, and a
// file altered behind the app's back named in the result.
import { expect, test } from '@playwright/test';
import { openApp } from './app';

test('Verify integrity passes on the sample case, then names an original altered behind the app', async ({ page }) => {
  await openApp(page);
  const result = page.getByRole('status').filter({ hasText: /^Integrity/ });
  await page.getByRole('button', { name: 'Verify integrity' }).click();
  await expect(result).toHaveText(/^Integrity verified: the 1 stored original matches its SHA-256, and the audit log's \d+ records verify\.$/);

  // Disk damage, simulated: the stored original's bytes are replaced in IndexedDB directly.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('evidence-annotator');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('blobs', 'readwrite');
      const store = tx.objectStore('blobs');
      const cursor = store.openCursor();
      cursor.onsuccess = () => cursor.result?.update({ ...cursor.result.value, bytes: new Blob(['damaged']) });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
  await page.getByRole('button', { name: 'Verify integrity' }).click();
  await expect(result).toContainText('Integrity check found 1 problem: synthetic-port-scene.png (case "Sample: synthetic port (not real imagery)"): the stored original no longer matches the SHA-256 recorded at import');
});

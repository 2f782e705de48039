// Driving the app as a person does: the name question, cases, dropping images, importing
// annotation files, opening images, keys and the mouse. Timing happens in the page (probes.mjs).
import { IMAGE, cocoFile, jpegCopyToDrop, smallJpegToDrop } from './scene.mjs';

const LONG = 5 * 60_000;

export const canvasRegion = (page) => page.getByRole('region', { name: 'Image canvas' });
const caseSelect = (page) => page.getByLabel('Case', { exact: true });

/** Opens the app on a fresh profile and answers the name question. */
export async function openFresh(page, url) {
  await page.goto(url);
  await page.getByLabel(/Your name/).fill('Bench');
  await page.getByRole('button', { name: 'Save name' }).click();
  await caseSelect(page).locator('option:checked').waitFor({ state: 'attached', timeout: LONG });
}

export async function newCase(page, name) {
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByLabel('Case name').fill(name);
  await page.keyboard.press('Enter');
  await caseSelect(page).locator('option:checked', { hasText: name }).waitFor({ state: 'attached', timeout: LONG });
}

/** Chooses a case in the header, then leaves the keyboard to the canvas (a focused <select> would take the keys). */
export async function switchCase(page, name) {
  await caseSelect(page).selectOption({ label: name });
  await caseSelect(page).locator('option:checked', { hasText: name }).waitFor({ state: 'attached', timeout: LONG });
  await canvasRegion(page).focus();
}

/**
 * Drops a fresh copy of the benchmark JPEG on the window; returns its size, the times from the
 * drop to the import status and to the image drawn on the canvas, and the app's measures of
 * reading and hashing the file and of storing it.
 */
export async function dropBigImage(page, note, fileName = IMAGE.fileName) {
  // The report of the previous import would answer the wait at once.
  const earlier = page.getByRole('status').filter({ hasText: 'Imported' });
  if (await earlier.count()) {
    await page.locator('.import-report', { has: earlier }).getByRole('button', { name: 'Dismiss' }).click();
    await earlier.waitFor({ state: 'detached' });
  }
  const files = await page.evaluateHandle(jpegCopyToDrop, { fileName, note });
  const bytes = await files.evaluate((d) => d.files[0].size);
  await page.evaluate((text) => window.__bench.arm({ status: text, image: true }, 5 * 60_000), `Imported ${fileName}.`);
  await page.dispatchEvent('.app', 'drop', { dataTransfer: files });
  const seen = await page.evaluate(() => window.__bench.armed);
  const drop = await page.evaluate(() => window.__bench.marks.drop);
  await files.dispose();
  // The app's own measures of the hashing and the storing (src/state/importImages.ts).
  const [hashMs, storeMs] = await page.evaluate(() =>
    ['import: read and hash', 'import: store'].map((name) => performance.getEntriesByName(name, 'measure').at(-1)?.duration ?? NaN),
  );
  return { bytes, importMs: seen.status - drop, viewMs: seen.image - drop, hashMs, storeMs };
}

export async function dropSmallImage(page, fileName) {
  const files = await page.evaluateHandle(smallJpegToDrop, { fileName });
  await page.dispatchEvent('.app', 'drop', { dataTransfer: files });
  await page.getByRole('status').filter({ hasText: `Imported ${fileName}.` }).waitFor({ timeout: LONG });
  await files.dispose();
}

/**
 * Imports `boxes` as a COCO file through "Import annotations" onto the image named `fileName`,
 * and waits until the open image is drawn with `shown` boxes (these boxes when it is that image).
 */
export async function importBoxes(page, boxes, fileName = IMAGE.fileName, shown = boxes.length) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import annotations' }).click();
  await (
    await chooser
  ).setFiles({ name: `boxes-${boxes.length}.json`, mimeType: 'application/json', buffer: Buffer.from(cocoFile(boxes, fileName)) });
  await page.getByRole('status').filter({ hasText: `Placed ${boxes.length} boxes from 1 file` }).waitFor({ timeout: LONG });
  const alerts = await page.getByRole('alert').allTextContents();
  if (alerts.length) throw new Error(`Importing ${boxes.length} boxes reported problems: ${alerts.join(' ')}`);
  await waitForView(page, shown);
}

/** Waits until the open image is drawn with its boxes and the status bar counts them. */
export async function waitForView(page, boxCount) {
  const cond = { image: true, viewStatus: `${IMAGE.width} × ${IMAGE.height} px · ${boxCount} boxes` };
  if (boxCount > 0) cond.boxes = true;
  await page.evaluate((c) => window.__bench.watch(c, 5 * 60_000), cond);
}

/** Opens an image by clicking it in the image list. */
export const clickImage = (page, fileName) =>
  page.getByRole('navigation', { name: 'Images' }).getByRole('button', { name: new RegExp(fileName.replace('.', '\\.')) }).click();

/**
 * Waits until the app has nothing large left to do in the background for the images it holds:
 * every large image's tile pyramid stored (the app makes them after an import and on opening),
 * and no original still decoding in full. Then the next measure is not timed against that work.
 */
export async function backgroundSettled(page) {
  const settled = await page.evaluate(async () => {
    const check = () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('evidence-annotator');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['images', 'tileSets']);
          const images = tx.objectStore('images').getAll();
          const tiled = tx.objectStore('tileSets').getAllKeys();
          tx.oncomplete = () => {
            db.close();
            const large = new Set(images.result.filter((i) => Math.max(i.width, i.height) > 2048).map((i) => i.sha256));
            resolve([...large].every((sha) => tiled.result.includes(sha)) && !document.body.innerText.includes('Loading full resolution'));
          };
        };
      });
    const until = performance.now() + 5 * 60_000;
    while (performance.now() < until) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 250));
    }
    return false;
  });
  if (!settled) throw new Error('the app was still making tile pyramids after 5 minutes');
}

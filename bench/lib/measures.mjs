// The timed runs. Each measure does one warm-up run and then `runs` timed ones, and returns the
// raw values; bench.mjs takes the medians.
import { memoryAfterGc } from './browser.mjs';
import { backgroundSettled, canvasRegion, clickImage, dropBigImage, newCase, switchCase, waitForView } from './appUi.mjs';
import { IMAGE } from './scene.mjs';

export const SMALL_IMAGE = 'small.jpg';
const SELECTED_ROW = '[role="listbox"][aria-label="Annotations"] [role="option"][aria-selected="true"]';

/**
 * Imports a fresh copy of the 100-MP JPEG into each of `cases` (new cases), each once the app is
 * done with the one before (its tile pyramid made); the first is the warm-up.
 */
export async function measureImports(page, cases, log) {
  const runs = [];
  for (const [i, name] of cases.entries()) {
    await newCase(page, name);
    const run = await dropBigImage(page, `npm run bench, import ${i}`);
    log(`import ${i}: ${(run.bytes / 2 ** 20).toFixed(1)} MB in ${run.importMs.toFixed(0)} ms (read and hashed in ${run.hashMs.toFixed(0)} ms, stored in ${run.storeMs.toFixed(0)} ms), drawn after ${run.viewMs.toFixed(0)} ms`);
    runs.push(run);
    // The app opens what arrives and makes its tile pyramid in the background: let that finish,
    // so the next import is not timed against it.
    await backgroundSettled(page);
  }
  return runs.slice(1);
}

/**
 * From a click on the 100-MP image in the image list (the small image open before) to the
 * image drawn on the canvas, and, zooming to 2x as soon as it is, to its full-resolution detail
 * drawn; then memory with the big image open.
 */
export async function measureFirstView(page, profile, runs, log) {
  const out = [];
  for (let i = 0; i <= runs; i += 1) {
    await clickImage(page, SMALL_IMAGE);
    await page.evaluate((text) => window.__bench.watch({ image: false, viewStatus: text }), `${SMALL_IMAGE} · 1200 × 900 px`);
    await page.evaluate(() => window.__bench.armViewThenZoom());
    await clickImage(page, IMAGE.fileName);
    const seen = await page.evaluate(() => window.__bench.armed);
    const click = await page.evaluate(() => window.__bench.marks.click);
    const [firstViewMs, fullResMs] = [seen.image - click, seen.detail - click];
    await page.keyboard.press('0');
    await waitForView(page, 0);
    const memory = await memoryAfterGc(page, profile);
    log(`open ${i}: first view ${firstViewMs.toFixed(0)} ms, full resolution ${fullResMs.toFixed(0)} ms; heap ${memory.heapMb.toFixed(0)} MB, renderers ${memory.rssMb.toFixed(0)} MB`);
    if (i > 0) out.push({ firstViewMs, fullResMs, ...memory });
  }
  return out;
}

/** Reloads with the `boxCount`-box image open; times from navigation start to each signal. */
export async function measureLoadDraw(page, profile, runs, boxCount, log) {
  const out = [];
  for (let i = 0; i <= runs; i += 1) {
    await page.reload({ waitUntil: 'commit' });
    const seen = await page.evaluate(
      (c) => window.__bench.watch(c, 5 * 60_000),
      { boxes: true, image: true, viewStatus: `· ${boxCount} boxes` },
    );
    const memory = await memoryAfterGc(page, profile);
    log(`reload ${i}: boxes drawn at ${seen.boxes.toFixed(0)} ms, listed ${seen.viewStatus.toFixed(0)} ms, image ${seen.image.toFixed(0)} ms`);
    if (i > 0) out.push({ boxesMs: seen.boxes, listedMs: seen.viewStatus, imageMs: seen.image, ...memory });
  }
  return out;
}

/**
 * With the app running on another case (showing an image without boxes), choosing the case of
 * the `boxCount`-box image in the header, to its boxes drawn and counted: the app opens the
 * case's image and reads its boxes from IndexedDB, without starting afresh. The app is left to
 * finish its background work first, as for imports: on two cores a 100-MP decode still running
 * would be timed too (it put 0.2 s into some runs and none into others).
 */
export async function measureOpenDraw(page, runs, { from, to }, boxCount, log) {
  const out = [];
  for (let i = 0; i <= runs; i += 1) {
    await switchCase(page, from);
    await waitForView(page, 0);
    await backgroundSettled(page);
    await page.evaluate((c) => window.__bench.arm(c, 5 * 60_000), { boxes: true, viewStatus: `· ${boxCount} boxes` });
    await page.getByLabel('Case', { exact: true }).selectOption({ label: to });
    const seen = await page.evaluate(() => window.__bench.armed);
    const change = await page.evaluate(() => window.__bench.marks.change);
    const [boxesMs, listedMs] = [seen.boxes - change, seen.viewStatus - change];
    log(`open ${i}: ${boxCount} boxes drawn ${boxesMs.toFixed(0)} ms after choosing the case, counted ${listedMs.toFixed(0)} ms`);
    if (i > 0) out.push({ boxesMs, listedMs });
  }
  return out;
}

/** Plays the path once from the fit view; returns the frame intervals. */
export async function panPass(page, steps) {
  await page.bringToFront();
  await page.keyboard.press('0');
  await page.waitForTimeout(300);
  return page.evaluate((s) => window.__bench.playPath(s), steps);
}

const storedBoxes = (page) =>
  page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('evidence-annotator');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const n = await new Promise((resolve, reject) => {
      const r = db.transaction('annotations').objectStore('annotations').count();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    db.close();
    return n;
  });

/**
 * Draws a box with the box tool on the open image (`boxCount` boxes) and times from the mouse
 * button's release to its row appearing, selected, in the "Annotations" list (the list reads
 * the database, so the row means the box is saved); checks the store, then undoes it.
 */
export async function measureDrawToSaved(page, runs, boxCount, log) {
  const region = canvasRegion(page);
  await region.focus();
  await page.keyboard.press('0');
  await page.keyboard.press('b');
  const r = await region.boundingBox();
  const [cx, cy] = [r.x + r.width / 2, r.y + r.height / 2];
  const before = await storedBoxes(page);
  const out = [];
  for (let i = 0; i <= runs; i += 1) {
    await page.keyboard.press('Escape');
    await page.waitForFunction((sel) => !document.querySelector(sel), SELECTED_ROW);
    // The list is virtualized and sorted oldest first: scrolled to the end, the new row is rendered.
    await page.evaluate(() => {
      const list = document.querySelector('[role="listbox"][aria-label="Annotations"]');
      list.scrollTop = list.scrollHeight;
    });
    await page.evaluate((sel) => window.__bench.armDom(sel), SELECTED_ROW);
    await page.mouse.move(cx - 80 + i * 6, cy - 50);
    await page.mouse.down();
    await page.mouse.move(cx - 20, cy - 10, { steps: 4 });
    await page.mouse.move(cx + 40 + i * 6, cy + 30, { steps: 4 });
    await page.mouse.up();
    const listed = await page.evaluate(() => window.__bench.armed);
    const ms = listed - (await page.evaluate(() => window.__bench.marks.pointerup));
    const stored = await storedBoxes(page);
    if (stored !== before + 1) throw new Error(`After drawing a box the database holds ${stored} boxes, not ${before + 1}.`);
    log(`draw ${i} on ${boxCount} boxes: listed ${ms.toFixed(0)} ms after mouse-up`);
    if (i > 0) out.push(ms);
    await page.keyboard.press('Control+z');
    await page.getByRole('heading', { name: `Boxes (${boxCount})` }).waitFor();
  }
  await page.keyboard.press('v');
  return out;
}

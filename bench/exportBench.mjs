#!/usr/bin/env node
// Export benchmark (issue 4): generates a case of about 1 GB of synthetic JPEGs in the production
// web build, exports it through the "Export bundle" button in Chromium, and prints the bundle's
// size, the export's throughput, and during the export the growth of the page's JavaScript heap
// and of the resident memory of the renderer processes (page and export worker together).
// Usage: npm run bench:export [-- --megabytes 1024]
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, newProfile, removeProfile, rendererRss, startServer } from './lib/browser.mjs';

const megabytes = Number(process.argv[process.argv.indexOf('--megabytes') + 1] || 1024);
const PORT = 4390;
const BATCH = 8;
const server = await startServer('dist/web', PORT);

// A persistent profile, as the app has: IndexedDB and large blobs live on disk, not in memory.
const profile = newProfile();
const context = await launch(profile, { acceptDownloads: true });
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  await page.getByLabel(/Your name/).fill('Bench');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByLabel('Case name').fill('Export benchmark (synthetic)');
  await page.keyboard.press('Enter');

  // Synthetic noise JPEGs of 4096x4096 (about 12 MB each, incompressible like real imagery),
  // made in the page and dropped onto it a batch at a time.
  const t0 = Date.now();
  let count = 0;
  let total = 0;
  while (total < megabytes * 1024 * 1024) {
    const files = await page.evaluateHandle(async ({ first, batch }) => {
      const data = new DataTransfer();
      for (let i = first; i < first + batch; i += 1) {
        const canvas = new OffscreenCanvas(4096, 4096);
        const ctx = canvas.getContext('2d');
        const img = ctx.createImageData(4096, 4096);
        for (let at = 0; at < img.data.length; at += 65536) crypto.getRandomValues(img.data.subarray(at, at + 65536));
        ctx.putImageData(img, 0, 0);
        const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
        data.items.add(new File([blob], `synthetic-${String(i).padStart(3, '0')}.jpg`, { type: 'image/jpeg' }));
      }
      return data;
    }, { first: count, batch: BATCH });
    total += await files.evaluate((d) => [...d.files].reduce((n, f) => n + f.size, 0));
    await page.dispatchEvent('.app', 'drop', { dataTransfer: files });
    await page.getByRole('status').filter({ hasText: `Imported ${BATCH} images` }).waitFor({ timeout: 10 * 60_000 });
    await files.dispose();
    count += BATCH;
    process.stdout.write(`\rimported ${count} images, ${(total / 1024 / 1024).toFixed(0)} MB`);
  }
  console.log(` in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const heap = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  const heapBefore = await heap();
  let heapPeak = heapBefore;
  const rssBefore = rendererRss(profile);
  let rssPeak = rssBefore;
  const sampler = setInterval(async () => {
    rssPeak = Math.max(rssPeak, rendererRss(profile));
    try {
      heapPeak = Math.max(heapPeak, await heap());
    } catch {
      /* the page may be busy; the next sample counts */
    }
  }, 200);
  const download = page.waitForEvent('download', { timeout: 30 * 60_000 });
  const t2 = performance.now();
  await page.getByRole('button', { name: 'Export bundle' }).click();
  const file = await download;
  const seconds = (performance.now() - t2) / 1000;
  clearInterval(sampler);
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  await file.saveAs(join(dir, 'bundle.zip'));
  const bytes = statSync(join(dir, 'bundle.zip')).size;
  rmSync(dir, { recursive: true, force: true });
  const result = {
    export_images: count,
    export_bundle_mb: +(bytes / 1024 / 1024).toFixed(1),
    export_seconds: +seconds.toFixed(2),
    export_mb_per_s: +(bytes / 1024 / 1024 / seconds).toFixed(1),
    export_page_js_heap_growth_mb: +((heapPeak - heapBefore) / 1024 / 1024).toFixed(1),
    export_renderer_rss_before_mb: +(rssBefore / 1024 / 1024).toFixed(1),
    export_renderer_rss_growth_mb: +((rssPeak - rssBefore) / 1024 / 1024).toFixed(1),
  };
  console.table(result);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/export.json', `${JSON.stringify({ ...result, at: new Date().toISOString() }, null, 2)}\n`);
} finally {
  await context.close();
  server.stop();
  removeProfile(profile);
}

#!/usr/bin/env node
// Export benchmark (issue 4): generates a case of about 1 GB of synthetic JPEGs in the production
// web build, exports it through the "Export bundle" button in Chromium, and prints the bundle's
// size, the export's throughput and the growth of the page's JavaScript heap during the export.
// Usage: npm run bench:export [-- --megabytes 1024]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const megabytes = Number(process.argv[process.argv.indexOf('--megabytes') + 1] || 1024);
const PORT = 4390;
const server = spawn(process.execPath, ['scripts/serve.mjs', 'dist/web'], { env: { ...process.env, PORT: String(PORT) }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1400, height: 850 } });
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.getByLabel(/Your name/).fill('Bench');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByLabel('Case name').fill('Export benchmark (synthetic)');
  await page.keyboard.press('Enter');

  // Synthetic noise JPEGs of 4096x4096 (about 12 MB each, incompressible like real imagery).
  const t0 = Date.now();
  const files = await page.evaluateHandle(async (target) => {
    const data = new DataTransfer();
    let total = 0;
    for (let i = 0; total < target; i += 1) {
      const canvas = new OffscreenCanvas(4096, 4096);
      const ctx = canvas.getContext('2d');
      const img = ctx.createImageData(4096, 4096);
      for (let at = 0; at < img.data.length; at += 65536) crypto.getRandomValues(img.data.subarray(at, at + 65536));
      ctx.putImageData(img, 0, 0);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
      total += blob.size;
      data.items.add(new File([blob], `synthetic-${String(i).padStart(3, '0')}.jpg`, { type: 'image/jpeg' }));
    }
    return data;
  }, megabytes * 1024 * 1024);
  const count = await files.evaluate((d) => d.files.length);
  console.log(`generated ${count} images in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const t1 = Date.now();
  await page.dispatchEvent('.app', 'drop', { dataTransfer: files });
  await page.getByRole('status').filter({ hasText: `Imported ${count} images` }).waitFor({ timeout: 30 * 60_000 });
  console.log(`imported in ${((Date.now() - t1) / 1000).toFixed(1)} s`);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const heap = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  const heapBefore = await heap();
  let heapPeak = heapBefore;
  const sampler = setInterval(async () => {
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
  const result = {
    export_images: count,
    export_bundle_mb: +(bytes / 1024 / 1024).toFixed(1),
    export_seconds: +seconds.toFixed(2),
    export_mb_per_s: +(bytes / 1024 / 1024 / seconds).toFixed(1),
    export_js_heap_growth_mb: +((heapPeak - heapBefore) / 1024 / 1024).toFixed(1),
  };
  console.table(result);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/export.json', `${JSON.stringify({ ...result, at: new Date().toISOString() }, null, 2)}\n`);
} finally {
  await browser.close();
  server.kill();
}

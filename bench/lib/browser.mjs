// Shared by the benchmarks: the static server for a build, Debian's Chromium with a persistent
// profile (as the app has: IndexedDB and large blobs live on disk, not in memory), and memory
// figures of the page and of the renderer processes.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

/**
 * Frames as fast as the work allows, so a frame interval is work, not waiting for vsync. In
 * headless Chromium 156 the first two flags alone leave requestAnimationFrame at 60 Hz (17.7 ms
 * idle, measured); with the third it runs back to back (0.5 ms idle) and each frame waits for the
 * raster it triggered, so the interval includes that raster.
 */
export const WORK_TIME_ARGS = ['--disable-gpu-vsync', '--disable-frame-rate-limit', '--run-all-compositor-stages-before-draw'];

export const VIEWPORT = { width: 1400, height: 850 };

/** Serves `dir` with scripts/serve.mjs on `port`; resolves once it answers. */
export async function startServer(dir, port) {
  const server = spawn(process.execPath, ['scripts/serve.mjs', dir], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let tries = 0; ; tries += 1) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (tries > 100 || server.exitCode !== null) {
      server.kill();
      throw new Error(`The static server for ${dir} did not answer at ${url} (is port ${port} taken?).`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop: () => server.kill() };
}

export const newProfile = () => mkdtempSync(join(tmpdir(), 'bench-profile-'));
export const removeProfile = (profile) => rmSync(profile, { recursive: true, force: true });

/** Chromium on a persistent profile; `extraArgs` e.g. WORK_TIME_ARGS. */
export function launch(profile, { extraArgs = [], ...options } = {}) {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    viewport: VIEWPORT,
    ...options,
  });
}

/** The processes of the browser using `profile`: its main process and all its descendants. */
function browserProcesses(profile) {
  const procs = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((pid) => {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        return {
          pid,
          ppid: status.match(/^PPid:\s+(\d+)/m)?.[1],
          rss: Number(status.match(/^VmRSS:\s+(\d+) kB/m)?.[1] ?? 0) * 1024,
          cmd: readFileSync(`/proc/${pid}/cmdline`, 'utf8'),
        };
      } catch {
        return null;
      }
    })
    .filter(Boolean);
  const root = procs.find((p) => p.cmd.includes(`--user-data-dir=${profile}`) && !p.cmd.includes('--type='));
  const family = new Set([root?.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs) if (family.has(p.ppid) && !family.has(p.pid)) grew = Boolean(family.add(p.pid));
  }
  return procs.filter((p) => family.has(p.pid));
}

/** Resident memory (bytes) of the renderer processes of the browser using `profile` (pages and workers). */
export function rendererRss(profile) {
  return browserProcesses(profile)
    .filter((p) => p.cmd.includes('--type=renderer'))
    .reduce((n, p) => n + p.rss, 0);
}

/**
 * Stops (SIGSTOP) or resumes (SIGCONT) every process of the browser using `profile`. In a
 * browser whose frames are not held to vsync an idle page still renders frame after frame (most
 * of a core, measured), so a second browser left running would take CPU from the one measured.
 * Send it no commands while it is stopped.
 */
export function suspendBrowser(profile, stopped) {
  for (const p of browserProcesses(profile)) process.kill(Number(p.pid), stopped ? 'SIGSTOP' : 'SIGCONT');
}

/** The page's JavaScript heap after a garbage collection, and the renderers' resident memory, in MB. */
export async function memoryAfterGc(page, profile) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const heap = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize').value;
    return { heapMb: heap / 2 ** 20, rssMb: rendererRss(profile) / 2 ** 20 };
  } finally {
    await cdp.detach();
  }
}

// The machine a run measured on, the printed tables and the JSON files in bench/results/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

export function machine() {
  let chromium = 'unknown';
  try {
    chromium = execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    /* reported as unknown */
  }
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memory_gb: Number((totalmem() / 2 ** 30).toFixed(1)),
    chromium,
    rendering: 'software (--disable-gpu), headless',
    load_average_1min_at_start: loadavg()[0],
  };
}

/** Frame figures per box count, then every other figure, as printed tables. */
export function printTables(figures, counts) {
  const get = (key) => figures[key] ?? '';
  console.log('\nFrame times along the pan-and-zoom path (ms; median over passes of each pass figure)');
  console.table(
    Object.fromEntries(
      counts.map((n) => [
        `${n} boxes`,
        {
          'app p50': get(`pan_p50_ms_app_${n}`),
          'app p95': get(`pan_p95_ms_app_${n}`),
          'app p99': get(`pan_p99_ms_app_${n}`),
          'app >16.7': get(`pan_over_16_7ms_share_app_${n}`),
          'base p50': get(`pan_p50_ms_baseline_${n}`),
          'base p95': get(`pan_p95_ms_baseline_${n}`),
          'base p99': get(`pan_p99_ms_baseline_${n}`),
          'p95 base/app': get(`pan_p95_ratio_${n}`),
          'vsync miss': get(`vsync_miss_share_${n}`),
        },
      ]),
    ),
  );
  console.log('All figures');
  console.table(figures);
}

/**
 * bench/results/bench-<time>.json (everything) and bench/results/latest.json (the flat figures);
 * a --quick run writes bench-<time>-quick.json and latest-quick.json, leaving a full run's alone.
 */
export function writeResults(at, figures, detail) {
  mkdirSync('bench/results', { recursive: true });
  const suffix = detail.quick ? '-quick' : '';
  const file = `bench/results/bench-${at.replace(/[:.]/g, '-')}${suffix}.json`;
  writeFileSync(file, `${JSON.stringify({ at, ...detail, figures }, null, 2)}\n`);
  const latest = `bench/results/latest${suffix}.json`;
  writeFileSync(latest, `${JSON.stringify(figures, null, 2)}\n`);
  return [file, latest];
}

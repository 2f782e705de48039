// Debian's Chromium as the end-to-end tests and the benchmarks launch it (never a downloaded
// browser): where it is, and the switches for a headless run on a machine without a GPU or a
// network.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

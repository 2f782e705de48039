// Limits the app enforces before it reads or decodes anything (stated in the README).

/** Largest image file accepted, checked from its size before reading. */
export const MAX_IMAGE_BYTES = 512 * 1024 * 1024;
/** Largest image accepted, checked from the header before decoding (Chromium stops near 537 MP). */
export const MAX_IMAGE_PIXELS = 250_000_000;
export const MAX_IMAGE_SIDE = 65_535;

export const MAX_CASE_NAME = 200;
export const MAX_TEXT_FIELD = 10_000;

export function formatMegapixels(pixels: number): string {
  return `${(pixels / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 1 })} megapixels`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${v.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${units[i]}`;
}

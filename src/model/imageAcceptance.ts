// Whether a file may become an image of a case, with a message that names the file, the
// reason, and that nothing was stored (STYLE.md 13).
import { inspectImageBytes } from './imageHeader';
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, formatBytes, formatMegapixels } from './limits';
import type { ImageMediaType } from './records';

export type Acceptance = { ok: true; mediaType: ImageMediaType; width: number; height: number } | { ok: false; message: string };

export const refusal = (fileName: string, reason: string) => `${fileName} was not imported: ${reason}. Nothing was stored for it.`;

/** Checked from the size alone, before a byte is read. */
export function checkImageSize(fileName: string, byteLength: number): Acceptance | null {
  if (byteLength === 0) return { ok: false, message: refusal(fileName, 'the file is empty (0 bytes)') };
  if (byteLength > MAX_IMAGE_BYTES) {
    return { ok: false, message: refusal(fileName, `it is ${formatBytes(byteLength)}, larger than the limit of ${formatBytes(MAX_IMAGE_BYTES)}`) };
  }
  return null;
}

export function checkImageBytes(fileName: string, bytes: Uint8Array): Acceptance {
  const sized = checkImageSize(fileName, bytes.length);
  if (sized) return sized;
  const header = inspectImageBytes(bytes);
  if (!header.ok) return { ok: false, message: refusal(fileName, header.reason) };
  const { width, height } = header;
  if (width < 1 || height < 1) return { ok: false, message: refusal(fileName, 'its header declares an image with no pixels') };
  const pixels = width * height;
  if (pixels > MAX_IMAGE_PIXELS || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    return {
      ok: false,
      message: refusal(
        fileName,
        `its header declares ${width} × ${height} pixels (${formatMegapixels(pixels)}), more than this app handles: the limit is ${formatMegapixels(MAX_IMAGE_PIXELS)} and ${MAX_IMAGE_SIDE} pixels on a side`,
      ),
    };
  }
  return header;
}

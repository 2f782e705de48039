// Reads what an image file is from its bytes alone: format, pixel size and whether the file is
// complete. Nothing is decoded, so a decompression bomb or a disguised file is refused before
// the browser's decoder ever sees it.
import type { ImageMediaType } from './records';

export type HeaderCheck =
  | { ok: true; mediaType: ImageMediaType; width: number; height: number }
  | { ok: false; reason: string };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, at: number, len: number) => String.fromCharCode(...b.subarray(at, at + len));
const u16be = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u32be = (b: Uint8Array, at: number) => (((b[at] ?? 0) << 24) >>> 0) + (((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0));
const u24le = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16);
const u32le = (b: Uint8Array, at: number) => u24le(b, at) + (b[at + 3] ?? 0) * 0x1000000;

const PNG_SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_IEND = [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

/** Inspects the whole file (the completeness checks look at its end). */
export function inspectImageBytes(bytes: Uint8Array): HeaderCheck {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty (0 bytes)' };
  if (startsWith(bytes, PNG_SIG)) return inspectPng(bytes);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return inspectJpeg(bytes);
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return inspectWebp(bytes);
  return { ok: false, reason: `it is not a PNG, JPEG or WebP image (${describeOtherFormat(bytes)})` };
}

function inspectPng(b: Uint8Array): HeaderCheck {
  if (b.length < 33 || ascii(b, 12, 4) !== 'IHDR') return { ok: false, reason: 'the PNG file is cut short before its header ends' };
  const width = u32be(b, 16);
  const height = u32be(b, 20);
  if (!startsWith(b, PNG_IEND, b.length - 8)) return { ok: false, reason: 'the PNG file is truncated (it has no end marker)' };
  return { ok: true, mediaType: 'image/png', width, height };
}

const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** How a refusal names a segment: APP1 is where cameras keep EXIF, the one most often damaged. */
function segmentName(marker: number): string {
  if (marker === 0xe1) return 'APP1 (EXIF metadata) segment';
  if (marker >= 0xe0 && marker <= 0xef) return `APP${marker - 0xe0} metadata segment`;
  return `segment FF${marker.toString(16).toUpperCase().padStart(2, '0')}`;
}

// Segments are walked by their declared lengths, as a decoder does. A length that is wrong (most
// often in EXIF metadata) lands the walk inside other data; that file is refused naming the
// segment, since the decoder would misread it too, rather than guessing where the next one is.
function inspectJpeg(b: Uint8Array): HeaderCheck {
  const damaged = (what: string): HeaderCheck => ({ ok: false, reason: `the JPEG file is damaged (${what})` });
  let at = 2;
  let previous = '';
  let size: { width: number; height: number } | null = null;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return damaged(previous ? `no segment starts where its ${previous} says it ends; that length must be wrong` : 'a segment marker is missing');
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const name = segmentName(marker);
    const length = u16be(b, at + 2);
    const end = at + 2 + length;
    if (length < 2) return damaged(`its ${name} declares an impossible length (${length})`);
    if (end > b.length) return { ok: false, reason: `the JPEG file is truncated (its ${name} runs past the end of the file)` };
    if (isStartOfFrame(marker)) {
      if (length < 7) return damaged('its frame header is too short to hold the image size');
      size = { height: u16be(b, at + 5), width: u16be(b, at + 7) };
    }
    if (marker === 0xda) {
      if (!size) return { ok: false, reason: 'the JPEG file has no frame header' };
      // The entropy-coded data never contains FF D9 except as the end-of-image marker, because
      // encoders stuff every FF in it with 00; a file without one was cut short.
      return hasEndOfImage(b, end)
        ? { ok: true, mediaType: 'image/jpeg', ...size }
        : { ok: false, reason: 'the JPEG file is truncated (it has no end-of-image marker)' };
    }
    previous = name;
    at = end;
  }
  return { ok: false, reason: 'the JPEG file is truncated before its image data' };
}

function hasEndOfImage(b: Uint8Array, from: number): boolean {
  for (let i = b.length - 2; i >= from; i -= 1) {
    if (b[i] === 0xff && b[i + 1] === 0xd9) return true;
  }
  return false;
}

function inspectWebp(b: Uint8Array): HeaderCheck {
  const declared = u32le(b, 4) + 8;
  if (b.length < declared || b.length < 20) return { ok: false, reason: 'the WebP file is truncated (shorter than its header says)' };
  const chunk = ascii(b, 12, 4);
  if (b.length < (chunk === 'VP8L' ? 25 : 30)) return { ok: false, reason: 'the WebP file is cut short before its header ends' };
  if (chunk === 'VP8X') return { ok: true, mediaType: 'image/webp', width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  if (chunk === 'VP8L') {
    const bits = u32le(b, 21);
    return { ok: true, mediaType: 'image/webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ') {
    return { ok: true, mediaType: 'image/webp', width: ((b[26] ?? 0) | ((b[27] ?? 0) << 8)) & 0x3fff, height: ((b[28] ?? 0) | ((b[29] ?? 0) << 8)) & 0x3fff };
  }
  return { ok: false, reason: 'the WebP file has an unknown image chunk' };
}

/** A plain-words guess at what a refused file really is, for the error message. */
export function describeOtherFormat(b: Uint8Array): string {
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) return 'it is a ZIP archive';
  if (ascii(b, 0, 5) === '%PDF-') return 'it is a PDF document';
  if (ascii(b, 0, 4) === 'GIF8') return 'it is a GIF image, which is not supported';
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'it is a TIFF image, not yet supported';
  const markup = markupKind(new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 1024)));
  if (markup === 'svg') return 'it is an SVG drawing';
  if (markup === 'html') return 'it is an HTML page';
  if (isMostlyText(b)) return 'it is a text file';
  return 'its contents match no image format';
}

// What comes before the first element of an XML or HTML file: a declaration, comments, a doctype.
const PROLOG = /^\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype\s+([\w:.-]+)[^>]*>)/i;

/**
 * Whether text is an SVG drawing or an HTML page, by its doctype or first element (an SVG may be
 * namespaced, `<svg:svg>`). Only sniffed, never parsed or shown: such a file can carry script.
 */
function markupKind(text: string): 'svg' | 'html' | null {
  let rest = text;
  let doctype = '';
  for (let m = PROLOG.exec(rest); m; m = PROLOG.exec(rest)) {
    doctype ||= m[1]?.toLowerCase() ?? '';
    rest = rest.slice(m[0].length);
  }
  const element = /^\s*<([\w:.-]+)/.exec(rest)?.[1]?.toLowerCase().replace(/^[\w.-]+:/, '') ?? '';
  const name = element || doctype;
  if (name === 'svg') return 'svg';
  if (name === 'html' || name === 'head' || name === 'body' || doctype === 'html') return 'html';
  return null;
}

function isMostlyText(b: Uint8Array): boolean {
  const sample = b.subarray(0, 512);
  let printable = 0;
  for (const v of sample) if (v === 9 || v === 10 || v === 13 || (v >= 32 && v < 127) || v >= 0xc2) printable += 1;
  return printable / sample.length > 0.95;
}

// Shapes shared by the annotation interchange formats (issue 4, item 5). The format modules are
// pure text in, text out: matching boxes to the case's images, ids, authors and the database
// belong to whoever calls them.
import type { BoxGeometry } from '../../model/geometry';

export interface FormatBoxAttributes {
  name?: string;
  count?: number;
  note?: string;
}

export interface FormatBox {
  label: string;
  /** Image pixels, as the app stores it (x, y = top-left of the unrotated box). */
  geometry: BoxGeometry;
  attributes?: FormatBoxAttributes;
}

export interface FormatImage {
  fileName: string;
  width: number;
  height: number;
  /** SHA-256 (hex) of the original bytes; only the CSV export writes it. */
  sha256?: string;
  boxes: FormatBox[];
}

export interface ReadImage {
  /** As the file names it, without any folder part; the caller matches it to the case's images. */
  fileName: string;
  width?: number;
  height?: number;
  boxes: FormatBox[];
}

/** What a reader found. Readers never throw: everything they could not read is in `problems`. */
export interface ReadResult {
  images: ReadImage[];
  problems: string[];
}

/**
 * Largest annotation text a reader accepts, counted in UTF-16 units (about bytes for the ASCII
 * these formats hold). Far above any real file; it stops a mistaken pick of a huge file from
 * freezing the renderer. Callers should also check the file's byte size before decoding it.
 */
export const MAX_FORMAT_TEXT_LENGTH = 50 * 1024 * 1024;

/** The refusal every reader gives for oversized text, or null when the size is acceptable. */
export function oversizeProblem(text: string, what: string): string | null {
  if (text.length <= MAX_FORMAT_TEXT_LENGTH) return null;
  return `The ${what} is larger than 50 MB, so it was not read; nothing was imported.`;
}

/**
 * The class order for formats that number labels (COCO category ids, YOLO class indices): the
 * case's labels in their order, so ids stay stable between exports, then any label a box uses
 * that the case no longer lists (a label renamed or deleted after use), in order of first use.
 */
export function labelOrder(labels: readonly string[], images: readonly FormatImage[]): string[] {
  const order = [...labels];
  const known = new Set(order);
  for (const image of images) {
    for (const box of image.boxes) {
      if (!known.has(box.label)) {
        known.add(box.label);
        order.push(box.label);
      }
    }
  }
  return order;
}

/**
 * A number with at most `places` decimals and no trailing zeros, so files carry neither float
 * noise ("50.00000000000001") nor "-0".
 */
export function decimal(n: number, places: number): string {
  const s = String(Number(n.toFixed(places)));
  return s === '-0' ? '0' : s;
}

/** Optional attributes as a reader found them, or undefined when there were none. */
export function pickAttributes(source: { name?: unknown; count?: unknown; note?: unknown }): FormatBoxAttributes | undefined {
  const out: FormatBoxAttributes = {};
  if (typeof source.name === 'string' && source.name !== '') out.name = source.name;
  if (typeof source.count === 'number' && Number.isFinite(source.count)) out.count = source.count;
  if (typeof source.note === 'string' && source.note !== '') out.note = source.note;
  return Object.keys(out).length ? out : undefined;
}

/** At most `max` problems, then one line saying how many more there were (a report stays readable). */
export function capProblems(problems: readonly string[], max = 100): string[] {
  if (problems.length <= max) return [...problems];
  return [...problems.slice(0, max), `… and ${problems.length - max} more problems of the same kinds.`];
}

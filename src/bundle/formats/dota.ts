// DOTA v1 oriented boxes: one text file per image, one line per box,
//   x1 y1 x2 y2 x3 y3 x4 y4 category difficult
// with the four TRUE corners of the rotated box, clockwise on screen (y down) from the top-left
// of the unrotated box (https://captain-whu.github.io/DOTA/dataset.html). This is the one
// interchange format that keeps rotation, so write and read must be exact inverses (issue 4, 5).
import { boxCorners, imagePoint, normalizeRotation } from '../../model/geometry';
import type { BoxGeometry } from '../../model/geometry';
import { decimal, oversizeProblem } from './types';
import type { FormatImage, ReadResult } from './types';

/**
 * Nine decimals: 6 would move a corner by up to 5e-7 px, which for a 10 px box turns the
 * recovered rotation by ~6e-6 degrees; 9 keeps a write/read round trip within 1e-6.
 */
const PLACES = 9;

/** Corners that miss a true rectangle by more than this are still read, with a problem noted. */
const RECTANGLE_TOLERANCE_PX = 1;

/**
 * DOTA categories are single tokens ("large-vehicle"), so whitespace in a label becomes '-':
 * "container stack" is written "container-stack". `readDota` maps it back when the case has
 * that label.
 */
export function dotaCategory(label: string): string {
  return label.trim().replace(/\s+/g, '-') || 'unlabelled';
}

export function writeDota(image: FormatImage): string {
  // No imagesource:/gsd: header: both are optional in DOTA v1 and the devkit skips short lines.
  return image.boxes
    .map((box) => {
      const coords = boxCorners(box.geometry).flatMap((p) => [decimal(p.x, PLACES), decimal(p.y, PLACES)]);
      return `${coords.join(' ')} ${dotaCategory(box.label)} 0\n`;
    })
    .join('');
}

export interface CornerFit {
  geometry: BoxGeometry;
  /** Largest distance, in pixels, between a given corner and the fitted box's corner. */
  deviation: number;
}

/**
 * The box whose corners (clockwise from its unrotated top-left) are `corners`: centre = mean of
 * the corners, width = |p1 - p0|, height = |p3 - p0|, rotation = direction of p1 - p0. Exact for
 * a rectangle. Corners listed anticlockwise are turned round first, so p0 stays the top-left.
 * Returns null when the corners enclose no area.
 */
export function boxFromCorners(corners: readonly { x: number; y: number }[]): CornerFit | null {
  const [p0, q1, p2, q3] = corners;
  if (!p0 || !q1 || !p2 || !q3) return null;
  const cross = (q1.x - p0.x) * (q3.y - p0.y) - (q1.y - p0.y) * (q3.x - p0.x);
  // With y pointing down, clockwise on screen means a positive cross product of the two edges.
  const [p1, p3] = cross < 0 ? [q3, q1] : [q1, q3];
  const width = Math.hypot(p1.x - p0.x, p1.y - p0.y);
  const height = Math.hypot(p3.x - p0.x, p3.y - p0.y);
  if (!(width > 0 && height > 0) || cross === 0) return null;
  const cx = (p0.x + p1.x + p2.x + p3.x) / 4;
  const cy = (p0.y + p1.y + p2.y + p3.y) / 4;
  const rotation = normalizeRotation((Math.atan2(p1.y - p0.y, p1.x - p0.x) * 180) / Math.PI);
  const geometry: BoxGeometry = { x: cx - width / 2, y: cy - height / 2, width, height, rotation };
  const fitted = boxCorners(geometry);
  const deviation = Math.max(...[p0, p1, p2, p3].map((g, i) => (fitted[i] ? Math.hypot(fitted[i].x - g.x, fitted[i].y - g.y) : Infinity)));
  return { geometry, deviation };
}

/** The case's label a DOTA category stands for: itself, or the label it was written from. */
function labelFor(category: string, labels: readonly string[] | undefined): string {
  if (!labels || labels.includes(category)) return category;
  return labels.find((l) => dotaCategory(l) === category) ?? category;
}

/**
 * Reads one DOTA v1 file for the image `fileName`. `labels` (the case's label names) lets
 * "container-stack" come back as "container stack". The `difficult` flag is accepted and ignored.
 */
export function readDota(text: string, fileName: string, labels?: readonly string[]): ReadResult {
  const oversize = oversizeProblem(text, 'DOTA file');
  if (oversize) return { images: [], problems: [oversize] };
  const boxes: ReadResult['images'][number]['boxes'] = [];
  const problems: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const at = `${fileName}, line ${index + 1}`;
    if (line === '' || /^(imagesource|gsd)\s*:/i.test(line)) return;
    const fields = line.split(/\s+/);
    if (fields.length !== 9 && fields.length !== 10) {
      problems.push(`${at}: expected 8 corner coordinates, a category and a difficult flag, found ${fields.length} fields; the line was skipped.`);
      return;
    }
    const numbers = fields.slice(0, 8).map(Number);
    const bad = fields.slice(0, 8).find((f, i) => f === '' || !Number.isFinite(numbers[i]));
    if (bad !== undefined) {
      problems.push(`${at}: "${bad}" is not a number; the line was skipped.`);
      return;
    }
    const corners = [0, 2, 4, 6].map((i) => imagePoint(numbers[i] ?? NaN, numbers[i + 1] ?? NaN));
    const fit = boxFromCorners(corners);
    if (!fit) {
      problems.push(`${at}: the four corners enclose no area; the line was skipped.`);
      return;
    }
    if (fit.deviation > RECTANGLE_TOLERANCE_PX) {
      problems.push(
        `${at}: the corners are not a rectangle (off by up to ${decimal(fit.deviation, 1)} px); it was read as a rotated box that approximates it.`,
      );
    }
    boxes.push({ label: labelFor(fields[8] ?? '', labels), geometry: fit.geometry });
  });
  return { images: [{ fileName, boxes }], problems };
}

// Overlap of two boxes as IoU (intersection over union), exact for rotated boxes: the reviewer's
// matching (issue #5) must not call two turned ships "different" just because their axis-aligned
// bounds differ.
import { boxBounds, boxCenter, boxCorners, imagePoint, rectsOverlap, type BoxGeometry, type ImagePoint, type Rect } from '../geometry';

export type Polygon = readonly ImagePoint[];

function signedArea(polygon: Polygon): number {
  let twice = 0;
  for (let i = 0; i < polygon.length; i += 1) {
    const p = polygon[i]!;
    const q = polygon[(i + 1) % polygon.length]!;
    twice += p.x * q.y - q.x * p.y;
  }
  return twice / 2;
}

/** Shoelace area of a simple polygon, whichever way round its vertices go. */
export function polygonArea(polygon: Polygon): number {
  return Math.abs(signedArea(polygon));
}

/**
 * Area shared by a polygon and a convex polygon (Sutherland–Hodgman: clip the subject by each
 * edge of `clip` in turn, then take the shoelace area of what is left). Either winding works.
 */
export function convexIntersectionArea(subject: Polygon, clip: Polygon): number {
  const winding = Math.sign(signedArea(clip));
  if (winding === 0 || subject.length < 3) return 0;
  let kept: ImagePoint[] = [...subject];
  for (let e = 0; e < clip.length && kept.length > 0; e += 1) {
    const from = clip[e]!;
    const to = clip[(e + 1) % clip.length]!;
    // >= 0 on the inside of this edge (or on it).
    const side = (p: ImagePoint) => winding * ((to.x - from.x) * (p.y - from.y) - (to.y - from.y) * (p.x - from.x));
    const input = kept;
    kept = [];
    for (let k = 0; k < input.length; k += 1) {
      const current = input[k]!;
      const previous = input[(k + input.length - 1) % input.length]!;
      const sc = side(current);
      const sp = side(previous);
      if (sc >= 0) {
        if (sp < 0) kept.push(crossing(previous, current, sp, sc));
        kept.push(current);
      } else if (sp >= 0) {
        kept.push(crossing(previous, current, sp, sc));
      }
    }
  }
  return kept.length < 3 ? 0 : polygonArea(kept);
}

function crossing(p: ImagePoint, q: ImagePoint, sp: number, sq: number): ImagePoint {
  const t = sp / (sp - sq);
  return imagePoint(p.x + t * (q.x - p.x), p.y + t * (q.y - p.y));
}

/**
 * The outline of a box turned by a multiple of 90°, computed without trigonometry so that a box
 * and the same box turned a quarter with its sides swapped compare as exactly equal; null for
 * any other angle.
 */
function rightAngleRect(box: BoxGeometry): Rect | null {
  const quarterTurns = box.rotation / 90;
  if (!Number.isInteger(quarterTurns)) return null;
  if (quarterTurns % 2 === 0) return { minX: box.x, minY: box.y, maxX: box.x + box.width, maxY: box.y + box.height };
  const c = boxCenter(box);
  return { minX: c.x - box.height / 2, minY: c.y - box.width / 2, maxX: c.x + box.height / 2, maxY: c.y + box.width / 2 };
}

function rectOverlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.maxX, b.maxX) - Math.max(a.minX, b.minX);
  const h = Math.min(a.maxY, b.maxY) - Math.max(a.minY, b.minY);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Area of the intersection of two boxes, exact for any rotation. */
export function boxIntersectionArea(a: BoxGeometry, b: BoxGeometry): number {
  const ra = rightAngleRect(a);
  const rb = rightAngleRect(b);
  if (ra && rb) return rectOverlapArea(ra, rb);
  if (!rectsOverlap(ra ?? boxBounds(a), rb ?? boxBounds(b))) return 0;
  return convexIntersectionArea(boxCorners(a), boxCorners(b));
}

/** Intersection over union of two boxes, in [0, 1]; 0 when either box has no area. */
export function boxIoU(a: BoxGeometry, b: BoxGeometry): number {
  const areaA = a.width * a.height;
  const areaB = b.width * b.height;
  if (!(areaA > 0 && areaB > 0)) return 0;
  const shared = boxIntersectionArea(a, b);
  if (shared <= 0) return 0;
  return Math.min(1, shared / (areaA + areaB - shared));
}

// Box geometry in image pixels (origin top-left, x right, y down). Rotation is in degrees,
// clockwise on screen, about the box centre. Screen and image points are branded so that a
// point in one space cannot be stored as the other by mistake (STYLE.md 3).

declare const imageSpace: unique symbol;
declare const screenSpace: unique symbol;
export type ImagePoint = { readonly x: number; readonly y: number; readonly [imageSpace]: true };
export type ScreenPoint = { readonly x: number; readonly y: number; readonly [screenSpace]: true };

export const imagePoint = (x: number, y: number) => ({ x, y }) as ImagePoint;
export const screenPoint = (x: number, y: number) => ({ x, y }) as ScreenPoint;

export interface BoxGeometry {
  /** Top-left corner of the unrotated box. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Degrees, clockwise, about the centre; normalised to (-180, 180]. */
  rotation: number;
}

/** An axis-aligned rectangle in image pixels. */
export interface Rect {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export const MIN_BOX_SIZE = 1;

export function boxCenter(box: BoxGeometry): ImagePoint {
  return imagePoint(box.x + box.width / 2, box.y + box.height / 2);
}

export function normalizeRotation(degrees: number): number {
  const r = ((((degrees + 180) % 360) + 360) % 360) - 180;
  return r === -180 ? 180 : Object.is(r, -0) ? 0 : r;
}

/** The four corners, clockwise from the unrotated top-left. */
export function boxCorners(box: BoxGeometry): [ImagePoint, ImagePoint, ImagePoint, ImagePoint] {
  const c = boxCenter(box);
  const hw = box.width / 2;
  const hh = box.height / 2;
  const rad = (box.rotation * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const at = (dx: number, dy: number) => imagePoint(c.x + dx * cos - dy * sin, c.y + dx * sin + dy * cos);
  return [at(-hw, -hh), at(hw, -hh), at(hw, hh), at(-hw, hh)];
}

export function boxBounds(box: BoxGeometry): Rect {
  if (box.rotation === 0) {
    return { minX: box.x, minY: box.y, maxX: box.x + box.width, maxY: box.y + box.height };
  }
  const corners = boxCorners(box);
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
}

/** Whether an image point lies inside the (possibly rotated) box, edges included. */
export function boxContains(box: BoxGeometry, p: ImagePoint): boolean {
  const c = boxCenter(box);
  const rad = (-box.rotation * Math.PI) / 180;
  const dx = p.x - c.x;
  const dy = p.y - c.y;
  const lx = dx * Math.cos(rad) - dy * Math.sin(rad);
  const ly = dx * Math.sin(rad) + dy * Math.cos(rad);
  return Math.abs(lx) <= box.width / 2 + 1e-9 && Math.abs(ly) <= box.height / 2 + 1e-9;
}

export function rectFromPoints(a: ImagePoint, b: ImagePoint): Rect {
  return { minX: Math.min(a.x, b.x), minY: Math.min(a.y, b.y), maxX: Math.max(a.x, b.x), maxY: Math.max(a.y, b.y) };
}

export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}

/**
 * Whether the rotated box and an axis-aligned rectangle overlap (separating axis test over
 * the rectangle's axes and the box's two axes).
 */
export function boxIntersectsRect(box: BoxGeometry, rect: Rect): boolean {
  if (!rectsOverlap(boxBounds(box), rect)) return false;
  if (box.rotation === 0) return true;
  const corners = boxCorners(box);
  const rectCorners = [
    imagePoint(rect.minX, rect.minY),
    imagePoint(rect.maxX, rect.minY),
    imagePoint(rect.maxX, rect.maxY),
    imagePoint(rect.minX, rect.maxY),
  ];
  const axes = [
    { x: corners[1].x - corners[0].x, y: corners[1].y - corners[0].y },
    { x: corners[3].x - corners[0].x, y: corners[3].y - corners[0].y },
  ];
  return axes.every((axis) => {
    const project = (pts: readonly ImagePoint[]) => pts.map((p) => p.x * axis.x + p.y * axis.y);
    const a = project(corners);
    const b = project(rectCorners);
    return Math.max(...a) >= Math.min(...b) && Math.max(...b) >= Math.min(...a);
  });
}

/** A box drawn by dragging from `a` to `b`, or null when it is too small to be deliberate. */
export function boxFromDrag(a: ImagePoint, b: ImagePoint, bounds: { width: number; height: number }): BoxGeometry | null {
  const r = clampRect(rectFromPoints(a, b), bounds);
  const width = r.maxX - r.minX;
  const height = r.maxY - r.minY;
  if (width < MIN_BOX_SIZE || height < MIN_BOX_SIZE) return null;
  return { x: r.minX, y: r.minY, width, height, rotation: 0 };
}

export function clampRect(r: Rect, bounds: { width: number; height: number }): Rect {
  const cx = (v: number) => Math.min(Math.max(v, 0), bounds.width);
  const cy = (v: number) => Math.min(Math.max(v, 0), bounds.height);
  return { minX: cx(r.minX), minY: cy(r.minY), maxX: cx(r.maxX), maxY: cy(r.maxY) };
}

export function translateBox(box: BoxGeometry, dx: number, dy: number): BoxGeometry {
  return { ...box, x: box.x + dx, y: box.y + dy };
}

/**
 * Moves a box by (dx, dy) but no further than keeps its centre inside the image, so that
 * nudging or pasting can never lose a box off the edge.
 */
export function translateWithin(box: BoxGeometry, dx: number, dy: number, bounds: { width: number; height: number }): BoxGeometry {
  const c = boxCenter(box);
  const nx = Math.min(Math.max(c.x + dx, 0), bounds.width);
  const ny = Math.min(Math.max(c.y + dy, 0), bounds.height);
  return translateBox(box, nx - c.x, ny - c.y);
}

/** Geometry from a centre, size and rotation (what the canvas's rotated nodes report). */
export function boxFromCenter(center: ImagePoint, width: number, height: number, rotation: number): BoxGeometry {
  return {
    x: center.x - width / 2,
    y: center.y - height / 2,
    width: Math.max(width, MIN_BOX_SIZE),
    height: Math.max(height, MIN_BOX_SIZE),
    rotation: normalizeRotation(rotation),
  };
}

export function boxArea(box: BoxGeometry): number {
  return box.width * box.height;
}

/** Rounds to 1/100 px so stored numbers stay readable and comparisons stable. */
export function roundGeometry(box: BoxGeometry): BoxGeometry {
  const r = (v: number) => Math.round(v * 100) / 100 || 0; // || 0 turns -0 into 0
  return { x: r(box.x), y: r(box.y), width: r(box.width), height: r(box.height), rotation: r(normalizeRotation(box.rotation)) };
}

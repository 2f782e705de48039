import { describe, expect, it } from 'vitest';
import {
  boxBounds,
  boxContains,
  boxCorners,
  boxFromCenter,
  boxFromDrag,
  boxIntersectsRect,
  imagePoint,
  normalizeRotation,
  roundGeometry,
  translateWithin,
} from '../../../src/model/geometry';

const near = (a: number, b: number) => expect(a).toBeCloseTo(b, 9);

describe('box corners and bounds', () => {
  it('gives the plain corners of an unrotated box', () => {
    const c = boxCorners({ x: 10, y: 20, width: 30, height: 40, rotation: 0 });
    expect(c.map((p) => [p.x, p.y])).toEqual([
      [10, 20],
      [40, 20],
      [40, 60],
      [10, 60],
    ]);
  });

  it('rotates about the centre, clockwise on screen (y down)', () => {
    // A 20x10 box centred on (50, 50) turned 90°: its top-left corner goes to the top-right.
    const [tl, tr] = boxCorners({ x: 40, y: 45, width: 20, height: 10, rotation: 90 });
    near(tl.x, 55);
    near(tl.y, 40);
    near(tr.x, 55);
    near(tr.y, 60);
  });

  it('bounds a rotated box by its turned corners', () => {
    const b = boxBounds({ x: 0, y: 0, width: 20, height: 20, rotation: 45 });
    const half = Math.SQRT2 * 10;
    near(b.minX, 10 - half);
    near(b.maxX, 10 + half);
    near(b.minY, 10 - half);
  });
});

describe('containment and intersection', () => {
  const rotated = { x: 0, y: 0, width: 20, height: 20, rotation: 45 };

  it('tests points against the rotated outline, not the bounds', () => {
    expect(boxContains(rotated, imagePoint(10, 10))).toBe(true);
    expect(boxContains(rotated, imagePoint(10, -3))).toBe(true); // top tip at y ≈ -4.14
    expect(boxContains(rotated, imagePoint(0, 0))).toBe(false); // a corner of the bounds only
  });

  it('finds rectangles touching the rotated box and rejects those only touching its bounds', () => {
    expect(boxIntersectsRect(rotated, { minX: 8, minY: 8, maxX: 12, maxY: 12 })).toBe(true);
    expect(boxIntersectsRect(rotated, { minX: -5, minY: -5, maxX: -1, maxY: -1 })).toBe(false);
    expect(boxIntersectsRect(rotated, { minX: 100, minY: 100, maxX: 120, maxY: 120 })).toBe(false);
  });
});

describe('drawing and moving', () => {
  const bounds = { width: 100, height: 80 };

  it('makes a box from a drag in any direction, clamped to the image', () => {
    expect(boxFromDrag(imagePoint(90, 70), imagePoint(120, -10), bounds)).toEqual({ x: 90, y: 0, width: 10, height: 70, rotation: 0 });
  });

  it('refuses a drag too small to be a box', () => {
    expect(boxFromDrag(imagePoint(5, 5), imagePoint(5.5, 30), bounds)).toBeNull();
  });

  it('keeps a moved box centre inside the image', () => {
    const moved = translateWithin({ x: 80, y: 10, width: 10, height: 10, rotation: 0 }, 50, 0, bounds);
    expect(moved.x + moved.width / 2).toBe(100);
  });

  it('builds geometry from a centre and normalises rotation', () => {
    expect(boxFromCenter(imagePoint(50, 50), 20, 10, 270)).toEqual({ x: 40, y: 45, width: 20, height: 10, rotation: -90 });
    expect(normalizeRotation(180)).toBe(180);
    expect(normalizeRotation(-180)).toBe(180);
    expect(normalizeRotation(725)).toBe(5);
  });

  it('rounds to hundredths of a pixel', () => {
    expect(roundGeometry({ x: 1.23456, y: 2.5, width: 3.009, height: 4, rotation: 359.996 })).toEqual({ x: 1.23, y: 2.5, width: 3.01, height: 4, rotation: 0 });
  });
});

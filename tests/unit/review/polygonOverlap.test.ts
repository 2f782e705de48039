import { describe, expect, test } from 'vitest';
import { imagePoint, type BoxGeometry } from '../../../src/model/geometry';
import { boxIntersectionArea, boxIoU, convexIntersectionArea, polygonArea } from '../../../src/model/review/polygonOverlap';

const box = (x: number, y: number, width: number, height: number, rotation = 0): BoxGeometry => ({ x, y, width, height, rotation });
const square = (x0: number, y0: number, side: number) => [
  imagePoint(x0, y0),
  imagePoint(x0 + side, y0),
  imagePoint(x0 + side, y0 + side),
  imagePoint(x0, y0 + side),
];

describe('polygon areas', () => {
  test('shoelace area, either winding', () => {
    expect(polygonArea(square(0, 0, 3))).toBe(9);
    expect(polygonArea([...square(0, 0, 3)].reverse())).toBe(9);
    expect(polygonArea([imagePoint(0, 0), imagePoint(4, 0), imagePoint(0, 3)])).toBe(6);
  });

  test('intersection of two convex polygons, either winding of the clip', () => {
    // [0,4]² and [2,6]×[1,5] share [2,4]×[1,4]: 2 × 3 = 6.
    const p = square(0, 0, 4);
    const q = [imagePoint(2, 1), imagePoint(6, 1), imagePoint(6, 5), imagePoint(2, 5)];
    expect(convexIntersectionArea(p, q)).toBeCloseTo(6, 12);
    expect(convexIntersectionArea(p, [...q].reverse())).toBeCloseTo(6, 12);
    expect(convexIntersectionArea(q, p)).toBeCloseTo(6, 12);
  });

  test('disjoint or degenerate polygons share nothing', () => {
    expect(convexIntersectionArea(square(0, 0, 1), square(5, 5, 1))).toBe(0);
    expect(convexIntersectionArea(square(0, 0, 1), [imagePoint(0, 0), imagePoint(1, 1)])).toBe(0);
  });
});

describe('boxIoU', () => {
  test('two overlapping axis-aligned boxes, by hand', () => {
    // Overlap 5 × 5 = 25; union 100 + 100 − 25 = 175.
    expect(boxIoU(box(0, 0, 10, 10), box(5, 5, 10, 10))).toBeCloseTo(1 / 7, 15);
    // Overlap 8 × 10 = 80; union 120.
    expect(boxIoU(box(0, 0, 10, 10), box(2, 0, 10, 10))).toBeCloseTo(2 / 3, 15);
    // One inside the other: 25 / 100.
    expect(boxIoU(box(0, 0, 10, 10), box(2, 2, 5, 5))).toBe(0.25);
  });

  test('boxes that only touch, or are apart, or have no area, have IoU 0', () => {
    expect(boxIoU(box(0, 0, 10, 10), box(10, 0, 10, 10))).toBe(0);
    expect(boxIoU(box(0, 0, 10, 10), box(50, 50, 10, 10))).toBe(0);
    expect(boxIoU(box(0, 0, 10, 10), box(0, 0, 0, 10))).toBe(0);
    expect(boxIoU(box(0, 0, 10, 10, 30), box(500, 500, 10, 10, 30))).toBe(0);
  });

  test('a box turned 90° about its centre is exactly the same box with its sides swapped', () => {
    // 20 × 10 centred on (10, 5), turned a quarter: 10 wide, 20 tall, same centre.
    const swapped = box(5, -5, 10, 20);
    expect(boxIoU(box(0, 0, 20, 10, 90), swapped)).toBe(1);
    expect(boxIoU(box(0, 0, 20, 10, -90), swapped)).toBe(1);
    expect(boxIoU(box(0, 0, 20, 10, 180), box(0, 0, 20, 10))).toBe(1);
    // And at any angle, w × h at θ is h × w at θ + 90°.
    expect(boxIoU(box(0, 0, 20, 10, 30), box(5, -5, 10, 20, 120))).toBeCloseTo(1, 12);
  });

  test('a square turned 45° over the same square: a regular octagon', () => {
    // Two squares of side 20 about one centre; the octagon's apothem is 10, its area
    // 8 · tan(22.5°) · 10² = 800(√2 − 1); IoU = 800(√2 − 1) / (800 − 800(√2 − 1)) = 1/√2.
    const upright = box(40, 40, 20, 20);
    const turned = box(40, 40, 20, 20, 45);
    expect(boxIntersectionArea(upright, turned)).toBeCloseTo(800 * (Math.SQRT2 - 1), 10);
    expect(boxIoU(upright, turned)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(boxIoU(turned, upright)).toBeCloseTo(Math.SQRT1_2, 12);
  });

  test('a diamond containing a small upright square', () => {
    // Side 20 at 45° reaches |dx| + |dy| <= 10√2 ≈ 14.1 from the centre; the 10 × 10 square's
    // corners are at 5 + 5 = 10, so it lies inside: IoU = 100 / 400.
    expect(boxIoU(box(40, 40, 20, 20, 45), box(45, 45, 10, 10))).toBeCloseTo(0.25, 12);
  });

  test('two turned boxes offset along their own axis', () => {
    // Both 10 × 10 at 45°, the second moved 5 along the boxes' x axis: overlap 5 × 10 = 50,
    // union 150.
    const step = 5 * Math.SQRT1_2;
    expect(boxIoU(box(0, 0, 10, 10, 45), box(step, step, 10, 10, 45))).toBeCloseTo(1 / 3, 12);
  });
});

import { describe, expect, test } from 'vitest';
import type { BoxGeometry } from '../../../src/model/geometry';
import { listDifferences } from '../../../src/model/review/differences';
import { matchBoxes, type ReviewBox } from '../../../src/model/review/matchBoxes';

const geometry = (x: number, y: number, width = 10, height = 10, rotation = 0): BoxGeometry => ({ x, y, width, height, rotation });
const box = (id: string, label: string, g: BoxGeometry): ReviewBox => ({ id, label, geometry: g });

const a = [
  box('a-late', 'ship', geometry(0, 300)),
  box('a-good', 'ship', geometry(600, 0)),
  box('a-low-2', 'ship', geometry(400, 0)),
  box('a-early', 'container', geometry(0, 100)),
  box('a-renamed', 'ship', geometry(200, 0)),
  box('a-low-1', 'ship', geometry(300, 0)),
];
const b = [
  box('b-low-1', 'ship', geometry(302.5, 0)), // overlap 75, union 125: IoU 0.6
  box('b-extra', 'ship', geometry(500, 500)),
  box('b-renamed', 'tug', geometry(200, 0)),
  box('b-good', 'ship', geometry(600.5, 0)), // IoU 95 / 105
  box('b-low-2', 'ship', geometry(402, 0)), // IoU 80 / 120
];

const summary = (list: ReturnType<typeof listDifferences>) => list.map((d) => [d.kind, d.aId, d.bId]);

describe('listDifferences', () => {
  test('most severe first: A-only, B-only, label mismatch, low IoU', () => {
    const list = listDifferences(a, b, matchBoxes(a, b));
    expect(summary(list)).toEqual([
      ['a-only', 'a-early', null],
      ['a-only', 'a-late', null],
      ['b-only', null, 'b-extra'],
      ['label-mismatch', 'a-renamed', 'b-renamed'],
      ['low-iou', 'a-low-1', 'b-low-1'],
      ['low-iou', 'a-low-2', 'b-low-2'],
    ]);
    expect(list[3]).toMatchObject({ aLabel: 'ship', bLabel: 'tug', iou: 1 });
    expect(list[4]!.iou).toBeCloseTo(0.6, 12);
  });

  test('each difference carries the rectangle to centre the view on', () => {
    const list = listDifferences(a, b, matchBoxes(a, b));
    expect(list[0]!.bounds).toEqual({ minX: 0, minY: 100, maxX: 10, maxY: 110 });
    expect(list[4]!.bounds).toEqual({ minX: 300, minY: 0, maxX: 312.5, maxY: 10 });
    const turned = [box('t', 'ship', geometry(0, 0, 20, 10, 90))];
    expect(listDifferences(turned, [], matchBoxes(turned, []))[0]!.bounds).toMatchObject({
      minX: expect.closeTo(5, 9),
      minY: expect.closeTo(-5, 9),
      maxX: expect.closeTo(15, 9),
      maxY: expect.closeTo(15, 9),
    });
  });

  test('the low-IoU level is adjustable', () => {
    const result = matchBoxes(a, b);
    expect(listDifferences(a, b, result, { lowIoU: 0.65 }).filter((d) => d.kind === 'low-iou').map((d) => d.aId)).toEqual(['a-low-1']);
    expect(listDifferences(a, b, result, { lowIoU: 0 }).filter((d) => d.kind === 'low-iou')).toEqual([]);
    expect(() => listDifferences(a, b, result, { lowIoU: 1.2 })).toThrow(/low-IoU level must be between 0 and 1.*no differences were listed/);
  });

  test('does not depend on the order of the boxes', () => {
    const reversedA = [...a].reverse();
    const reversedB = [...b].reverse();
    expect(listDifferences(reversedA, reversedB, matchBoxes(reversedA, reversedB))).toEqual(listDifferences(a, b, matchBoxes(a, b)));
  });

  test('equal kinds and IoUs fall back to reading order, then ids', () => {
    const only = [box('z', 'ship', geometry(50, 0)), box('y', 'ship', geometry(0, 0)), box('x', 'ship', geometry(0, 0))];
    expect(listDifferences(only, [], matchBoxes(only, [])).map((d) => d.aId)).toEqual(['x', 'y', 'z']);
  });

  test('refuses a match result made from other boxes', () => {
    expect(() => listDifferences([], b, matchBoxes(a, b))).toThrow(/not among side A's boxes/);
  });
});

import { describe, expect, test } from 'vitest';
import type { BoxGeometry } from '../../../src/model/geometry';
import { matchBoxes, type ReviewBox } from '../../../src/model/review/matchBoxes';

const geometry = (x: number, y: number, width: number, height: number, rotation = 0): BoxGeometry => ({ x, y, width, height, rotation });
const box = (id: string, label: string, g: BoxGeometry): ReviewBox => ({ id, label, geometry: g });

describe('matchBoxes', () => {
  test('empty sides', () => {
    expect(matchBoxes([], [])).toEqual({ threshold: 0.5, matches: [], aOnly: [], bOnly: [] });
    const one = [box('s', 'ship', geometry(0, 0, 10, 10))];
    expect(matchBoxes(one, [])).toMatchObject({ matches: [], aOnly: ['s'], bOnly: [] });
    expect(matchBoxes([], one)).toMatchObject({ matches: [], aOnly: [], bOnly: ['s'] });
  });

  test('pairs same labels, then the rest across labels, and leaves the others out', () => {
    const a = [
      box('a-ship', 'ship', geometry(0, 0, 10, 10)),
      box('a-ship-2', 'ship', geometry(100, 100, 20, 10)),
      box('a-container', 'container', geometry(200, 200, 10, 10)),
    ];
    const b = [
      box('b-far', 'container', geometry(500, 500, 10, 10)),
      box('b-tug', 'tug', geometry(105, 95, 10, 20, 90)), // a-ship-2 turned a quarter: IoU 1
      box('b-ship', 'ship', geometry(2, 0, 10, 10)), // IoU 80 / 120
    ];
    const result = matchBoxes(a, b);
    expect(result.matches).toEqual([
      { aId: 'a-ship', bId: 'b-ship', iou: expect.closeTo(2 / 3, 12), aLabel: 'ship', bLabel: 'ship' },
      { aId: 'a-ship-2', bId: 'b-tug', iou: 1, aLabel: 'ship', bLabel: 'tug' },
    ]);
    expect(result.aOnly).toEqual(['a-container']);
    expect(result.bOnly).toEqual(['b-far']);
  });

  test('a same-label pair is preferred to a closer pair with another label', () => {
    const a = [box('a', 'ship', geometry(0, 0, 10, 10))];
    const b = [box('b-tug', 'tug', geometry(0, 0, 10, 10)), box('b-ship', 'ship', geometry(2, 0, 10, 10))];
    const result = matchBoxes(a, b);
    expect(result.matches.map((m) => m.bId)).toEqual(['b-ship']);
    expect(result.bOnly).toEqual(['b-tug']);
  });

  test('the threshold is adjustable and inclusive', () => {
    const a = [box('a', 'ship', geometry(0, 0, 10, 10))];
    const b = [box('b', 'ship', geometry(0, 0, 10, 20))]; // IoU exactly 100 / 200
    expect(matchBoxes(a, b).matches).toHaveLength(1);
    expect(matchBoxes(a, b, { threshold: 0.51 })).toMatchObject({ matches: [], aOnly: ['a'], bOnly: ['b'] });
    // Label-mismatch pairs use the same threshold.
    const tug = [box('b', 'tug', geometry(0, 0, 10, 20))];
    expect(matchBoxes(a, tug, { threshold: 0.51 }).matches).toEqual([]);
  });

  test('rotated boxes are compared by their true outlines', () => {
    // Same 20 × 20 square about one centre, one turned 45°: IoU 1/√2 ≈ 0.707.
    const a = [box('a', 'ship', geometry(40, 40, 20, 20))];
    const b = [box('b', 'ship', geometry(40, 40, 20, 20, 45))];
    expect(matchBoxes(a, b, { threshold: 0.7 }).matches).toHaveLength(1);
    expect(matchBoxes(a, b, { threshold: 0.71 }).matches).toHaveLength(0);
  });

  test('refuses a threshold that is not an IoU above 0', () => {
    for (const threshold of [0, -0.1, 1.5, Number.NaN]) {
      expect(() => matchBoxes([], [], { threshold })).toThrow(/threshold must be an IoU above 0 and at most 1.*nothing was compared/);
    }
  });
});

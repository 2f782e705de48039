import { describe, expect, it } from 'vitest';
import { levelFor, levelScale, MAX_LEVEL_SIDE } from '../../../src/canvas/reducedLevels';

describe('reduced levels', () => {
  const big = { width: 10_000, height: 10_000 };

  it('keeps every level within the largest side allowed', () => {
    expect(levelScale(1 / 4, big)).toBe(1 / 4);
    expect(levelScale(1 / 4, { width: 20_000, height: 12_500 })).toBeCloseTo(MAX_LEVEL_SIDE / 20_000);
    expect(levelScale(1 / 4, { width: 60_000, height: 1000 }) * 60_000).toBeLessThanOrEqual(MAX_LEVEL_SIDE);
  });

  it('picks the coarsest level that is sharp enough, or none', () => {
    // Fitted into about 1,000 screen pixels: 0.1 screen px per image px.
    expect(levelFor(0.1, big, 1)).toBe(1 / 8);
    expect(levelFor(0.06, big, 1)).toBe(1 / 16);
    // Allowed to magnify 1.5 times, the 1/16 level serves up to 0.09375.
    expect(levelFor(0.09, big, 1.5)).toBe(1 / 16);
    expect(levelFor(0.1, big, 1.5)).toBe(1 / 8);
    expect(levelFor(0.3, big, 1.5)).toBe(1 / 4);
    // The half level of a 10,000-px picture is held to 4,096 px.
    expect(levelFor(0.3, big, 1)).toBe(MAX_LEVEL_SIDE / 10_000);
    expect(levelFor(0.45, big, 1)).toBeNull();
  });

  it('draws the picture itself past half size', () => {
    expect(levelFor(0.01, { width: 300, height: 200 }, 1)).toBe(1 / 16);
    expect(levelFor(0.2, { width: 2000, height: 2000 }, 1)).toBe(1 / 4);
    expect(levelFor(0.5, { width: 2000, height: 2000 }, 1)).toBe(1 / 2);
    expect(levelFor(0.51, { width: 2000, height: 2000 }, 1)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { allTiles, levelForView, levelSize, pyramidLevels, tilePlace, tilesIn, TILE_SIDE } from '../../../src/model/tilePyramid';

const HUNDRED_MP = { width: 10_000, height: 10_000 };

describe('tile pyramid', () => {
  it('keeps the levels finer than the preview, and none for an image drawn whole', () => {
    // Preview 2048 px: a scale of 0.2048, so 1, 1/2 and 1/4 are finer; 1/8 is not.
    expect(pyramidLevels(HUNDRED_MP)).toBe(3);
    expect(pyramidLevels({ width: 3000, height: 2000 })).toBe(1);
    expect(pyramidLevels({ width: 4097, height: 100 })).toBe(2);
    expect(pyramidLevels({ width: 2048, height: 2048 })).toBe(0);
  });

  it('cuts each level into tiles that cover it exactly, the last ones smaller', () => {
    expect(levelSize(HUNDRED_MP, 2)).toEqual({ width: 2500, height: 2500 });
    const tiles = allTiles(HUNDRED_MP);
    expect(tiles.map((t) => t.level).filter((l, i, all) => all.indexOf(l) === i)).toEqual([2, 1, 0]);
    expect(tiles).toHaveLength(9 + 25 + 100);
    for (let level = 0; level < 3; level++) {
      const size = levelSize(HUNDRED_MP, level);
      const area = tiles.filter((t) => t.level === level).reduce((sum, t) => sum + t.pixels.width * t.pixels.height, 0);
      expect(area).toBe(size.width * size.height);
    }
    expect(tilePlace(HUNDRED_MP, { level: 2, col: 2, row: 0 })).toEqual({
      level: 2, col: 2, row: 0,
      image: { minX: 8192, minY: 0, maxX: 10_000, maxY: 4096 },
      pixels: { width: 2500 - 2 * TILE_SIDE, height: TILE_SIDE },
    });
  });

  it('finds the tiles a view meets, and none outside the image', () => {
    const keys = (level: number, r: { minX: number; minY: number; maxX: number; maxY: number }) => tilesIn(HUNDRED_MP, level, r).map((t) => `${t.col},${t.row}`);
    expect(keys(0, { minX: 100, minY: 1100, maxX: 200, maxY: 1200 })).toEqual(['0,1']);
    expect(keys(0, { minX: 1000, minY: 1000, maxX: 1100, maxY: 1100 })).toEqual(['0,0', '1,0', '0,1', '1,1']);
    expect(keys(1, { minX: -500, minY: -500, maxX: 2048, maxY: 10 })).toEqual(['0,0']);
    expect(keys(0, { minX: 9990, minY: 9990, maxX: 12_000, maxY: 12_000 })).toEqual(['9,9']);
    expect(keys(0, { minX: 10_500, minY: 0, maxX: 11_000, maxY: 100 })).toEqual([]);
  });

  it('draws from the coarsest level not magnified on screen, or from the preview when it is fine enough', () => {
    expect(levelForView(HUNDRED_MP, 0.2)).toBeNull();
    expect(levelForView(HUNDRED_MP, 0.22)).toBe(2);
    expect(levelForView(HUNDRED_MP, 0.25)).toBe(2);
    expect(levelForView(HUNDRED_MP, 0.3)).toBe(1);
    expect(levelForView(HUNDRED_MP, 0.5)).toBe(1);
    expect(levelForView(HUNDRED_MP, 0.51)).toBe(0);
    expect(levelForView(HUNDRED_MP, 4)).toBe(0);
    expect(levelForView({ width: 1000, height: 800 }, 4)).toBeNull();
  });
});

import Flatbush from 'flatbush';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BoxIndex, MAX_UNINDEXED } from '../../../src/canvas/boxIndex';
import { imagePoint } from '../../../src/model/geometry';
import type { Annotation } from '../../../src/model/records';

const box = (id: string, x: number, y: number, width: number, height: number, rotation = 0): Annotation => ({
  id, imageId: 'i', caseId: 'c', label: 'ship', geometry: { x, y, width, height, rotation }, attributes: {},
  author: 'a', createdAt: '', updatedAt: '', revision: 1,
});

describe('box index', () => {
  const big = box('big', 0, 0, 100, 100);
  const small = box('small', 40, 40, 10, 10);
  const turned = box('turned', 200, 0, 20, 20, 45);
  const index = new BoxIndex([big, small, turned]);

  it('hits the smallest box under the point first', () => {
    expect(index.at(imagePoint(45, 45)).map((b) => b.id)).toEqual(['small', 'big']);
    expect(index.at(imagePoint(5, 5)).map((b) => b.id)).toEqual(['big']);
  });

  it('hits rotated boxes by their outline, not their bounds', () => {
    expect(index.at(imagePoint(210, 10)).map((b) => b.id)).toEqual(['turned']);
    expect(index.at(imagePoint(197, -3))).toEqual([]);
  });

  it('selects by rectangle', () => {
    expect(index.intersecting({ minX: 35, minY: 35, maxX: 60, maxY: 60 }).map((b) => b.id).sort()).toEqual(['big', 'small']);
    expect(index.intersecting({ minX: 150, minY: 0, maxX: 160, maxY: 10 })).toEqual([]);
  });

  it('copes with no boxes', () => {
    expect(new BoxIndex([]).at(imagePoint(1, 1))).toEqual([]);
  });
});

describe('box index after edits', () => {
  const grid = Array.from({ length: 100 }, (_, i) => box(`g${i}`, (i % 10) * 20, Math.floor(i / 10) * 20, 10, 10));
  const ids = (found: readonly Annotation[]) => found.map((b) => b.id).sort();
  afterEach(() => vi.restoreAllMocks());

  it('finds boxes added since its tree was built, without building it again', () => {
    const finish = vi.spyOn(Flatbush.prototype, 'finish');
    const first = new BoxIndex(grid);
    const added = first.next([...grid, box('new', 5, 5, 30, 30)]);
    expect(finish).toHaveBeenCalledTimes(1);
    expect(ids(added.at(imagePoint(6, 6)))).toEqual(['g0', 'new']);
    expect(ids(added.intersecting({ minX: 32, minY: 32, maxX: 33, maxY: 33 }))).toEqual(['new']);
  });

  it('builds its tree again when a box changed, went, or too many were added', () => {
    const finish = vi.spyOn(Flatbush.prototype, 'finish');
    const first = new BoxIndex(grid);
    const moved = first.next(grid.map((b, i) => (i === 0 ? box('g0', 500, 500, 10, 10) : b)));
    expect(moved.at(imagePoint(5, 5))).toEqual([]);
    expect(ids(moved.at(imagePoint(505, 505)))).toEqual(['g0']);
    const fewer = first.next(grid.slice(1));
    expect(fewer.at(imagePoint(5, 5))).toEqual([]);
    const many = Array.from({ length: MAX_UNINDEXED + 1 }, (_, i) => box(`m${i}`, 1000 + i, 1000, 1, 1));
    const grown = first.next([...grid, ...many]);
    expect(ids(grown.inBounds({ minX: 1000, minY: 1000, maxX: 1000.5, maxY: 1001 }))).toEqual(['m0']);
    expect(finish).toHaveBeenCalledTimes(4);
  });
});

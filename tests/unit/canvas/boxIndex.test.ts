import { describe, expect, it } from 'vitest';
import { BoxIndex } from '../../../src/canvas/boxIndex';
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

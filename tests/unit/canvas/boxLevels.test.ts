// @vitest-environment jsdom
import 'vitest-canvas-mock';
import { describe, expect, it, vi } from 'vitest';
import { BoxLevels, MIN_BOXES_FOR_LEVELS } from '../../../src/canvas/boxLevels';
import { drawBoxes, NO_MARKS } from '../../../src/canvas/drawBoxes';
import { DEFAULT_LABELS } from '../../../src/model/labels';
import type { Annotation } from '../../../src/model/records';

vi.mock('../../../src/canvas/drawBoxes', async (original) => ({ ...(await original<object>()), drawBoxes: vi.fn() }));

const picture = { width: 20_000, height: 10_000 };
const box = (i: number, revision = 1): Annotation =>
  ({ id: `b${i}`, imageId: 'img', caseId: 'c', label: 'ship', author: 'ana', geometry: { x: i, y: i, width: 10, height: 10, rotation: 0 }, attributes: {}, createdAt: '', updatedAt: '', revision }) as Annotation;
const boxes = (n: number) => Array.from({ length: n }, (_, i) => box(i));
/** How many boxes each drawBoxes call since the last check drew. */
const drawn = () => {
  const counts = vi.mocked(drawBoxes).mock.calls.map((c) => c[1].length);
  vi.mocked(drawBoxes).mockClear();
  return counts;
};

describe('levels of many boxes', () => {
  it('are worth drawing from only with many boxes', () => {
    expect(BoxLevels.of(boxes(MIN_BOXES_FOR_LEVELS - 1), DEFAULT_LABELS, NO_MARKS, picture).useful).toBe(false);
    expect(BoxLevels.of(boxes(MIN_BOXES_FOR_LEVELS), DEFAULT_LABELS, NO_MARKS, picture).useful).toBe(true);
  });

  it('draw every box once, then only the boxes added since', () => {
    drawn();
    const first = BoxLevels.of(boxes(2000), DEFAULT_LABELS, NO_MARKS, picture);
    first.get(1 / 8);
    first.get(1 / 8);
    expect(drawn()).toEqual([2000]);
    const more = first.next([...first.boxes, box(2000), box(2001), box(2002)], DEFAULT_LABELS, NO_MARKS, picture);
    more.get(1 / 8);
    expect(drawn()).toEqual([3]);
    // A level not made before is made with every box.
    more.get(1 / 16);
    expect(drawn()).toEqual([2003]);
  });

  it('start afresh when a box changed or went, or the marks changed', () => {
    const first = BoxLevels.of(boxes(2000), DEFAULT_LABELS, NO_MARKS, picture);
    first.get(1 / 8);
    drawn();
    // A box edited is a new object in its old place.
    const moved = first.boxes.map((b, i) => (i === 5 ? box(5, 2) : b));
    first.next(moved, DEFAULT_LABELS, NO_MARKS, picture).get(1 / 8);
    expect(drawn()).toEqual([2000]);
    first.next(first.boxes.slice(1), DEFAULT_LABELS, NO_MARKS, picture).get(1 / 8);
    expect(drawn()).toEqual([1999]);
    first.next(first.boxes, DEFAULT_LABELS, { linked: new Set(['b1']), highlighted: new Set() }, picture).get(1 / 8);
    expect(drawn()).toEqual([2000]);
  });

  it('without some boxes are drawn afresh and leave the levels with them as they were', () => {
    const all = BoxLevels.of(boxes(2000), DEFAULT_LABELS, NO_MARKS, picture);
    all.get(1 / 8);
    drawn();
    const rest = all.without(new Set(['b3', 'b7']));
    expect(rest.boxes.map((b) => b.id)).not.toContain('b3');
    rest.get(1 / 8);
    expect(vi.mocked(drawBoxes).mock.calls[0]![1].some((b) => b.id === 'b7')).toBe(false);
    expect(drawn()).toEqual([1998]);
    all.get(1 / 8);
    expect(drawn()).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { appendedBoxes } from '../../../src/canvas/appendedBoxes';

describe('boxes appended to a list', () => {
  const [a, b, c] = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('are the new tail when the old list is, object for object, the start of the new one', () => {
    expect(appendedBoxes([a, b], [a, b, c])).toEqual([c]);
    expect(appendedBoxes([a, b], [a, b])).toEqual([]);
    expect(appendedBoxes([], [a])).toEqual([a]);
  });

  it('are none when a box went, moved in the list, or was replaced by an edited copy', () => {
    expect(appendedBoxes([a, b], [a])).toBeNull();
    expect(appendedBoxes([a, b], [b, a, c])).toBeNull();
    expect(appendedBoxes([a, b], [a, { ...b }, c])).toBeNull();
  });
});

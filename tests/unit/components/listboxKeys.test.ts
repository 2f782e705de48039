import { describe, expect, it } from 'vitest';
import { listboxStep } from '../../../src/features/common/listboxKeys';

describe('listboxStep', () => {
  it('steps one row with the arrows, staying within the list', () => {
    expect(listboxStep('ArrowDown', 3, 10, 5)).toBe(4);
    expect(listboxStep('ArrowUp', 3, 10, 5)).toBe(2);
    expect(listboxStep('ArrowDown', 9, 10, 5)).toBe(9);
    expect(listboxStep('ArrowUp', 0, 10, 5)).toBe(0);
  });

  it('steps a page, and goes to the ends with Home and End', () => {
    expect(listboxStep('PageDown', 3, 10, 5)).toBe(8);
    expect(listboxStep('PageDown', 8, 10, 5)).toBe(9);
    expect(listboxStep('PageUp', 3, 10, 5)).toBe(0);
    expect(listboxStep('PageDown', 3, 10, 0)).toBe(4);
    expect(listboxStep('Home', 7, 10, 5)).toBe(0);
    expect(listboxStep('End', 2, 10, 5)).toBe(9);
  });

  it('moves nowhere in an empty list or on other keys', () => {
    expect(listboxStep('ArrowDown', 0, 0, 5)).toBeNull();
    expect(listboxStep('Enter', 2, 10, 5)).toBeNull();
    expect(listboxStep('a', 2, 10, 5)).toBeNull();
  });
});

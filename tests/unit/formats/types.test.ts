import { describe, expect, it } from 'vitest';
import { capProblems, decimal, labelOrder, pickAttributes } from '../../../src/bundle/formats/types';

describe('format helpers', () => {
  it('orders classes as the case lists its labels, then labels only boxes still use', () => {
    const box = (label: string) => ({ label, geometry: { x: 0, y: 0, width: 1, height: 1, rotation: 0 } });
    const images = [{ fileName: 'a.png', width: 1, height: 1, boxes: [box('old'), box('ship'), box('gone'), box('old')] }];
    expect(labelOrder(['ship', 'crane'], images)).toEqual(['ship', 'crane', 'old', 'gone']);
  });

  it('writes numbers without float noise, trailing zeros or -0', () => {
    expect(decimal(50.00000000000001, 9)).toBe('50');
    expect(decimal(-0.0000000001, 6)).toBe('0');
    expect(decimal(1.23456789, 2)).toBe('1.23');
  });

  it('keeps only well-typed optional attributes', () => {
    expect(pickAttributes({ name: 'X', count: 3, note: '' })).toEqual({ name: 'X', count: 3 });
    expect(pickAttributes({ name: 5, count: '3' })).toBeUndefined();
  });

  it('caps a long problem list with a count of the rest', () => {
    const many = Array.from({ length: 103 }, (_, i) => `p${i}`);
    expect(capProblems(many)).toHaveLength(101);
    expect(capProblems(many).at(-1)).toBe('… and 3 more problems of the same kinds.');
  });
});

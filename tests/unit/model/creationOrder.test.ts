import { describe, expect, it } from 'vitest';
import { byCreation } from '../../../src/model/creationOrder';

describe('creation order', () => {
  it('sorts by creation time, then by id', () => {
    const records = [
      { id: 'b', createdAt: '2026-01-02T00:00:00.000Z' },
      { id: 'c', createdAt: '2026-01-01T00:00:00.000Z' },
      { id: 'a', createdAt: '2026-01-02T00:00:00.000Z' },
    ];
    expect([...records].sort(byCreation).map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(byCreation(records[0]!, records[0]!)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { changeSummary } from '../../../src/model/changeSummary';

const box = { id: 'b', label: 'ship', geometry: { x: 1, y: 2, width: 30, height: 10, rotation: 0 }, attributes: { name: 'ANGARA' }, revision: 1, updatedAt: 't1' };

describe('changeSummary', () => {
  it('names creation and deletion', () => {
    expect(changeSummary({ action: 'create', before: null, after: box })).toBe('created');
    expect(changeSummary({ action: 'delete', before: box, after: null })).toBe('deleted');
  });

  it('says what an update changed, field by field, leaving out bookkeeping', () => {
    const after = { ...box, label: 'container', geometry: { ...box.geometry, x: 5, y: 9, rotation: 30 }, attributes: { name: 'ANGARA', count: 12 }, revision: 2, updatedAt: 't2' };
    expect(changeSummary({ action: 'update', before: box, after })).toBe('label: "ship" → "container"; moved; rotated; count: (none) → 12');
    expect(changeSummary({ action: 'update', before: box, after: { ...box, revision: 3 } })).toBe('saved unchanged');
  });

  it('shortens long text', () => {
    const claim = { statement: 'short' };
    expect(changeSummary({ action: 'update', before: claim, after: { statement: 'x'.repeat(60) } })).toBe(`statement: "short" → "${'x'.repeat(39)}…"`);
  });

  it('names the kind and the file of an export', () => {
    expect(changeSummary({ action: 'export', before: null, after: { kind: 'bundle', file: 'rajin-2026-01-05.evidence.zip' } })).toBe('exported as bundle rajin-2026-01-05.evidence.zip');
    expect(changeSummary({ action: 'export', before: null, after: { kind: 'annotations', format: 'dota', file: 'rajin.txt' } })).toBe('exported as dota annotations rajin.txt');
  });
});

import { describe, expect, it } from 'vitest';
import { datePrecision, dateSpan, parsePartialDate, type PartialDate } from '../../../src/model/dates';

describe('partial dates', () => {
  it.each(['2023', '2023-10', '2023-10-13', '2024-02-29'])('accepts %s', (d) => {
    expect(parsePartialDate(d)).toEqual({ ok: true, value: d });
  });

  it.each([
    ['2023-13', 'month 13 does not exist'],
    ['2023-02-29', '2023-02-29 does not exist'],
    ['2023-1-5', 'is not a date'],
    ['13/10/2023', 'is not a date'],
    ['1700', 'out of range'],
    ['', 'is not a date'],
  ])('refuses %s saying why', (d, why) => {
    const r = parsePartialDate(d);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(why);
  });

  it('knows its precision and the span it covers', () => {
    expect(datePrecision('2023' as PartialDate)).toBe('year');
    expect(datePrecision('2023-10' as PartialDate)).toBe('month');
    expect(dateSpan('2023-10' as PartialDate)).toEqual({ start: Date.UTC(2023, 9, 1), end: Date.UTC(2023, 10, 1) });
    expect(dateSpan('2023-12-31' as PartialDate)).toEqual({ start: Date.UTC(2023, 11, 31), end: Date.UTC(2024, 0, 1) });
  });
});

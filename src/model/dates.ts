// Partial dates as released material gives them: "2023", "2023-10" or "2023-10-13".
// Stored as the string the analyst typed (normalised), never widened to a false precision.

export type PartialDate = string & { readonly __partialDate: true };

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export type DateCheck = { ok: true; value: PartialDate } | { ok: false; error: string };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Validates a partial date; the error names what is wrong in words a person can act on. */
export function parsePartialDate(input: string): DateCheck {
  const text = input.trim();
  const m = PATTERN.exec(text);
  if (!m) return { ok: false, error: `"${input}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (for example 2023-10-13)` };
  const year = Number(m[1]);
  if (year < 1800 || year > 2200) return { ok: false, error: `year ${year} is out of range (1800 to 2200)` };
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return { ok: false, error: `month ${m[2]} does not exist` };
    if (m[3] !== undefined) {
      const day = Number(m[3]);
      if (day < 1 || day > daysInMonth(year, month)) return { ok: false, error: `${text} does not exist` };
    }
  }
  return { ok: true, value: text as PartialDate };
}

export type DatePrecision = 'year' | 'month' | 'day';

export function datePrecision(date: PartialDate): DatePrecision {
  const parts = date.split('-').length;
  return parts === 1 ? 'year' : parts === 2 ? 'month' : 'day';
}

/** The span of days a partial date covers, as UTC milliseconds [start, end). */
export function dateSpan(date: PartialDate): { start: number; end: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  if (m === undefined) return { start: Date.UTC(y, 0, 1), end: Date.UTC(y + 1, 0, 1) };
  if (d === undefined) return { start: Date.UTC(y, m - 1, 1), end: Date.UTC(y, m, 1) };
  return { start: Date.UTC(y, m - 1, d), end: Date.UTC(y, m - 1, d + 1) };
}

/**
 * Orders partial dates by the day they start, a coarser date before the finer ones it contains
 * ("2023" before "2023-10" before "2023-10-13"); unknown dates ('') last.
 */
export function comparePartialDates(a: string, b: string): number {
  if (!a || !b) return a === b ? 0 : a ? -1 : 1;
  const sa = dateSpan(a as PartialDate);
  const sb = dateSpan(b as PartialDate);
  return sa.start - sb.start || sb.end - sa.end;
}

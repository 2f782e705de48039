// Searching, filtering and ordering a case's claims.
import { comparePartialDates, dateSpan, parsePartialDate, type PartialDate } from './dates';
import type { ClaimRecord } from './records';

export interface ClaimFilter {
  /** Words that must all appear in the statement, claimant, role, source, tags or notes. */
  text: string;
  claimant: string;
  tag: string;
  /** Partial dates bounding the date claimed; '' for open. */
  from: string;
  to: string;
}

export const NO_FILTER: ClaimFilter = { text: '', claimant: '', tag: '', from: '', to: '' };

const haystack = (c: ClaimRecord) =>
  [c.statement, c.claimant, c.role, c.source.title, c.source.publisher, c.notes, ...c.tags].join('\n').toLowerCase();

/** Whether the claim's date claimed overlaps the range; undated claims pass only an open range. */
function inRange(claimedAt: string, from: string, to: string): boolean {
  const valid = (d: string) => d && parsePartialDate(d).ok;
  if (!valid(from) && !valid(to)) return true;
  if (!claimedAt) return false;
  const span = dateSpan(claimedAt as PartialDate);
  if (valid(from) && span.end <= dateSpan(from as PartialDate).start) return false;
  if (valid(to) && span.start >= dateSpan(to as PartialDate).end) return false;
  return true;
}

/**
 * What is wrong with the filter's date range, one message a bound, for the panel to show: a
 * bound that is not a date is left out of the filter, and the analyst must know it is.
 */
export function filterProblems(f: ClaimFilter): string[] {
  return (
    [
      ['Claimed from', f.from],
      ['Claimed to', f.to],
    ] as const
  ).flatMap(([name, text]) => {
    const check = text.trim() ? parsePartialDate(text) : null;
    return check && !check.ok ? [`${name}: ${check.error}; the filter leaves it out.`] : [];
  });
}

export function filterClaims(claims: readonly ClaimRecord[], f: ClaimFilter): ClaimRecord[] {
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  const claimant = f.claimant.trim().toLowerCase();
  return claims.filter((c) => {
    if (words.length) {
      const text = haystack(c);
      if (!words.every((w) => text.includes(w))) return false;
    }
    if (claimant && !c.claimant.toLowerCase().includes(claimant)) return false;
    if (f.tag && !c.tags.includes(f.tag)) return false;
    return inRange(c.claimedAt, f.from.trim(), f.to.trim());
  });
}

/** By date claimed (undated last), then by statement, so the order is stable. */
export function sortClaims(claims: readonly ClaimRecord[], direction: 'asc' | 'desc' = 'asc'): ClaimRecord[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...claims].sort((a, b) => {
    if (!a.claimedAt !== !b.claimedAt) return a.claimedAt ? -1 : 1;
    return sign * comparePartialDates(a.claimedAt, b.claimedAt) || a.statement.localeCompare(b.statement);
  });
}

export function claimTags(claims: readonly ClaimRecord[]): string[] {
  return [...new Set(claims.flatMap((c) => c.tags))].sort((a, b) => a.localeCompare(b));
}

/** One line for lists: the statement cut to `max` characters. */
export function claimSummary(c: ClaimRecord, max = 90): string {
  const s = c.statement.replace(/\s+/g, ' ');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

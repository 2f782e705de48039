// Layout of the timeline view (issue 3, item 5): what is drawn where in time. Pure and in UTC
// milliseconds; the component converts to pixels only at the SVG edge.
import { dateSpan, parsePartialDate } from './dates';
import type { ClaimRecord, ImageRecord } from './records';

export const DAY_MS = 86_400_000;
const YEAR_MS = 365.2425 * DAY_MS;

/** A stretch of time as UTC milliseconds [start, end]. */
export type TimeDomain = readonly [startMs: number, endMs: number];

export type TimelineItemKind = 'claim-date' | 'claim-period' | 'image';
export type TimelineRow = 'claims' | 'images';

export interface TimelineItem {
  /** Unique per item: a claim yields up to two (its date and its period). */
  id: string;
  kind: TimelineItemKind;
  /** The claim or image the item stands for. */
  recordId: string;
  /** The claim's statement or the image's title (file name when untitled). */
  label: string;
  /** The partial dates drawn ('' for an open side); a single date has from === to. */
  from: string;
  to: string;
  /** For images: which date placed it, since release can be long after capture. */
  imageDate?: 'captured' | 'released';
  /** The known extent: the start of the earliest date given to the end of the latest. */
  startMs: number;
  endMs: number;
  /** An open side has no date and is drawn to the domain edge. */
  openStart: boolean;
  openEnd: boolean;
  tags: readonly string[];
}

/** The span of a stored partial date, or null when unknown ('') or unreadable (an old or imported record). */
function spanOf(date: string): { start: number; end: number } | null {
  const check = parsePartialDate(date);
  return check.ok ? dateSpan(check.value) : null;
}

export function timelineItems(claims: readonly ClaimRecord[], images: readonly ImageRecord[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const c of claims) {
    const base = { recordId: c.id, label: c.statement, tags: c.tags, openStart: false, openEnd: false };
    const claimed = spanOf(c.claimedAt);
    if (claimed) items.push({ ...base, id: `claim-date:${c.id}`, kind: 'claim-date', from: c.claimedAt, to: c.claimedAt, startMs: claimed.start, endMs: claimed.end });
    const from = spanOf(c.period.from);
    const to = spanOf(c.period.to);
    const known = from ?? to;
    if (!known) continue;
    // A reversed period (to before from) is an input slip; draw what it covers rather than nothing.
    const startMs = Math.min(known.start, (to ?? known).start);
    const endMs = Math.max((to ?? known).end, known.end);
    items.push({
      ...base, id: `claim-period:${c.id}`, kind: 'claim-period',
      from: from ? c.period.from : '', to: to ? c.period.to : '',
      startMs, endMs, openStart: !from, openEnd: !to,
    });
  }
  for (const im of images) {
    const captured = spanOf(im.capturedAt);
    const span = captured ?? spanOf(im.releasedAt);
    if (!span) continue;
    const date = captured ? im.capturedAt : im.releasedAt;
    items.push({
      id: `image:${im.id}`, kind: 'image', recordId: im.id, label: im.source.title || im.fileName,
      from: date, to: date, imageDate: captured ? 'captured' : 'released',
      startMs: span.start, endMs: span.end, openStart: false, openEnd: false, tags: [],
    });
  }
  return items;
}

/** The accessible name of an item, as a screen reader and a test find it. */
export function itemName(item: TimelineItem): string {
  if (item.kind === 'image') return `Image: ${item.label} — ${item.imageDate} ${item.from}`;
  const head = `Claim: ${item.label.slice(0, 80)}`;
  if (item.kind === 'claim-date') return `${head} — claimed ${item.from}`;
  return `${head} — about ${item.from || 'open'} to ${item.to || 'open'}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MON = MONTHS.map((m) => m.slice(0, 3));

/** "2023", "October 2023", "13 October 2023": a partial date in words, keeping its precision. */
export function formatPartialDate(date: string): string {
  const [y, m, d] = date.split('-');
  if (!y) return 'open';
  const month = m === undefined ? undefined : MONTHS[Number(m) - 1];
  if (!month) return y;
  return d === undefined ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
}

/** Every tag used by the claims, sorted, for the tag filter. */
export function claimTags(claims: readonly ClaimRecord[]): string[] {
  return [...new Set(claims.flatMap((c) => c.tags))].sort((a, b) => a.localeCompare(b));
}

export interface ZoomLimits {
  minSpanMs: number;
  maxSpanMs: number;
}

/** A day is the finest date an item has; 200 years is wider than any investigation needs. */
export const ZOOM_LIMITS: ZoomLimits = { minSpanMs: DAY_MS, maxSpanMs: 200 * YEAR_MS };
/** What "fit" shows around a single day: a month, so the day reads as a day and not a full-width bar. */
const MIN_FIT_SPAN_MS = 30 * DAY_MS;

function centred(centre: number, span: number): TimeDomain {
  return [centre - span / 2, centre + span / 2];
}

/**
 * The domain showing every item's known extent, padded by `padFraction` of its span each side.
 * With nothing to show it is a month around `emptyCentreMs` (a parameter so this stays pure).
 */
export function timelineDomain(items: readonly TimelineItem[], padFraction = 0.05, emptyCentreMs = Date.UTC(2000, 0, 1)): TimeDomain {
  if (items.length === 0) return centred(emptyCentreMs, MIN_FIT_SPAN_MS);
  const start = Math.min(...items.map((i) => i.startMs));
  const end = Math.max(...items.map((i) => i.endMs));
  const span = (end - start) * (1 + 2 * padFraction);
  const clamped = Math.min(Math.max(span, MIN_FIT_SPAN_MS), ZOOM_LIMITS.maxSpanMs);
  return centred((start + end) / 2, clamped);
}

/** Zooms by `factor` (above 1 zooms in) keeping `anchorMs` at the same place on screen. */
export function zoomDomain(domain: TimeDomain, factor: number, anchorMs: number, limits: ZoomLimits = ZOOM_LIMITS): TimeDomain {
  const [start, end] = domain;
  const span = end - start;
  const next = Math.min(Math.max(span / factor, limits.minSpanMs), limits.maxSpanMs);
  const at = (anchorMs - start) / span;
  return [anchorMs - at * next, anchorMs + (1 - at) * next];
}

export function panDomain(domain: TimeDomain, deltaMs: number): TimeDomain {
  return [domain[0] + deltaMs, domain[1] + deltaMs];
}

export interface TimeTick {
  ms: number;
  label: string;
  /** The year, under day and week ticks, where it starts or changes (their labels omit it). */
  context?: string;
}

type TickUnit = 'day' | 'month' | 'year';
// Nice steps from a day to a century; weeks are 7-day steps aligned to Mondays.
const STEPS: readonly { unit: TickUnit; n: number; approxMs: number; week?: true }[] = [
  ...[1, 2].map((n) => ({ unit: 'day' as const, n, approxMs: n * DAY_MS })),
  ...[1, 2].map((n) => ({ unit: 'day' as const, n: 7 * n, approxMs: 7 * n * DAY_MS, week: true as const })),
  ...[1, 3, 6].map((n) => ({ unit: 'month' as const, n, approxMs: (n * YEAR_MS) / 12 })),
  ...[1, 2, 5, 10, 20, 50, 100].map((n) => ({ unit: 'year' as const, n, approxMs: n * YEAR_MS })),
];
const MONDAY_EPOCH_DAY = 4; // 1970-01-05 was a Monday

/**
 * Ticks at the finest nice step giving at most `approxCount` ticks, aligned to whole steps (so they
 * do not slide while panning), labelled for the step: "13 Oct", "Oct 2023", "2023". UTC throughout.
 */
export function timeTicks(domain: TimeDomain, approxCount: number): TimeTick[] {
  const [start, end] = domain;
  const span = end - start;
  const step = STEPS.find((s) => span / s.approxMs <= Math.max(approxCount, 1)) ?? STEPS[STEPS.length - 1]!;
  const ticks: TimeTick[] = [];
  const first = new Date(start);
  if (step.unit === 'day') {
    const offset = step.week ? MONDAY_EPOCH_DAY : 0;
    let day = Math.ceil((start / DAY_MS - offset) / step.n) * step.n + offset;
    let lastYear = NaN;
    for (; day * DAY_MS <= end; day += step.n) {
      const d = new Date(day * DAY_MS);
      const year = d.getUTCFullYear();
      ticks.push({ ms: day * DAY_MS, label: `${d.getUTCDate()} ${MON[d.getUTCMonth()]}`, ...(year !== lastYear ? { context: String(year) } : {}) });
      lastYear = year;
    }
  } else if (step.unit === 'month') {
    let index = first.getUTCFullYear() * 12 + first.getUTCMonth();
    if (Date.UTC(Math.floor(index / 12), index % 12, 1) < start) index += 1;
    for (index = Math.ceil(index / step.n) * step.n; ; index += step.n) {
      const ms = Date.UTC(Math.floor(index / 12), index % 12, 1);
      if (ms > end) break;
      ticks.push({ ms, label: `${MON[index % 12]} ${Math.floor(index / 12)}` });
    }
  } else {
    let year = first.getUTCFullYear();
    if (Date.UTC(year, 0, 1) < start) year += 1;
    for (year = Math.ceil(year / step.n) * step.n; Date.UTC(year, 0, 1) <= end; year += step.n) {
      ticks.push({ ms: Date.UTC(year, 0, 1), label: String(year) });
    }
  }
  return ticks;
}

export function rowOf(kind: TimelineItemKind): TimelineRow {
  return kind === 'image' ? 'images' : 'claims';
}

export interface LaidOutItem extends TimelineItem {
  row: TimelineRow;
  lane: number;
}

export interface TimelineLayout {
  items: LaidOutItem[];
  /** Lanes in use per row (claims are drawn above images). */
  lanes: Record<TimelineRow, number>;
}

/**
 * Greedy interval packing into lanes, per row. A claim's date and period share its lane so they read
 * as one claim. Open sides reach to infinity (they are drawn to the domain edge); items narrower
 * than `minSpanMs` count as that wide, so marks drawn at a minimum pixel size do not collide, and
 * `labelMs` is kept free after each record for the label drawn beside it.
 */
export function layoutRows(items: readonly TimelineItem[], minSpanMs = 0, labelMs = 0): TimelineLayout {
  const groups = new Map<string, { row: TimelineRow; start: number; end: number }>();
  for (const item of items) {
    const row = rowOf(item.kind);
    const key = `${row}:${item.recordId}`;
    let start = item.openStart ? -Infinity : item.startMs;
    let end = item.openEnd ? Infinity : item.endMs;
    if (end - start < minSpanMs) {
      const mid = (start + end) / 2;
      [start, end] = [mid - minSpanMs / 2, mid + minSpanMs / 2];
    }
    const g = groups.get(key);
    groups.set(key, g ? { row, start: Math.min(g.start, start), end: Math.max(g.end, end) } : { row, start, end });
  }
  const laneOf = new Map<string, number>();
  const lanes: Record<TimelineRow, number> = { claims: 0, images: 0 };
  for (const row of ['claims', 'images'] as const) {
    const laneEnds: number[] = [];
    const inRow = [...groups].filter(([, g]) => g.row === row).sort(([ka, a], [kb, b]) => a.start - b.start || a.end - b.end || ka.localeCompare(kb));
    for (const [key, g] of inRow) {
      const end = g.end + labelMs;
      let lane = laneEnds.findIndex((laneEnd) => laneEnd <= g.start);
      if (lane < 0) lane = laneEnds.push(end) - 1;
      else laneEnds[lane] = end;
      laneOf.set(key, lane);
    }
    lanes[row] = laneEnds.length;
  }
  return {
    items: items.map((item) => {
      const row = rowOf(item.kind);
      return { ...item, row, lane: laneOf.get(`${row}:${item.recordId}`) ?? 0 };
    }),
    lanes,
  };
}

/**
 * Keeps the claim items tagged `tag` ('' keeps everything). Images carry no tags, so they are kept
 * unless `keepImages` is false: the time they were taken is context for any claim.
 */
export function filterByTag(items: readonly TimelineItem[], tag: string, keepImages = true): TimelineItem[] {
  if (!tag) return [...items];
  return items.filter((i) => (i.kind === 'image' ? keepImages : i.tags.includes(tag)));
}

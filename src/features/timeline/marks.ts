// Pixel geometry of the timeline: the one place time (UTC ms) becomes SVG x, and lanes become y.
import type { LaidOutItem, TimeDomain, TimelineLayout, TimelineRow } from '../../model/timeline';

export const AXIS_HEIGHT = 36;
export const HEADER_HEIGHT = 18;
export const LANE_HEIGHT = 26;
const BAND_GAP = 10;
const BOTTOM_PAD = 6;
/** Narrower spans (a day seen across years) are drawn at this size so they stay visible and clickable. */
export const MIN_MARK_PX = 12;
/** Packing counts each mark at least this wide, so neighbours at the minimum size don't touch. */
export const PACK_PX = MIN_MARK_PX + 6;
/** Room packing keeps after each record for its label (about 22 characters). */
export const LABEL_ROOM_PX = 150;
const CHAR_PX = 6.2; // average width of an 11px system-ui character
const MIN_LABEL_CHARS = 6;

export interface Bands {
  /** Top of each row's first lane. */
  lanesTop: Record<TimelineRow, number>;
  /** Top of each row's header strip. */
  headerTop: Record<TimelineRow, number>;
  height: number;
}

/** Claims above images; an empty row keeps one lane so its "none" note has a place. */
export function bands(lanes: Record<TimelineRow, number>): Bands {
  const claimsHeader = AXIS_HEIGHT + 4;
  const claimsLanes = claimsHeader + HEADER_HEIGHT;
  const imagesHeader = claimsLanes + Math.max(1, lanes.claims) * LANE_HEIGHT + BAND_GAP;
  const imagesLanes = imagesHeader + HEADER_HEIGHT;
  return {
    headerTop: { claims: claimsHeader, images: imagesHeader },
    lanesTop: { claims: claimsLanes, images: imagesLanes },
    height: imagesLanes + Math.max(1, lanes.images) * LANE_HEIGHT + BOTTOM_PAD,
  };
}

export function timeToX(domain: TimeDomain, width: number, ms: number): number {
  return ((ms - domain[0]) / (domain[1] - domain[0])) * width;
}

export function xToTime(domain: TimeDomain, width: number, x: number): number {
  return domain[0] + (x / width) * (domain[1] - domain[0]);
}

export interface Mark {
  item: LaidOutItem;
  /** Left and right of the drawn span; open sides at the plot edges. */
  x0: number;
  x1: number;
  /** Top of the item's lane. */
  y: number;
  /** One tab stop per record: a claim's date mark, or its period when it has no date. */
  focusable: boolean;
  /**
   * Within the plot. Marks outside stay mounted (just off the SVG's edge), so zooming does not
   * take focus away from the item a keyboard user is on.
   */
  visible: boolean;
  /** The label drawn beside or inside the mark, cut to the room there ('' when none fits). */
  text: string;
  textX: number;
  textAnchor: 'start' | 'end';
}

/** Marks for the items, in reading order (row, then time); positions clamped just outside the plot. */
export function placeMarks(layout: TimelineLayout, domain: TimeDomain, width: number): Mark[] {
  const b = bands(layout.lanes);
  const clamp = (x: number) => Math.min(Math.max(x, -MIN_MARK_PX), width + MIN_MARK_PX);
  const dated = new Set(layout.items.filter((i) => i.kind === 'claim-date').map((i) => i.recordId));
  const marks: Mark[] = layout.items.map((item) => {
    const x0 = item.openStart ? 0 : clamp(timeToX(domain, width, item.startMs));
    const x1 = item.openEnd ? width : clamp(timeToX(domain, width, item.endMs));
    const focusable = item.kind !== 'claim-period' || !dated.has(item.recordId);
    const visible = x1 >= 0 && x0 <= width;
    return { item, x0, x1, y: b.lanesTop[item.row] + item.lane * LANE_HEIGHT, focusable, visible, text: '', textX: 0, textAnchor: 'start' };
  });
  marks.sort((a, c) => (a.item.row === c.item.row ? 0 : a.item.row === 'claims' ? -1 : 1) || a.item.startMs - c.item.startMs || a.x0 - c.x0);
  labelMarks(marks.filter((m) => m.visible), width);
  return marks;
}

/** Drawn right edge: spans narrower than the minimum are drawn centred at the minimum size. */
export function drawnSpan(m: Pick<Mark, 'x0' | 'x1'>): { left: number; right: number } {
  if (m.x1 - m.x0 >= MIN_MARK_PX) return { left: m.x0, right: m.x1 };
  const mid = (m.x0 + m.x1) / 2;
  return { left: mid - MIN_MARK_PX / 2, right: mid + MIN_MARK_PX / 2 };
}

// A label goes where it fits whole: after its mark, inside a wide mark (a year seen up close runs
// off both edges; a period bar is too thin), or before it; otherwise it is cut to the largest room. Packing keeps records
// apart in time, not their text, so the room is measured against the lane's other records.
function labelMarks(marks: Mark[], width: number): void {
  const lanes = new Map<string, Mark[]>();
  for (const m of marks) {
    const key = `${m.item.row}:${m.item.lane}`;
    lanes.set(key, [...(lanes.get(key) ?? []), m]);
  }
  for (const inLane of lanes.values()) {
    inLane.sort((a, b) => drawnSpan(a).left - drawnSpan(b).left);
    const placed: { recordId: string; right: number }[] = [];
    for (const m of inLane) {
      const span = drawnSpan(m);
      const others = inLane.filter((o) => o.item.recordId !== m.item.recordId);
      const next = Math.min(width, ...others.map((o) => drawnSpan(o).left).filter((l) => l >= span.right));
      const prev = Math.max(0, ...placed.filter((p) => p.recordId !== m.item.recordId).map((p) => p.right));
      placed.push({ recordId: m.item.recordId, right: span.right });
      if (!m.focusable) continue;
      const visible = Math.min(span.right, width) - Math.max(span.left, 0);
      const options = [
        { room: next - span.right - 10, x: span.right + 5, anchor: 'start' as const },
        { room: visible >= 80 && m.item.kind !== 'claim-period' ? visible - 12 : 0, x: Math.max(span.left, 0) + 6, anchor: 'start' as const },
        { room: span.left - prev - 10, x: span.left - 5, anchor: 'end' as const },
      ];
      const want = m.item.label.length * CHAR_PX;
      const best = options.find((o) => o.room >= want) ?? options.reduce((a, b) => (b.room > a.room ? b : a));
      const chars = Math.floor(best.room / CHAR_PX);
      if (chars < MIN_LABEL_CHARS) continue;
      m.text = m.item.label.length <= chars ? m.item.label : `${m.item.label.slice(0, chars - 1).trimEnd()}…`;
      m.textX = best.x;
      m.textAnchor = best.anchor;
      const textRight = best.anchor === 'start' ? best.x + m.text.length * CHAR_PX : span.right;
      placed.push({ recordId: m.item.recordId, right: Math.max(span.right, textRight) });
    }
  }
}

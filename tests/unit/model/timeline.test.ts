import { describe, expect, it } from 'vitest';
import type { ClaimRecord, ImageRecord } from '../../../src/model/records';
import {
  DAY_MS, claimTags, filterByTag, formatPartialDate, itemName, layoutRows, panDomain, timeTicks, timelineDomain,
  timelineItems, zoomDomain, ZOOM_LIMITS, type TimeDomain, type TimelineItem,
} from '../../../src/model/timeline';

function claim(id: string, claimedAt: string, from = '', to = '', tags: string[] = []): ClaimRecord {
  return {
    id, caseId: 'case', statement: `Statement ${id}`, claimant: 'Someone', role: '', claimedAt, period: { from, to },
    source: { title: '', publisher: '', url: '', accessedAt: '' }, quantity: null, tags, notes: '', createdAt: '', updatedAt: '',
  };
}

function image(id: string, capturedAt: string, releasedAt: string, title = ''): ImageRecord {
  return {
    id, caseId: 'case', fileName: `${id}.png`, mediaType: 'image/png', byteLength: 1, width: 1, height: 1, sha256: '',
    source: { title, publisher: '', url: '', credit: '', licence: '' }, releasedAt, capturedAt, gsdMeters: null, notes: '', addedAt: '', addedBy: '',
  };
}

const byId = (items: TimelineItem[], id: string) => items.find((i) => i.id === id)!;

describe('timeline items', () => {
  it('draws a partial date as the whole span it covers', () => {
    const items = timelineItems([claim('y', '2023'), claim('m', '2023-10'), claim('d', '2023-10-13')], []);
    expect(byId(items, 'claim-date:y')).toMatchObject({ startMs: Date.UTC(2023, 0, 1), endMs: Date.UTC(2024, 0, 1), from: '2023' });
    expect(byId(items, 'claim-date:m')).toMatchObject({ startMs: Date.UTC(2023, 9, 1), endMs: Date.UTC(2023, 10, 1) });
    expect(byId(items, 'claim-date:d')).toMatchObject({ startMs: Date.UTC(2023, 9, 13), endMs: Date.UTC(2023, 9, 14) });
  });

  it('places an image at its capture date, else its release date, and says which', () => {
    const items = timelineItems([], [image('both', '2023-09', '2023-10-13'), image('rel', '', '2023-11'), image('none', '', '')]);
    expect(byId(items, 'image:both')).toMatchObject({ imageDate: 'captured', from: '2023-09', startMs: Date.UTC(2023, 8, 1), tags: [] });
    expect(byId(items, 'image:rel')).toMatchObject({ imageDate: 'released', from: '2023-11', startMs: Date.UTC(2023, 10, 1) });
    expect(items.some((i) => i.recordId === 'none')).toBe(false);
  });

  it('labels an image by its title, or its file name when untitled', () => {
    const [titled, untitled] = timelineItems([], [image('a', '2023', '', 'Rajin port'), image('b', '2023', '')]);
    expect(titled!.label).toBe('Rajin port');
    expect(untitled!.label).toBe('b.png');
  });

  it('runs a period from the start of "from" to the end of "to", marking open sides', () => {
    const items = timelineItems([claim('both', '', '2023-09', '2023-10-01'), claim('from', '', '2023-08'), claim('to', '', '', '2023')], []);
    expect(byId(items, 'claim-period:both')).toMatchObject({ startMs: Date.UTC(2023, 8, 1), endMs: Date.UTC(2023, 9, 2), openStart: false, openEnd: false });
    expect(byId(items, 'claim-period:from')).toMatchObject({ startMs: Date.UTC(2023, 7, 1), openStart: false, openEnd: true, from: '2023-08', to: '' });
    expect(byId(items, 'claim-period:to')).toMatchObject({ endMs: Date.UTC(2024, 0, 1), openStart: true, openEnd: false, from: '', to: '2023' });
  });

  it('skips what has no date (or an unreadable one) and carries claim tags', () => {
    const items = timelineItems([claim('none', ''), claim('bad', '13/10/2023', 'soon', ''), claim('t', '2023', '', '', ['ports'])], []);
    expect(items.map((i) => i.id)).toEqual(['claim-date:t']);
    expect(items[0]!.tags).toEqual(['ports']);
  });

  it('names items for screen readers, the statement cut to 80 characters', () => {
    const long = { ...claim('c', '2023-10-13', '2023-09', ''), statement: 'x'.repeat(100) };
    const items = timelineItems([long], [image('i', '2023-10', '', 'Quay')]);
    expect(itemName(byId(items, 'claim-date:c'))).toBe(`Claim: ${'x'.repeat(80)} — claimed 2023-10-13`);
    expect(itemName(byId(items, 'claim-period:c'))).toBe(`Claim: ${'x'.repeat(80)} — about 2023-09 to open`);
    expect(itemName(byId(items, 'image:i'))).toBe('Image: Quay — captured 2023-10');
  });

  it('writes partial dates in words without adding precision', () => {
    expect(formatPartialDate('2023')).toBe('2023');
    expect(formatPartialDate('2023-10')).toBe('October 2023');
    expect(formatPartialDate('2023-10-03')).toBe('3 October 2023');
  });

  it('lists the tags the claims use, once each, sorted', () => {
    expect(claimTags([claim('a', '', '', '', ['rail', 'ports']), claim('b', '', '', '', ['ports', 'arms'])])).toEqual(['arms', 'ports', 'rail']);
  });
});

describe('timeline domain', () => {
  it('covers every item with padding on both sides', () => {
    const items = timelineItems([claim('a', '2020'), claim('b', '2023-06-15')], []);
    const [start, end] = timelineDomain(items, 0.1);
    const span = Date.UTC(2023, 5, 16) - Date.UTC(2020, 0, 1);
    expect(start).toBeCloseTo(Date.UTC(2020, 0, 1) - 0.1 * span, -3);
    expect(end).toBeCloseTo(Date.UTC(2023, 5, 16) + 0.1 * span, -3);
  });

  it('shows a month around a single day, or around the given centre when empty', () => {
    const [start, end] = timelineDomain(timelineItems([claim('d', '2023-10-13')], []));
    expect(end - start).toBe(30 * DAY_MS);
    expect((start + end) / 2).toBe(Date.UTC(2023, 9, 13, 12));
    const centre = Date.UTC(2024, 0, 1);
    expect(timelineDomain([], 0.05, centre)).toEqual([centre - 15 * DAY_MS, centre + 15 * DAY_MS]);
  });
});

describe('zoom and pan', () => {
  const domain: TimeDomain = [Date.UTC(2023, 0, 1), Date.UTC(2024, 0, 1)];
  const fraction = (d: TimeDomain, t: number) => (t - d[0]) / (d[1] - d[0]);

  it('keeps the anchor where it was on screen', () => {
    const anchor = Date.UTC(2023, 3, 10);
    const zoomed = zoomDomain(domain, 3, anchor);
    expect(zoomed[1] - zoomed[0]).toBeCloseTo((domain[1] - domain[0]) / 3, -1);
    expect(fraction(zoomed, anchor)).toBeCloseTo(fraction(domain, anchor), 9);
    const back = zoomDomain(zoomed, 1 / 3, anchor);
    expect(back[0]).toBeCloseTo(domain[0], -1);
    expect(back[1]).toBeCloseTo(domain[1], -1);
  });

  it('stops at a day and at 200 years, still about the anchor', () => {
    const anchor = Date.UTC(2023, 6, 1);
    const tight = zoomDomain(domain, 1e6, anchor);
    expect(tight[1] - tight[0]).toBe(ZOOM_LIMITS.minSpanMs);
    expect(ZOOM_LIMITS.minSpanMs).toBe(DAY_MS);
    expect(fraction(tight, anchor)).toBeCloseTo(fraction(domain, anchor), 6);
    const wide = zoomDomain(domain, 1e-6, anchor);
    expect((wide[1] - wide[0]) / (365.2425 * DAY_MS)).toBeCloseTo(200, 6);
  });

  it('pans by a time delta', () => {
    expect(panDomain(domain, DAY_MS)).toEqual([domain[0] + DAY_MS, domain[1] + DAY_MS]);
  });
});

describe('time ticks', () => {
  const check = (d: TimeDomain, count: number) => {
    const ticks = timeTicks(d, count);
    expect(ticks.length).toBeGreaterThan(1);
    expect(ticks.length).toBeLessThanOrEqual(count + 1);
    for (const [i, t] of ticks.entries()) {
      expect(t.ms).toBeGreaterThanOrEqual(d[0]);
      expect(t.ms).toBeLessThanOrEqual(d[1]);
      if (i > 0) expect(t.ms).toBeGreaterThan(ticks[i - 1]!.ms);
    }
    return ticks;
  };

  it('labels years across a multi-year domain', () => {
    const ticks = check([Date.UTC(2014, 5, 1), Date.UTC(2024, 2, 1)], 10);
    expect(ticks.map((t) => t.label)).toEqual(['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024']);
  });

  it('uses decades further out', () => {
    const ticks = check([Date.UTC(1900, 0, 1), Date.UTC(2000, 0, 1)], 12);
    expect(ticks.every((t) => /^\d{3}0$/.test(t.label))).toBe(true);
  });

  it('labels months, or quarters, across a year', () => {
    expect(check([Date.UTC(2023, 0, 15), Date.UTC(2023, 11, 20)], 12).map((t) => t.label)[0]).toBe('Feb 2023');
    expect(check([Date.UTC(2023, 0, 15), Date.UTC(2024, 11, 20)], 8).map((t) => t.label)).toEqual(['Apr 2023', 'Jul 2023', 'Oct 2023', 'Jan 2024', 'Apr 2024', 'Jul 2024', 'Oct 2024']);
  });

  it('labels days across a few weeks, with the year where it starts', () => {
    const ticks = check([Date.UTC(2023, 9, 1, 6), Date.UTC(2023, 9, 22)], 12);
    expect(ticks.every((t) => /^\d{1,2} [A-Z][a-z]{2}$/.test(t.label))).toBe(true);
    expect(ticks[0]!.context).toBe('2023');
    expect(ticks.slice(1).some((t) => t.context)).toBe(false);
    const weeks = check([Date.UTC(2023, 9, 1), Date.UTC(2023, 11, 1)], 10);
    expect(weeks.every((t) => new Date(t.ms).getUTCDay() === 1)).toBe(true); // Mondays
  });
});

describe('lanes', () => {
  it('never overlaps records in a lane, and keeps claims and images in their rows', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const dates = ['2023', '2023-04', '2023-04-02', '2023-05', '2023-05-20', '2023-06-01', '2024', '2023-12', ''];
    const pick = () => dates[Math.floor(random() * dates.length)]!;
    const claims = Array.from({ length: 40 }, (_, i) => claim(`c${i}`, pick(), pick(), pick()));
    const images = Array.from({ length: 30 }, (_, i) => image(`i${i}`, pick(), pick()));
    const { items, lanes } = layoutRows(timelineItems(claims, images), 3 * DAY_MS);
    const extent = (i: TimelineItem) => [i.openStart ? -Infinity : i.startMs, i.openEnd ? Infinity : i.endMs] as const;
    for (const a of items) {
      expect(a.row).toBe(a.kind === 'image' ? 'images' : 'claims');
      expect(a.lane).toBeLessThan(lanes[a.row]);
      for (const b of items) {
        if (a.recordId === b.recordId || a.row !== b.row || a.lane !== b.lane) continue;
        const [a0, a1] = extent(a);
        const [b0, b1] = extent(b);
        expect(a1 <= b0 || b1 <= a0).toBe(true);
      }
    }
  });

  it("keeps a claim's date and period in one lane, and packs what does not overlap into one", () => {
    const { items, lanes } = layoutRows(timelineItems([claim('a', '2023-10', '2023-01', '2023-03'), claim('b', '2024-02')], [image('x', '2023-01', ''), image('y', '2023-02', '')]));
    expect(lanes).toEqual({ claims: 1, images: 1 });
    expect(new Set(items.map((i) => i.lane))).toEqual(new Set([0]));
  });

  it('gives an open period a lane of its own to the edge, and keeps room for labels', () => {
    const open = layoutRows(timelineItems([claim('a', '', '2023-01'), claim('b', '2024-06')], []));
    expect(open.lanes.claims).toBe(2);
    const spaced = layoutRows(timelineItems([claim('a', '2023-01-01'), claim('b', '2023-01-10')], []), 0, 30 * DAY_MS);
    expect(spaced.lanes.claims).toBe(2);
  });
});

describe('tag filter', () => {
  const items = timelineItems([claim('p', '2023', '2022', '', ['ports']), claim('r', '2023', '', '', ['rail'])], [image('i', '2023', '')]);

  it('keeps the tagged claims (date and period) and, by default, the images', () => {
    expect(filterByTag(items, 'ports').map((i) => i.id)).toEqual(['claim-date:p', 'claim-period:p', 'image:i']);
    expect(filterByTag(items, 'ports', false).map((i) => i.id)).toEqual(['claim-date:p', 'claim-period:p']);
    expect(filterByTag(items, '')).toHaveLength(items.length);
  });
});

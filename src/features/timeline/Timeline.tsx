// The timeline view (issue 3, item 5): claims and images on one zoomable time axis, filtered by tag.
import { useMemo, useState } from 'react';
import type { ClaimRecord, ImageRecord } from '../../model/records';
import { claimTags, filterByTag, timelineDomain, timelineItems } from '../../model/timeline';
import { TimelineChart } from './TimelineChart';

export interface TimelineProps {
  claims: readonly ClaimRecord[];
  images: readonly ImageRecord[];
  onOpenClaim(id: string): void;
  onOpenImage(id: string): void;
}

export function Timeline({ claims, images, onOpenClaim, onOpenImage }: TimelineProps) {
  const [tag, setTag] = useState('');
  const tags = useMemo(() => claimTags(claims), [claims]);
  // A tag that no claim carries any more (deleted or renamed) shows everything rather than nothing.
  const activeTag = tags.includes(tag) ? tag : '';
  const all = useMemo(() => timelineItems(claims, images), [claims, images]);
  const items = useMemo(() => filterByTag(all, activeTag), [all, activeTag]);
  // Fit what the filter shows; when it shows nothing, keep the frame of everything.
  const fit = useMemo(() => timelineDomain(items.length > 0 ? items : all), [items, all]);

  if (all.length === 0) {
    return (
      <section role="region" aria-label="Timeline" className="timeline">
        <p className="tl-empty">No dated claims or images yet: add a date claimed or an image capture date.</p>
      </section>
    );
  }

  const filter = (
    <label className="field-inline">
      <span className="muted">Tag</span>
      <select aria-label="Tag" value={activeTag} onChange={(e) => setTag(e.target.value)}>
        <option value="">All tags</option>
        {tags.map((t) => (
          <option key={t} value={t}>{t}</option>
        ))}
      </select>
    </label>
  );

  return (
    <section role="region" aria-label="Timeline" className="timeline">
      <TimelineChart
        items={items}
        fit={fit}
        claims={claims}
        images={images}
        filter={filter}
        claimsNote={activeTag ? `No dated claims tagged “${activeTag}”` : 'No dated claims'}
        onOpenClaim={onOpenClaim}
        onOpenImage={onOpenImage}
      />
    </section>
  );
}

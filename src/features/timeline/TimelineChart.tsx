// The drawn timeline: toolbar, axis, lanes of marks and the details box of the item in hand.
import { useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { ClaimRecord, ImageRecord } from '../../model/records';
import { layoutRows, type TimeDomain, type TimelineItem } from '../../model/timeline';
import { bands, HEADER_HEIGHT, LABEL_ROOM_PX, LANE_HEIGHT, PACK_PX, placeMarks } from './marks';
import { TimelineAxis } from './TimelineAxis';
import { TimelineDetails } from './TimelineDetails';
import { TimelineLegend } from './TimelineLegend';
import { TimelineMarks } from './TimelineMarks';
import { useTimelineView } from './useTimelineView';

interface TimelineChartProps {
  items: readonly TimelineItem[];
  fit: TimeDomain;
  claims: readonly ClaimRecord[];
  images: readonly ImageRecord[];
  /** The tag filter, drawn at the start of the toolbar. */
  filter: ReactNode;
  /** Shown in the claims row when the filter leaves no claim. */
  claimsNote: string;
  onOpenClaim(id: string): void;
  onOpenImage(id: string): void;
}

export function TimelineChart(props: TimelineChartProps) {
  const { items, fit, claims, images, onOpenClaim, onOpenImage } = props;
  const { plotRef, svgRef, pointer, width, domain, endedDrag, centreOn, ...zoom } = useTimelineView(fit);
  const [shownId, setShownId] = useState<string | null>(null);
  // SVG url(#…) references need plain ids; React's useId contains punctuation.
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const detailsId = `${uid}-details`;

  // Packing depends on the zoom: at the minimum mark size, nearby days would otherwise collide.
  const msPerPx = (domain[1] - domain[0]) / width;
  const layout = useMemo(() => layoutRows(items, PACK_PX * msPerPx, LABEL_ROOM_PX * msPerPx), [items, msPerPx]);
  const marks = useMemo(() => placeMarks(layout, domain, width), [layout, domain, width]);
  const geometry = bands(layout.lanes);
  const claimById = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);
  const imageById = useMemo(() => new Map(images.map((i) => [i.id, i])), [images]);
  const shown = marks.find((m) => m.item.id === shownId && m.visible);

  const open = (item: TimelineItem) => (item.kind === 'image' ? onOpenImage : onOpenClaim)(item.recordId);

  return (
    <>
      <div className="tl-toolbar">
        {props.filter}
        <span className="sep" />
        <button type="button" onClick={zoom.zoomIn} disabled={!zoom.canZoomIn} title="Zoom in (or use the mouse wheel)">Zoom in timeline</button>
        <button type="button" onClick={zoom.zoomOut} disabled={!zoom.canZoomOut}>Zoom out timeline</button>
        <button type="button" onClick={zoom.fit}>Fit timeline</button>
        <span className="spacer" />
        <TimelineLegend />
      </div>
      <div className="tl-plot" ref={plotRef}>
        <svg
          ref={svgRef}
          className="tl-svg"
          width={width}
          height={geometry.height}
          onPointerDown={pointer.onPointerDown}
          onPointerMove={pointer.onPointerMove}
          onPointerUp={pointer.onPointerUp}
          onPointerCancel={pointer.onPointerCancel}
        >
          <defs>
            <linearGradient id={`${uid}-fade-right`}>
              <stop className="tl-fade-stop" offset="0" stopOpacity="1" />
              <stop className="tl-fade-stop" offset="1" stopOpacity="0" />
            </linearGradient>
            <linearGradient id={`${uid}-fade-left`}>
              <stop className="tl-fade-stop" offset="0" stopOpacity="0" />
              <stop className="tl-fade-stop" offset="1" stopOpacity="1" />
            </linearGradient>
          </defs>
          {(['claims', 'images'] as const).map((row) => (
            <g key={row} className={`tl-band tl-band-${row}`}>
              <rect x={0} y={geometry.headerTop[row]} width={width} height={HEADER_HEIGHT + Math.max(1, layout.lanes[row]) * LANE_HEIGHT} />
              <text className="tl-band-title" x={8} y={geometry.headerTop[row] + 13}>{row === 'claims' ? 'Claims' : 'Images'}</text>
              {layout.lanes[row] === 0 && (
                <text className="tl-none" x={8} y={geometry.lanesTop[row] + 16}>{row === 'claims' ? props.claimsNote : 'No dated images'}</text>
              )}
            </g>
          ))}
          <TimelineAxis domain={domain} width={width} height={geometry.height} />
          <TimelineMarks
            marks={marks}
            width={width}
            fadeIds={{ left: `${uid}-fade-left`, right: `${uid}-fade-right` }}
            detailsId={shown ? detailsId : undefined}
            shownId={shownId}
            onShow={setShownId}
            onHide={(id) => setShownId((s) => (s === id ? null : s))}
            onReveal={(item) => centreOn((item.startMs + item.endMs) / 2)}
            onOpen={(item, byPointer) => {
              if (!byPointer || !endedDrag()) open(item);
            }}
          />
        </svg>
        {shown && (
          <TimelineDetails
            id={detailsId}
            mark={shown}
            width={width}
            height={geometry.height}
            claim={claimById.get(shown.item.recordId)}
            image={imageById.get(shown.item.recordId)}
          />
        )}
      </div>
    </>
  );
}

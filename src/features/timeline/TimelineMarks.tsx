// The items as SVG: claim dates as marks covering their span (a diamond when too narrow to show
// one), periods as thin bars fading out at an open end, images as amber pills in their own row.
import type { KeyboardEvent } from 'react';
import { itemName, type TimelineItem } from '../../model/timeline';
import { drawnSpan, LANE_HEIGHT, MIN_MARK_PX, type Mark } from './marks';

const FADE_PX = 48;

interface TimelineMarksProps {
  marks: readonly Mark[];
  width: number;
  fadeIds: { left: string; right: string };
  /** The details box's id while it shows, to describe the item it belongs to. */
  detailsId: string | undefined;
  shownId: string | null;
  onShow(id: string): void;
  onHide(id: string): void;
  onOpen(item: TimelineItem, byPointer: boolean): void;
  /** Brings an item scrolled out of view back in, when the keyboard reaches it. */
  onReveal(item: TimelineItem): void;
}

export function TimelineMarks({ marks, width, fadeIds, detailsId, shownId, onShow, onHide, onOpen, onReveal }: TimelineMarksProps) {
  return (
    <g className="tl-marks">
      {marks.map((mark) => {
        const { item, focusable } = mark;
        const { left, right } = drawnSpan(mark);
        const onKeyDown = (e: KeyboardEvent) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            onOpen(item, false);
          } else if (e.key === 'Escape') onHide(item.id);
        };
        return (
          <g
            key={item.id}
            className={`tl-item tl-${item.kind}${item.imageDate === 'released' ? ' tl-released' : ''}`}
            role={focusable ? 'button' : undefined}
            tabIndex={focusable ? 0 : undefined}
            aria-label={focusable ? itemName(item) : undefined}
            aria-hidden={focusable ? undefined : true}
            aria-describedby={focusable && shownId === item.id ? detailsId : undefined}
            onClick={() => onOpen(item, true)}
            onKeyDown={focusable ? onKeyDown : undefined}
            onPointerEnter={() => onShow(item.id)}
            onPointerLeave={() => onHide(item.id)}
            onFocus={() => {
              if (!mark.visible) onReveal(item);
              onShow(item.id);
            }}
            onBlur={() => onHide(item.id)}
          >
            {/* A lane-high target, so thin bars and small marks are easy to hover. */}
            <rect className="tl-hit" x={left} y={mark.y} width={right - left} height={LANE_HEIGHT} />
            <Shape mark={mark} width={width} fadeIds={fadeIds} />
            {mark.text && (
              <text className="tl-label" x={mark.textX} y={mark.y + 14} textAnchor={mark.textAnchor}>{mark.text}</text>
            )}
          </g>
        );
      })}
    </g>
  );
}

function Shape({ mark, width, fadeIds }: { mark: Mark; width: number; fadeIds: { left: string; right: string } }) {
  const { item, y } = mark;
  const { left, right } = drawnSpan(mark);
  const narrow = mark.x1 - mark.x0 < MIN_MARK_PX;
  const mid = (left + right) / 2;
  const half = MIN_MARK_PX / 2;
  if (item.kind === 'claim-date') {
    const cy = y + 10;
    return narrow ? (
      <path className="tl-shape" d={`M${mid},${cy - half}L${mid + half},${cy}L${mid},${cy + half}L${mid - half},${cy}Z`} />
    ) : (
      <rect className="tl-shape" x={left} y={cy - half} width={right - left} height={MIN_MARK_PX} rx={3} />
    );
  }
  if (item.kind === 'image') {
    const cy = y + 10;
    return narrow ? (
      <circle className="tl-shape" cx={mid} cy={cy} r={half - 0.5} />
    ) : (
      <rect className="tl-shape" x={left} y={cy - half} width={right - left} height={MIN_MARK_PX} rx={half} />
    );
  }
  // A claim's period: thin under its date mark, or on the mark's line when the claim has no date.
  const barY = mark.focusable ? y + 7 : y + 19;
  const barH = mark.focusable ? 6 : 4;
  const solidLeft = item.openStart ? Math.min(FADE_PX, right) : left;
  const solidRight = item.openEnd ? Math.max(width - FADE_PX, left) : right;
  return (
    <g className="tl-shape">
      {item.openStart && <rect className="tl-fade" x={0} y={barY} width={solidLeft} height={barH} fill={`url(#${fadeIds.left})`} />}
      {solidRight > solidLeft && <rect x={solidLeft} y={barY} width={solidRight - solidLeft} height={barH} rx={item.openStart || item.openEnd ? 0 : barH / 2} />}
      {item.openEnd && <rect className="tl-fade" x={solidRight} y={barY} width={width - solidRight} height={barH} fill={`url(#${fadeIds.right})`} />}
    </g>
  );
}

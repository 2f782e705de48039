// The details box of the hovered or focused item: full dates in words, who claimed it or what the
// image is, and for claims the period they are about.
import type { ClaimRecord, ImageRecord } from '../../model/records';
import { formatPartialDate } from '../../model/timeline';
import { drawnSpan, LANE_HEIGHT, type Mark } from './marks';

const BOX_WIDTH = 300;
/** Rough height of the box, to open it upwards from items near the bottom. */
const BOX_HEIGHT_GUESS = 120;

interface TimelineDetailsProps {
  id: string;
  mark: Mark;
  width: number;
  height: number;
  claim: ClaimRecord | undefined;
  image: ImageRecord | undefined;
}

export function TimelineDetails({ id, mark, width, height, claim, image }: TimelineDetailsProps) {
  const { left, right } = drawnSpan(mark);
  // Beside the pointer's end of a long bar would be anywhere; next to the item's start reads best.
  const anchor = Math.max(0, Math.min(left, right - 40));
  const x = Math.max(4, Math.min(anchor, width - BOX_WIDTH - 4));
  const below = mark.y + LANE_HEIGHT + BOX_HEIGHT_GUESS < height || mark.y < BOX_HEIGHT_GUESS;
  const style = below ? { left: x, top: mark.y + LANE_HEIGHT } : { left: x, bottom: height - mark.y };
  return (
    <div id={id} role="tooltip" className="tl-details" style={{ ...style, maxWidth: BOX_WIDTH }}>
      {mark.item.kind === 'image' ? <ImageDetails mark={mark} image={image} /> : <ClaimDetails claim={claim} />}
    </div>
  );
}

function ClaimDetails({ claim }: { claim: ClaimRecord | undefined }) {
  if (!claim) return null;
  const { from, to } = claim.period;
  const who = [claim.claimant, claim.role].filter(Boolean).join(', ');
  return (
    <>
      <p className="tl-details-title">{claim.statement || 'Untitled claim'}</p>
      {who && <p>{who}</p>}
      <p><span className="muted">Claimed </span>{claim.claimedAt ? formatPartialDate(claim.claimedAt) : 'date unknown'}</p>
      {(from || to) && (
        <p>
          <span className="muted">About </span>
          {from && to ? `${formatPartialDate(from)} to ${formatPartialDate(to)}` : from ? `${formatPartialDate(from)} onwards (no end given)` : `up to ${formatPartialDate(to)} (no start given)`}
        </p>
      )}
      {claim.tags.length > 0 && <p className="muted">{claim.tags.join(' · ')}</p>}
    </>
  );
}

function ImageDetails({ mark, image }: { mark: Mark; image: ImageRecord | undefined }) {
  if (!image) return null;
  const captured = mark.item.imageDate === 'captured';
  return (
    <>
      <p className="tl-details-title">{image.source.title || image.fileName}</p>
      {image.source.title && <p className="muted">{image.fileName}</p>}
      <p>
        <span className="muted">{captured ? 'Captured ' : 'Released '}</span>
        {formatPartialDate(mark.item.from)}
        {!captured && <span className="muted"> (capture date unknown)</span>}
      </p>
      {captured && image.releasedAt && (
        <p><span className="muted">Released </span>{formatPartialDate(image.releasedAt)}</p>
      )}
      {image.source.publisher && <p className="muted">{image.source.publisher}</p>}
    </>
  );
}

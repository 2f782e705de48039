// One claim in a list: date and claimant above its statement. Click, Enter or Space chooses it.
import { claimSummary } from '../../model/claimQuery';
import type { ClaimRecord } from '../../model/records';

interface Props {
  claim: ClaimRecord;
  selected: boolean;
  /** How many boxes are linked to it, when the list shows that. */
  links?: number;
  onChoose(): void;
  onOpen?(): void;
}

export function ClaimOption({ claim, selected, links, onChoose, onOpen }: Props) {
  return (
    <div
      role="option"
      tabIndex={0}
      aria-selected={selected}
      className="claim-row"
      onClick={onChoose}
      onDoubleClick={onOpen}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onChoose();
        }
      }}
    >
      <span className="claim-meta">
        {claim.claimedAt || 'undated'} · {claim.claimant || 'unknown claimant'}
        {links !== undefined && (
          <span className="badge" title="Linked boxes">
            {links}
          </span>
        )}
      </span>
      <span className="claim-statement">{claimSummary(claim)}</span>
    </div>
  );
}

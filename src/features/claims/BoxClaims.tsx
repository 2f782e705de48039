// The claims a selected box is linked to, with relation and note, and the way to add more.
import type { Annotation } from '../../model/records';
import { claimSummary } from '../../model/claimQuery';
import { unlink } from '../../state/claimCommands';
import { useServices } from '../app/services';
import { relationName } from './LinkDialog';
import type { CaseClaims } from './useCaseClaims';

export function BoxClaims({ selected, data, onLink }: { selected: readonly Annotation[]; data: CaseClaims; onLink(): void }) {
  const services = useServices();
  const box = selected.length === 1 ? selected[0] : undefined;
  const links = box ? (data.linksByBox.get(box.id) ?? []) : [];
  return (
    <div className="box-claims" aria-label="Linked claims" role="group">
      <h3>Linked claims</h3>
      {box && links.length === 0 && <p className="muted small">Not linked to any claim yet.</p>}
      {!box && <p className="muted small">{selected.length} boxes selected.</p>}
      <ul className="link-list">
        {links.map((l) => {
          const claim = data.claimById.get(l.claimId);
          return (
            <li key={l.id} className={`relation-${l.relation}`}>
              <button
                className="link"
                title="Show this claim"
                onClick={() => {
                  services.session.getState().selectClaim(l.claimId);
                  services.session.getState().showCenter('claim');
                }}
              >
                {relationName(l.relation)}: {claim ? claimSummary(claim, 70) : 'a deleted claim'}
              </button>
              {l.note && <span className="muted small"> — {l.note}</span>}
              <button className="link" aria-label={`Unlink from ${claim ? claimSummary(claim, 40) : 'claim'}`} onClick={() => void unlink(services, [l.id])}>
                Unlink
              </button>
            </li>
          );
        })}
      </ul>
      <button onClick={onLink} title="Link the selected boxes to a claim (L)">
        Link to claim
      </button>
    </div>
  );
}

// "Link to claim": pick a claim (searchable), how the selected boxes bear on it, and a note.
import { useMemo, useState } from 'react';
import { filterClaims, NO_FILTER, sortClaims } from '../../model/claimQuery';
import { RELATIONS, type ClaimRecord, type Relation } from '../../model/records';
import { Dialog } from '../common/Dialog';
import { ClaimOption } from './ClaimOption';

const RELATION_NAMES: Record<Relation, string> = { supports: 'Supports', contradicts: 'Contradicts', context: 'Context' };
export const relationName = (r: Relation) => RELATION_NAMES[r];

interface Props {
  claims: readonly ClaimRecord[];
  boxCount: number;
  initialClaimId: string | null;
  onLink(claimId: string, relation: Relation, note: string): void;
  onCancel(): void;
}

export function LinkDialog({ claims, boxCount, initialClaimId, onLink, onCancel }: Props) {
  const [text, setText] = useState('');
  const [claimId, setClaimId] = useState<string | null>(initialClaimId);
  const [relation, setRelation] = useState<Relation>('supports');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const shown = useMemo(() => sortClaims(filterClaims(claims, { ...NO_FILTER, text })), [claims, text]);
  // A choice the search hides is not acted on: Enter or "Link" must never link to a claim out of sight.
  const chosen = shown.some((c) => c.id === claimId) ? claimId : null;

  const choose = (id: string) => {
    setClaimId(id);
    setProblem(null);
  };
  const submit = () => {
    if (!chosen) return setProblem('Choose one of the claims shown to link to; nothing was linked.');
    onLink(chosen, relation, note.trim());
  };
  return (
    <Dialog title="Link to claim" submitLabel="Link" onSubmit={submit} onCancel={onCancel} wide>
      <p className="muted">{boxCount === 1 ? 'The selected box' : `The ${boxCount} selected boxes`} will be linked to the claim you choose.</p>
      <label className="field">
        Find claim
        <input aria-label="Find claim" autoFocus value={text} placeholder="words from the statement, claimant, tags…" onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="claim-list picker" role="listbox" aria-label="Claims to link">
        {shown.length === 0 && <p className="muted">{claims.length ? 'No claim matches.' : 'This case has no claims yet: create one with “New claim”.'}</p>}
        {shown.map((c) => (
          <ClaimOption key={c.id} claim={c} selected={c.id === chosen} onChoose={() => choose(c.id)} />
        ))}
      </div>
      <fieldset className="relation">
        <legend>Relation</legend>
        {RELATIONS.map((r) => (
          <label key={r}>
            <input type="radio" name="relation" value={r} checked={relation === r} onChange={() => setRelation(r)} /> {RELATION_NAMES[r]}
          </label>
        ))}
      </fieldset>
      <label className="field">
        Link note
        <input aria-label="Link note" value={note} maxLength={2000} placeholder="optional: why this box bears on the claim" onChange={(e) => setNote(e.target.value)} />
      </label>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </Dialog>
  );
}

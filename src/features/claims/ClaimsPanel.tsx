// The case's claims: search and filter, choose one (its boxes light up on the canvas), open,
// edit or delete it, and bring claims in or out as CSV. The arrows move between claims.
import { useMemo, useState } from 'react';
import { NO_FILTER, claimTags, filterClaims, filterProblems, sortClaims, type ClaimFilter } from '../../model/claimQuery';
import { createClaims, updateClaim } from '../../state/claimCommands';
import { useServices, useSession } from '../app/services';
import { focusStepAmongOptions } from '../common/listboxKeys';
import { ClaimCsvButtons } from './ClaimCsvButtons';
import { ClaimFormDialog } from './ClaimFormDialog';
import { ClaimOption } from './ClaimOption';
import { DeleteClaimButton } from './DeleteClaimButton';
import type { CaseClaims } from './useCaseClaims';

type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; id: string };

export function ClaimsPanel({ data }: { data: CaseClaims }) {
  const services = useServices();
  const { session } = services;
  const caseId = useSession((s) => s.caseId);
  const claimId = useSession((s) => s.claimId);
  const [filter, setFilter] = useState<ClaimFilter>(NO_FILTER);
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const shown = useMemo(() => sortClaims(filterClaims(data.claims, filter), order), [data.claims, filter, order]);
  const tags = useMemo(() => claimTags(data.claims), [data.claims]);
  const selected = claimId ? data.claimById.get(claimId) : undefined;
  const set = (patch: Partial<ClaimFilter>) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <section className="claims-panel" aria-label="Claims of this case">
      <div className="button-row">
        <button className="primary" disabled={!caseId} onClick={() => setEditing({ kind: 'new' })}>
          New claim
        </button>
        <ClaimCsvButtons claims={data.claims} />
      </div>
      <div className="claim-filters">
        <input aria-label="Search claims" placeholder="Search claims" value={filter.text} onChange={(e) => set({ text: e.target.value })} />
        <input aria-label="Filter by claimant" placeholder="Claimant" value={filter.claimant} onChange={(e) => set({ claimant: e.target.value })} />
        <select aria-label="Filter by tag" value={filter.tag} onChange={(e) => set({ tag: e.target.value })}>
          <option value="">All tags</option>
          {tags.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
        <input aria-label="Claimed from" placeholder="from YYYY-MM-DD" value={filter.from} onChange={(e) => set({ from: e.target.value })} />
        <input aria-label="Claimed to" placeholder="to YYYY-MM-DD" value={filter.to} onChange={(e) => set({ to: e.target.value })} />
        <select aria-label="Sort by date" value={order} onChange={(e) => setOrder(e.target.value as 'asc' | 'desc')}>
          <option value="asc">Oldest first</option>
          <option value="desc">Newest first</option>
        </select>
      </div>
      {filterProblems(filter).map((problem) => (
        <p key={problem} role="alert" className="error small">
          {problem}
        </p>
      ))}
      <p className="muted small">
        {shown.length === data.claims.length ? `${data.claims.length} claims` : `${shown.length} of ${data.claims.length} claims`}
      </p>
      <div className="claim-list" role="listbox" aria-label="Claims" onKeyDown={focusStepAmongOptions}>
        {shown.map((c) => (
          <ClaimOption
            key={c.id}
            claim={c}
            selected={c.id === claimId}
            links={data.linksByClaim.get(c.id)?.length ?? 0}
            onChoose={() => session.getState().selectClaim(c.id === claimId ? null : c.id)}
            onOpen={() => {
              session.getState().selectClaim(c.id);
              session.getState().showCenter('claim');
            }}
          />
        ))}
      </div>
      {selected && (
        <div className="button-row">
          <button onClick={() => session.getState().showCenter('claim')}>Open claim</button>
          <button onClick={() => setEditing({ kind: 'edit', id: selected.id })}>Edit claim</button>
          <DeleteClaimButton claim={selected} links={data.linksByClaim.get(selected.id) ?? []} />
        </div>
      )}
      {editing.kind !== 'none' && (
        <ClaimFormDialog
          claim={editing.kind === 'edit' ? (data.claimById.get(editing.id) ?? null) : null}
          onCancel={() => setEditing({ kind: 'none' })}
          onSave={async (fields) => {
            setEditing({ kind: 'none' });
            if (editing.kind === 'edit') await updateClaim(services, editing.id, fields);
            else if (caseId) {
              const [created] = await createClaims(services, caseId, [fields]);
              if (created) session.getState().selectClaim(created.id);
            }
          }}
        />
      )}
    </section>
  );
}

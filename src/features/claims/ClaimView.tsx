// One claim in full: what was said, by whom and when, and every linked box as a crop of its
// image, grouped by how it bears on the claim, with counts and the quantity check.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { getAnnotations } from '../../db/annotations';
import { listImages } from '../../db/images';
import type { LabelDef } from '../../model/labels';
import { describeEvidence, describeTally, formatQuantity, tallyEvidence, tallyVerdict, type LinkedBox } from '../../model/quantity';
import { RELATIONS, type ClaimRecord } from '../../model/records';
import { useServices, useSession } from '../app/services';
import { EvidenceCrop } from './EvidenceCrop';
import { relationName } from './LinkDialog';
import { RecordHistory } from '../common/RecordHistory';
import type { CaseClaims } from './useCaseClaims';

export function ClaimView({ data, labels }: { data: CaseClaims; labels: readonly LabelDef[] }) {
  const claimId = useSession((s) => s.claimId);
  const claim = claimId ? data.claimById.get(claimId) : undefined;
  if (!claim) return <div className="claim-view muted">Choose a claim in the Claims list to see its evidence.</div>;
  return <ClaimDetails key={claim.id} claim={claim} data={data} labels={labels} />;
}

function ClaimDetails({ claim, data, labels }: { claim: ClaimRecord; data: CaseClaims; labels: readonly LabelDef[] }) {
  const { db } = useServices();
  const links = data.linksByClaim.get(claim.id);
  const linked = useLiveQuery(async (): Promise<LinkedBox[]> => {
    const list = links ?? [];
    const boxes = new Map((await getAnnotations(db, list.map((l) => l.annotationId))).map((a) => [a.id, a]));
    const images = new Map((await listImages(db, claim.caseId)).map((i) => [i.id, i]));
    return list.flatMap((link) => {
      const annotation = boxes.get(link.annotationId);
      return annotation ? [{ link, annotation, image: images.get(annotation.imageId) }] : [];
    });
  }, [db, links, claim.caseId]);

  const labelNames = useMemo(() => labels.map((l) => l.name), [labels]);
  const counts = useMemo(() => {
    const m = new Map<string, Record<string, number>>();
    for (const { link, annotation } of linked ?? []) {
      const row = m.get(annotation.label) ?? { supports: 0, contradicts: 0, context: 0 };
      row[link.relation] = (row[link.relation] ?? 0) + 1;
      m.set(annotation.label, row);
    }
    return [...m].sort((a, b) => a[0].localeCompare(b[0]));
  }, [linked]);
  const tally = linked && claim.quantity ? tallyEvidence(claim, linked, labelNames) : null;
  const against = linked && claim.quantity ? tallyEvidence(claim, linked, labelNames, 'contradicts') : null;

  return (
    <article className="claim-view" aria-label="Claim">
      <blockquote className="statement">{claim.statement}</blockquote>
      <p>
        <strong>{claim.claimant || 'Unknown claimant'}</strong>
        {claim.role && `, ${claim.role}`} · claimed {claim.claimedAt || 'on an unknown date'}
        {(claim.period.from || claim.period.to) && ` · about ${claim.period.from || '…'} to ${claim.period.to || '…'}`}
      </p>
      {(claim.source.title || claim.source.publisher || claim.source.url) && (
        <p className="muted">
          Source: {[claim.source.title, claim.source.publisher].filter(Boolean).join(', ')}
          {claim.source.url && <> · <span className="url">{claim.source.url}</span></>}
          {claim.source.accessedAt && ` (accessed ${claim.source.accessedAt})`}
        </p>
      )}
      {claim.tags.length > 0 && <p className="tags">{claim.tags.map((t) => <span key={t} className="tag">{t}</span>)}</p>}
      {claim.quantity && (
        <section className="quantity-check" aria-label="Quantity check">
          {tally ? (
            <p className={`verdict-${tallyVerdict(claim.quantity, tally.total)}`}>
              {describeTally(claim.quantity, tally)}
              {against && against.boxes > 0 && `; contradicting: ${describeEvidence(claim.quantity, against)}`}
            </p>
          ) : (
            <p className="muted">
              claimed: {formatQuantity(claim.quantity)}; no label of this case counts “{claim.quantity.unit}”, so the boxes cannot be tallied against it.
            </p>
          )}
        </section>
      )}
      {counts.length > 0 && (
        <table className="relation-counts" aria-label="Linked boxes by label">
          <thead>
            <tr>
              <th>Label</th>
              {RELATIONS.map((r) => (
                <th key={r}>{relationName(r)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {counts.map(([label, row]) => (
              <tr key={label}>
                <td>{label}</td>
                {RELATIONS.map((r) => (
                  <td key={r} className="num">
                    {row[r]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {linked && linked.length === 0 && <p className="muted">No boxes are linked to this claim yet. Select boxes and use “Link to claim” (L).</p>}
      {RELATIONS.map((relation) => {
        const group = (linked ?? []).filter((l) => l.link.relation === relation);
        return group.length === 0 ? null : (
          <section key={relation} className="evidence-group" aria-label={`${relationName(relation)} evidence`}>
            <h3>
              {relationName(relation)} ({group.length})
            </h3>
            <div className="crops">
              {group.map((l) => (
                <EvidenceCrop key={l.link.id} box={l.annotation} image={l.image} link={l.link} labels={labels} />
              ))}
            </div>
          </section>
        );
      })}
      <RecordHistory entityId={claim.id} />
    </article>
  );
}

// What an import would change, per kind of record, and where it would go; nothing is written
// until "Import" is pressed.
import type { Manifest } from '../../bundle/bundleFormat';
import type { ImportPlan, Outcome } from '../../bundle/importPlan';
import type { ImportTarget } from '../../state/importBundle';
import { Dialog } from '../common/Dialog';

const TABLES = [
  { table: 'cases', name: 'Case' },
  { table: 'images', name: 'Images' },
  { table: 'annotations', name: 'Boxes' },
  { table: 'claims', name: 'Claims' },
  { table: 'links', name: 'Links' },
  { table: 'reviews', name: 'Verdicts' },
] as const;
const OUTCOMES: { outcome: Outcome; name: string }[] = [
  { outcome: 'added', name: 'Added' },
  { outcome: 'present', name: 'Already present' },
  { outcome: 'conflict', name: 'Conflicts (kept as here)' },
];

interface Props {
  manifest: Manifest;
  plan: ImportPlan;
  target: ImportTarget;
  openCaseId: string | null;
  onTarget(target: ImportTarget): void;
  onImport(): void;
  onCancel(): void;
}

export function ImportPreview({ manifest, plan, target, openCaseId, onTarget, onImport, onCancel }: Props) {
  const count = (table: string, outcome: Outcome) => plan.records.filter((r) => r.table === table && r.outcome === outcome).length;
  return (
    <Dialog title="Import bundle" submitLabel="Import" onSubmit={onImport} onCancel={onCancel} wide>
      <p>
        “{manifest.case.name}”, exported by {manifest.exportedBy || 'an unnamed analyst'} on {manifest.createdAt.slice(0, 10)} with {manifest.app.name} {manifest.app.version}.
        Every file matched its SHA-256 and the audit log verifies.
      </p>
      <fieldset className="relation">
        <legend>Import</legend>
        <label>
          <input type="radio" name="target" checked={target.kind === 'own'} onChange={() => onTarget({ kind: 'own' })} /> As its own case
        </label>
        <label>
          <input type="radio" name="target" disabled={!openCaseId} checked={target.kind === 'into'} onChange={() => openCaseId && onTarget({ kind: 'into', caseId: openCaseId })} /> Into the open case
        </label>
      </fieldset>
      <table className="relation-counts" aria-label="What the import changes">
        <thead>
          <tr>
            <th />
            {OUTCOMES.map((o) => (
              <th key={o.outcome}>{o.name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {TABLES.map((t) => (
            <tr key={t.table}>
              <td>{t.name}</td>
              {OUTCOMES.map((o) => (
                <td key={o.outcome} className="num">
                  {count(t.table, o.outcome)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {plan.counts.added === 0 && <p className="muted">Everything in this bundle is already here: importing changes nothing.</p>}
    </Dialog>
  );
}

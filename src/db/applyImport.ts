// Writes an import plan in one transaction: the new records, their originals with what was
// derived from them (thumbnails, previews), and the audit trail, or nothing at all.
import type { ImportPlan } from '../bundle/importPlan';
import type { UnsignedAudit } from '../model/auditChain';
import type { DerivedImages } from '../model/derivedImages';
import { DOCUMENT_TABLES, type Annotation, type AuditRecord, type Id, type ImageRecord } from '../model/records';
import { appendAudit } from './audit';
import { documentStores, type EvidenceDatabase } from './database';
import { boxesWritten, derivedBoxStores } from './derivedBoxData';
import { putDerived } from './images';

export interface ImportSource {
  /** A summary of the bundle for the audit record (manifest facts, never bytes). */
  bundle: Record<string, unknown>;
  /** The bundle's own audit records, carried over when its case arrives as a new case. */
  audit: readonly AuditRecord[];
  originals: ReadonlyMap<string, Blob>;
  /** Made from the originals on this machine (a bundle never carries derived data), by SHA-256. */
  derived: ReadonlyMap<string, DerivedImages>;
}

export async function applyImport(db: EvidenceDatabase, plan: ImportPlan, source: ImportSource, author: string): Promise<void> {
  const added = plan.records.filter((r) => r.outcome === 'added');
  // Importing what is already here changes nothing, not even the log.
  if (added.length === 0) return;
  await db.transaction('rw', [...documentStores(db), ...derivedBoxStores(db), db.blobs, db.thumbnails, db.previews, db.audit], async () => {
    const caseIsNew = plan.asOwnCase && !(await db.cases.get(plan.targetCaseId));
    for (const table of DOCUMENT_TABLES) {
      const rows = added.filter((r) => r.table === table).map((r) => r.record);
      if (rows.length) await db.table(table).bulkAdd(rows);
    }
    // Added, never replaced: an import adds only what is not stored yet (bulkAdd fails otherwise).
    await boxesWritten(db, [], added.flatMap((r) => (r.table === 'annotations' ? [(r.record as Annotation).imageId] : [])));
    for (const { record } of added.filter((r) => r.table === 'images')) {
      const image = record as ImageRecord;
      if (!(await db.blobs.get(image.sha256))) await db.blobs.add({ sha256: image.sha256, bytes: source.originals.get(image.sha256)! });
      const derived = source.derived.get(image.sha256);
      if (derived) await putDerived(db, image.sha256, derived);
    }
    const at = new Date().toISOString();
    // A case new to this machine keeps its history: the bundle's chain continues here.
    if (caseIsNew) await db.audit.bulkAdd(source.audit.map(({ seq: _seq, ...r }) => r));
    const entries: UnsignedAudit[] = caseIsNew
      ? []
      : added.map((r) => ({ at, author, action: 'create', entity: r.table, entityId: (r.record as { id: Id }).id, caseId: plan.targetCaseId, before: null, after: r.record }));
    entries.push({ at, author, action: 'import', entity: 'cases', entityId: plan.targetCaseId, caseId: plan.targetCaseId, before: null, after: { bundle: source.bundle, ...plan.counts } });
    await appendAudit(db, entries);
  });
}

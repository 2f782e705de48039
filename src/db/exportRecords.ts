// Exports leave the database unchanged but are part of the chain of custody: who handed which
// state of the case to whom, as what file. One audit record per finished export, appended after
// the file was closed, so a cancelled or failed export leaves no record.
import type { Id } from '../model/records';
import { appendAudit } from './audit';
import type { EvidenceDatabase } from './database';

/** What an export record says: the kind of export, the file's name, and facts that pin it down. */
export type ExportFacts =
  | { kind: 'bundle'; file: string; createdAt: string; auditHead: string; counts: Record<string, number>; files: number }
  | { kind: 'annotations'; file: string; format: string; scope: 'case' | 'image'; imageId?: Id; boxes: number };

export function recordExport(db: EvidenceDatabase, caseId: Id, author: string, facts: ExportFacts): Promise<void> {
  return db.transaction('rw', db.audit, () =>
    appendAudit(db, [{ at: new Date().toISOString(), author, action: 'export', entity: 'cases', entityId: caseId, caseId, before: null, after: facts }]),
  );
}

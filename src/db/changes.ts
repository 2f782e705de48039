// Every document change goes through here: one rw transaction that writes the records and
// appends one audit record per changed record. Undo applies the inverse change the same way.
import type { UnsignedAudit } from '../model/auditChain';
import { DOCUMENT_TABLES, type DocumentRecordOf, type DocumentTable, type Id } from '../model/records';
import { appendAudit } from './audit';
import { dropBoxSnapshots } from './boxSnapshots';
import { documentStores, type EvidenceDatabase } from './database';

export type DocChange = {
  [T in DocumentTable]: { table: T; id: Id; caseId: Id; before: DocumentRecordOf[T] | null; after: DocumentRecordOf[T] | null };
}[DocumentTable];

export function invertChanges(changes: readonly DocChange[]): DocChange[] {
  return [...changes].reverse().map((c) => ({ ...c, before: c.after, after: c.before }) as DocChange);
}

export async function applyChanges(db: EvidenceDatabase, requested: readonly DocChange[], author: string): Promise<void> {
  if (requested.length === 0) return;
  const at = new Date().toISOString();
  await db.transaction('rw', [...documentStores(db), db.boxSnapshots, db.audit], async () => {
    const changes = await withFreshRevisions(db, requested, at);
    for (const table of DOCUMENT_TABLES) {
      const mine = changes.filter((c) => c.table === table);
      const puts = mine.flatMap((c) => (c.after ? [c.after] : []));
      const deletes = mine.filter((c) => !c.after).map((c) => c.id);
      if (puts.length) await db.table(table).bulkPut(puts);
      if (deletes.length) await db.table(table).bulkDelete(deletes);
    }
    await dropBoxSnapshots(db, changes.flatMap((c) => (c.table === 'annotations' ? [c.before?.imageId, c.after?.imageId].filter((id) => id !== undefined) : [])));
    await appendAudit(db, changes.map((c) => toAudit(c, author, at)));
  });
}

/**
 * A box written back by undo or redo carries the revision it had then; stored revisions must
 * only grow, so such a write becomes the next revision of what is stored now.
 */
async function withFreshRevisions(db: EvidenceDatabase, changes: readonly DocChange[], at: string): Promise<DocChange[]> {
  const puts = changes.filter((c) => c.table === 'annotations' && c.after);
  if (puts.length === 0) return [...changes];
  const stored = new Map((await db.annotations.bulkGet(puts.map((c) => c.id))).flatMap((a) => (a ? [[a.id, a.revision] as const] : [])));
  return changes.map((c) => {
    if (c.table !== 'annotations' || !c.after) return c;
    const current = stored.get(c.id);
    return current !== undefined && c.after.revision <= current ? { ...c, after: { ...c.after, revision: current + 1, updatedAt: at } } : c;
  });
}

function toAudit(c: DocChange, author: string, at: string): UnsignedAudit {
  const action = c.before && c.after ? 'update' : c.after ? 'create' : 'delete';
  return { at, author, action, entity: c.table, entityId: c.id, caseId: c.caseId, before: c.before, after: c.after };
}

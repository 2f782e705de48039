// Every document change goes through here: one rw transaction that writes the records and
// appends one audit record per changed record. Undo applies the inverse change the same way.
import type { UnsignedAudit } from '../model/auditChain';
import { DOCUMENT_TABLES, type Annotation, type DocumentRecordOf, type DocumentTable, type Id } from '../model/records';
import { appendAudit } from './audit';
import { documentStores, type EvidenceDatabase } from './database';
import { boxesWritten, derivedBoxStores } from './derivedBoxData';

export type DocChange = {
  [T in DocumentTable]: { table: T; id: Id; caseId: Id; before: DocumentRecordOf[T] | null; after: DocumentRecordOf[T] | null };
}[DocumentTable];

export function invertChanges(changes: readonly DocChange[]): DocChange[] {
  return [...changes].reverse().map((c) => ({ ...c, before: c.after, after: c.before }) as DocChange);
}

export async function applyChanges(db: EvidenceDatabase, requested: readonly DocChange[], author: string): Promise<void> {
  if (requested.length === 0) return;
  const at = new Date().toISOString();
  await db.transaction('rw', [...documentStores(db), ...derivedBoxStores(db), db.blobs, db.audit], async () => {
    // The boxes as stored, not as the change remembers them: what is derived from boxes follows these.
    const boxIds = requested.flatMap((c) => (c.table === 'annotations' ? [c.id] : []));
    const stored = new Map((await db.annotations.bulkGet(boxIds)).flatMap((a) => (a ? [[a.id, a] as const] : [])));
    const changes = withFreshRevisions(requested, stored, at);
    for (const table of DOCUMENT_TABLES) {
      const mine = changes.filter((c) => c.table === table);
      const puts = mine.flatMap((c) => (c.after ? [c.after] : []));
      const deletes = mine.filter((c) => !c.after).map((c) => c.id);
      if (puts.length) await db.table(table).bulkPut(puts);
      if (deletes.length) await db.table(table).bulkDelete(deletes);
    }
    await boxesWritten(db, [...stored.values()].map((a) => a.imageId), [...boxesAfter(changes).values()]);
    await checkImagesWhole(db, changes);
    await appendAudit(db, changes.map((c) => toAudit(c, author, at)));
  });
}

/**
 * An image leaves its case only without boxes, and comes back (redo of its import) only while
 * its original bytes are stored; otherwise the whole change is refused and nothing is written.
 */
async function checkImagesWhole(db: EvidenceDatabase, changes: readonly DocChange[]): Promise<void> {
  for (const c of changes) {
    if (c.table !== 'images') continue;
    if (c.before && !c.after && (await db.annotations.where('imageId').equals(c.id).first()))
      throw new Error(`${c.before.fileName} has boxes that were not added by the steps undone; delete them first`);
    if (c.after && !c.before && (await db.blobs.where(':id').equals(c.after.sha256).count()) === 0)
      throw new Error(`the original bytes of ${c.after.fileName} are no longer stored`);
  }
}

/** The image of each box stored once the changes are written (deletes run after puts, as above). */
function boxesAfter(changes: readonly DocChange[]): Map<Id, Id> {
  const after = new Map<Id, Id>();
  for (const c of changes) if (c.table === 'annotations' && c.after) after.set(c.id, c.after.imageId);
  for (const c of changes) if (c.table === 'annotations' && !c.after) after.delete(c.id);
  return after;
}

/**
 * A box written back by undo or redo carries the revision it had then; stored revisions must
 * only grow, so such a write becomes the next revision of what is stored now.
 */
function withFreshRevisions(changes: readonly DocChange[], stored: ReadonlyMap<Id, Annotation>, at: string): DocChange[] {
  return changes.map((c) => {
    if (c.table !== 'annotations' || !c.after) return c;
    const current = stored.get(c.id)?.revision;
    return current !== undefined && c.after.revision <= current ? { ...c, after: { ...c.after, revision: current + 1, updatedAt: at } } : c;
  });
}

function toAudit(c: DocChange, author: string, at: string): UnsignedAudit {
  const action = c.before && c.after ? 'update' : c.after ? 'create' : 'delete';
  return { at, author, action, entity: c.table, entityId: c.id, caseId: c.caseId, before: c.before, after: c.after };
}

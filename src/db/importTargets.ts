// The stored records an import plan compares the bundle against.
import { plannedIds, type LocalRecords } from '../bundle/importPlan';
import type { CaseSnapshot, Id } from '../model/records';
import type { EvidenceDatabase } from './database';

export async function localRecordsFor(db: EvidenceDatabase, snapshot: CaseSnapshot, targetCaseId: Id): Promise<LocalRecords> {
  const ids = plannedIds(snapshot, targetCaseId);
  return db.transaction('r', [db.cases, db.images, db.annotations, db.claims, db.links], async () => {
    const byId = new Map<Id, unknown>();
    for (const table of [db.images, db.annotations, db.claims, db.links]) {
      for (const record of await table.bulkGet(ids)) if (record) byId.set(record.id, record);
    }
    return { case: await db.cases.get(targetCaseId), images: await db.images.where('caseId').equals(targetCaseId).toArray(), byId };
  });
}

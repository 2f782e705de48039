// The stored records an import plan compares the bundle against.
import { plannedIds, type LocalRecords } from '../bundle/importPlan';
import type { CaseSnapshot, Id } from '../model/records';
import { documentStores, type EvidenceDatabase } from './database';

export async function localRecordsFor(db: EvidenceDatabase, snapshot: CaseSnapshot, targetCaseId: Id): Promise<LocalRecords> {
  const ids = plannedIds(snapshot, targetCaseId);
  return db.transaction('r', documentStores(db), async () => {
    const byId = new Map<Id, unknown>();
    for (const table of documentStores(db).filter((t) => t !== db.cases)) {
      for (const record of await table.bulkGet(ids)) if (record) byId.set(record.id, record);
    }
    return { case: await db.cases.get(targetCaseId), images: await db.images.where('caseId').equals(targetCaseId).toArray(), byId };
  });
}

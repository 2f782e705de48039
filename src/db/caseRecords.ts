// Everything a case holds, read together for export (one read transaction: a consistent snapshot).
import type { AuditRecord, CaseSnapshot, Id } from '../model/records';
import { auditOfCase } from './audit';
import { documentStores, type EvidenceDatabase } from './database';

export async function readCaseRecords(db: EvidenceDatabase, caseId: Id): Promise<{ caseJson: CaseSnapshot; audit: AuditRecord[] }> {
  return db.transaction('r', [...documentStores(db), db.audit], async () => {
    const record = await db.cases.get(caseId);
    if (!record) throw new Error('This case no longer exists.');
    const [images, annotations, claims, links, reviews, audit] = await Promise.all([
      db.images.where('caseId').equals(caseId).sortBy('addedAt'),
      db.annotations.where('caseId').equals(caseId).toArray(),
      db.claims.where('caseId').equals(caseId).toArray(),
      db.links.where('caseId').equals(caseId).toArray(),
      db.reviews.where('caseId').equals(caseId).toArray(),
      auditOfCase(db, caseId),
    ]);
    const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
    return {
      caseJson: { case: record, images, annotations: annotations.sort(byId), claims: claims.sort(byId), links: links.sort(byId), reviews: reviews.sort(byId) },
      audit,
    };
  });
}

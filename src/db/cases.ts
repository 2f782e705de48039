// Reading cases, and the one case change that is not undoable: deleting a case with all it holds
// (images, boxes, claims, links and reviewers' verdicts).
import { DEFAULT_LABELS } from '../model/labels';
import type { CaseRecord, Id } from '../model/records';
import { appendAudit } from './audit';
import { documentStores, type EvidenceDatabase } from './database';
import { derivedBoxStores, imagesDeleted } from './derivedBoxData';
import { bytesStores, dropUnusedBytes } from './images';

export function listCases(db: EvidenceDatabase): Promise<CaseRecord[]> {
  return db.cases.orderBy('updatedAt').reverse().toArray();
}

export function getCase(db: EvidenceDatabase, id: Id): Promise<CaseRecord | undefined> {
  return db.cases.get(id);
}

export function newCaseRecord(name: string, description = ''): CaseRecord {
  const now = new Date().toISOString();
  return { id: crypto.randomUUID(), name, description, labels: DEFAULT_LABELS.map((l) => ({ ...l })), createdAt: now, updatedAt: now };
}

export interface CaseContents {
  images: number;
  annotations: number;
  claims: number;
}

export async function caseContents(db: EvidenceDatabase, caseId: Id): Promise<CaseContents> {
  const [images, annotations, claims] = await Promise.all([
    db.images.where('caseId').equals(caseId).count(),
    db.annotations.where('caseId').equals(caseId).count(),
    db.claims.where('caseId').equals(caseId).count(),
  ]);
  return { images, annotations, claims };
}

/**
 * Deletes a case with everything it holds in one transaction, with one audit record naming what
 * went. Original bytes, and what was derived from them, are kept while another case still holds
 * the same file.
 */
export async function deleteCase(db: EvidenceDatabase, caseId: Id, author: string): Promise<void> {
  await db.transaction('rw', [...documentStores(db), ...derivedBoxStores(db), ...bytesStores(db), db.audit], async () => {
    const record = await db.cases.get(caseId);
    if (!record) return;
    const images = await db.images.where('caseId').equals(caseId).toArray();
    const annotationCount = await db.annotations.where('caseId').equals(caseId).delete();
    const claimCount = await db.claims.where('caseId').equals(caseId).delete();
    const linkCount = await db.links.where('caseId').equals(caseId).delete();
    const reviewCount = await db.reviews.where('caseId').equals(caseId).delete();
    await db.images.bulkDelete(images.map((i) => i.id));
    await imagesDeleted(db, images.map((i) => i.id));
    await dropUnusedBytes(db, images.map((i) => i.sha256));
    await db.cases.delete(caseId);
    const at = new Date().toISOString();
    const summary = { case: record, images: images.map((i) => ({ id: i.id, fileName: i.fileName, sha256: i.sha256 })), annotations: annotationCount, claims: claimCount, links: linkCount, reviews: reviewCount };
    await appendAudit(db, [{ at, author, action: 'delete', entity: 'cases', entityId: caseId, caseId, before: summary, after: null }]);
  });
}

// Reading reviewers' verdicts (issue #5). Writes go through state/reviewCommands.ts.
import type { Annotation, Id, ReviewRecord } from '../model/records';
import type { EvidenceDatabase } from './database';

export function reviewsOfImage(db: EvidenceDatabase, imageId: Id): Promise<ReviewRecord[]> {
  return db.reviews.where('imageId').equals(imageId).toArray();
}

export function reviewsOfCase(db: EvidenceDatabase, caseId: Id): Promise<ReviewRecord[]> {
  return db.reviews.where('caseId').equals(caseId).toArray();
}

/** The verdicts that name any of these boxes, on either side (found through the boxes' images). */
export async function reviewsOfBoxes(db: EvidenceDatabase, boxes: readonly Pick<Annotation, 'id' | 'imageId'>[]): Promise<ReviewRecord[]> {
  const ids = new Set(boxes.map((b) => b.id));
  const images = [...new Set(boxes.map((b) => b.imageId))];
  return db.reviews
    .where('imageId')
    .anyOf(images)
    .filter((r) => (r.aBoxId !== null && ids.has(r.aBoxId)) || (r.bBoxId !== null && ids.has(r.bBoxId)))
    .toArray();
}

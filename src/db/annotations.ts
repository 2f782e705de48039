import { Dexie } from 'dexie';
import type { Annotation, Id } from '../model/records';
import type { EvidenceDatabase } from './database';

export function listAnnotations(db: EvidenceDatabase, imageId: Id): Promise<Annotation[]> {
  return db.annotations.where('imageId').equals(imageId).toArray();
}

export async function getAnnotations(db: EvidenceDatabase, ids: readonly Id[]): Promise<Annotation[]> {
  const found = await db.annotations.bulkGet([...ids]);
  return found.filter((a): a is Annotation => a !== undefined);
}

/** Box counts per image, read from the index without loading the boxes. */
export async function annotationCounts(db: EvidenceDatabase, imageIds: readonly Id[]): Promise<Map<Id, number>> {
  const counts = await Promise.all(imageIds.map((id) => db.annotations.where('imageId').equals(id).count()));
  return new Map(imageIds.map((id, i) => [id, counts[i] ?? 0]));
}

/**
 * The labels boxes of a case actually use (a label in use cannot be removed), read from the
 * [caseId+label] index's distinct keys without loading a single box.
 */
export async function usedLabels(db: EvidenceDatabase, caseId: Id): Promise<Set<string>> {
  const keys = await db.annotations.where('[caseId+label]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).uniqueKeys();
  return new Set(keys.map((k) => String((k as unknown as [Id, string])[1])));
}

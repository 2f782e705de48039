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

/**
 * The labels boxes of a case actually use (a label in use cannot be removed), read from the
 * [caseId+label] index without loading a single box: one step per label, each to the first key
 * at or past the least string after the last label found. (IndexedDB walks every entry of a
 * label to leave it, whether by a 'nextunique' cursor or an open lower bound: half a second at
 * 100,000 boxes.)
 */
export async function usedLabels(db: EvidenceDatabase, caseId: Id): Promise<Set<string>> {
  const used = new Set<string>();
  let from: unknown = Dexie.minKey;
  for (;;) {
    const [key] = await db.annotations.where('[caseId+label]').between([caseId, from], [caseId, Dexie.maxKey]).limit(1).keys();
    if (!key) return used;
    const label = String((key as unknown as [Id, string])[1]);
    used.add(label);
    from = `${label}\u0000`;
  }
}

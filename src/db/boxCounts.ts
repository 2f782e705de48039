// How many boxes each image holds, kept as one small record per image. Counting an image's boxes
// in IndexedDB walks every one of its index entries (about a tenth of a second per 20,000 boxes on
// the reference machine), and a live count is run again after any write to any box; the image
// list of a case of 100,000 boxes spent half a second counting after each drawn box. The box
// records stay the truth; a count is derived from them and always equals them:
// - schema v5 counted the boxes of every image already stored, and
// - every write of boxes adjusts the counts of the images it touches, in its own transaction
//   (boxesWritten in derivedBoxData.ts, called by each path that writes boxes).
// An image with no record has no boxes.
import type { Id } from '../model/records';
import type { EvidenceDatabase } from './database';

export interface BoxCountRecord {
  imageId: Id;
  count: number;
}

/** The number of boxes of each of these images, read without touching a box. */
export async function boxCountsOf(db: EvidenceDatabase, imageIds: readonly Id[]): Promise<Map<Id, number>> {
  const records = await db.boxCounts.bulkGet([...imageIds]);
  return new Map(imageIds.map((id, i) => [id, records[i]?.count ?? 0]));
}

/** Adds each image's change (boxes added less boxes removed) to its count; inside the writing transaction. */
export async function adjustBoxCounts(db: EvidenceDatabase, deltas: ReadonlyMap<Id, number>): Promise<void> {
  const changed = [...deltas].filter(([, delta]) => delta !== 0);
  if (changed.length === 0) return;
  const stored = await db.boxCounts.bulkGet(changed.map(([id]) => id));
  const next = changed.map(([imageId, delta], i) => ({ imageId, count: (stored[i]?.count ?? 0) + delta }));
  const [empty, held] = [next.filter((r) => r.count <= 0), next.filter((r) => r.count > 0)];
  if (held.length) await db.boxCounts.bulkPut(held);
  if (empty.length) await db.boxCounts.bulkDelete(empty.map((r) => r.imageId));
}

/** Deletes the counts of images that are deleted with all their boxes. */
export async function dropBoxCounts(db: EvidenceDatabase, imageIds: readonly Id[]): Promise<void> {
  if (imageIds.length) await db.boxCounts.bulkDelete([...imageIds]);
}

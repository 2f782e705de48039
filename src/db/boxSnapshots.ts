// An image's boxes kept as one record, for reading them fast: IndexedDB reads 20,000 box records
// in about a quarter of a second on the reference machine, one record holding them all in about a
// twentieth. The box records stay the truth; a snapshot is derived from them and holds only while
// nothing has changed since:
// - it is written only inside the transaction that read every box of its image, and
// - every write of boxes deletes the snapshots of the images it touches, in its own transaction
//   (boxesWritten in derivedBoxData.ts, called by each path that writes boxes).
// So a snapshot that exists equals the image's boxes. Small images are read box by box.
import type { Annotation, Id } from '../model/records';
import { byCreation } from '../model/creationOrder';
import { listAnnotations } from './annotations';
import type { EvidenceDatabase } from './database';

/** Below this many boxes an image's boxes are read one record each, fast enough, and not copied. */
export const MIN_SNAPSHOT_BOXES = 1000;

export interface BoxSnapshotRecord {
  imageId: Id;
  /** Every box of the image, in creation order. */
  boxes: Annotation[];
}

/** The image's boxes in creation order: from its snapshot, or read box by box (leaving a snapshot). */
export async function loadImageBoxes(db: EvidenceDatabase, imageId: Id): Promise<Annotation[]> {
  const snapshot = await db.boxSnapshots.get(imageId);
  if (snapshot) return snapshot.boxes;
  return db.transaction('rw', db.annotations, db.boxSnapshots, async () => {
    const boxes = (await listAnnotations(db, imageId)).sort(byCreation);
    if (boxes.length >= MIN_SNAPSHOT_BOXES) await db.boxSnapshots.put({ imageId, boxes });
    return boxes;
  });
}

/** Deletes the snapshots of these images (through derivedBoxData.ts, inside the transaction that writes their boxes). */
export async function dropBoxSnapshots(db: EvidenceDatabase, imageIds: Iterable<Id>): Promise<void> {
  const ids = [...new Set(imageIds)];
  if (ids.length) await db.boxSnapshots.bulkDelete(ids);
}

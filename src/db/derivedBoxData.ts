// What is derived from an image's boxes and kept beside them for speed: its snapshot
// (boxSnapshots.ts) and its count (boxCounts.ts). Every path that writes boxes (document changes,
// imports, case deletion) includes these stores in its transaction and reports what it wrote here,
// so what is derived never disagrees with the boxes.
import type { Id } from '../model/records';
import { adjustBoxCounts, dropBoxCounts } from './boxCounts';
import { dropBoxSnapshots } from './boxSnapshots';
import type { EvidenceDatabase } from './database';

/** The stores a transaction that writes boxes must include. */
export function derivedBoxStores(db: EvidenceDatabase) {
  return [db.boxSnapshots, db.boxCounts] as const;
}

/**
 * Boxes were written: `removedFrom` names the image of each box that was stored before the write
 * and is gone or replaced, `addedTo` the image of each box stored by it (a moved or relabelled box
 * appears in both).
 */
export async function boxesWritten(db: EvidenceDatabase, removedFrom: readonly Id[], addedTo: readonly Id[]): Promise<void> {
  const deltas = new Map<Id, number>();
  for (const id of removedFrom) deltas.set(id, (deltas.get(id) ?? 0) - 1);
  for (const id of addedTo) deltas.set(id, (deltas.get(id) ?? 0) + 1);
  await dropBoxSnapshots(db, deltas.keys());
  await adjustBoxCounts(db, deltas);
}

/** Images were deleted with every box they held. */
export async function imagesDeleted(db: EvidenceDatabase, imageIds: readonly Id[]): Promise<void> {
  await dropBoxSnapshots(db, imageIds);
  await dropBoxCounts(db, imageIds);
}

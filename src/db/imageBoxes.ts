// The boxes of one image, kept current by key. A live query would read every box of the image
// again after each write (at 20,000 boxes, the better part of a second); this reads them once,
// then on each write (in this tab or another) reads only the boxes whose keys it names.
import { Dexie, type IntervalTree, type ObservabilitySet } from 'dexie';
import type { Annotation, Id } from '../model/records';
import { listAnnotations } from './annotations';
import type { EvidenceDatabase } from './database';

/** The keys of a tree of ranges, or null when it holds a range wider than one key. */
export function singleKeys(tree: IntervalTree): string[] | null {
  const keys: string[] = [];
  const stack = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (!('from' in node)) continue;
    if (typeof node.from !== 'string' || node.from !== node.to) return null;
    keys.push(node.from);
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
  return keys;
}

/** Whether a tree of ranges may hold `key` (a range it cannot compare counts as holding it). */
export function mayHold(tree: IntervalTree, key: string): boolean {
  const stack = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (!('from' in node)) continue;
    if (typeof node.from !== 'string' || typeof node.to !== 'string' || (node.from <= key && key <= node.to)) return true;
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
  return false;
}

/**
 * Calls `onBoxes` with the image's boxes now and after every write that touches them, until the
 * returned function is called. The list keeps its order; new boxes come last.
 */
export function watchImageBoxes(db: EvidenceDatabase, imageId: Id, onBoxes: (boxes: readonly Annotation[]) => void): () => void {
  const prefix = `idb://${db.name}/annotations/`;
  let boxes = new Map<Id, Annotation>();
  let stopped = false;
  const emit = () => !stopped && onBoxes([...boxes.values()]);
  const reload = async () => {
    boxes = new Map((await listAnnotations(db, imageId)).map((b) => [b.id, b]));
    emit();
  };
  const update = async (parts: ObservabilitySet) => {
    const changed = parts[prefix];
    if (!changed) return;
    const keys = singleKeys(changed);
    if (!keys) return reload();
    // A box of this image was written (its imageId is named), or one it held was deleted (a
    // deletion names only the key).
    const touched = parts[`${prefix}imageId`];
    if (!(touched && mayHold(touched, imageId)) && !keys.some((k) => boxes.has(k))) return;
    const found = await db.annotations.bulkGet(keys);
    const next = new Map(boxes);
    keys.forEach((key, i) => {
      const box = found[i];
      if (box && box.imageId === imageId) next.set(key, box);
      else next.delete(key);
    });
    boxes = next;
    emit();
  };
  // Writes are applied one after another, and none before the first full read; a read that
  // fails falls back to reading the image's boxes afresh.
  let queue = reload();
  const listener = (parts: ObservabilitySet) => {
    queue = queue.then(() => update(parts)).catch(reload);
  };
  Dexie.on('storagemutated', listener);
  return () => {
    stopped = true;
    Dexie.on('storagemutated').unsubscribe(listener);
  };
}

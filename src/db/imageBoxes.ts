// The boxes of one image, kept current by key. A live query would read every box of the image
// again after each write (at 20,000 boxes, the better part of a second); this reads them once,
// then on each write (in this tab or another) reads only the boxes whose keys it names.
import { Dexie, type IntervalTree, type ObservabilitySet } from 'dexie';
import type { Annotation, Id } from '../model/records';
import { loadImageBoxes } from './boxSnapshots';
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
 * returned function is called. The list starts in creation order and keeps its order: an edited
 * box (a new object) takes its old place, new boxes come last, so a list that only grew begins
 * with the same objects as the one before (canvas/appendedBoxes.ts).
 */
export function watchImageBoxes(db: EvidenceDatabase, imageId: Id, onBoxes: (boxes: readonly Annotation[]) => void): () => void {
  const prefix = `idb://${db.name}/annotations/`;
  // The list as last reported, and where each box is in it: a write of one box among 20,000
  // copies the list once and looks up the box, rather than rebuilding a map of all of them.
  let boxes: readonly Annotation[] = [];
  let position = new Map<Id, number>();
  let stopped = false;
  const replace = (list: readonly Annotation[]) => {
    boxes = list;
    position = new Map(list.map((b, i) => [b.id, i]));
    if (!stopped) onBoxes(list);
  };
  const reload = async () => replace(await loadImageBoxes(db, imageId));
  const update = async (parts: ObservabilitySet) => {
    const changed = parts[prefix];
    if (!changed) return;
    const keys = singleKeys(changed);
    if (!keys) return reload();
    // A box of this image was written (its imageId is named), or one it held was deleted (a
    // deletion names only the key).
    const touched = parts[`${prefix}imageId`];
    if (!(touched && mayHold(touched, imageId)) && !keys.some((k) => position.has(k))) return;
    const found = await db.annotations.bulkGet(keys);
    const next = boxes.slice();
    const gone = new Set<number>();
    keys.forEach((key, i) => {
      const box = found[i]?.imageId === imageId ? found[i] : undefined;
      const at = position.get(key);
      if (box && at !== undefined) next[at] = box;
      else if (box) position.set(key, next.push(box) - 1);
      else if (at !== undefined) gone.add(at);
    });
    if (gone.size) return replace(next.filter((_, i) => !gone.has(i)));
    boxes = next;
    if (!stopped) onBoxes(next);
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

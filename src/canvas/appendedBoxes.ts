// Whether a new list of boxes only added to the previous one. Box records are immutable (an edit
// makes a new object) and an image's box list keeps its order with new boxes last
// (db/imageBoxes.ts), so comparing objects tells it in one pass, without comparing a field.

/** The boxes `next` appends to `previous` when `previous` is, object for object, its start; else null. */
export function appendedBoxes<T>(previous: readonly T[], next: readonly T[]): readonly T[] | null {
  if (next.length < previous.length) return null;
  for (let i = 0; i < previous.length; i += 1) if (next[i] !== previous[i]) return null;
  return next.slice(previous.length);
}

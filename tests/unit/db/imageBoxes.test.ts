import { describe, expect, it } from 'vitest';
import { addImage } from '../../../src/db/images';
import { mayHold, singleKeys, watchImageBoxes } from '../../../src/db/imageBoxes';
import { byCreation } from '../../../src/model/creationOrder';
import type { Annotation } from '../../../src/model/records';
import { createBoxes, deleteBoxes, moveBoxes } from '../../../src/state/annotationCommands';
import { caseWithImage } from './helpers';

const g = (x: number) => ({ x, y: 0, width: 10, height: 10, rotation: 0 });

/** Collects what the watch reports and lets a test wait for the next report. */
function reports() {
  const seen: (readonly Annotation[])[] = [];
  let wake: (() => void) | null = null;
  return {
    seen,
    on: (boxes: readonly Annotation[]) => {
      seen.push(boxes);
      wake?.();
    },
    next: (count: number) => new Promise<readonly Annotation[]>((resolve) => {
      const check = () => (seen.length >= count ? resolve(seen[count - 1]!) : (wake = check));
      check();
    }),
  };
}

describe("an image's boxes kept current by key", () => {
  it('reads them once, then follows additions, moves, deletions and undo', async () => {
    const { ctx, image } = await caseWithImage();
    await createBoxes(ctx, image, [{ label: 'ship', geometry: g(0) }]);
    const r = reports();
    const stop = watchImageBoxes(ctx.db, image.id, r.on);
    expect((await r.next(1)).map((b) => b.label)).toEqual(['ship']);

    const [added] = await createBoxes(ctx, image, [{ label: 'crane', geometry: g(20) }]);
    expect((await r.next(2)).map((b) => b.label)).toEqual(['ship', 'crane']);
    await moveBoxes(ctx, image, [added!.id], 5, 0);
    expect((await r.next(3)).find((b) => b.id === added!.id)!.geometry.x).toBe(25);
    await deleteBoxes(ctx, [added!.id]);
    expect((await r.next(4)).map((b) => b.label)).toEqual(['ship']);
    await ctx.history.undo();
    expect((await r.next(5)).map((b) => b.label)).toEqual(['ship', 'crane']);
    stop();
  });

  it('lists them oldest first, edited boxes in their old place, new ones last, the rest the same objects', async () => {
    const { ctx, image } = await caseWithImage();
    const made = [];
    for (const x of [0, 20, 40]) made.push(...(await createBoxes(ctx, image, [{ label: 'ship', geometry: g(x) }])));
    const r = reports();
    const stop = watchImageBoxes(ctx.db, image.id, r.on);
    const first = await r.next(1);
    // Boxes made in the same millisecond are in id order.
    expect(first.map((b) => b.id)).toEqual([...made].sort(byCreation).map((b) => b.id));
    await createBoxes(ctx, image, [{ label: 'crane', geometry: g(60) }]);
    const grown = await r.next(2);
    expect(grown.slice(0, 3).every((b, i) => b === first[i])).toBe(true);
    expect(grown[3]!.label).toBe('crane');
    await moveBoxes(ctx, image, [first[1]!.id], 5, 0);
    const moved = await r.next(3);
    expect(moved.map((b) => b.id)).toEqual(grown.map((b) => b.id));
    expect(moved[1]).not.toBe(grown[1]);
    expect(moved[0]).toBe(grown[0]);
    stop();
  });

  it("ignores boxes of other images and stops when asked", async () => {
    const { ctx, image } = await caseWithImage();
    const other = { ...image, id: 'img-2', sha256: 'f'.repeat(64), fileName: 'q.png' };
    await addImage(ctx.db, other, new Blob([new Uint8Array([2])]), { thumbnail: new Blob([]), preview: null });
    const r = reports();
    const stop = watchImageBoxes(ctx.db, image.id, r.on);
    await r.next(1);
    await createBoxes(ctx, other, [{ label: 'ship', geometry: g(0) }]);
    await createBoxes(ctx, image, [{ label: 'tug', geometry: g(0) }]);
    expect((await r.next(2)).map((b) => b.label)).toEqual(['tug']);
    stop();
    await createBoxes(ctx, image, [{ label: 'crane', geometry: g(0) }]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(r.seen).toHaveLength(2);
  });

  it('reads the trees of changed keys Dexie reports', () => {
    const tree = { from: 'b', to: 'b', d: 2, l: { from: 'a', to: 'a', d: 1 }, r: null };
    expect(singleKeys(tree)?.sort()).toEqual(['a', 'b']);
    expect(singleKeys({ from: 'a', to: 'z', d: 1 })).toBeNull();
    expect(singleKeys({ d: 0 })).toEqual([]);
    expect(mayHold({ from: 'a', to: 'c', d: 1 }, 'b')).toBe(true);
    expect(mayHold(tree, 'c')).toBe(false);
  });
});

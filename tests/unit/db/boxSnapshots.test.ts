// A large image's boxes are read from one snapshot record, which every way of writing boxes drops
// in its own transaction, so a snapshot never outlives a change.
import { describe, expect, it } from 'vitest';
import { applyImport } from '../../../src/db/applyImport';
import { loadImageBoxes, MIN_SNAPSHOT_BOXES } from '../../../src/db/boxSnapshots';
import { deleteCase } from '../../../src/db/cases';
import { byCreation } from '../../../src/model/creationOrder';
import type { Annotation } from '../../../src/model/records';
import { createBoxes, deleteBoxes, moveBoxes } from '../../../src/state/annotationCommands';
import { caseWithImage } from './helpers';

const g = (i: number) => ({ x: i % 100, y: Math.floor(i / 100), width: 5, height: 5, rotation: 0 });

async function largeImage(count = MIN_SNAPSHOT_BOXES) {
  const setup = await caseWithImage();
  const boxes = await createBoxes(setup.ctx, setup.image, Array.from({ length: count }, (_, i) => ({ label: 'container', geometry: g(i) })));
  return { ...setup, boxes };
}

const ids = (boxes: readonly Annotation[]) => boxes.map((b) => b.id);

describe('box snapshots', () => {
  it('are made when a large image is first read, and then read instead of the boxes', async () => {
    const { ctx, image, boxes } = await largeImage();
    expect(await ctx.db.boxSnapshots.get(image.id)).toBeUndefined();
    const first = await loadImageBoxes(ctx.db, image.id);
    expect(ids(first)).toEqual(ids([...boxes].sort(byCreation)));
    expect(ids((await ctx.db.boxSnapshots.get(image.id))!.boxes)).toEqual(ids(first));
    // Read from the snapshot: the same boxes, field for field.
    expect(await loadImageBoxes(ctx.db, image.id)).toEqual(first);
  });

  it('are not made for a small image', async () => {
    const { ctx, image } = await largeImage(MIN_SNAPSHOT_BOXES - 1);
    expect(await loadImageBoxes(ctx.db, image.id)).toHaveLength(MIN_SNAPSHOT_BOXES - 1);
    expect(await ctx.db.boxSnapshots.count()).toBe(0);
  });

  it('go with every change to the boxes, undo included, and the next read has the change', async () => {
    const { ctx, image, boxes } = await largeImage();
    const snapshotAfter = async (change: () => Promise<unknown>) => {
      await loadImageBoxes(ctx.db, image.id);
      expect(await ctx.db.boxSnapshots.get(image.id)).toBeDefined();
      await change();
      expect(await ctx.db.boxSnapshots.get(image.id)).toBeUndefined();
      return loadImageBoxes(ctx.db, image.id);
    };
    const added = await snapshotAfter(() => createBoxes(ctx, image, [{ label: 'ship', geometry: g(5) }]));
    expect(added).toHaveLength(MIN_SNAPSHOT_BOXES + 1);
    const moved = await snapshotAfter(() => moveBoxes(ctx, image, [boxes[0]!.id], 7, 0));
    expect(moved.find((b) => b.id === boxes[0]!.id)!.geometry.x).toBe(boxes[0]!.geometry.x + 7);
    const deleted = await snapshotAfter(() => deleteBoxes(ctx, [boxes[1]!.id]));
    expect(ids(deleted)).not.toContain(boxes[1]!.id);
    const undone = await snapshotAfter(() => ctx.history.undo());
    expect(ids(undone)).toContain(boxes[1]!.id);
  });

  it('go when an import adds boxes to the image, and when its case is deleted', async () => {
    const { ctx, image, caseId, boxes } = await largeImage();
    await loadImageBoxes(ctx.db, image.id);
    const imported: Annotation = { ...boxes[0]!, id: 'imported-box', author: 'ben' };
    const plan = {
      targetCaseId: caseId,
      asOwnCase: false,
      records: [{ table: 'annotations' as const, record: imported, outcome: 'added' as const }],
      imageIds: new Map(),
      counts: { added: 1, present: 0, conflict: 0 },
    };
    await applyImport(ctx.db, plan, { bundle: {}, audit: [], originals: new Map(), derived: new Map() }, 'ben');
    expect(await ctx.db.boxSnapshots.get(image.id)).toBeUndefined();
    expect(ids(await loadImageBoxes(ctx.db, image.id))).toContain('imported-box');

    await deleteCase(ctx.db, caseId, 'ana');
    expect(await ctx.db.boxSnapshots.count()).toBe(0);
  });
});

// Each image's box count is kept beside its boxes, and every way of writing boxes keeps it equal
// to the boxes themselves: the image list reads it instead of counting 20,000 index entries.
import { describe, expect, it } from 'vitest';
import { applyImport } from '../../../src/db/applyImport';
import { boxCountsOf } from '../../../src/db/boxCounts';
import { deleteCase } from '../../../src/db/cases';
import { addImage } from '../../../src/db/images';
import type { EvidenceDatabase } from '../../../src/db/database';
import type { Annotation, Id, ImageRecord } from '../../../src/model/records';
import { createBoxes, deleteBoxes, moveBoxes, updateBoxes } from '../../../src/state/annotationCommands';
import { seededRandom } from '../../fixtures/seededRandom';
import { caseWithImage } from './helpers';

const g = (i: number) => ({ x: i % 100, y: Math.floor(i / 100) % 50, width: 5, height: 5, rotation: 0 });

/** The counts as stored, beside the boxes counted one by one. */
async function countsAndTruth(db: EvidenceDatabase, imageIds: readonly Id[]) {
  const truth = await Promise.all(imageIds.map((id) => db.annotations.where('imageId').equals(id).count()));
  return { stored: [...(await boxCountsOf(db, imageIds)).values()], truth };
}

async function twoImages() {
  const setup = await caseWithImage();
  const second: ImageRecord = { ...setup.image, id: 'img-2', fileName: 'q.png', sha256: 'f'.repeat(64) };
  await addImage(setup.ctx.db, second, new Blob([new Uint8Array([2])]), { thumbnail: new Blob([]), preview: null });
  return { ...setup, second };
}

describe('box counts', () => {
  it('follow drawing, moving, relabelling, deleting, undo and redo', async () => {
    const { ctx, image, second } = await twoImages();
    const ids = [image.id, second.id];
    expect(await countsAndTruth(ctx.db, ids)).toEqual({ stored: [0, 0], truth: [0, 0] });
    const boxes = await createBoxes(ctx, image, Array.from({ length: 60 }, (_, i) => ({ label: 'container', geometry: g(i) })));
    await createBoxes(ctx, second, [{ label: 'ship', geometry: g(1) }]);
    expect((await countsAndTruth(ctx.db, ids)).stored).toEqual([60, 1]);
    await moveBoxes(ctx, image, [boxes[0]!.id, boxes[1]!.id], 3, 0);
    await updateBoxes(ctx, boxes.slice(0, 55).map((b) => b.id), 'Relabel', () => ({ label: 'ship' }));
    expect((await countsAndTruth(ctx.db, ids)).stored).toEqual([60, 1]);
    await deleteBoxes(ctx, boxes.slice(0, 52).map((b) => b.id));
    expect((await countsAndTruth(ctx.db, ids)).stored).toEqual([8, 1]);
    await ctx.history.undo();
    expect((await countsAndTruth(ctx.db, ids)).stored).toEqual([60, 1]);
    await ctx.history.redo();
    expect((await countsAndTruth(ctx.db, ids)).stored).toEqual([8, 1]);
  });

  it('equal the boxes after a long random run of edits, undos and redos over two images', async () => {
    const { ctx, image, second } = await twoImages();
    const random = seededRandom(6);
    const live = new Set<Id>();
    for (let step = 0; step < 80; step += 1) {
      const r = random();
      if (r < 0.4 || live.size === 0) {
        const made = await createBoxes(ctx, random() < 0.5 ? image : second, Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) => ({ label: 'ship', geometry: g(i) })));
        made.forEach((b) => live.add(b.id));
      } else if (r < 0.6) {
        const doomed = [...live].filter(() => random() < 0.3);
        await deleteBoxes(ctx, doomed);
      } else if (r < 0.8) {
        await ctx.history.undo();
      } else {
        await ctx.history.redo();
      }
      const stored = await ctx.db.annotations.toCollection().primaryKeys();
      live.clear();
      stored.forEach((id) => live.add(id));
      const { stored: counts, truth } = await countsAndTruth(ctx.db, [image.id, second.id]);
      expect(counts, `after step ${step}`).toEqual(truth);
    }
  });

  it('grow with imported boxes and go with their case', async () => {
    const { ctx, image, caseId } = await caseWithImage();
    const [box] = await createBoxes(ctx, image, [{ label: 'ship', geometry: g(0) }]);
    const imported: Annotation = { ...box!, id: 'imported-box', author: 'ben' };
    const plan = {
      targetCaseId: caseId,
      asOwnCase: false,
      records: [{ table: 'annotations' as const, record: imported, outcome: 'added' as const }],
      imageIds: new Map(),
      counts: { added: 1, present: 0, conflict: 0 },
    };
    await applyImport(ctx.db, plan, { bundle: {}, audit: [], originals: new Map(), derived: new Map() }, 'ben');
    expect(await countsAndTruth(ctx.db, [image.id])).toEqual({ stored: [2], truth: [2] });
    await deleteCase(ctx.db, caseId, 'ana');
    expect(await ctx.db.boxCounts.count()).toBe(0);
  });
});

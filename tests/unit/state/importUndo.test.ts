// An import is one step to undo: undo takes its images out of the case, redo brings them back.
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src/db/audit';
import { dropOrphanedBytes } from '../../../src/db/images';
import { applyChanges } from '../../../src/db/changes';
import { createBoxes } from '../../../src/state/annotationCommands';
import { createCase } from '../../../src/state/documentCommands';
import { importImages, type ImportFile } from '../../../src/state/importImages';
import { deriveFromHeader } from '../../fixtures/deriveImages';
import { testPattern } from '../../fixtures/png';
import { commandContext } from '../db/helpers';

const file = (name: string, seed: number): ImportFile => {
  const bytes = testPattern(40, 30, seed);
  return { name, size: bytes.length, read: async () => new Blob([bytes as Uint8Array<ArrayBuffer>]) };
};

const BOX = { x: 1, y: 1, width: 10, height: 10, rotation: 0 };

async function importedCase() {
  const ctx = commandContext();
  const c = await createCase(ctx, 'case');
  ctx.history.clear();
  await importImages(ctx, c.id, [file('a.png', 1), file('b.png', 2)], deriveFromHeader);
  return { ctx, caseId: c.id };
}

describe('undoing an import', () => {
  it('takes every image of one import out of the case in one step and brings them back on redo, audited', async () => {
    const { ctx } = await importedCase();
    const before = await ctx.db.images.toArray();
    expect(before.map((i) => i.fileName).sort()).toEqual(['a.png', 'b.png']);
    expect(ctx.history.getState()).toMatchObject({ canUndo: true, undoLabel: 'Import images' });

    await ctx.history.undo();
    expect(await ctx.db.images.count()).toBe(0);
    expect(ctx.history.getState().canUndo).toBe(false);
    // The bytes stay, so redo can bring the images back.
    expect(await ctx.db.blobs.count()).toBe(2);

    await ctx.history.redo();
    expect((await ctx.db.images.toArray()).sort((x, y) => x.fileName.localeCompare(y.fileName))).toEqual(
      before.sort((x, y) => x.fileName.localeCompare(y.fileName)),
    );
    const audit = (await ctx.db.audit.orderBy('seq').toArray()).filter((r) => r.entity === 'images');
    expect(audit.map((r) => r.action)).toEqual(['create', 'create', 'delete', 'delete', 'create', 'create']);
    expect((await verifyAudit(ctx.db)).ok).toBe(true);
  });

  it('undoes the boxes drawn on an imported image before the import itself', async () => {
    const { ctx } = await importedCase();
    const image = (await ctx.db.images.toArray())[0]!;
    await createBoxes(ctx, image, [{ label: 'ship', geometry: BOX }]);
    await ctx.history.undo();
    expect(await ctx.db.annotations.count()).toBe(0);
    expect(await ctx.db.images.count()).toBe(2);
    await ctx.history.undo();
    expect(await ctx.db.images.count()).toBe(0);
  });

  it('refuses to take out an image that has boxes the undone steps did not add, writing nothing', async () => {
    const { ctx } = await importedCase();
    const image = (await ctx.db.images.toArray())[0]!;
    // A box that arrived outside the history (as from a bundle merged into the case).
    const [box] = await createBoxes(ctx, image, [{ label: 'ship', geometry: BOX }]);
    await ctx.history.undo();
    await applyChanges(ctx.db, [{ table: 'annotations', id: box!.id, caseId: image.caseId, before: null, after: box! }], 'bundle');
    const auditBefore = await ctx.db.audit.count();

    expect(await ctx.history.undo()).toBeNull();
    expect(ctx.history.getState().failure).toContain(`${image.fileName} has boxes that were not added by the steps undone`);
    expect(await ctx.db.images.count()).toBe(2);
    expect(await ctx.db.audit.count()).toBe(auditBefore);
  });

  it('refuses to bring an image back once its bytes are gone', async () => {
    const { ctx } = await importedCase();
    await ctx.history.undo();
    await ctx.db.blobs.clear();
    expect(await ctx.history.redo()).toBeNull();
    expect(ctx.history.getState().failure).toContain('are no longer stored');
    expect(await ctx.db.images.count()).toBe(0);
  });

  it('leaves the bytes of an import undone for the next session to drop, and keeps those an image holds', async () => {
    const { ctx, caseId } = await importedCase();
    await ctx.history.undo();
    await importImages(ctx, caseId, [file('b.png', 2)], deriveFromHeader);
    await dropOrphanedBytes(ctx.db);
    const kept = (await ctx.db.images.toArray()).map((i) => i.sha256);
    expect(kept).toHaveLength(1);
    expect(await ctx.db.blobs.toCollection().primaryKeys()).toEqual(kept);
    expect(await ctx.db.thumbnails.toCollection().primaryKeys()).toEqual(kept);
  });

  it('adds nothing to a history cleared while the import ran (another case opened)', async () => {
    const ctx = commandContext();
    const c = await createCase(ctx, 'case');
    ctx.history.clear();
    const importing = importImages(ctx, c.id, [file('a.png', 1)], async (blob) => {
      ctx.history.clear();
      return deriveFromHeader(blob);
    });
    await importing;
    expect(ctx.history.getState().canUndo).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src/db/audit';
import { listAnnotations } from '../../../src/db/annotations';
import { copyBoxes, createBoxes, deleteBoxes, moveBoxes, pasteBoxes, updateBoxes } from '../../../src/state/annotationCommands';
import { setCaseLabels } from '../../../src/state/documentCommands';
import { caseWithImage } from '../db/helpers';

const setup = () => caseWithImage();

const geometryOf = async (ctx: Awaited<ReturnType<typeof setup>>['ctx']) =>
  (await listAnnotations(ctx.db, 'img-1')).map((a) => a.geometry).sort((a, b) => a.x - b.x);

describe('commands with undo and redo', () => {
  it('undoes and redoes drawing, moving and deleting, one gesture at a time', async () => {
    const { ctx, image } = await setup();
    const [a] = await createBoxes(ctx, image, [{ label: 'ship', geometry: { x: 10, y: 10, width: 20, height: 10, rotation: 0 } }]);
    await createBoxes(ctx, image, [{ label: 'crane', geometry: { x: 100, y: 10, width: 5, height: 5, rotation: 0 } }]);
    await moveBoxes(ctx, image, [a!.id], 5, -3);
    expect((await geometryOf(ctx))[0]).toMatchObject({ x: 15, y: 7 });

    await ctx.history.undo();
    expect((await geometryOf(ctx))[0]).toMatchObject({ x: 10, y: 10 });
    await ctx.history.undo();
    expect(await geometryOf(ctx)).toHaveLength(1);
    await ctx.history.redo();
    await ctx.history.redo();
    expect(await geometryOf(ctx)).toEqual([
      { x: 15, y: 7, width: 20, height: 10, rotation: 0 },
      { x: 100, y: 10, width: 5, height: 5, rotation: 0 },
    ]);

    await deleteBoxes(ctx, [a!.id]);
    expect(await geometryOf(ctx)).toHaveLength(1);
    await ctx.history.undo();
    const restored = (await listAnnotations(ctx.db, 'img-1')).find((x) => x.id === a!.id);
    // Revisions only grow: create 1, move 2, undo 3, redo 4; the deleted record comes back as it was.
    expect(restored).toMatchObject({ label: 'ship', revision: 4, author: 'ana' });
    expect(ctx.history.getState()).toMatchObject({ canUndo: true, canRedo: true, redoLabel: 'Delete box' });
    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: true });
  });

  it('a new command clears what could be redone', async () => {
    const { ctx, image } = await setup();
    await createBoxes(ctx, image, [{ label: 'ship', geometry: { x: 1, y: 1, width: 2, height: 2, rotation: 0 } }]);
    await ctx.history.undo();
    await createBoxes(ctx, image, [{ label: 'ship', geometry: { x: 3, y: 3, width: 2, height: 2, rotation: 0 } }]);
    expect(ctx.history.getState().canRedo).toBe(false);
  });

  it('applies rapid nudges in order, each on the latest geometry', async () => {
    const { ctx, image } = await setup();
    const [a] = await createBoxes(ctx, image, [{ label: 'ship', geometry: { x: 10, y: 10, width: 4, height: 4, rotation: 0 } }]);
    await Promise.all([1, 2, 3, 4, 5].map(() => moveBoxes(ctx, image, [a!.id], 1, 0)));
    expect((await geometryOf(ctx))[0]!.x).toBe(15);
  });

  it('records nothing when an edit changes nothing', async () => {
    const { ctx, image } = await setup();
    const [a] = await createBoxes(ctx, image, [{ label: 'ship', geometry: { x: 1, y: 1, width: 2, height: 2, rotation: 0 } }]);
    const before = await ctx.db.audit.count();
    expect(await updateBoxes(ctx, [a!.id], 'Change label', () => ({ label: 'ship' }))).toBeNull();
    expect(await ctx.db.audit.count()).toBe(before);
  });

  it('pastes copies offset on the same image, keeping label and attributes', async () => {
    const { ctx, image } = await setup();
    const [a] = await createBoxes(ctx, image, [{ label: 'container stack', geometry: { x: 20, y: 20, width: 10, height: 10, rotation: 30 }, attributes: { count: 40 } }]);
    const pasted = await pasteBoxes(ctx, image, await copyBoxes(ctx, [a!.id]));
    expect(pasted[0]).toMatchObject({ label: 'container stack', attributes: { count: 40 }, geometry: { x: 30, y: 30, rotation: 30 } });
    expect(pasted[0]!.id).not.toBe(a!.id);
  });

  it('renaming a label relabels its boxes in the same undo step', async () => {
    const { ctx, image, caseId } = await setup();
    await createBoxes(ctx, image, [{ label: 'ship', geometry: { x: 1, y: 1, width: 2, height: 2, rotation: 0 } }]);
    const labels = (await ctx.db.cases.get(caseId))!.labels.map((l) => (l.name === 'ship' ? { ...l, name: 'vessel' } : l));
    await setCaseLabels(ctx, caseId, labels, new Map([['ship', 'vessel']]));
    expect((await listAnnotations(ctx.db, 'img-1'))[0]!.label).toBe('vessel');
    await ctx.history.undo();
    expect((await listAnnotations(ctx.db, 'img-1'))[0]!.label).toBe('ship');
    expect((await ctx.db.cases.get(caseId))!.labels[0]!.name).toBe('ship');
  });
});

describe('a change that cannot be saved', () => {
  it('writes nothing, reports why, and lets later commands run', async () => {
    const { ctx, image } = await setup();
    const audit = await ctx.db.audit.count();
    const failing = ctx.history.run(async () => {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    });
    expect(await failing).toBeNull();
    expect(ctx.history.getState().failure).toContain('the disk space this app may use is full');
    expect(await ctx.db.audit.count()).toBe(audit);
    await createBoxes(ctx, image, [{ label: 'ship', geometry: { x: 1, y: 1, width: 2, height: 2, rotation: 0 } }]);
    expect(ctx.history.getState().failure).toBeNull();
  });
});

describe('atomic changes', () => {
  it('a change whose second record cannot be stored leaves no trace of the first', async () => {
    const { ctx, image } = await setup();
    const boxes = await listAnnotations(ctx.db, image.id);
    const audit = await ctx.db.audit.count();
    const good = { id: 'good', imageId: image.id, caseId: image.caseId, label: 'ship', geometry: { x: 0, y: 0, width: 1, height: 1, rotation: 0 }, attributes: {}, author: 'ana', createdAt: '', updatedAt: '', revision: 1 };
    const unstorable = { ...good, id: 'bad', attributes: { note: (() => 'a function cannot be cloned') as unknown as string } };
    const result = await ctx.history.run(async () => ({
      label: 'Two boxes',
      changes: [good, unstorable].map((after) => ({ table: 'annotations' as const, id: after.id, caseId: image.caseId, before: null, after })),
    }));
    expect(result).toBeNull();
    expect(ctx.history.getState().failure).toContain('could not be saved');
    expect(await listAnnotations(ctx.db, image.id)).toEqual(boxes);
    expect(await ctx.db.audit.count()).toBe(audit);
    expect(ctx.history.getState().canUndo).toBe(false);
  });
});

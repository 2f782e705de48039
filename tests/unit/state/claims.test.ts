import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src/db/audit';
import { linksOfCase, listClaims } from '../../../src/db/claims';
import { listAnnotations } from '../../../src/db/annotations';
import { deleteCase } from '../../../src/db/cases';
import { checkClaim, emptyClaimInput } from '../../../src/model/claimInput';
import { createBoxes, deleteBoxes } from '../../../src/state/annotationCommands';
import { createClaims, deleteClaim, linkBoxes, unlink, updateClaim } from '../../../src/state/claimCommands';
import { caseWithImage } from '../db/helpers';

const fields = (statement: string) => {
  const r = checkClaim({ ...emptyClaimInput(), statement, claimedAt: '2023-10-13' });
  if (!r.ok) throw new Error('bad fixture');
  return r.value;
};

async function setup() {
  const { ctx, image, caseId } = await caseWithImage({ id: 'img' });
  const c = { id: caseId };
  const boxes = await createBoxes(ctx, image, [1, 2, 3].map((i) => ({ label: 'container', geometry: { x: i * 10, y: 0, width: 5, height: 5, rotation: 0 } })));
  const [a, b] = await createClaims(ctx, c.id, [fields('Claim A'), fields('Claim B')]);
  return { ctx, caseId: c.id, boxes, a: a!, b: b! };
}

describe('claims and links', () => {
  it('imports several claims as one undoable step', async () => {
    const { ctx, caseId } = await setup();
    expect((await listClaims(ctx.db, caseId)).map((c) => c.statement).sort()).toEqual(['Claim A', 'Claim B']);
    await ctx.history.undo();
    expect(await listClaims(ctx.db, caseId)).toEqual([]);
  });

  it('links boxes, one link per box and claim, relation updated in place; undo and redo', async () => {
    const { ctx, caseId, boxes, a, b } = await setup();
    await linkBoxes(ctx, [boxes[0]!.id, boxes[1]!.id], a.id, 'supports', '');
    await linkBoxes(ctx, [boxes[2]!.id], a.id, 'contradicts', 'not a container');
    await linkBoxes(ctx, [boxes[0]!.id], b.id, 'context', '');
    await linkBoxes(ctx, [boxes[1]!.id], a.id, 'context', 'on second look');
    const links = await linksOfCase(ctx.db, caseId);
    expect(links.map((l) => `${l.annotationId === boxes[1]!.id ? 'box2' : l.annotationId === boxes[0]!.id ? 'box1' : 'box3'} ${l.claimId === a.id ? 'A' : 'B'} ${l.relation} ${l.note}`).sort()).toEqual([
      'box1 A supports ',
      'box1 B context ',
      'box2 A context on second look',
      'box3 A contradicts not a container',
    ]);
    expect(links.every((l) => l.author === 'ana')).toBe(true);
    await ctx.history.undo();
    expect((await linksOfCase(ctx.db, caseId)).find((l) => l.annotationId === boxes[1]!.id)!.relation).toBe('supports');
    await ctx.history.redo();
    expect((await linksOfCase(ctx.db, caseId)).find((l) => l.annotationId === boxes[1]!.id)!.relation).toBe('context');
  });

  it('unlinks, and deleting a box or a claim takes its links along in the same step', async () => {
    const { ctx, caseId, boxes, a, b } = await setup();
    await linkBoxes(ctx, boxes.map((x) => x.id), a.id, 'supports', '');
    await linkBoxes(ctx, [boxes[0]!.id], b.id, 'supports', '');
    const l = (await linksOfCase(ctx.db, caseId)).find((x) => x.claimId === b.id)!;
    await unlink(ctx, [l.id]);
    expect(await linksOfCase(ctx.db, caseId)).toHaveLength(3);

    await deleteBoxes(ctx, [boxes[0]!.id]);
    expect(await linksOfCase(ctx.db, caseId)).toHaveLength(2);
    await ctx.history.undo();
    expect(await linksOfCase(ctx.db, caseId)).toHaveLength(3);
    expect(await listAnnotations(ctx.db, 'img')).toHaveLength(3);

    await deleteClaim(ctx, a.id);
    expect(await linksOfCase(ctx.db, caseId)).toHaveLength(0);
    expect((await listClaims(ctx.db, caseId)).map((c) => c.id)).toEqual([b.id]);
    await ctx.history.undo();
    expect(await linksOfCase(ctx.db, caseId)).toHaveLength(3);
    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: true });
  });

  it('edits are audited with before and after', async () => {
    const { ctx, a } = await setup();
    await updateClaim(ctx, a.id, { ...fields('Claim A, corrected') });
    const last = await ctx.db.audit.orderBy('seq').last();
    expect(last).toMatchObject({ action: 'update', entity: 'claims', entityId: a.id, before: { statement: 'Claim A' }, after: { statement: 'Claim A, corrected' } });
  });

  it('deleting a case removes its claims and links', async () => {
    const { ctx, caseId, boxes, a } = await setup();
    await linkBoxes(ctx, [boxes[0]!.id], a.id, 'supports', '');
    await deleteCase(ctx.db, caseId, 'ana');
    expect(await listClaims(ctx.db, caseId)).toEqual([]);
    expect(await linksOfCase(ctx.db, caseId)).toEqual([]);
  });
});

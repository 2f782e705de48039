// Reviewers' verdicts (issue #5): one per difference, recorded, changed, cleared and undone like
// any other document change, each step in the case's audit chain.
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src/db/audit';
import { caseContents, deleteCase } from '../../../src/db/cases';
import { reviewsOfCase, reviewsOfImage } from '../../../src/db/reviews';
import type { NewBox } from '../../../src/state/annotationCommands';
import { createBoxes, deleteBoxes } from '../../../src/state/annotationCommands';
import { clearVerdict, recordVerdict, type VerdictInput } from '../../../src/state/reviewCommands';
import { caseWithImage, commandContext } from '../db/helpers';

const box = (x: number, label = 'ship'): NewBox => ({ label, geometry: { x, y: 10, width: 20, height: 10, rotation: 0 } });

/** Boxes by ana (side A) and ben (side B) on one image, and a reviewer, cho, on the same database. */
async function setup() {
  const { ctx: ana, image, caseId } = await caseWithImage();
  const ben = commandContext(ana.db, 'ben');
  const cho = commandContext(ana.db, 'cho');
  const [a1, a2] = await createBoxes(ana, image, [box(0), box(50)]);
  const [b2] = await createBoxes(ben, image, [box(52, 'crane')]);
  const missed = (over: Partial<VerdictInput> = {}): VerdictInput => ({
    caseId, imageId: image.id, authorA: 'ana', authorB: 'ben', kind: 'a-only', aBoxId: a1!.id, bBoxId: null, verdict: 'accept-a', comment: 'ben missed the ship', ...over,
  });
  const relabelled = (over: Partial<VerdictInput> = {}): VerdictInput => missed({ kind: 'label-mismatch', aBoxId: a2!.id, bBoxId: b2!.id, verdict: 'accept-b', comment: '', ...over });
  return { db: ana.db, ana, cho, image, caseId, a1: a1!, a2: a2!, b2: b2!, missed, relabelled };
}

const auditOfReviews = async (db: Awaited<ReturnType<typeof setup>>['db']) => (await db.audit.orderBy('seq').toArray()).filter((r) => r.entity === 'reviews');

describe('recording verdicts', () => {
  it('records a verdict with its difference, the reviewer and the time', async () => {
    const { db, cho, image, caseId, a1, missed } = await setup();
    await recordVerdict(cho, missed());
    const [review, ...rest] = await reviewsOfImage(db, image.id);
    expect(rest).toEqual([]);
    expect(review).toMatchObject({ caseId, imageId: image.id, authorA: 'ana', authorB: 'ben', kind: 'a-only', aBoxId: a1.id, bBoxId: null, verdict: 'accept-a', comment: 'ben missed the ship', reviewer: 'cho' });
    expect(review!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(review!.createdAt).toBe(review!.updatedAt);
    expect(await reviewsOfCase(db, caseId)).toEqual([review]);
    expect(cho.history.getState().undoLabel).toBe('Record verdict');
  });

  it('updates the verdict already on a difference: one record, created time kept, reviewer and time renewed', async () => {
    const { db, cho, ana, image, missed, relabelled } = await setup();
    await recordVerdict(cho, missed());
    await recordVerdict(cho, relabelled());
    const first = (await reviewsOfImage(db, image.id)).find((r) => r.kind === 'a-only')!;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await recordVerdict(ana, missed({ verdict: 'discuss', comment: 'is that a ship?' }));
    const reviews = await reviewsOfImage(db, image.id);
    expect(reviews).toHaveLength(2);
    const updated = reviews.find((r) => r.kind === 'a-only')!;
    expect(updated).toMatchObject({ id: first.id, verdict: 'discuss', comment: 'is that a ship?', reviewer: 'ana', createdAt: first.createdAt });
    expect(updated.updatedAt > first.updatedAt).toBe(true);
    expect(ana.history.getState().undoLabel).toBe('Change verdict');
    // The same boxes compared the other way round are another difference.
    await recordVerdict(cho, missed({ authorA: 'ben', authorB: 'ana', kind: 'b-only', aBoxId: null, bBoxId: first.aBoxId }));
    expect(await reviewsOfImage(db, image.id)).toHaveLength(3);
  });

  it('undoes and redoes recording, changing and clearing', async () => {
    const { db, cho, image, missed } = await setup();
    await recordVerdict(cho, missed());
    const [recorded] = await reviewsOfImage(db, image.id);
    await recordVerdict(cho, missed({ verdict: 'both-wrong', comment: '' }));
    await cho.history.undo();
    expect(await reviewsOfImage(db, image.id)).toEqual([recorded]);
    await cho.history.undo();
    expect(await reviewsOfImage(db, image.id)).toEqual([]);
    await cho.history.redo();
    expect(await reviewsOfImage(db, image.id)).toEqual([recorded]);
    await cho.history.redo();
    expect(await reviewsOfImage(db, image.id)).toMatchObject([{ id: recorded!.id, verdict: 'both-wrong', comment: '' }]);

    await clearVerdict(cho, recorded!.id);
    expect(await reviewsOfImage(db, image.id)).toEqual([]);
    expect(cho.history.getState().undoLabel).toBe('Clear verdict');
    await cho.history.undo();
    expect(await reviewsOfImage(db, image.id)).toMatchObject([{ id: recorded!.id, verdict: 'both-wrong' }]);
    await cho.history.redo();
    expect(await reviewsOfImage(db, image.id)).toEqual([]);
  });

  it('audits every step with entity "reviews", before and after, in a chain that verifies', async () => {
    const { db, cho, caseId, missed } = await setup();
    await recordVerdict(cho, missed());
    await recordVerdict(cho, missed({ verdict: 'accept-b' }));
    const [review] = await reviewsOfCase(db, caseId);
    await clearVerdict(cho, review!.id);
    await cho.history.undo();
    const audit = await auditOfReviews(db);
    expect(audit.map((r) => `${r.action} ${r.author}`)).toEqual(['create cho', 'update cho', 'delete cho', 'create cho']);
    expect(audit.every((r) => r.entityId === review!.id && r.caseId === caseId)).toBe(true);
    expect(audit[1]).toMatchObject({ before: { verdict: 'accept-a' }, after: { verdict: 'accept-b' } });
    expect(audit[2]).toMatchObject({ before: { verdict: 'accept-b' }, after: null });
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
  });

  it('changes nothing, not even the log or the undo stack, when the same verdict and comment are recorded again', async () => {
    const { db, cho, image, missed } = await setup();
    await recordVerdict(cho, missed());
    const before = await reviewsOfImage(db, image.id);
    const auditCount = await db.audit.count();
    await recordVerdict(cho, missed());
    expect(await reviewsOfImage(db, image.id)).toEqual(before);
    expect(await db.audit.count()).toBe(auditCount);
    await cho.history.undo();
    expect(await reviewsOfImage(db, image.id)).toEqual([]);
    expect(cho.history.getState().canUndo).toBe(false);
  });

  it('clearing a verdict that is gone changes nothing', async () => {
    const { db, cho } = await setup();
    const auditCount = await db.audit.count();
    await clearVerdict(cho, 'no-such-review');
    expect(await db.audit.count()).toBe(auditCount);
    expect(cho.history.getState().canUndo).toBe(false);
  });

  it('refuses, writing nothing, a verdict whose boxes do not fit its difference or are not stored', async () => {
    const { db, cho, caseId, a1, b2, missed } = await setup();
    const refusals: Array<[Partial<VerdictInput>, RegExp]> = [
      [{ bBoxId: b2.id }, /the difference is a-only, so it has no box on side B, but box \S+ is named/],
      [{ kind: 'low-iou' }, /the difference is low-iou, so it needs a box on side B, but none is named/],
      [{ aBoxId: 'gone' }, /box gone of side A is no longer stored/],
      [{ authorA: 'ben', authorB: 'ana' }, new RegExp(`box ${a1.id} of side A was drawn by ana, not ben`)],
      [{ imageId: 'elsewhere' }, /image elsewhere is not stored in this case/],
      [{ caseId: 'another-case' }, /is not stored in this case/],
    ];
    for (const [over, message] of refusals) {
      await recordVerdict(cho, missed(over));
      expect(cho.history.getState().failure).toMatch(message);
      expect(cho.history.getState().failure).toMatch(/Nothing of it was written\.$/);
    }
    expect(await reviewsOfCase(db, caseId)).toEqual([]);
    expect(await auditOfReviews(db)).toEqual([]);
  });
});

describe('verdicts and the rest of the case', () => {
  it('deleting a box deletes the verdicts on it in the same step; undo brings both back', async () => {
    const { db, ana, cho, image, a1, b2, missed, relabelled } = await setup();
    await recordVerdict(cho, missed());
    await recordVerdict(cho, relabelled());
    const all = await reviewsOfImage(db, image.id);
    await deleteBoxes(ana, [b2.id]);
    expect((await reviewsOfImage(db, image.id)).map((r) => r.aBoxId)).toEqual([a1.id]);
    await ana.history.undo();
    expect(await reviewsOfImage(db, image.id)).toEqual(expect.arrayContaining(all));
    expect(await reviewsOfImage(db, image.id)).toHaveLength(2);
    await deleteBoxes(ana, [a1.id]);
    expect((await reviewsOfImage(db, image.id)).map((r) => r.bBoxId)).toEqual([b2.id]);
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
  });

  it('deleting the case deletes its verdicts and counts them in the audit record', async () => {
    const { db, cho, caseId, missed, relabelled } = await setup();
    await recordVerdict(cho, missed());
    await recordVerdict(cho, relabelled());
    await deleteCase(db, caseId, 'ana');
    expect(await db.reviews.count()).toBe(0);
    expect(await caseContents(db, caseId)).toEqual({ images: 0, annotations: 0, claims: 0 });
    expect(await db.audit.orderBy('seq').last()).toMatchObject({ action: 'delete', entity: 'cases', entityId: caseId, before: { reviews: 2, annotations: 3 } });
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
  });
});

import { describe, expect, it } from 'vitest';
import { mergedId, planImport } from '../../../src/bundle/importPlan';
import { applyImport } from '../../../src/db/applyImport';
import { verifyAudit } from '../../../src/db/audit';
import { readCaseRecords } from '../../../src/db/caseRecords';
import { addImage, previewBytes, thumbnailBytes } from '../../../src/db/images';
import { localRecordsFor } from '../../../src/db/importTargets';
import { checkClaim, emptyClaimInput } from '../../../src/model/claimInput';
import { emptySource, type ImageRecord } from '../../../src/model/records';
import { createBoxes, updateBoxes } from '../../../src/state/annotationCommands';
import { createClaims, linkBoxes } from '../../../src/state/claimCommands';
import { createCase } from '../../../src/state/documentCommands';
import { recordVerdict } from '../../../src/state/reviewCommands';
import { commandContext, freshDatabase } from '../db/helpers';

const PNG = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);

async function sourceCase() {
  const ctx = commandContext(freshDatabase(), 'ana');
  const c = await createCase(ctx, 'Rajin');
  const image: ImageRecord = {
    id: crypto.randomUUID(), caseId: c.id, fileName: 'rajin.png', mediaType: 'image/png', byteLength: PNG.length, width: 100, height: 80, sha256: 'a'.repeat(64),
    source: emptySource(), releasedAt: '', capturedAt: '2023-10', gsdMeters: null, notes: '', addedAt: '2026-01-01T00:00:00.000Z', addedBy: 'ana',
  };
  await addImage(ctx.db, image, new Blob([PNG]), { thumbnail: new Blob(['thumb']), preview: null });
  const boxes = await createBoxes(ctx, image, [
    { label: 'ship', geometry: { x: 10, y: 10, width: 30, height: 8, rotation: 27.5 } },
    { label: 'container', geometry: { x: 50, y: 50, width: 5, height: 5, rotation: 0 }, attributes: { count: 12 } },
  ]);
  const claim = checkClaim({ ...emptyClaimInput(), statement: 'More than 1,000 containers', quantityValue: '1000', quantityUnit: 'containers', quantityQualifier: 'more-than' });
  if (!claim.ok) throw new Error('fixture');
  const [k] = await createClaims(ctx, c.id, [claim.value]);
  await linkBoxes(ctx, [boxes[1]!.id], k!.id, 'supports', 'stack');
  return { ctx, caseId: c.id, ...(await readCaseRecords(ctx.db, c.id)) };
}

/** The source case with a second analyst's box and a reviewer's verdicts on the differences. */
async function reviewedCase() {
  const { ctx, caseId, caseJson } = await sourceCase();
  const [shipA, stackA] = caseJson.annotations.sort((a, b) => a.geometry.x - b.geometry.x);
  const [stackB] = await createBoxes(commandContext(ctx.db, 'ben'), caseJson.images[0]!, [{ label: 'crane', geometry: { x: 50, y: 50, width: 5, height: 6, rotation: 0 } }]);
  const cho = commandContext(ctx.db, 'cho');
  const difference = { caseId, imageId: caseJson.images[0]!.id, authorA: 'ana', authorB: 'ben' };
  await recordVerdict(cho, { ...difference, kind: 'a-only', aBoxId: shipA!.id, bBoxId: null, verdict: 'accept-a', comment: 'missed' });
  await recordVerdict(cho, { ...difference, kind: 'label-mismatch', aBoxId: stackA!.id, bBoxId: stackB!.id, verdict: 'accept-b', comment: '' });
  return { ctx, caseId, ...(await readCaseRecords(ctx.db, caseId)) };
}

const source = (audit: Awaited<ReturnType<typeof sourceCase>>['audit']) => ({
  bundle: { createdAt: 'x' },
  audit,
  originals: new Map([['a'.repeat(64), new Blob([PNG])]]),
  derived: new Map([['a'.repeat(64), { thumbnail: new Blob(['t']), preview: new Blob(['p']) }]]),
});

describe('importing a case', () => {
  it('as its own case on another machine: every record arrives unchanged, the chain carries on, a second import changes nothing', async () => {
    const { caseJson, audit, caseId } = await sourceCase();
    const target = commandContext(freshDatabase(), 'ben');
    const plan = planImport(caseJson, caseId, await localRecordsFor(target.db, caseJson, caseId));
    expect(plan.counts).toEqual({ added: 6, present: 0, conflict: 0 });
    await applyImport(target.db, plan, source(audit), 'ben');

    const arrived = await readCaseRecords(target.db, caseId);
    expect(arrived.caseJson).toEqual(caseJson);
    expect(arrived.audit.slice(0, audit.length).map(({ seq: _s, ...r }) => r)).toEqual(audit.map(({ seq: _s, ...r }) => r));
    expect(arrived.audit.at(-1)).toMatchObject({ action: 'import', author: 'ben', prevHash: audit.at(-1)!.hash });
    expect(await verifyAudit(target.db)).toMatchObject({ ok: true });
    expect(arrived.caseJson.annotations.map((a) => a.author)).toEqual(['ana', 'ana']);
    // What was derived from the original on this machine is stored with it.
    expect(await (await thumbnailBytes(target.db, 'a'.repeat(64)))!.text()).toBe('t');
    expect(await (await previewBytes(target.db, 'a'.repeat(64)))!.text()).toBe('p');

    const auditCount = await target.db.audit.count();
    const again = planImport(caseJson, caseId, await localRecordsFor(target.db, caseJson, caseId));
    expect(again.counts).toEqual({ added: 0, present: 6, conflict: 0 });
    await applyImport(target.db, again, source(audit), 'ben');
    expect(await target.db.audit.count()).toBe(auditCount);
  });

  it('finds conflicts: the same id with different content keeps the local record', async () => {
    const { ctx, caseJson, audit, caseId } = await sourceCase();
    const box = caseJson.annotations[0]!;
    await updateBoxes(ctx, [box.id], 'Change label', () => ({ label: 'crane' }));
    const plan = planImport(caseJson, caseId, await localRecordsFor(ctx.db, caseJson, caseId));
    expect(plan.counts).toEqual({ added: 0, present: 5, conflict: 1 });
    expect(plan.records.find((r) => r.outcome === 'conflict')).toMatchObject({ table: 'annotations', record: { id: box.id, label: box.label } });
    await applyImport(ctx.db, plan, source(audit), 'ana');
    expect((await ctx.db.annotations.get(box.id))!.label).toBe('crane');
  });

  it('merged into another case: new ids, images matched by hash, links kept together, idempotent', async () => {
    const { caseJson, audit } = await sourceCase();
    const target = commandContext(freshDatabase(), 'ben');
    const open = await createCase(target, 'My case');
    const plan = planImport(caseJson, open.id, await localRecordsFor(target.db, caseJson, open.id));
    expect(plan.counts).toEqual({ added: 5, present: 0, conflict: 0 });
    await applyImport(target.db, plan, source(audit), 'ben');
    const merged = await readCaseRecords(target.db, open.id);
    expect(merged.caseJson.case.name).toBe('My case');
    expect(merged.caseJson.annotations.map((a) => a.geometry).sort((a, b) => a.x - b.x)).toEqual(caseJson.annotations.map((a) => a.geometry).sort((a, b) => a.x - b.x));
    expect(new Set(merged.caseJson.annotations.map((a) => a.imageId))).toEqual(new Set([merged.caseJson.images[0]!.id]));
    const link = merged.caseJson.links[0]!;
    expect(merged.caseJson.annotations.some((a) => a.id === link.annotationId)).toBe(true);
    expect(merged.caseJson.claims[0]!.id).toBe(link.claimId);
    expect(await verifyAudit(target.db)).toMatchObject({ ok: true });

    const again = planImport(caseJson, open.id, await localRecordsFor(target.db, caseJson, open.id));
    expect(again.counts).toEqual({ added: 0, present: 5, conflict: 0 });
  });

  it('plans verdicts like links: as its own case unchanged; merged, with mapped ids, boxes and images', async () => {
    const { caseJson, audit, caseId } = await reviewedCase();
    expect(caseJson.reviews).toHaveLength(2);
    const own = commandContext(freshDatabase(), 'ben');
    const plan = planImport(caseJson, caseId, await localRecordsFor(own.db, caseJson, caseId));
    expect(plan.records.filter((r) => r.table === 'reviews')).toEqual(caseJson.reviews.map((record) => ({ table: 'reviews', record, outcome: 'added' })));
    await applyImport(own.db, plan, source(audit), 'ben');
    expect((await readCaseRecords(own.db, caseId)).caseJson.reviews).toEqual(caseJson.reviews);

    // Merged into a case that already holds the same image under another id: verdicts land on that image.
    const target = commandContext(freshDatabase(), 'dan');
    const open = await createCase(target, 'My case');
    const mine: ImageRecord = { ...caseJson.images[0]!, id: 'my-image', caseId: open.id, fileName: 'mine.png' };
    await addImage(target.db, mine, new Blob([PNG]), { thumbnail: new Blob(['thumb']), preview: null });
    const merge = planImport(caseJson, open.id, await localRecordsFor(target.db, caseJson, open.id));
    const planned = merge.records.filter((r) => r.table === 'reviews').map((r) => r.record);
    const m = (id: string | null) => (id === null ? null : mergedId(open.id, id));
    expect(planned).toEqual(caseJson.reviews.map((r) => ({ ...r, id: m(r.id), caseId: open.id, imageId: 'my-image', aBoxId: m(r.aBoxId), bBoxId: m(r.bBoxId) })));
    await applyImport(target.db, merge, source(audit), 'dan');
    const merged = (await readCaseRecords(target.db, open.id)).caseJson;
    expect(merged.reviews).toHaveLength(2);
    const boxes = new Map(merged.annotations.map((a) => [a.id, a]));
    for (const r of merged.reviews) {
      for (const id of [r.aBoxId, r.bBoxId].filter((x) => x !== null)) expect(boxes.get(id)?.imageId).toBe('my-image');
    }
    expect(await verifyAudit(target.db)).toMatchObject({ ok: true });
    const again = planImport(caseJson, open.id, await localRecordsFor(target.db, caseJson, open.id));
    expect(again.records.filter((r) => r.table === 'reviews').map((r) => r.outcome)).toEqual(['present', 'present']);
  });
});

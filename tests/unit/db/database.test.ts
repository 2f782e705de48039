import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src/db/audit';
import { verifyAuditChain } from '../../../src/model/auditChain';
import { caseContents, deleteCase, listCases } from '../../../src/db/cases';
import { addImage, findImageByHash, imageBytes, previewBytes, thumbnailBytes } from '../../../src/db/images';
import { emptySource, type ImageRecord } from '../../../src/model/records';
import { createBoxes } from '../../../src/state/annotationCommands';
import { createCase, renameCase } from '../../../src/state/documentCommands';
import { usedLabels } from '../../../src/db/annotations';
import { caseWithImage, commandContext } from './helpers';

function imageRecord(caseId: string, sha256: string, fileName = 'port.png'): ImageRecord {
  return {
    id: crypto.randomUUID(), caseId, fileName, mediaType: 'image/png', byteLength: 4, width: 100, height: 50, sha256,
    source: emptySource(), releasedAt: '', capturedAt: '', gsdMeters: null, notes: '', addedAt: new Date().toISOString(), addedBy: 'ana',
  };
}

describe('cases, images and the audit log', () => {
  it('audits every change in a chain that verifies', async () => {
    const ctx = commandContext();
    const c = await createCase(ctx, 'Rajin port');
    await renameCase(ctx, c.id, 'Rajin port, October 2023');
    const image = imageRecord(c.id, 'a'.repeat(64));
    await addImage(ctx.db, image, new Blob([new Uint8Array([1, 2, 3, 4])]), { thumbnail: new Blob([]), preview: null });
    await createBoxes(ctx, image, [{ label: 'ship', geometry: { x: 1, y: 2, width: 3, height: 4, rotation: 0 } }]);

    const audit = await ctx.db.audit.orderBy('seq').toArray();
    expect(audit.map((a) => `${a.action} ${a.entity}`)).toEqual(['create cases', 'update cases', 'create images', 'create annotations']);
    expect(audit.every((a) => a.author === 'ana')).toBe(true);
    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: true, count: 4 });
    expect((await listCases(ctx.db))[0]!.name).toBe('Rajin port, October 2023');
  });

  it('stores the same file once per case and keeps the original bytes', async () => {
    const ctx = commandContext();
    const c = await createCase(ctx, 'one');
    const sha = 'b'.repeat(64);
    const first = await addImage(ctx.db, imageRecord(c.id, sha), new Blob([new Uint8Array([9, 8, 7])]), { thumbnail: new Blob([]), preview: null });
    const again = await addImage(ctx.db, imageRecord(c.id, sha, 'renamed.png'), new Blob([new Uint8Array([9, 8, 7])]), { thumbnail: new Blob([]), preview: null });
    expect(first.added).toBe(true);
    expect(again).toMatchObject({ added: false, existing: { fileName: 'port.png' } });
    expect(await ctx.db.images.count()).toBe(1);
    const bytes = await imageBytes(ctx.db, sha);
    expect(new Uint8Array(await bytes!.arrayBuffer())).toEqual(new Uint8Array([9, 8, 7]));
  });

  it('deletes a case with its images and boxes, keeping bytes another case still holds', async () => {
    const ctx = commandContext();
    const a = await createCase(ctx, 'a');
    const b = await createCase(ctx, 'b');
    const shared = 'c'.repeat(64);
    const only = 'd'.repeat(64);
    const imgA = imageRecord(a.id, shared);
    const derived = { thumbnail: new Blob(['thumb']), preview: new Blob(['preview']) };
    await addImage(ctx.db, imgA, new Blob([new Uint8Array([1])]), derived);
    await addImage(ctx.db, imageRecord(a.id, only), new Blob([new Uint8Array([2])]), derived);
    await addImage(ctx.db, imageRecord(b.id, shared), new Blob([new Uint8Array([1])]), derived);
    await createBoxes(ctx, imgA, [{ label: 'ship', geometry: { x: 0, y: 0, width: 5, height: 5, rotation: 0 } }]);
    expect(await caseContents(ctx.db, a.id)).toEqual({ images: 2, annotations: 1, claims: 0 });

    await deleteCase(ctx.db, a.id, 'ana');

    expect(await ctx.db.cases.get(a.id)).toBeUndefined();
    expect(await caseContents(ctx.db, a.id)).toEqual({ images: 0, annotations: 0, claims: 0 });
    expect(await imageBytes(ctx.db, shared)).toBeDefined();
    expect(await imageBytes(ctx.db, only)).toBeUndefined();
    // What was derived from a file goes with its last holder, and stays while another case holds it.
    expect(await thumbnailBytes(ctx.db, only)).toBeUndefined();
    expect(await previewBytes(ctx.db, only)).toBeUndefined();
    expect(await thumbnailBytes(ctx.db, shared)).toBeDefined();
    expect(await previewBytes(ctx.db, shared)).toBeDefined();
    expect(await findImageByHash(ctx.db, b.id, shared)).toBeDefined();
    const last = await ctx.db.audit.orderBy('seq').last();
    expect(last).toMatchObject({ action: 'delete', entity: 'cases', entityId: a.id, before: { annotations: 1 } });
    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: true });
  });
});

describe('one audit chain per case', () => {
  it('chains each case on its own, so one case’s records verify without the others', async () => {
    const ctx = commandContext();
    const a = await createCase(ctx, 'a');
    const b = await createCase(ctx, 'b');
    await renameCase(ctx, a.id, 'a2');
    await renameCase(ctx, b.id, 'b2');
    const ofA = await ctx.db.audit.where('caseId').equals(a.id).sortBy('seq');
    expect(ofA.map((r) => r.action)).toEqual(['create', 'update']);
    expect(ofA[1]!.prevHash).toBe(ofA[0]!.hash);
    expect(verifyAuditChain(ofA)).toMatchObject({ ok: true, count: 2 });
    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: true, count: 4 });
  });
});

describe('labels in use', () => {
  it('are read per case from the label index', async () => {
    const { ctx, image, caseId } = await caseWithImage();
    const g = { x: 1, y: 1, width: 4, height: 4, rotation: 0 };
    await createBoxes(ctx, image, [{ label: 'ship', geometry: g }, { label: 'crane', geometry: g }, { label: 'ship', geometry: g }, { label: 'crane', geometry: g }, { label: 'ship ', geometry: g }]);
    const other = await createCase(ctx, 'other case');
    expect([...(await usedLabels(ctx.db, caseId))].sort()).toEqual(['crane', 'ship', 'ship ']);
    expect(await usedLabels(ctx.db, other.id)).toEqual(new Set());
    // Another case's labels stay its own, on either side of this case in the index.
    const [before, after] = await Promise.all([createCase(ctx, 'a'), createCase(ctx, 'z')]);
    await createBoxes(ctx, { ...image, id: 'img-a', caseId: before.id }, [{ label: 'aircraft', geometry: g }]);
    await createBoxes(ctx, { ...image, id: 'img-z', caseId: after.id }, [{ label: 'zeppelin', geometry: g }]);
    expect([...(await usedLabels(ctx.db, caseId))].sort()).toEqual(['crane', 'ship', 'ship ']);
    expect(await usedLabels(ctx.db, before.id)).toEqual(new Set(['aircraft']));
  });
});


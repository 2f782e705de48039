// The whole path a bundle travels: a case with rotated boxes, claims, links and verdicts is written,
// read back by the hardened reader, and imported into another database, record for record.
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../../src/bundle/readBundle';
import { verifyAudit } from '../../../src/db/audit';
import { readCaseRecords } from '../../../src/db/caseRecords';
import { addImage, previewBytes } from '../../../src/db/images';
import { checkClaim, emptyClaimInput } from '../../../src/model/claimInput';
import { emptySource, type ImageRecord } from '../../../src/model/records';
import { createBoxes } from '../../../src/state/annotationCommands';
import { createClaims, linkBoxes } from '../../../src/state/claimCommands';
import { createCase } from '../../../src/state/documentCommands';
import { exportCaseBundle, recordBundleExport } from '../../../src/state/exportBundle';
import { changeSummary } from '../../../src/model/changeSummary';
import { sha256Hex } from '../../../src/state/importImages';
import { commitBundleImport, planBundleImport, type VerifiedBundle } from '../../../src/state/importBundle';
import { recordVerdict } from '../../../src/state/reviewCommands';
import { testPattern } from '../../fixtures/png';
import { commandContext, freshDatabase } from '../db/helpers';

/** Derived data on the exporting machine, which never travels in a bundle. */
const SOURCE_PREVIEW = 'preview made where the case was exported';

async function exportedCase() {
  const ctx = commandContext(freshDatabase(), 'ana');
  const c = await createCase(ctx, 'Najin, autumn 2023');
  const png = testPattern(120, 80, 5);
  const image: ImageRecord = {
    id: crypto.randomUUID(), caseId: c.id, fileName: 'najin.png', mediaType: 'image/png', byteLength: png.length, width: 120, height: 80, sha256: await sha256Hex(png.slice()),
    source: { ...emptySource(), title: 'Najin port', publisher: 'Example' }, releasedAt: '2023-10-13', capturedAt: '2023-10', gsdMeters: null, notes: '', addedAt: '2026-01-01T00:00:00.000Z', addedBy: 'ana',
  };
  await addImage(ctx.db, image, new Blob([png as Uint8Array<ArrayBuffer>]), { thumbnail: new Blob(['thumb']), preview: new Blob([SOURCE_PREVIEW]) });
  const boxes = await createBoxes(ctx, image, [
    { label: 'ship', geometry: { x: 10, y: 10, width: 60, height: 12, rotation: -37.25 }, attributes: { name: 'ANGARA' } },
    { label: 'container stack', geometry: { x: 80, y: 40, width: 20, height: 10, rotation: 90 }, attributes: { count: 24 } },
  ]);
  const claim = checkClaim({ ...emptyClaimInput(), statement: 'More than 1,000 containers', claimedAt: '2023-10-13', quantityValue: '1000', quantityUnit: 'containers', quantityQualifier: 'more than' });
  if (!claim.ok) throw new Error('fixture');
  const [k] = await createClaims(ctx, c.id, [claim.value]);
  await linkBoxes(ctx, [boxes[0]!.id], k!.id, 'context', 'the ship named in reports');
  await linkBoxes(ctx, [boxes[1]!.id], k!.id, 'supports', '');
  // A second analyst's boxes on the same image, and a reviewer's verdicts on where they differ.
  const ben = commandContext(ctx.db, 'ben');
  const [bens] = await createBoxes(ben, image, [{ label: 'crane', geometry: { x: 78, y: 41, width: 21, height: 10, rotation: 88 } }]);
  const cho = commandContext(ctx.db, 'cho');
  const difference = { caseId: c.id, imageId: image.id, authorA: 'ana', authorB: 'ben' };
  await recordVerdict(cho, { ...difference, kind: 'a-only', aBoxId: boxes[0]!.id, bBoxId: null, verdict: 'accept-a', comment: 'ben missed the "ANGARA" <ship>' });
  await recordVerdict(cho, { ...difference, kind: 'label-mismatch', aBoxId: boxes[1]!.id, bBoxId: bens!.id, verdict: 'discuss', comment: '' });
  await recordVerdict(cho, { ...difference, kind: 'label-mismatch', aBoxId: boxes[1]!.id, bBoxId: bens!.id, verdict: 'accept-a', comment: 'a stack, not a crane' });
  const chunks: Uint8Array[] = [];
  await exportCaseBundle(ctx, c.id, { write: async (chunk) => void chunks.push(chunk) });
  return { ctx, caseId: c.id, zip: new Blob(chunks as Uint8Array<ArrayBuffer>[]) };
}

describe('a bundle round trip', () => {
  it('arrives in another database exactly as it left, audit chain included', async () => {
    const { ctx, caseId, zip } = await exportedCase();
    const read = await readBundle(zip);
    if (!read.ok) throw new Error(read.error);
    const bundle: VerifiedBundle = { manifest: read.manifest, caseJson: read.caseJson, audit: read.audit, images: read.images };
    const target = commandContext(freshDatabase(), 'ben');
    const plan = await planBundleImport(target, bundle, { kind: 'own' });
    await commitBundleImport(target, bundle, plan, async () => ({ thumbnail: new Blob(['thumb']), preview: new Blob(['preview made here']) }));

    const before = await readCaseRecords(ctx.db, caseId);
    const after = await readCaseRecords(target.db, caseId);
    expect(after.caseJson).toEqual(before.caseJson);
    expect(after.caseJson.annotations.map((a) => a.geometry.rotation).sort()).toEqual([-37.25, 88, 90]);
    expect(before.caseJson.reviews.map((r) => `${r.kind} ${r.verdict} ${r.reviewer}`).sort()).toEqual(['a-only accept-a cho', 'label-mismatch accept-a cho']);
    expect(after.caseJson.reviews).toEqual(before.caseJson.reviews);
    expect(read.manifest.counts.reviews).toBe(2);
    const report = new TextDecoder().decode(read.files.get('report.html'));
    expect(report).toContain('<section id="review">');
    expect(report).toContain('ben missed the &quot;ANGARA&quot; &lt;ship&gt;');
    expect(before.audit.filter((r) => r.entity === 'reviews').map((r) => r.action)).toEqual(['create', 'create', 'update']);
    expect(after.audit.slice(0, -1).map(({ seq: _s, ...r }) => r)).toEqual(before.audit.map(({ seq: _s, ...r }) => r));
    expect(await verifyAudit(target.db)).toMatchObject({ ok: true });
    const original = await target.db.blobs.get(before.caseJson.images[0]!.sha256);
    expect(await sha256Hex(await original!.bytes.arrayBuffer())).toBe(before.caseJson.images[0]!.sha256);
    // Previews are made again from the original on import; the exporter's never left its machine.
    expect(await (await previewBytes(target.db, before.caseJson.images[0]!.sha256))!.text()).toBe('preview made here');
    const carried = [...[...read.files.values()].map((bytes) => new TextDecoder().decode(bytes)), ...(await Promise.all([...read.images.values()].map((b) => b.text())))];
    expect(carried.filter((text) => text.includes(SOURCE_PREVIEW))).toEqual([]);
  });

  it('a finished export is audited, and the next bundle carries that record and reads back', async () => {
    const { ctx, caseId } = await exportedCase();
    const chunks: Uint8Array[] = [];
    const first = await exportCaseBundle(ctx, caseId, { write: async (chunk) => void chunks.push(chunk) });
    await recordBundleExport(ctx, caseId, first, 'najin-2026-01-05.evidence.zip');

    const { audit } = await readCaseRecords(ctx.db, caseId);
    const record = audit.at(-1)!;
    expect(record).toMatchObject({ action: 'export', entity: 'cases', entityId: caseId, author: 'ana', before: null });
    expect(record.after).toEqual({ kind: 'bundle', file: 'najin-2026-01-05.evidence.zip', createdAt: first.createdAt, auditHead: first.auditHead, counts: first.counts, files: first.files.length });
    expect(changeSummary(record)).toBe('exported as bundle najin-2026-01-05.evidence.zip');
    expect(await verifyAudit(ctx.db)).toMatchObject({ ok: true });

    const again: Uint8Array[] = [];
    const second = await exportCaseBundle(ctx, caseId, { write: async (chunk) => void again.push(chunk) });
    expect(second.auditHead).toBe(record.hash);
    const read = await readBundle(new Blob(again as Uint8Array<ArrayBuffer>[]));
    if (!read.ok) throw new Error(read.error);
    expect(read.audit.at(-1)).toMatchObject({ action: 'export', hash: record.hash });
  });

  it('a tampered bundle is refused before the database is touched', async () => {
    const { zip } = await exportedCase();
    const bytes = new Uint8Array(await zip.arrayBuffer());
    // Flip one byte inside the stored image (stored, so its bytes sit in the archive as they are).
    const at = bytes.findIndex((_, i) => bytes[i] === 0x49 && bytes[i + 1] === 0x44 && bytes[i + 2] === 0x41 && bytes[i + 3] === 0x54) + 20;
    bytes[at] = bytes[at]! ^ 0xff;
    const read = await readBundle(bytes);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatch(/^images\/[0-9a-f]{64}\.png does not match its SHA-256 in the manifest.*Nothing was imported\.$/);
  });
});

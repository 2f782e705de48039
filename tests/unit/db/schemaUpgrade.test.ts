// Databases written by earlier schemas open under the current one with every record intact: v1
// (before reviews) gains an empty reviews table and takes verdicts; v2 (before previews) gains an
// empty previews table, its images drawn from their originals until none is made for them; v3
// (before box snapshots) gains an empty snapshot table, filled as large images are opened; v4
// (before box counts) has every image's boxes counted, and its audit chain continues.
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { EvidenceDatabase } from '../../../src/db/database';
import { auditOfCase, verifyAudit } from '../../../src/db/audit';
import { boxCountsOf } from '../../../src/db/boxCounts';
import { loadImageBoxes, MIN_SNAPSHOT_BOXES } from '../../../src/db/boxSnapshots';
import { addImage, previewBytes, thumbnailBytes } from '../../../src/db/images';
import { reviewsOfCase } from '../../../src/db/reviews';
import { hasTiles } from '../../../src/db/tiles';
import { chainAudit, GENESIS_HASH } from '../../../src/model/auditChain';
import { renameCase } from '../../../src/state/documentCommands';
import { commandContext } from './helpers';
import { emptySource, type Annotation, type CaseRecord, type ClaimRecord, type ImageRecord, type LinkRecord, type ReviewRecord } from '../../../src/model/records';

const T = '2026-01-05T10:00:00.000Z';

/** EvidenceDatabase's blocks up to `version`, as shipped: what a user's disk holds before the upgrade. */
function shippedSchema(name: string, version: 1 | 2 | 3 | 4 | 5): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({
    cases: 'id, updatedAt',
    images: 'id, caseId, &[caseId+sha256], sha256',
    blobs: 'sha256',
    thumbnails: 'sha256',
    annotations: 'id, imageId, caseId, [imageId+author]',
    claims: 'id, caseId, claimedAt',
    links: 'id, caseId, annotationId, claimId, [annotationId+claimId]',
    audit: '++seq, caseId, entityId',
    settings: 'key',
  });
  if (version >= 2) db.version(2).stores({ reviews: 'id, caseId, imageId' });
  if (version >= 3) db.version(3).stores({ previews: 'sha256', annotations: 'id, imageId, caseId, [imageId+author], [caseId+label]' });
  if (version >= 4) db.version(4).stores({ boxSnapshots: 'imageId' });
  if (version >= 5) db.version(5).stores({ boxCounts: 'imageId', audit: '++seq, caseId, entityId, [caseId+seq]' });
  return db;
}

/** The schema EvidenceDatabase opens today: every upgrade below ends there. */
const CURRENT_VERSION = 6;

const caseRecord: CaseRecord = { id: 'case-1', name: 'Rajin port', description: '', labels: [{ name: 'ship', color: '#ff4d4f' }], createdAt: T, updatedAt: T };
const image: ImageRecord = {
  id: 'img-1', caseId: 'case-1', fileName: 'rajin.png', mediaType: 'image/png', byteLength: 3, width: 40, height: 30, sha256: 'a'.repeat(64),
  source: emptySource(), releasedAt: '2023-10-13', capturedAt: '2023-10', gsdMeters: 0.5, notes: '', addedAt: T, addedBy: 'ana',
};
const box: Annotation = {
  id: 'ann-1', imageId: 'img-1', caseId: 'case-1', label: 'ship', geometry: { x: 5, y: 4, width: 20, height: 8, rotation: 33.5 }, attributes: { name: 'Angara' },
  author: 'ana', createdAt: T, updatedAt: T, revision: 2,
};
const claim: ClaimRecord = {
  id: 'claim-1', caseId: 'case-1', statement: 'A ship was at the berth.', claimant: 'Someone', role: '', claimedAt: '2023-10-13', period: { from: '', to: '' },
  source: { title: '', publisher: '', url: '', accessedAt: '' }, quantity: null, tags: [], notes: '', createdAt: T, updatedAt: T,
};
const link: LinkRecord = { id: 'link-1', caseId: 'case-1', annotationId: 'ann-1', claimId: 'claim-1', relation: 'supports', note: '', author: 'ana', createdAt: T };
const review: ReviewRecord = {
  id: 'review-1', caseId: 'case-1', imageId: 'img-1', authorA: 'ana', authorB: 'ben', kind: 'a-only', aBoxId: 'ann-1', bBoxId: null,
  verdict: 'accept-a', comment: '', reviewer: 'cho', createdAt: T, updatedAt: T,
};
const bytesOf = async (blob: Blob | undefined) => new Uint8Array(await blob!.arrayBuffer());

describe('upgrading schema v1 to the current schema', () => {
  it('keeps every record, adds an empty reviews table, and stores verdicts', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = shippedSchema(name, 1);
    await old.open();
    await old.table('cases').add(caseRecord);
    await old.table('images').add(image);
    await old.table('blobs').add({ sha256: image.sha256, bytes: new Blob([new Uint8Array([1, 2, 3])]) });
    await old.table('annotations').add(box);
    await old.table('claims').add(claim);
    await old.table('links').add(link);
    await old.table('settings').put({ key: 'analystName', value: 'ana' });
    expect(old.verno).toBe(1);
    old.close();

    const db = new EvidenceDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.cases.toArray()).toEqual([caseRecord]);
    expect(await db.images.toArray()).toEqual([image]);
    expect(await db.annotations.toArray()).toEqual([box]);
    expect(await db.claims.toArray()).toEqual([claim]);
    expect(await db.links.toArray()).toEqual([link]);
    expect(await db.settings.get('analystName')).toEqual({ key: 'analystName', value: 'ana' });
    expect(new Uint8Array(await (await db.blobs.get(image.sha256))!.bytes.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    // The old indexes still answer.
    expect(await db.images.where('[caseId+sha256]').equals(['case-1', image.sha256]).count()).toBe(1);
    expect(await db.links.where('[annotationId+claimId]').equals(['ann-1', 'claim-1']).count()).toBe(1);

    expect(db.tables.map((t) => t.name)).toContain('reviews');
    expect(await db.reviews.count()).toBe(0);
    expect(await db.previews.count()).toBe(0);
    await db.reviews.add(review);
    expect(await reviewsOfCase(db, 'case-1')).toEqual([review]);
    expect(await db.reviews.where('imageId').equals('img-1').count()).toBe(1);
    db.close();

    // Opening again finds it as it was left: the upgrade does not run twice.
    const again = new EvidenceDatabase(name);
    expect(await again.reviews.toArray()).toEqual([review]);
    expect(await again.annotations.toArray()).toEqual([box]);
    again.close();
  });
});

describe('upgrading schema v2 to v3', () => {
  it('keeps every record and thumbnail, adds an empty previews table, and makes no preview for old images', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = shippedSchema(name, 2);
    await old.open();
    await old.table('cases').add(caseRecord);
    await old.table('images').add(image);
    await old.table('blobs').add({ sha256: image.sha256, bytes: new Blob([new Uint8Array([1, 2, 3])]) });
    await old.table('thumbnails').add({ sha256: image.sha256, bytes: new Blob([new Uint8Array([7, 7])]) });
    await old.table('annotations').add(box);
    await old.table('claims').add(claim);
    await old.table('links').add(link);
    await old.table('reviews').add(review);
    await old.table('settings').put({ key: 'analystName', value: 'ana' });
    expect(old.verno).toBe(2);
    old.close();

    const db = new EvidenceDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.cases.toArray()).toEqual([caseRecord]);
    expect(await db.images.toArray()).toEqual([image]);
    expect(await db.annotations.toArray()).toEqual([box]);
    expect(await db.claims.toArray()).toEqual([claim]);
    expect(await db.links.toArray()).toEqual([link]);
    expect(await db.reviews.toArray()).toEqual([review]);
    expect(await db.settings.get('analystName')).toEqual({ key: 'analystName', value: 'ana' });
    expect(await bytesOf((await db.blobs.get(image.sha256))?.bytes)).toEqual(new Uint8Array([1, 2, 3]));
    expect(await bytesOf(await thumbnailBytes(db, image.sha256))).toEqual(new Uint8Array([7, 7]));

    // No backfill: an image stored before v3 has no preview, and the canvas draws its original.
    expect(db.tables.map((t) => t.name)).toContain('previews');
    expect(await db.previews.count()).toBe(0);
    expect(await previewBytes(db, image.sha256)).toBeUndefined();

    // A large image imported after the upgrade keeps its preview.
    const large: ImageRecord = { ...image, id: 'img-2', fileName: 'large.jpg', width: 12_000, height: 8_000, sha256: 'b'.repeat(64) };
    await addImage(db, large, new Blob([new Uint8Array([4])]), { thumbnail: new Blob([new Uint8Array([5])]), preview: new Blob([new Uint8Array([6])]) });
    expect(await bytesOf(await previewBytes(db, large.sha256))).toEqual(new Uint8Array([6]));
    db.close();
  });
});

describe('upgrading schema v3 to v4', () => {
  it('keeps every record, adds an empty box snapshot table, and reads the boxes as before', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = shippedSchema(name, 3);
    await old.open();
    await old.table('cases').add(caseRecord);
    await old.table('images').add(image);
    await old.table('annotations').bulkAdd(Array.from({ length: MIN_SNAPSHOT_BOXES }, (_, i) => ({ ...box, id: `ann-${String(i).padStart(4, '0')}` })));
    await old.table('previews').add({ sha256: image.sha256, bytes: new Blob([new Uint8Array([6])]) });
    expect(old.verno).toBe(3);
    old.close();

    const db = new EvidenceDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.cases.toArray()).toEqual([caseRecord]);
    expect(await db.images.toArray()).toEqual([image]);
    expect(await db.annotations.count()).toBe(MIN_SNAPSHOT_BOXES);
    expect(await bytesOf(await previewBytes(db, image.sha256))).toEqual(new Uint8Array([6]));
    expect(await db.boxSnapshots.count()).toBe(0);
    const boxes = await loadImageBoxes(db, image.id);
    expect(boxes).toHaveLength(MIN_SNAPSHOT_BOXES);
    expect(boxes[0]).toEqual({ ...box, id: 'ann-0000' });
    expect(await db.boxSnapshots.count()).toBe(1);
    db.close();
  });
});

describe('upgrading schema v4 to v5', () => {
  it('counts the boxes of every image already stored, and the audit chain of each case goes on from its head', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = shippedSchema(name, 4);
    await old.open();
    const second: ImageRecord = { ...image, id: 'img-2', fileName: 'second.png', sha256: 'c'.repeat(64) };
    const empty: ImageRecord = { ...image, id: 'img-3', fileName: 'empty.png', sha256: 'd'.repeat(64) };
    await old.table('cases').add(caseRecord);
    await old.table('images').bulkAdd([image, second, empty]);
    await old.table('annotations').bulkAdd([
      ...Array.from({ length: 7 }, (_, i) => ({ ...box, id: `ann-a${i}` })),
      ...Array.from({ length: 3 }, (_, i) => ({ ...box, id: `ann-b${i}`, imageId: 'img-2' })),
    ]);
    const chain = chainAudit(GENESIS_HASH, [
      { at: T, author: 'ana', action: 'create', entity: 'cases', entityId: 'case-1', caseId: 'case-1', before: null, after: caseRecord },
      { at: T, author: 'ana', action: 'create', entity: 'images', entityId: 'img-1', caseId: 'case-1', before: null, after: image },
    ]);
    await old.table('audit').bulkAdd(chain);
    // Another case's record comes last in the log: case-1's head is not the log's last record.
    await old.table('audit').bulkAdd(chainAudit(GENESIS_HASH, [{ at: T, author: 'ben', action: 'create', entity: 'cases', entityId: 'case-2', caseId: 'case-2', before: null, after: null }]));
    expect(old.verno).toBe(4);
    old.close();

    const db = new EvidenceDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.annotations.count()).toBe(10);
    expect(await boxCountsOf(db, ['img-1', 'img-2', 'img-3'])).toEqual(new Map([['img-1', 7], ['img-2', 3], ['img-3', 0]]));
    expect(await db.boxCounts.count()).toBe(2);

    await renameCase(commandContext(db), 'case-1', 'Rajin port, renamed');
    const ofCase = await auditOfCase(db, 'case-1');
    expect(ofCase.map((r) => r.action)).toEqual(['create', 'create', 'update']);
    expect(ofCase[2]!.prevHash).toBe(chain[1]!.hash);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, count: 4 });
    db.close();
  });
});

describe('upgrading schema v5 to v6', () => {
  it('keeps every record and adds empty tile tables: pyramids are made as large images are opened', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = shippedSchema(name, 5);
    await old.open();
    await old.table('cases').add(caseRecord);
    await old.table('images').add(image);
    await old.table('blobs').add({ sha256: image.sha256, bytes: new Blob([new Uint8Array([1, 2, 3])]) });
    await old.table('annotations').add(box);
    expect(old.verno).toBe(5);
    old.close();

    const db = new EvidenceDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.images.toArray()).toEqual([image]);
    expect(await db.annotations.toArray()).toEqual([box]);
    expect(await db.blobs.count()).toBe(1);
    expect([await db.tiles.count(), await db.tileSets.count()]).toEqual([0, 0]);
    expect(await hasTiles(db, image.sha256)).toBe(false);
    db.close();
  });
});

// Databases written by every earlier schema open under the current one with nothing lost (issue
// #7 item 4). Each stored fixture (tests/fixtures/databases/v<N>.json, made by makeFixture.ts) is
// loaded at its own version, upgraded by EvidenceDatabase, read through the app's own functions,
// and edited: its audit chain goes on. The next schema version must add its fixture.
import type { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { usedLabels } from '../../../src/db/annotations';
import { auditOfCase, verifyAudit } from '../../../src/db/audit';
import { boxCountsOf } from '../../../src/db/boxCounts';
import { loadImageBoxes } from '../../../src/db/boxSnapshots';
import { getCase } from '../../../src/db/cases';
import { linksOfCase, listClaims } from '../../../src/db/claims';
import { EvidenceDatabase } from '../../../src/db/database';
import { findImageByHash, imageBytes, listImages, previewBytes, thumbnailBytes } from '../../../src/db/images';
import { reviewsOfCase } from '../../../src/db/reviews';
import { getSetting, SETTING } from '../../../src/db/settings';
import { hasTiles, tileBytes } from '../../../src/db/tiles';
import { byCreation } from '../../../src/model/creationOrder';
import type { Annotation, AuditRecord, CaseRecord, ClaimRecord, ImageRecord, LinkRecord, ReviewRecord, TileRecord } from '../../../src/model/records';
import { renameCase } from '../../../src/state/documentCommands';
import { recordVerdict } from '../../../src/state/reviewCommands';
import { verifyIntegrity } from '../../../src/state/verifyIntegrity';
import { dumpDatabase, loadFixture, parseDump } from '../../fixtures/databases/databaseDump';
import { makeFixture } from '../../fixtures/databases/makeFixture';
import { SHIPPED_VERSIONS, shippedSchema } from '../../fixtures/databases/shippedSchema';
import { commandContext, freshDatabase } from './helpers';

const fixturePath = (version: number) => `../../fixtures/databases/v${version}.json`;
const stored = import.meta.glob<string>('../../fixtures/databases/v*.json', { query: '?raw', import: 'default', eager: true });
const storedVersions = Object.keys(stored)
  .map((path) => Number(/v(\d+)\.json$/.exec(path)![1]))
  .sort((a, b) => a - b);

/** The object stores and indexes IndexedDB itself holds (not what Dexie was told). */
function storedStructure(db: Dexie) {
  const idb = db.backendDB();
  const names = [...idb.objectStoreNames].sort();
  const tx = idb.transaction(names, 'readonly');
  return names.map((name) => {
    const store = tx.objectStore(name);
    const indexes = [...store.indexNames].sort().map((index) => {
      const { keyPath, unique, multiEntry } = store.index(index);
      return { index, keyPath, unique, multiEntry };
    });
    return { name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
  });
}

/** What the current code makes of a new database: its schema version and structure. */
async function newDatabase() {
  const db = freshDatabase();
  await db.open();
  const made = { version: db.verno, structure: storedStructure(db) };
  await db.delete();
  return made;
}

/** A stored fixture loaded at its version and opened by the current code. */
async function upgraded(version: number) {
  const text = stored[fixturePath(version)]!;
  const dump = parseDump(text);
  const name = `stored-v${version}-${crypto.randomUUID()}`;
  await loadFixture(name, dump);
  const db = new EvidenceDatabase(name);
  await db.open();
  const rows = <T>(table: string) => (dump.tables[table] ?? []) as T[];
  return { db, name, rows, storedTables: encodedTables(text) };
}

/** A dump's tables with their bytes still in base64: compared exactly, where two Blobs always look equal. */
const encodedTables = (text: string) => (JSON.parse(text) as { tables: Record<string, unknown[]> }).tables;
const dumpedTables = async (db: Dexie) => encodedTables(await dumpDatabase(db));
const bytesOf = async (blob: Blob | undefined) => blob && new Uint8Array(await blob.arrayBuffer());

describe('the stored database fixtures', () => {
  it('hold one for every schema version up to the current one', async () => {
    const current = (await newDatabase()).version;
    const advice = 'a new schema version adds its block to shippedSchema.ts and its records to fixtureRecords.ts, then runs npm run fixtures:databases';
    expect(storedVersions, advice).toEqual(Array.from({ length: current }, (_, i) => i + 1));
  });

  it('know the current schema as EvidenceDatabase declares it', async () => {
    const current = await newDatabase();
    const shipped = shippedSchema(`shipped-${crypto.randomUUID()}`, current.version);
    await shipped.open();
    expect(storedStructure(shipped)).toEqual(current.structure);
    await shipped.delete();
  });

  for (const version of SHIPPED_VERSIONS)
    it(`v${version}.json is what makeFixture writes`, async () => {
      await expect(await makeFixture(version)).toMatchFileSnapshot(fixturePath(version));
    });
});

describe.each(storedVersions)('a database stored at schema v%i', (version) => {
  it('opens under the current schema, structured like a new database, and opens again as it was left', async () => {
    const { db, name } = await upgraded(version);
    expect(storedStructure(db)).toEqual((await newDatabase()).structure);
    const upgradedTables = await dumpedTables(db);
    db.close();
    const again = new EvidenceDatabase(name);
    await again.open();
    expect(await dumpedTables(again)).toEqual(upgradedTables);
    again.close();
  });

  it('keeps every row, with its bytes; new tables start empty but for the box counts, counted', async () => {
    const { db, rows, storedTables } = await upgraded(version);
    const boxes = rows<Annotation>('annotations');
    const images = rows<ImageRecord>('images');
    const counts = new Map(images.map((i) => [i.id, boxes.filter((b) => b.imageId === i.id).length]));
    // As dumped: in key order, and no record for an image without boxes.
    const countRows = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([imageId, count]) => (count ? [{ imageId, count }] : []));
    for (const [table, list] of Object.entries(await dumpedTables(db))) expect(list, table).toEqual(storedTables[table] ?? (table === 'boxCounts' ? countRows : []));
    expect(await boxCountsOf(db, [...counts.keys()])).toEqual(counts);
    db.close();
  });

  it('reads every record through the app: cases, images with their bytes, boxes, claims, links, verdicts', async () => {
    const { db, rows } = await upgraded(version);
    const ofCase = <T extends { caseId: string }>(table: string, caseId: string) => rows<T>(table).filter((r) => r.caseId === caseId);
    for (const { id } of rows<CaseRecord>('cases')) {
      expect(await getCase(db, id)).toEqual(rows<CaseRecord>('cases').find((c) => c.id === id));
      expect(await listImages(db, id)).toEqual(ofCase<ImageRecord>('images', id).sort((a, b) => (a.addedAt < b.addedAt ? -1 : 1)));
      expect(await listClaims(db, id)).toEqual(ofCase<ClaimRecord>('claims', id));
      expect(await linksOfCase(db, id)).toEqual(ofCase<LinkRecord>('links', id));
      expect(await reviewsOfCase(db, id)).toEqual(ofCase<ReviewRecord>('reviews', id));
      expect(await usedLabels(db, id)).toEqual(new Set(ofCase<Annotation>('annotations', id).map((b) => b.label)));
    }
    const bytesIn = (table: string, sha256: string) => bytesOf(rows<{ sha256: string; bytes: Blob }>(table).find((r) => r.sha256 === sha256)?.bytes);
    for (const image of rows<ImageRecord>('images')) {
      expect(await findImageByHash(db, image.caseId, image.sha256)).toEqual(image);
      expect(await loadImageBoxes(db, image.id)).toEqual(rows<Annotation>('annotations').filter((b) => b.imageId === image.id).sort(byCreation));
      expect(await bytesOf(await imageBytes(db, image.sha256))).toEqual(await bytesIn('blobs', image.sha256));
      expect(await bytesOf(await thumbnailBytes(db, image.sha256))).toEqual(await bytesIn('thumbnails', image.sha256));
      // No backfill: an image stored before previews (v3) or tiles (v6) has none until it is opened.
      expect(await bytesOf(await previewBytes(db, image.sha256))).toEqual(await bytesIn('previews', image.sha256));
      const tiles = rows<TileRecord>('tiles').filter((t) => t.sha256 === image.sha256);
      expect(await hasTiles(db, image.sha256)).toBe(tiles.length > 0);
      for (const t of tiles) expect(await bytesOf(await tileBytes(db, image.sha256, t))).toEqual(await bytesOf(t.bytes));
    }
    expect(await getSetting(db, SETTING.analystName)).toBe('ana');
    db.close();
  });

  it('verifies (originals and audit chain), and each case’s chain goes on from its own head', async () => {
    const { db, rows } = await upgraded(version);
    const audit = rows<AuditRecord>('audit');
    expect(await verifyIntegrity(db)).toEqual({ originals: rows('blobs').length, auditRecords: audit.length, problems: [] });

    const caseId = 'case-rajin';
    const head = audit.filter((r) => r.caseId === caseId).at(-1)!;
    expect(audit.at(-1)!.caseId, "the fixture's last record is another case's").not.toBe(caseId);
    const ctx = commandContext(db, 'dan');
    await renameCase(ctx, caseId, 'Rajin port, renamed');
    // A difference the fixture's own verdict (on Ben's container) does not name.
    const verdict = { caseId, imageId: 'img-port', authorA: 'ana', authorB: 'ben', kind: 'a-only', aBoxId: 'box-container-a', bBoxId: null, verdict: 'discuss', comment: '' } as const;
    await recordVerdict(ctx, verdict);

    const appended = (await auditOfCase(db, caseId)).slice(-2);
    expect(appended.map((r) => `${r.action} ${r.entity} by ${r.author}`)).toEqual(['update cases by dan', 'create reviews by dan']);
    expect(appended[0]!.prevHash).toBe(head.hash);
    expect(await verifyAudit(db)).toEqual({ ok: true, head: appended[1]!.hash, count: audit.length + 2 });
    expect(await reviewsOfCase(db, caseId)).toContainEqual(expect.objectContaining({ ...verdict, reviewer: 'dan' }));
    db.close();
  });
});

// Issue 4, point 4 ("import trusts nothing"): every refusal leaves the database exactly as it was.
// Each case fills a database the way the app does (the first-run sample case, then a box, a claim,
// a link and a reviewer's verdict made by commands, and the settings), takes a snapshot of every table, imports the bad
// bundle along ImportBundleButton's path, and checks the message and that the snapshot is unchanged.
// A valid bundle imports as well, to show that the snapshot does see a change when there is one.
import { afterAll, describe, expect, it } from 'vitest';
import { PATHS } from '../../../src/bundle/bundleFormat';
import { MAX_ENTRIES } from '../../../src/bundle/bundleLimits';
import type { EvidenceDatabase } from '../../../src/db/database';
import { completeTiles, storeTiles } from '../../../src/db/tiles';
import { checkClaim, emptyClaimInput } from '../../../src/model/claimInput';
import { createBoxes } from '../../../src/state/annotationCommands';
import { setAnalystName, startSession, switchCase, type SessionContext } from '../../../src/state/caseSession';
import { createClaims, linkBoxes } from '../../../src/state/claimCommands';
import { checkBundleFile, importAndOpen, planBundleImport } from '../../../src/state/importBundle';
import { sha256Hex } from '../../../src/state/importImages';
import { recordVerdict } from '../../../src/state/reviewCommands';
import { createSessionStore } from '../../../src/state/session';
import { deriveFromHeader } from '../../fixtures/deriveImages';
import { testPattern } from '../../fixtures/png';
import { commandContext, freshDatabase } from '../db/helpers';
import { PNG_A, PNG_B, makeBundle, makeBundleWithOriginal, patchEntry, sampleCase, shaOf, zipOf, type MakeOptions } from './makeBundle';

const FILE_NAME = 'rajin-port.zip';
const TABLES = ['annotations', 'audit', 'blobs', 'boxCounts', 'boxSnapshots', 'cases', 'claims', 'images', 'links', 'previews', 'reviews', 'settings', 'thumbnails', 'tileSets', 'tiles'];
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const encoder = new TextEncoder();
const PATH_B = `images/${shaOf(PNG_B)}.png`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The sample scene is drawn on a canvas, which Node lacks: a test pattern stands in for the drawing,
 * wider than PREVIEW_MAX_SIDE so that the sample image has a preview and every table holds a row.
 */
const SAMPLE_DRAWING = testPattern(2400, 64, 3);

/** A database as a person leaves it: the sample case from the first run, their own boxes, claim, link and verdict, the settings. */
async function populatedApp(): Promise<SessionContext> {
  const app: SessionContext = { ...commandContext(freshDatabase(), 'ana'), session: createSessionStore() };
  await startSession(app, async () => new Blob([SAMPLE_DRAWING as Uint8Array<ArrayBuffer>]), deriveFromHeader);
  await setAnalystName(app, 'ana');
  const caseId = app.session.getState().caseId!;
  await switchCase(app, caseId);
  const [image] = await app.db.images.where('caseId').equals(caseId).toArray();
  const [box] = await createBoxes(app, image!, [{ label: 'ship', geometry: { x: 10, y: 12, width: 40, height: 9, rotation: -31.5 }, attributes: { name: 'ANGARA' } }]);
  const claim = checkClaim({ ...emptyClaimInput(), statement: 'A ship was moored at the berth.', claimedAt: '2023-10-14' });
  if (!claim.ok) throw new Error('the claim fixture does not check');
  const [k] = await createClaims(app, caseId, [claim.value]);
  await linkBoxes(app, [box!.id], k!.id, 'supports', 'moored at B1');
  await recordVerdict(app, { caseId, imageId: image!.id, authorA: 'ana', authorB: 'ben', kind: 'a-only', aBoxId: box!.id, bBoxId: null, verdict: 'accept-a', comment: 'ben missed it' });
  // The snapshot a large image's boxes leave when read (written directly: 1,000 boxes in each of
  // these tests would cost seconds and test nothing more here).
  await app.db.boxSnapshots.put({ imageId: image!.id, boxes: await app.db.annotations.where('imageId').equals(image!.id).toArray() });
  // And a tile pyramid's, as a large image leaves once opened (one tile stands for them).
  await storeTiles(app.db, image!.sha256, [{ level: 0, col: 0, row: 0, bytes: new Blob(['tile']) }]);
  await completeTiles(app.db, image!.sha256, 1);
  return app;
}

type Snapshot = Record<string, unknown[]>;

/** Every row of every table, in key order; a Blob becomes its SHA-256 and size, so stored bytes count too. */
async function snapshot(db: EvidenceDatabase): Promise<Snapshot> {
  const tables: Snapshot = {};
  for (const table of db.tables) tables[table.name] = await Promise.all((await table.toArray()).map(withDigests));
  return tables;
}

async function withDigests(value: unknown): Promise<unknown> {
  if (value instanceof Blob) return { blobSha256: await sha256Hex(await value.arrayBuffer()), size: value.size };
  if (Array.isArray(value)) return Promise.all(value.map(withDigests));
  if (value !== null && typeof value === 'object') return Object.fromEntries(await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await withDigests(v)])));
  return value;
}

type Outcome = { kind: 'done' | 'failed'; message: string };

/**
 * The state-layer steps ImportBundleButton takes (check, plan, import and open), with the bundle
 * as a chosen File. Not the component itself: under jsdom a Blob does not survive IndexedDB
 * (tests/unit/setup.ts).
 */
async function importAsTheUiDoes(app: SessionContext, zip: Uint8Array): Promise<Outcome> {
  const checked = await checkBundleFile(new File([zip as Uint8Array<ArrayBuffer>], FILE_NAME, { type: 'application/zip' }));
  if (!checked.ok) return { kind: 'failed', message: checked.message };
  const plan = await planBundleImport(app, checked.bundle, { kind: 'own' });
  try {
    return { kind: 'done', message: await importAndOpen(app, checked.bundle, plan, FILE_NAME, deriveFromHeader) };
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

const bundle = (edits: MakeOptions = {}) => makeBundle(edits).zip;
/** A valid bundle plus entries that are not in its manifest (names are judged before the manifest). */
const withEntries = (names: readonly string[]) => bundle({ editFiles: (f) => names.forEach((n) => (f[n] = encoder.encode('x'))) });
const padding = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`exports/pad/${String(i).padStart(5, '0')}.txt`, new Uint8Array()]));

interface Refusal {
  name: string;
  zip(): Uint8Array;
  /** The problem the message must name; every reader refusal is also checked for the file name and "Nothing was imported." */
  message: RegExp;
  /** Refused by the reader (the default) or only when the import is committed. */
  at?: 'commit';
}

const REFUSALS: Refusal[] = [
  // Not a zip, or not a bundle.
  { name: 'a PNG renamed .zip', zip: () => PNG_A, message: /This file is not a ZIP archive \(it looks like a PNG image\)\./ },
  { name: 'garbage that starts with "PK"', zip: () => encoder.encode('PK garbage, not a zip at all'), message: /This file is not a ZIP archive\./ },
  { name: 'a ZIP cut short', zip: () => bundle().subarray(0, -100), message: /its table of contents \(the central directory\) is missing or damaged/ },
  { name: 'a ZIP without manifest.json', zip: () => zipOf({ 'case.json': '{}' }), message: /a ZIP archive but not an evidence bundle: it has no manifest\.json/ },
  {
    name: "another application's ZIP (a Word document)",
    zip: () => zipOf({ '[Content_Types].xml': '<Types/>', '_rels/.rels': '<Relationships/>', 'word/document.xml': '<w:document/>' }),
    message: /not an evidence bundle: it has no manifest\.json\. It looks like a Word document\./,
  },
  {
    name: "another application's ZIP with a manifest.json of its own (a browser extension)",
    zip: () => zipOf({ 'manifest.json': JSON.stringify({ manifest_version: 3, name: 'Tab saver' }), 'background.js': '' }),
    message: /not an evidence bundle: its manifest\.json belongs to something else \(it has no "format": "evidence-bundle"\)/,
  },
  // Entry names.
  { name: 'an absolute entry name', zip: () => withEntries(['/etc/passwd']), message: /entry named "\/etc\/passwd", an absolute path/ },
  { name: 'an entry name that climbs out with ..', zip: () => withEntries(['exports/../../evil.sh']), message: /entry named "exports\/\.\.\/\.\.\/evil\.sh", which climbs out of the bundle with "\.\."/ },
  { name: 'an entry name with a backslash', zip: () => withEntries(['images\\evil.png']), message: /entry named "images\\\\evil\.png", with a backslash/ },
  { name: 'an entry name with a drive letter', zip: () => withEntries(['C:/Windows/evil.dll']), message: /entry named "C:\/Windows\/evil\.dll", which starts with a drive letter/ },
  { name: 'two entry names that differ only in case', zip: () => withEntries(['Report.HTML']), message: /two entries that a computer may treat as the same file, "report\.html" and "Report\.HTML"/ },
  {
    name: 'two entry names that differ only in Unicode form (NFC and NFD)',
    zip: () => withEntries(['exports/caf\u00e9.txt', 'exports/cafe\u0301.txt']),
    message: /two entries that a computer may treat as the same file, "exports\/caf\u00e9\.txt" and "exports\/cafe\u0301\.txt"/,
  },
  { name: 'two entry names that differ only by a trailing separator', zip: () => withEntries(['report.html/']), message: /two entries that a computer may treat as the same file, "report\.html" and "report\.html\/"/ },
  // Entries.
  { name: 'a symbolic link', zip: () => patchEntry(bundle(), 'report.html', { externalAttr: (0o120777 << 16) >>> 0 }), message: /"report\.html" in the bundle is a symbolic link/ },
  { name: 'an encrypted entry', zip: () => patchEntry(bundle(), PATHS.caseJson, { flags: (f) => f | 1 }), message: /"case\.json" in the bundle is encrypted/ },
  // The documented limits (bundleLimits.ts), as the app applies them.
  { name: 'more entries than the limit', zip: () => bundle({ editFiles: (f) => Object.assign(f, padding(MAX_ENTRIES - 7)) }), message: /The bundle holds 20,001 entries, more than the 20,000 the app accepts\./ },
  {
    name: 'more declared bytes than the limit',
    zip: () => patchEntry(patchEntry(bundle(), 'report.html', { size: 3 * GiB }), 'exports/README.txt', { size: 3 * GiB }),
    message: /The bundle would unpack to 6 GiB, more than the 4 GiB the app accepts\./,
  },
  { name: 'one entry declared larger than the per-file limit', zip: () => patchEntry(bundle(), 'report.html', { size: 1.5 * GiB }), message: /"report\.html" would unpack to 1\.5 GiB, more than the 1 GiB the app accepts for one file\./ },
  {
    name: 'a zip bomb (20 MB of zeros), stopped while inflating',
    zip: () => bundle({ editPayload: (f) => void (f['exports/zeros.bin'] = new Uint8Array(20_000_000)) }),
    message: /"exports\/zeros\.bin" expands more than 200 times its compressed size, the mark of a ZIP bomb/,
  },
  { name: 'an entry that unpacks to more than its header declares', zip: () => patchEntry(bundle(), PATHS.caseJson, { size: 100 }), message: /"case\.json" unpacks to more than the 100 bytes its ZIP header declares/ },
  // The manifest.
  {
    name: 'an entry whose bytes do not match its SHA-256',
    zip: () => bundle({ editFiles: (f) => void (f[PATH_B] = PNG_B.map((b, i) => (i === 200 ? b ^ 0xff : b))) }),
    message: new RegExp(`${escape(PATH_B)} does not match its SHA-256 in the manifest`),
  },
  { name: 'a file absent from the manifest', zip: () => bundle({ editFiles: (f) => void (f['exports/extra.csv'] = encoder.encode('a,b\n')) }), message: /exports\/extra\.csv is in the bundle but not in its manifest\./ },
  { name: 'a file listed in the manifest but missing', zip: () => bundle({ editFiles: (f) => void delete f['report.html'] }), message: /report\.html is listed in the manifest but missing from the bundle\./ },
  // JSON.
  { name: 'malformed manifest.json', zip: () => bundle({ editFiles: (f) => void (f[PATHS.manifest] = encoder.encode('format: evidence-bundle')) }), message: /manifest\.json is not valid JSON/ },
  { name: 'malformed case.json', zip: () => bundle({ editPayload: (f) => void (f[PATHS.caseJson] = encoder.encode('{"case": {"id": ')) }), message: /case\.json is not valid JSON/ },
  {
    name: 'a malformed line in audit.jsonl',
    zip: () => bundle({ editPayload: (f) => void (f[PATHS.audit] = encoder.encode(new TextDecoder().decode(f[PATHS.audit]).replace(/\n(?=.)/, '\n{"seq": 12,'))) }),
    message: /Line 2 of audit\.jsonl is not valid JSON/,
  },
  { name: 'oversized manifest.json', zip: () => bundle({ editManifest: (m) => void (m.app.version = 'x'.repeat(1.1 * MiB)) }), message: /manifest\.json is 1\.1 MiB, more than the 1 MiB the app reads for it\./ },
  {
    name: 'oversized case.json',
    zip: () => bundle({ editPayload: (f) => void (f[PATHS.caseJson] = encoder.encode(JSON.stringify({ ...sampleCase(), padding: 'x'.repeat(65 * MiB) }))) }),
    message: /case\.json is 65 MiB, more than the 64 MiB the app reads for it\./,
  },
  {
    name: 'a __proto__ key in case.json',
    zip: () => bundle({ editCase: (c) => void (c.annotations[1]!.attributes = JSON.parse('{"__proto__": {"polluted": true}}')) }),
    message: /case\.json carries a key named "__proto__" \(in annotations\[1\]\.attributes\)/,
  },
  { name: 'a constructor key in audit.jsonl', zip: () => bundle({ editAudit: (r) => void (r[2]!.after = { constructor: { prototype: 'x' } }) }), message: /Line 3 of audit\.jsonl carries a key named "constructor" \(in after\)/ },
  // Version and audit.
  { name: 'a formatVersion newer than the app', zip: () => bundle({ editManifest: (m) => void (m.formatVersion = 2) }), message: /made by a newer version of the app \(format 2\); update the app to import it\./ },
  { name: 'an audit record altered', zip: () => bundle({ editAudit: (r) => void (r[1]!.author = 'mallory') }), message: /The audit log in this bundle does not verify: record 12 \(line 2 of audit\.jsonl\) was altered/ },
  { name: 'an audit record removed from the middle', zip: () => bundle({ editAudit: (r) => void r.splice(2, 1) }), message: /The audit log in this bundle does not verify: record 14 \(line 3 of audit\.jsonl\) does not follow the one before it/ },
  // Refused only when committing: the reader checks hashes, not whether an original decodes.
  { name: 'an original that is not an image this app can read', at: 'commit', zip: () => makeBundleWithOriginal(PNG_B.subarray(0, 300)).zip, message: /^pier\.png in this bundle is not an image this app can read\./ },
];

describe('a refused bundle leaves the database exactly as it was (issue 4, point 4)', () => {
  // Issue 7 asks the test run to say how many bad inputs it tried.
  let tried = 0;
  afterAll(() => console.log(`bad bundles tried: ${tried}`));

  it.each(REFUSALS)('refuses $name', async ({ zip, message, at }) => {
    const app = await populatedApp();
    const before = await snapshot(app.db);
    expect(Object.keys(before).sort()).toEqual(TABLES);
    for (const table of TABLES) expect(before[table], table).not.toHaveLength(0);

    const outcome = await importAsTheUiDoes(app, zip());
    tried += 1;

    expect(outcome.kind).toBe('failed');
    expect(outcome.message).toMatch(message);
    expect(outcome.message).toMatch(/ Nothing was imported\.$/);
    if (at !== 'commit') expect(outcome.message.startsWith(`${FILE_NAME}: `)).toBe(true);
    expect(await snapshot(app.db)).toEqual(before);
  }, 30_000);
});

describe('the snapshot sees a change when there is one', () => {
  it('a valid bundle imports, and the snapshot differs', async () => {
    const app = await populatedApp();
    const before = await snapshot(app.db);
    const blobs = before.blobs as Array<{ sha256: string; bytes: { blobSha256: string } }>;
    expect(blobs.every((b) => b.bytes.blobSha256 === b.sha256)).toBe(true); // the stored bytes themselves are compared

    const outcome = await importAsTheUiDoes(app, bundle());

    expect(outcome).toEqual({ kind: 'done', message: `Imported 8 records from ${FILE_NAME}.` });
    const after = await snapshot(app.db);
    expect(after).not.toEqual(before);
    expect(after.cases).toHaveLength(before.cases!.length + 1);
    expect(after.blobs!.map((b) => (b as { sha256: string }).sha256)).toEqual(expect.arrayContaining([shaOf(PNG_A), shaOf(PNG_B)]));
    expect(after.settings).toContainEqual({ key: 'lastCaseId', value: 'case-1' });
  });
});

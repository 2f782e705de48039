// Reads a bundle (.zip) without trusting any of it (DESIGN.md "Bundle format v1", issue 4 item 4).
// Pure TypeScript over bytes, so it runs in Node tests, a worker and the renderer alike. The order:
// the zip's directory (zipEntries.ts), manifest.json, the listing, every entry inflated and hashed
// against the manifest, SHA256SUMS, case.json, the originals, audit.jsonl. The first problem
// refuses the whole bundle with a message that names it; nothing is half-read.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { z } from 'zod';
import { auditSchema, caseSchema, manifestSchema } from './bundleSchema';
import { verifyAuditChain } from '../model/auditChain';
import { formatBytes } from '../model/limits';
import { describeForeignZip } from './foreignZip';
import type { AuditRecord } from '../model/records';
import { verdictBoxesProblem } from '../model/review/verdicts';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, PATHS, imagePath, type CaseJson, type Manifest } from './bundleFormat';
import { BUNDLE_LIMITS, type BundleLimits } from './bundleLimits';
import { BundleRefusal, checkEntries, readDirectory, unpackEntry, zipSource, type ZipEntry, type ZipSource } from './zipEntries';

export type BundleRead =
  | {
      ok: true;
      manifest: Manifest;
      caseJson: CaseJson;
      audit: AuditRecord[];
      /** The originals, by SHA-256, as Blobs so that large images need not stay in the JS heap. */
      images: Map<string, Blob>;
      /** Every other entry (SHA256SUMS, exports/, overlays/, report.html), already verified. */
      files: Map<string, Uint8Array>;
    }
  | { ok: false; error: string };

export interface ReadBundleOptions {
  /** Bytes unpacked so far out of the total the archive declares. */
  onProgress?(done: number, total: number): void;
  /** Tighter limits for tests; the defaults are the documented ones. */
  limits?: Partial<BundleLimits>;
}

function refuse(message: string): never {
  throw new BundleRefusal(message);
}

export async function readBundle(source: Blob | Uint8Array, options: ReadBundleOptions = {}): Promise<BundleRead> {
  try {
    return { ok: true, ...(await read(zipSource(source), { ...BUNDLE_LIMITS, ...options.limits }, options.onProgress)) };
  } catch (error) {
    if (error instanceof BundleRefusal) return { ok: false, error: `${error.message} Nothing was imported.` };
    // Anything else is a bug or a resource failure; still a refusal, never a half-read bundle.
    return { ok: false, error: `This bundle could not be read (${error instanceof Error ? error.message : String(error)}). Nothing was imported.` };
  }
}

async function read(src: ZipSource, limits: BundleLimits, onProgress: ReadBundleOptions['onProgress']) {
  const entries = await readDirectory(src, limits);
  const files = entries.filter((e) => !e.isDirectory).sort((a, b) => a.offset - b.offset);
  // Judged from the names before the entries themselves, so that another application's archive is
  // refused as what it is rather than for whichever of its entries a bundle could not hold.
  if (!files.some((e) => e.name === PATHS.manifest)) {
    const kind = describeForeignZip(files.map((e) => e.name));
    refuse(`This file is a ZIP archive but not an evidence bundle: it has no manifest.json.${kind ? ` ${kind}` : ''}`);
  }
  checkEntries(entries, limits);
  const byName = new Map(files.map((e) => [e.name, e]));
  const total = files.reduce((n, e) => n + e.size, 0);
  let done = 0;
  const progress = (n: number) => {
    done += n;
    if (done > limits.maxTotalBytes) refuse(`The bundle unpacks to more than the ${formatBytes(limits.maxTotalBytes)} the app accepts.`);
    onProgress?.(done, total);
  };

  const manifestEntry = byName.get(PATHS.manifest)!;
  capSize(manifestEntry, limits.maxManifestBytes);
  const manifest = parseManifest(await bytesOf(await unpackEntry(src, manifestEntry, limits, (chunk) => progress(chunk.length))), limits);

  checkListing(manifest, byName);
  capSize(byName.get(PATHS.sums), limits.maxSumsBytes);
  capSize(byName.get(PATHS.caseJson), limits.maxCaseJsonBytes);
  capSize(byName.get(PATHS.audit), limits.maxAuditBytes);

  // Every other entry, in archive order, each hashed as it comes out and checked before the next.
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  const unpacked = new Map<string, Blob>();
  for (const entry of files) {
    if (entry === manifestEntry) continue;
    const hash = sha256.create();
    const blob = await unpackEntry(src, entry, limits, (chunk) => {
      hash.update(chunk);
      progress(chunk.length);
    });
    const want = listed.get(entry.name)!;
    if (entry.size !== want.bytes) refuse(`${entry.name} is ${entry.size.toLocaleString('en-US')} bytes but the manifest says ${want.bytes.toLocaleString('en-US')}: the file was changed or damaged after the bundle was made.`);
    const digest = bytesToHex(hash.digest());
    if (digest !== want.sha256) {
      refuse(`${entry.name} does not match its SHA-256 in the manifest (it hashes to ${short(digest)}, the manifest says ${short(want.sha256)}): the file was changed or damaged after the bundle was made.`);
    }
    unpacked.set(entry.name, blob);
  }
  const textOf = async (path: string) => text(path, await bytesOf(unpacked.get(path)!));

  checkSums(await textOf(PATHS.sums), manifest);
  const caseJson = parseCase(parseJson(PATHS.caseJson, await textOf(PATHS.caseJson), limits), manifest);

  const images = new Map<string, Blob>();
  for (const image of caseJson.images) {
    const path = imagePath(image);
    const blob = unpacked.get(path) ?? refuse(`The original of ${image.fileName} (${path}) is not in the bundle, so its image record has nothing to show.`);
    if (listed.get(path)!.sha256 !== image.sha256) refuse(`The original of ${image.fileName} (${path}) is not the file its record names: their SHA-256s differ.`);
    if (blob.size !== image.byteLength) refuse(`The original of ${image.fileName} (${path}) is ${blob.size.toLocaleString('en-US')} bytes but its record says ${image.byteLength.toLocaleString('en-US')}.`);
    images.set(image.sha256, blob);
  }

  const audit = parseAudit(await textOf(PATHS.audit), caseJson, manifest, limits);

  // What remains is kept for completeness checks (SHA256SUMS, exports/, overlays/, report.html, ...).
  const parsed = new Set<string>([PATHS.caseJson, PATHS.audit, ...caseJson.images.map(imagePath)]);
  const others = new Map<string, Uint8Array>();
  for (const [path, blob] of unpacked) if (!parsed.has(path)) others.set(path, await bytesOf(blob));
  return { manifest, caseJson, audit, images, files: others };
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

function capSize(entry: ZipEntry | undefined, cap: number): void {
  if (entry && entry.size > cap) refuse(`${entry.name} is ${formatBytes(entry.size)}, more than the ${formatBytes(cap)} the app reads for it.`);
}

const short = (hash: string) => (hash ? `${hash.slice(0, 12)}…` : '(none)');

function text(name: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse(`${name} is not UTF-8 text: the file is damaged or was not written by this app.`);
  }
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON.parse, then a walk that refuses keys which could reach an object's prototype, and deep nesting. */
function parseJson(name: string, json: string, limits: BundleLimits): unknown {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    refuse(`${name} is not valid JSON: the file is damaged or was edited by hand.`);
  }
  // Iterative, so a deeply nested file cannot exhaust the stack here.
  const stack: Array<[unknown, string, number]> = [[value, '', 0]];
  while (stack.length) {
    const [node, path, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > limits.maxJsonDepth) refuse(`${name} nests deeper than ${limits.maxJsonDepth} levels (at ${path}), which no file from this app does.`);
    if (Array.isArray(node)) node.forEach((v, i) => stack.push([v, `${path}[${i}]`, depth + 1]));
    else {
      for (const [key, v] of Object.entries(node)) {
        if (FORBIDDEN_KEYS.has(key)) refuse(`${name} carries a key named "${key}"${path ? ` (in ${path})` : ''}, which the app refuses because it could change how the app's own objects behave.`);
        stack.push([v, path ? `${path}.${key}` : key, depth + 1]);
      }
    }
  }
  return value;
}

/** Validates with a schema but keeps the original value: import is lossless, unknown fields and all. */
function check<T>(schema: z.ZodType, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const at = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${String(p)}` : String(p))).join('');
    refuse(`${what} (${at ? `at ${at}: ` : ''}${issue.message}).`);
  }
  return value as T;
}

function parseManifest(bytes: Uint8Array, limits: BundleLimits): Manifest {
  const value = parseJson(PATHS.manifest, text(PATHS.manifest, bytes), limits);
  const { format, formatVersion } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (format !== BUNDLE_FORMAT) {
    const found = format === undefined ? `it has no "format": "${BUNDLE_FORMAT}"` : `its format is ${JSON.stringify(format).slice(0, 80)}, not "${BUNDLE_FORMAT}"`;
    refuse(`This file is a ZIP archive but not an evidence bundle: its manifest.json belongs to something else (${found}).`);
  }
  // Before the shape: a newer format may have a different shape, and the fix is to update.
  if (typeof formatVersion === 'number' && formatVersion > BUNDLE_FORMAT_VERSION) {
    refuse(`This bundle was made by a newer version of the app (format ${formatVersion}); update the app to import it.`);
  }
  return check<Manifest>(manifestSchema, value, 'manifest.json is not a valid bundle manifest');
}

function checkListing(manifest: Manifest, byName: ReadonlyMap<string, ZipEntry>): void {
  const listed = new Set<string>();
  for (const f of manifest.files) {
    if (f.path === PATHS.manifest) refuse('manifest.json lists itself, which a bundle manifest never does.');
    if (listed.has(f.path)) refuse(`manifest.json lists ${f.path} twice.`);
    listed.add(f.path);
  }
  for (const f of manifest.files) if (!byName.has(f.path)) refuse(`${f.path} is listed in the manifest but missing from the bundle.`);
  for (const name of byName.keys()) if (name !== PATHS.manifest && !listed.has(name)) refuse(`${name} is in the bundle but not in its manifest.`);
  for (const path of [PATHS.sums, PATHS.caseJson, PATHS.audit]) if (!listed.has(path)) refuse(`The bundle has no ${path}, which every bundle carries.`);
}

/** SHA256SUMS (`sha256sum -c` format) must say what the manifest says, file for file. */
function checkSums(body: string, manifest: Manifest): void {
  const sums = new Map<string, string>();
  body.split('\n').forEach((line, i) => {
    if (line === '') return;
    const match = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line) ?? refuse(`SHA256SUMS line ${i + 1} is not of the form "<sha256>  <path>".`);
    const path = match[2]!;
    if (sums.has(path)) refuse(`SHA256SUMS lists ${path} twice.`);
    sums.set(path, match[1]!.toLowerCase());
  });
  const expected = manifest.files.filter((f) => f.path !== PATHS.sums);
  for (const f of expected) {
    const sum = sums.get(f.path) ?? refuse(`SHA256SUMS does not list ${f.path}, which the manifest lists.`);
    if (sum !== f.sha256) refuse(`SHA256SUMS and manifest.json give different SHA-256s for ${f.path}.`);
  }
  const inManifest = new Set(expected.map((f) => f.path));
  for (const path of sums.keys()) if (!inManifest.has(path)) refuse(`SHA256SUMS lists ${path}, which the manifest does not.`);
}

/** Shape, then what the shape cannot say: every reference lands inside the file, in this case. */
function parseCase(value: unknown, manifest: Manifest): CaseJson {
  const c = check<CaseJson>(caseSchema, value, 'case.json does not hold a valid case');
  const caseId = c.case.id;
  if (caseId !== manifest.case.id) refuse(`case.json holds case ${caseId} but the manifest describes case ${manifest.case.id}.`);
  const ids = (kind: string, records: readonly { id: string; caseId: string }[]) => {
    const set = new Set<string>();
    for (const r of records) {
      if (set.has(r.id)) refuse(`case.json holds two ${kind}s with the id ${r.id}.`);
      if (r.caseId !== caseId) refuse(`case.json is inconsistent: ${kind} ${r.id} belongs to case ${r.caseId}, not to the bundle's case ${caseId}.`);
      set.add(r.id);
    }
    return set;
  };
  const [images, annotations, claims] = [ids('image', c.images), ids('annotation', c.annotations), ids('claim', c.claims)];
  ids('link', c.links);
  ids('review', c.reviews);
  for (const a of c.annotations) if (!images.has(a.imageId)) refuse(`case.json is inconsistent: annotation ${a.id} is on image ${a.imageId}, which is not in the file.`);
  for (const l of c.links) {
    if (!annotations.has(l.annotationId)) refuse(`case.json is inconsistent: link ${l.id} refers to annotation ${l.annotationId}, which is not in the file.`);
    if (!claims.has(l.claimId)) refuse(`case.json is inconsistent: link ${l.id} refers to claim ${l.claimId}, which is not in the file.`);
  }
  checkReviews(c, images);
  for (const key of ['images', 'annotations', 'claims', 'links', 'reviews'] as const) {
    if (manifest.counts[key] !== c[key].length) refuse(`manifest.json counts ${manifest.counts[key]} ${key} but case.json holds ${c[key].length}.`);
  }
  return c;
}

/** A verdict rules on boxes of its own image, as many as its kind of difference has. */
function checkReviews(c: CaseJson, images: ReadonlySet<string>): void {
  const boxes = new Map(c.annotations.map((a) => [a.id, a]));
  for (const r of c.reviews) {
    if (!images.has(r.imageId)) refuse(`case.json is inconsistent: review ${r.id} is on image ${r.imageId}, which is not in the file.`);
    const problem = verdictBoxesProblem(r.kind, r.aBoxId, r.bBoxId);
    if (problem) refuse(`case.json is inconsistent: review ${r.id} does not fit its difference: ${problem}.`);
    for (const [side, boxId] of [['A', r.aBoxId], ['B', r.bBoxId]] as const) {
      if (boxId === null) continue;
      const box = boxes.get(boxId) ?? refuse(`case.json is inconsistent: review ${r.id} refers to annotation ${boxId} (side ${side}), which is not in the file.`);
      if (box.imageId !== r.imageId) refuse(`case.json is inconsistent: review ${r.id} is on image ${r.imageId} but its annotation ${boxId} (side ${side}) is on image ${box.imageId}.`);
    }
  }
}

function parseAudit(body: string, caseJson: CaseJson, manifest: Manifest, limits: BundleLimits): AuditRecord[] {
  const lines = body.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const records = lines.map((line, i) => {
    const where = `Line ${i + 1} of audit.jsonl`;
    const record = check<AuditRecord>(auditSchema, parseJson(where, line, limits), `${where} is not a valid audit record`);
    if (record.caseId !== caseJson.case.id) refuse(`${where} belongs to another case (${record.caseId}), not to the bundle's case.`);
    return record;
  });
  if (manifest.counts.auditRecords !== records.length) refuse(`manifest.json counts ${manifest.counts.auditRecords} audit records but audit.jsonl holds ${records.length}.`);
  // Numbered by line for the check, so the refusal can point into the file; the records keep their own seq.
  const verdict = verifyAuditChain(records.map((r, i) => ({ ...r, seq: i + 1 })));
  if (!verdict.ok) {
    const line = verdict.badSeq ?? 0;
    const label = records[line - 1]?.seq ?? line;
    refuse(`The audit log in this bundle does not verify: record ${label} (line ${line} of audit.jsonl) ${verdict.reason.replace(/^record \S+ /, '')}.`);
  }
  const head = records.at(-1)?.hash ?? '';
  if (head !== manifest.auditHead) {
    refuse(`The audit log in this bundle ends at record ${short(head)} but the manifest names ${short(manifest.auditHead)} as its last: records were removed from or added to its end.`);
  }
  return records;
}

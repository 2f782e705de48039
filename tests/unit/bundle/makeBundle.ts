// Builds VALID bundles in memory for the reader's tests, with a hook at each stage so a test can
// break exactly one thing (and, when it wants, keep the rest consistent), plus edits of the raw
// zip bytes for what zipSync cannot write: symlink attributes, the encryption flag, lying sizes.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { zipSync, type Zippable } from 'fflate';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, PATHS, imagePath, type CaseJson, type Manifest, type ManifestFile } from '../../../src/bundle/bundleFormat';
import { GENESIS_HASH, chainAudit, type UnsignedAudit } from '../../../src/model/auditChain';
import { emptySource, type AuditRecord, type ImageRecord } from '../../../src/model/records';
import { testPattern } from '../../fixtures/png';

const T = '2026-01-05T10:00:00.000Z';
export const PNG_A = testPattern(40, 30, 1);
export const PNG_B = testPattern(64, 48, 2);
export const shaOf = (bytes: Uint8Array) => bytesToHex(sha256(bytes));

function image(id: string, fileName: string, bytes: Uint8Array, width: number, height: number): ImageRecord {
  return {
    id, caseId: 'case-1', fileName, mediaType: 'image/png', byteLength: bytes.length, width, height, sha256: shaOf(bytes),
    source: { ...emptySource(), title: 'Port of Rajin', publisher: 'Example Agency' }, releasedAt: '2023-10-13', capturedAt: '2023-10',
    gsdMeters: 0.5, notes: '', addedAt: T, addedBy: 'ana',
  };
}

/** A small case: two images, rotated boxes, a claim, a link and a reviewer's verdict. A fresh copy each call. */
export function sampleCase(): CaseJson {
  return {
    case: { id: 'case-1', name: 'Rajin port', description: 'Containers on the pier', labels: [{ name: 'ship', color: '#ff4d4f' }, { name: 'container', color: '#fadb14' }], createdAt: T, updatedAt: T },
    images: [image('img-1', 'rajin.png', PNG_A, 40, 30), image('img-2', 'pier.png', PNG_B, 64, 48)],
    annotations: [
      { id: 'ann-1', imageId: 'img-1', caseId: 'case-1', label: 'ship', geometry: { x: 5.5, y: 4.25, width: 20, height: 8, rotation: 33.5 }, attributes: { name: 'Angara', confidence: 'high' }, author: 'ana', createdAt: T, updatedAt: T, revision: 2 },
      { id: 'ann-2', imageId: 'img-2', caseId: 'case-1', label: 'container', geometry: { x: 10, y: 12, width: 30.75, height: 6, rotation: -120 }, attributes: { count: 12, note: 'stacked two high' }, author: 'ben', createdAt: T, updatedAt: T, revision: 1 },
    ],
    claims: [
      {
        id: 'claim-1', caseId: 'case-1', statement: 'More than 1,000 containers of munitions went from North Korea to Russia by sea.', claimant: 'John Kirby', role: 'NSC spokesman',
        claimedAt: '2023-10-13', period: { from: '2023-09-07', to: '2023-10-01' }, source: { title: 'Press briefing', publisher: 'The White House', url: 'https://example.org/briefing', accessedAt: '2026-01-04' },
        quantity: { value: 1000, unit: 'containers', qualifier: 'more-than' }, tags: ['munitions'], notes: '', createdAt: T, updatedAt: T,
      },
    ],
    links: [{ id: 'link-1', caseId: 'case-1', annotationId: 'ann-2', claimId: 'claim-1', relation: 'supports', note: 'containers at the berth', author: 'ana', createdAt: T }],
    reviews: [
      {
        id: 'review-1', caseId: 'case-1', imageId: 'img-1', authorA: 'ana', authorB: 'ben', kind: 'a-only', aBoxId: 'ann-1', bBoxId: null,
        verdict: 'accept-a', comment: 'ben missed the ship', reviewer: 'cho', createdAt: T, updatedAt: T,
      },
    ],
  };
}

/** The case's audit chain: one create per record, in order; seq starts at 11 as in a database with other cases. */
export function sampleAudit(c: CaseJson): AuditRecord[] {
  const create = (entity: UnsignedAudit['entity'], after: { id: string }): UnsignedAudit => ({ at: T, author: 'ana', action: 'create', entity, entityId: after.id, caseId: c.case.id, before: null, after });
  const unsigned = [create('cases', c.case), ...c.images.map((r) => create('images', r)), ...c.annotations.map((r) => create('annotations', r)), ...c.claims.map((r) => create('claims', r)), ...c.links.map((r) => create('links', r)), ...c.reviews.map((r) => create('reviews', r))];
  return chainAudit(GENESIS_HASH, unsigned).map((r, i) => ({ ...r, seq: 11 + i }));
}

const encoder = new TextEncoder();
const json = (value: unknown) => encoder.encode(`${JSON.stringify(value, null, 2)}\n`);
export const EXTRA_FILES: Record<string, string> = { 'exports/README.txt': 'These files carry the boxes.\n', 'report.html': '<!doctype html><title>Rajin port</title>\n' };

export interface MakeOptions {
  /** Change the records before anything is derived from them (the audit follows the edit). */
  editCase?(c: CaseJson): void;
  /** Change the chained audit records (after hashing, so a change breaks the chain). */
  editAudit?(records: AuditRecord[]): void;
  /** Change any file's bytes before it is hashed: the manifest and SHA256SUMS stay consistent. */
  editPayload?(files: Record<string, Uint8Array>): void;
  editSums?(text: string): string;
  editManifest?(manifest: Manifest): void;
  /** Change the files after hashing: the manifest no longer agrees. */
  editFiles?(files: Record<string, Uint8Array>): void;
}

export interface Made {
  zip: Uint8Array;
  caseJson: CaseJson;
  audit: AuditRecord[];
  manifest: Manifest;
}

export function makeBundle(options: MakeOptions = {}): Made {
  const caseJson = sampleCase();
  options.editCase?.(caseJson);
  const audit = sampleAudit(caseJson);
  options.editAudit?.(audit);

  const payload: Record<string, Uint8Array> = {};
  const originals: Record<string, Uint8Array> = { [shaOf(PNG_A)]: PNG_A, [shaOf(PNG_B)]: PNG_B };
  for (const i of caseJson.images) if (originals[i.sha256]) payload[imagePath(i)] = originals[i.sha256]!;
  payload[PATHS.caseJson] = json(caseJson);
  payload[PATHS.audit] = encoder.encode(audit.map((r) => `${JSON.stringify(r)}\n`).join(''));
  for (const [path, body] of Object.entries(EXTRA_FILES)) payload[path] = encoder.encode(body);
  options.editPayload?.(payload);

  const mediaType = (path: string) => (path.endsWith('.png') ? 'image/png' : path.endsWith('.json') ? 'application/json' : 'text/plain');
  const files: ManifestFile[] = Object.entries(payload).map(([path, bytes]) => ({ path, sha256: shaOf(bytes), bytes: bytes.length, mediaType: mediaType(path) }));
  const sumsText = files.map((f) => `${f.sha256}  ${f.path}\n`).join('');
  const sums = encoder.encode(options.editSums ? options.editSums(sumsText) : sumsText);
  files.push({ path: PATHS.sums, sha256: shaOf(sums), bytes: sums.length, mediaType: 'text/plain' });

  const manifest: Manifest = {
    format: BUNDLE_FORMAT, formatVersion: BUNDLE_FORMAT_VERSION, app: { name: 'Evidence Annotator', version: 'test' }, createdAt: T, exportedBy: 'ana',
    case: { id: caseJson.case.id, name: caseJson.case.name, description: caseJson.case.description },
    counts: { images: caseJson.images.length, annotations: caseJson.annotations.length, claims: caseJson.claims.length, links: caseJson.links.length, reviews: caseJson.reviews.length, auditRecords: audit.length },
    auditHead: audit.at(-1)?.hash ?? '',
    files,
  };
  options.editManifest?.(manifest);

  const all: Record<string, Uint8Array> = { ...payload, [PATHS.sums]: sums, [PATHS.manifest]: json(manifest) };
  options.editFiles?.(all);
  // Originals are stored, as the writer does; text is deflated.
  const zippable: Zippable = {};
  for (const [path, bytes] of Object.entries(all)) zippable[path] = [bytes, { level: path.startsWith('images/') ? 0 : 6 }];
  return { zip: zipSync(zippable), caseJson, audit, manifest };
}

/**
 * A valid bundle whose second image (pier.png) has `bytes` for its original, its record and every
 * hash agreeing: the reader accepts it, so what those bytes are is judged only when importing.
 */
export function makeBundleWithOriginal(bytes: Uint8Array): Made {
  const sha = shaOf(bytes);
  return makeBundle({
    editCase: (c) => void Object.assign(c.images[1]!, { sha256: sha, byteLength: bytes.length }),
    editPayload: (f) => void (f[imagePath({ sha256: sha, mediaType: 'image/png' })] = bytes),
  });
}

export function zipOf(files: Record<string, Uint8Array | string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? encoder.encode(v) : v])));
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
function put32(b: Uint8Array, at: number, v: number) {
  new DataView(b.buffer, b.byteOffset, b.byteLength).setUint32(at, v >>> 0, true);
}

export interface CentralPatch {
  flags?(old: number): number;
  method?: number;
  /** Declared uncompressed size (central directory and local header alike). */
  size?: number;
  externalAttr?: number;
}

/** A copy of `zip` with one entry's headers rewritten, central directory and local header alike. */
export function patchEntry(zip: Uint8Array, name: string, patch: CentralPatch): Uint8Array {
  const out = zip.slice();
  const end = out.length - 22; // zipSync writes no archive comment
  const count = u16(out, end + 10);
  for (let i = 0, at = u32(out, end + 16); i < count; i += 1) {
    const nameLength = u16(out, at + 28);
    const entryName = new TextDecoder().decode(out.subarray(at + 46, at + 46 + nameLength));
    if (entryName === name) {
      const local = u32(out, at + 42);
      for (const [h, base] of [[at, 8], [local, 6]] as const) {
        const flags = patch.flags?.(u16(out, h + base));
        if (flags !== undefined) out.set([flags & 255, flags >>> 8], h + base);
        if (patch.method !== undefined) out.set([patch.method & 255, patch.method >>> 8], h + base + 2);
        if (patch.size !== undefined) put32(out, h + base + 16, patch.size);
      }
      if (patch.externalAttr !== undefined) put32(out, at + 38, patch.externalAttr);
      return out;
    }
    at += 46 + nameLength + u16(out, at + 30) + u16(out, at + 32);
  }
  throw new Error(`no entry ${name}`);
}

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeBundle, ExportCancelled, type BundleInput, type WriteOptions } from '../../../src/bundle/writeBundle';
import { GENESIS_HASH, chainAudit } from '../../../src/model/auditChain';
import { emptySource, type CaseRecord, type ImageRecord } from '../../../src/model/records';
import { testPattern } from '../../fixtures/png';

const png = testPattern(40, 30, 3);
const caseRecord: CaseRecord = { id: 'case-1', name: 'Rajin', description: '', labels: [], createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
const image: ImageRecord = {
  id: 'img-1', caseId: 'case-1', fileName: 'rajin.png', mediaType: 'image/png', byteLength: png.length, width: 40, height: 30, sha256: bytesToHex(sha256(png)),
  source: emptySource(), releasedAt: '', capturedAt: '2023-10', gsdMeters: null, notes: '', addedAt: '2026-01-01T00:00:00.000Z', addedBy: 'ana',
};
const audit = chainAudit(GENESIS_HASH, [{ at: '2026-01-01T00:00:00.000Z', author: 'ana', action: 'create', entity: 'cases', entityId: 'case-1', caseId: 'case-1', before: null, after: caseRecord }]).map((r, i) => ({ ...r, seq: i + 1 }));

function input(bytes: Uint8Array = png): BundleInput {
  return {
    caseJson: { case: caseRecord, images: [image], annotations: [], claims: [], links: [], reviews: [] },
    audit,
    original: async () => new Blob([bytes as Uint8Array<ArrayBuffer>]),
    exportedBy: 'ana',
    app: { name: 'Evidence Annotator', version: 'test' },
    createdAt: '2026-01-02T03:04:05.000Z',
  };
}

async function written(source = input(), options: WriteOptions = {}) {
  const chunks: Uint8Array[] = [];
  const manifest = await writeBundle(source, { write: async (c) => void chunks.push(c.slice()) }, options);
  const zip = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    zip.set(c, at);
    at += c.length;
  }
  return { manifest, entries: unzipSync(zip), chunks: chunks.length };
}

describe('writing a bundle', () => {
  it('stores the original unchanged and lists every file with its hash and size', async () => {
    const { manifest, entries, chunks } = await written();
    expect(Object.keys(entries).sort()).toEqual(['SHA256SUMS', 'audit.jsonl', 'case.json', `images/${image.sha256}.png`, 'manifest.json']);
    expect(entries[`images/${image.sha256}.png`]).toEqual(png);
    expect(chunks).toBeGreaterThan(1);
    for (const f of manifest.files) {
      expect(bytesToHex(sha256(entries[f.path]!)), f.path).toBe(f.sha256);
      expect(entries[f.path]!.length).toBe(f.bytes);
    }
    const sums = new TextDecoder().decode(entries.SHA256SUMS);
    expect(sums).toContain(`${image.sha256}  images/${image.sha256}.png\n`);
    expect(JSON.parse(new TextDecoder().decode(entries['manifest.json']))).toEqual(manifest);
    expect(manifest).toMatchObject({ formatVersion: 1, auditHead: audit[0]!.hash, counts: { images: 1, auditRecords: 1 }, createdAt: '2026-01-02T03:04:05.000Z' });
  });

  // An original within the whole-read budget is hashed in one call; a larger one streams.
  describe.each([
    ['read whole', {}],
    ['streamed', { wholeReadBytes: 16 }],
  ])('an original %s', (_, options: WriteOptions) => {
    it('is stored unchanged under its verified hash', async () => {
      const { manifest, entries } = await written(input(), options);
      expect(entries[`images/${image.sha256}.png`]).toEqual(png);
      expect(manifest.files.find((f) => f.path.startsWith('images/'))).toMatchObject({ sha256: image.sha256, bytes: png.length });
    });

    it('is refused when it no longer matches its recorded hash', async () => {
      const altered = png.slice();
      altered[100] = altered[100]! ^ 0xff;
      await expect(written(input(altered), options)).rejects.toThrow('The stored original of rajin.png no longer matches its recorded SHA-256');
    });
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(writeBundle(input(), { write: async () => {} }, { signal: controller.signal })).rejects.toBeInstanceOf(ExportCancelled);
  });
});

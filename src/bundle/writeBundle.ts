// Writes a case as a bundle (.zip) to a sink chunk by chunk: originals stored without
// recompression and re-hashed as they stream (a stored file that no longer matches its recorded
// SHA-256 stops the export), text files deflated, manifest.json last with every file's hash.
// Memory stays bounded: only one chunk of one file is in flight.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { AuditRecord } from '../model/records';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, PATHS, imagePath, type CaseJson, type Manifest, type ManifestFile } from './bundleFormat';

export interface BundleSink {
  write(chunk: Uint8Array): Promise<void>;
}

export interface ExtraFile {
  path: string;
  mediaType: string;
  bytes: Uint8Array;
}

export interface BundleInput {
  caseJson: CaseJson;
  audit: readonly AuditRecord[];
  original(sha256: string): Promise<Blob | undefined>;
  exportedBy: string;
  app: { name: string; version: string };
  /** exports/, overlays/, report.html and the like. */
  extraFiles?: readonly ExtraFile[];
  createdAt?: string;
}

export interface WriteOptions {
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
}

const encoder = new TextEncoder();
export const jsonBytes = (value: unknown) => encoder.encode(`${JSON.stringify(value, null, 2)}\n`);

export class ExportCancelled extends Error {
  constructor() {
    super('The export was cancelled.');
    this.name = 'ExportCancelled';
  }
}

export async function writeBundle(input: BundleInput, sink: BundleSink, options: WriteOptions = {}): Promise<Manifest> {
  const createdAt = input.createdAt ?? new Date().toISOString();
  const mtime = new Date(createdAt);
  const pending: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failed = error;
    else pending.push(chunk);
  });
  const flush = async () => {
    if (failed) throw failed;
    if (options.signal?.aborted) throw new ExportCancelled();
    while (pending.length) await sink.write(pending.shift()!);
  };

  const files: ManifestFile[] = [];
  const textFiles: ExtraFile[] = [
    { path: PATHS.caseJson, mediaType: 'application/json', bytes: jsonBytes(input.caseJson) },
    { path: PATHS.audit, mediaType: 'application/x-ndjson', bytes: encoder.encode(input.audit.map((r) => `${JSON.stringify(r)}\n`).join('')) },
    ...(input.extraFiles ?? []),
  ];
  const images = uniqueBySha(input.caseJson.images);
  const total = textFiles.reduce((n, f) => n + f.bytes.length, 0) + images.reduce((n, i) => n + i.byteLength, 0);
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };

  for (const image of images) {
    const blob = await input.original(image.sha256);
    if (!blob) throw new Error(`The original of ${image.fileName} is missing from this app's storage, so the bundle cannot be complete.`);
    const entry = new ZipPassThrough(imagePath(image));
    entry.mtime = mtime;
    zip.add(entry);
    const hash = sha256.create();
    const reader = blob.stream().getReader();
    for (;;) {
      const { done: end, value } = await reader.read();
      if (end) break;
      hash.update(value);
      entry.push(value);
      progress(value.length);
      await flush();
    }
    entry.push(new Uint8Array(), true);
    const digest = bytesToHex(hash.digest());
    if (digest !== image.sha256) {
      throw new Error(`The stored original of ${image.fileName} no longer matches its recorded SHA-256 (${image.sha256.slice(0, 12)}…): it was changed after import. Nothing was exported.`);
    }
    files.push({ path: imagePath(image), sha256: digest, bytes: blob.size, mediaType: image.mediaType });
    await flush();
  }

  const addText = async (file: ExtraFile) => {
    const entry = new ZipDeflate(file.path, { level: 6 });
    entry.mtime = mtime;
    zip.add(entry);
    entry.push(file.bytes, true);
    progress(file.bytes.length);
    files.push({ path: file.path, sha256: bytesToHex(sha256(file.bytes)), bytes: file.bytes.length, mediaType: file.mediaType });
    await flush();
  };
  for (const file of textFiles) await addText(file);

  const sums = encoder.encode(files.map((f) => `${f.sha256}  ${f.path}\n`).join(''));
  await addText({ path: PATHS.sums, mediaType: 'text/plain', bytes: sums });

  const c = input.caseJson;
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    app: input.app,
    createdAt,
    exportedBy: input.exportedBy,
    case: { id: c.case.id, name: c.case.name, description: c.case.description },
    counts: { images: c.images.length, annotations: c.annotations.length, claims: c.claims.length, links: c.links.length, reviews: c.reviews.length, auditRecords: input.audit.length },
    auditHead: input.audit.at(-1)?.hash ?? '',
    files,
  };
  const manifestEntry = new ZipDeflate(PATHS.manifest, { level: 6 });
  manifestEntry.mtime = mtime;
  zip.add(manifestEntry);
  manifestEntry.push(jsonBytes(manifest), true);
  zip.end();
  await flush();
  return manifest;
}

/** Two image records of a case never share a hash, but be sure: each original goes in once. */
function uniqueBySha<T extends { sha256: string }>(images: readonly T[]): T[] {
  const seen = new Set<string>();
  return images.filter((i) => !seen.has(i.sha256) && (seen.add(i.sha256), true));
}

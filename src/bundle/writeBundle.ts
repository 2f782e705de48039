// Writes a case as a bundle (.zip) to a sink chunk by chunk: originals stored without
// recompression and re-hashed as they go (a stored file that no longer matches its recorded
// SHA-256 stops the export), text files deflated, manifest.json last with every file's hash.
// Memory stays bounded: at most two originals (each up to DEFAULT_WHOLE_READ_BYTES) are held at a time.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { Zip, ZipDeflate } from 'fflate';
import type { AuditRecord } from '../model/records';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, PATHS, imagePath, type CaseJson, type Manifest, type ManifestFile } from './bundleFormat';
import { StoredEntry } from './storedEntry';

export interface BundleSink {
  /**
   * Takes the next bytes of the zip. The writer hands each chunk over: it never reads or changes
   * it afterwards, so a sink may keep it, or transfer its buffer to another thread.
   */
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
  /** Originals up to this size are read whole (see storeHashing); DEFAULT_WHOLE_READ_BYTES by default. */
  wholeReadBytes?: number;
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

  for await (const { image, original } of originalsInOrder(images, input.original, options.wholeReadBytes ?? DEFAULT_WHOLE_READ_BYTES)) {
    const entry = new StoredEntry(imagePath(image), mtime);
    zip.add(entry);
    const digest = await storeHashing(original, async (piece) => {
      entry.push(piece);
      progress(piece.length);
      await flush();
    });
    entry.push(new Uint8Array(), true);
    if (digest !== image.sha256) {
      throw new Error(`The stored original of ${image.fileName} no longer matches its recorded SHA-256 (${image.sha256.slice(0, 12)}…): it was changed after import. Nothing was exported.`);
    }
    files.push({ path: imagePath(image), sha256: digest, bytes: original.size, mediaType: image.mediaType });
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

export const DEFAULT_WHOLE_READ_BYTES = 64 * 1024 * 1024;

/** An original's blob, and its bytes when it is small enough to be read whole. */
interface Original {
  size: number;
  blob: Blob;
  whole: Uint8Array<ArrayBuffer> | null;
}

/**
 * The originals one after another, each read while the one before is being written (reading
 * and zipping overlap); so at most two originals of up to `wholeReadBytes` are held at a time.
 */
async function* originalsInOrder<T extends CaseJson['images'][number]>(images: readonly T[], original: BundleInput['original'], wholeReadBytes: number) {
  const read = async (image: T): Promise<{ image: T; original: Original }> => {
    const blob = await original(image.sha256);
    if (!blob) throw new Error(`The original of ${image.fileName} is missing from this app's storage, so the bundle cannot be complete.`);
    const whole = blob.size <= wholeReadBytes ? new Uint8Array(await blob.arrayBuffer()) : null;
    return { image, original: { size: blob.size, blob, whole } };
  };
  let next = images[0] ? read(images[0]) : null;
  for (let i = 0; next; i += 1) {
    const current = await next;
    next = images[i + 1] ? read(images[i + 1]!) : null;
    // Awaited on the next turn; until then a failure must not count as unhandled.
    next?.catch(() => {});
    yield current;
  }
}

/**
 * Passes an original's bytes to `store` and returns their SHA-256. One read whole is stored in one
 * piece (no copies) and hashed by WebCrypto, several times faster than hashing in JavaScript and
 * on another thread; a larger one streams through an incremental hash, so memory stays bounded.
 */
async function storeHashing({ blob, whole }: Original, store: (piece: Uint8Array<ArrayBuffer>) => Promise<void>): Promise<string> {
  if (whole) {
    const digest = crypto.subtle.digest('SHA-256', whole);
    await store(whole);
    return bytesToHex(new Uint8Array(await digest));
  }
  const hash = sha256.create();
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytesToHex(hash.digest());
    hash.update(value);
    await store(value);
  }
}

/** Two image records of a case never share a hash, but be sure: each original goes in once. */
function uniqueBySha<T extends { sha256: string }>(images: readonly T[]): T[] {
  const seen = new Set<string>();
  return images.filter((i) => !seen.has(i.sha256) && (seen.add(i.sha256), true));
}

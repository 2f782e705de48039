// Defensive walking of a ZIP archive for the bundle reader. Everything is judged from the central
// directory before a byte is inflated, then again while inflating, because headers can lie: the
// bytes that come out are counted and inflation stops the moment a limit is crossed.
// Hand-written rather than fflate's Unzip because the checks need what Unzip does not expose
// (external attributes, flags, where each entry's data must end).
import { Inflate } from 'fflate';
import { formatBytes } from '../model/limits';
import type { BundleLimits } from './bundleLimits';

/** A refusal a person can act on; readBundle adds "Nothing was imported." */
export class BundleRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleRefusal';
  }
}

function refuse(message: string): never {
  throw new BundleRefusal(message);
}

/** Random access to the archive, so a Blob (a File on disk) is never read whole. */
export interface ZipSource {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function zipSource(source: Blob | Uint8Array): ZipSource {
  // isView rather than instanceof: bytes from another realm (a worker, jsdom) are bytes too.
  if (ArrayBuffer.isView(source)) {
    const bytes = source;
    return { size: bytes.length, read: async (at, n) => bytes.subarray(at, at + n) };
  }
  const blob = source;
  return { size: blob.size, read: async (at, n) => new Uint8Array(await blob.slice(at, at + n).arrayBuffer()) };
}

export interface ZipEntry {
  name: string;
  /** The name as stored, to compare with the local header's copy. */
  rawName: Uint8Array;
  flags: number;
  method: number;
  compressedSize: number;
  /** Uncompressed size as declared in the central directory: a claim, checked while inflating. */
  size: number;
  offset: number;
  externalAttr: number;
  isDirectory: boolean;
  /** Where this entry's data must end at the latest: the next local header or the directory. */
  end: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

const show = (name: string) => JSON.stringify(name);
function damaged(): never {
  refuse('This file starts like a ZIP archive but its table of contents (the central directory) is missing or damaged; it may have been cut short while copying.');
}
const ZIP64 = 'This ZIP archive uses the ZIP64 extension for very large archives, which the app does not read (bundles it writes never need it).';

/** What a non-ZIP file most likely is, so the person knows what they picked. */
const LOOKALIKES: ReadonlyArray<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x1f, 0x8b], 'a gzip file'],
];

function notZip(head: Uint8Array): string {
  if (head.length === 0) return 'This file is not a ZIP archive (it is empty).';
  const like = LOOKALIKES.find(([magic]) => magic.every((b, i) => head[i] === b));
  return like ? `This file is not a ZIP archive (it looks like ${like[1]}).` : 'This file is not a ZIP archive.';
}

/** Reads the central directory; refuses what is not a ZIP, is damaged, split, ZIP64, or has too many entries. */
export async function readDirectory(src: ZipSource, limits: BundleLimits): Promise<ZipEntry[]> {
  const head = await src.read(0, Math.min(src.size, 8));
  const sig = head.length >= 4 ? u32(head, 0) : 0;
  if (sig !== SIG_LOCAL && sig !== SIG_END) refuse(notZip(head));
  if (src.size < 22) damaged();
  const tailStart = Math.max(0, src.size - 22 - 0xffff);
  const tail = await src.read(tailStart, src.size - tailStart);
  let end = -1;
  // The record is 22 bytes plus a comment of up to 64 KiB; the right one reaches the file's end exactly.
  for (let at = tail.length - 22; at >= 0 && end < 0; at -= 1) if (u32(tail, at) === SIG_END && at + 22 + u16(tail, at + 20) === tail.length) end = at;
  if (end < 0) damaged();
  const [disk, dirDisk, onDisk, count, dirSize, dirOffset] = [u16(tail, end + 4), u16(tail, end + 6), u16(tail, end + 8), u16(tail, end + 10), u32(tail, end + 12), u32(tail, end + 16)];
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) refuse(ZIP64);
  if (disk !== 0 || dirDisk !== 0 || onDisk !== count) refuse('This ZIP archive is one part of a split (multi-part) archive; join the parts into one .zip first.');
  if (count > limits.maxEntries) {
    refuse(`The bundle holds ${count.toLocaleString('en-US')} entries, more than the ${limits.maxEntries.toLocaleString('en-US')} the app accepts.`);
  }
  if (dirSize > limits.maxDirectoryBytes) refuse(`The bundle's table of contents is ${formatBytes(dirSize)}, more than the ${formatBytes(limits.maxDirectoryBytes)} the app reads.`);
  if (dirOffset + dirSize > tailStart + end) damaged();
  const dir = await src.read(dirOffset, dirSize);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const entries: ZipEntry[] = [];
  for (let i = 0, at = 0; i < count; i += 1) {
    if (at + 46 > dir.length || u32(dir, at) !== SIG_CENTRAL) damaged();
    const nameLength = u16(dir, at + 28);
    const next = at + 46 + nameLength + u16(dir, at + 30) + u16(dir, at + 32);
    if (next > dir.length) damaged();
    const rawName = dir.slice(at + 46, at + 46 + nameLength);
    let name = '';
    try {
      name = decoder.decode(rawName);
    } catch {
      refuse('An entry name in this ZIP archive is not valid UTF-8 text, so the app cannot tell which file it is.');
    }
    const [compressedSize, size, offset] = [u32(dir, at + 20), u32(dir, at + 24), u32(dir, at + 42)];
    if (compressedSize === 0xffffffff || size === 0xffffffff || offset === 0xffffffff) refuse(ZIP64);
    entries.push({
      name, rawName, flags: u16(dir, at + 8), method: u16(dir, at + 10), compressedSize, size, offset,
      externalAttr: u32(dir, at + 38), isDirectory: name.endsWith('/'), end: dirOffset,
    });
    at = next;
  }
  return entries;
}

/** Why a name is unsafe to unpack anywhere, or null. */
function nameProblem(name: string): string | null {
  const entry = `The bundle holds an entry named ${show(name)}`;
  if (name === '') return 'The bundle holds an entry with an empty name.';
  if (name.startsWith('/')) return `${entry}, an absolute path; every path in a bundle is relative to the bundle.`;
  if (/^[a-z]:/i.test(name)) return `${entry}, which starts with a drive letter; every path in a bundle is relative to the bundle.`;
  if (name.includes('\\')) return `${entry}, with a backslash; bundle paths use forward slashes only.`;
  if ([...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return `${entry}, with a control character in it.`;
  const segments = name.split('/');
  if (segments.at(-1) === '') segments.pop(); // a folder entry ends with '/'
  if (segments.includes('..')) return `${entry}, which climbs out of the bundle with "..".`;
  if (segments.some((s) => s === '' || s === '.')) return `${entry}, with an empty or "." part in its path.`;
  return null;
}

/** The checks that need only the central directory, run before anything is inflated. */
export function checkEntries(entries: readonly ZipEntry[], limits: BundleLimits): void {
  const total = entries.reduce((n, e) => n + e.size, 0);
  if (total > limits.maxTotalBytes) refuse(`The bundle would unpack to ${formatBytes(total)}, more than the ${formatBytes(limits.maxTotalBytes)} the app accepts.`);
  const seen = new Map<string, string>();
  for (const e of entries) {
    const problem = nameProblem(e.name);
    if (problem) refuse(problem);
    // Two names that one file system would store as the same file: a later one could replace an earlier one.
    const key = e.name.normalize('NFC').toLowerCase().normalize('NFC').replace(/\/$/, '');
    const other = seen.get(key);
    if (other !== undefined) {
      refuse(`The bundle holds two entries that a computer may treat as the same file, ${show(other)} and ${show(e.name)} (they differ only in upper/lower case or Unicode form).`);
    }
    seen.set(key, e.name);
  }
  for (const e of entries) {
    if (((e.externalAttr >>> 16) & 0o170000) === 0o120000) refuse(`${show(e.name)} in the bundle is a symbolic link, which a bundle never holds.`);
    if (e.flags & 1) refuse(`${show(e.name)} in the bundle is encrypted; the app cannot check an encrypted bundle.`);
    if (e.method !== 0 && e.method !== 8) refuse(`${show(e.name)} in the bundle uses compression method ${e.method}; the app reads only stored (0) and deflated (8) entries.`);
    if (e.size > limits.maxEntryBytes) refuse(`${show(e.name)} would unpack to ${formatBytes(e.size)}, more than the ${formatBytes(limits.maxEntryBytes)} the app accepts for one file.`);
    if (e.method === 0 && e.compressedSize !== e.size) refuse(`${show(e.name)} is stored uncompressed but its two declared sizes differ; the archive is damaged.`);
    if (e.isDirectory && e.size !== 0) refuse(`${show(e.name)} is named as a folder but holds data; the archive was crafted or is damaged.`);
  }
  // Entries whose data overlap let a small archive unpack the same bytes many times (a ZIP bomb).
  const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
  byOffset.forEach((e, i) => {
    const next = byOffset[i + 1];
    if (next) e.end = next.offset;
    if (e.offset + 30 + e.rawName.length + e.compressedSize > e.end) {
      refuse(`The data of ${show(e.name)} overlaps ${next ? show(next.name) : 'the table of contents'}, a trick of ZIP bombs; the archive was crafted or is damaged.`);
    }
  });
}

/** Compressed bytes read from the source at a time. */
const READ_CHUNK = 1024 * 1024;
/** Compressed bytes pushed to the inflater at a time: deflate expands at most ~1,030-fold, so one push yields at most ~16 MiB. */
const INFLATE_STEP = 16 * 1024;

/**
 * Streams one entry's uncompressed bytes to `onData`, counting them as they come out: more than
 * declared, or a ratio beyond the limit, stops inflation at once. `onData` may throw to stop it too.
 */
export async function inflateEntry(src: ZipSource, entry: ZipEntry, limits: BundleLimits, onData: (chunk: Uint8Array) => void): Promise<void> {
  const name = show(entry.name);
  const header = await src.read(entry.offset, 30);
  if (header.length < 30 || u32(header, 0) !== SIG_LOCAL) refuse(`${name} in the bundle is damaged: its local header is missing.`);
  const nameLength = u16(header, 26);
  const localName = await src.read(entry.offset + 30, nameLength);
  // A local header that disagrees with the directory makes tools disagree about what the archive holds.
  if (u16(header, 8) !== entry.method || (u16(header, 6) & 1) !== (entry.flags & 1) || !sameBytes(localName, entry.rawName)) {
    refuse(`${name} in the bundle has two headers that disagree about it; the archive was crafted or is damaged.`);
  }
  const start = entry.offset + 30 + nameLength + u16(header, 28);
  if (start + entry.compressedSize > entry.end) refuse(`The data of ${name} overlaps the next entry, a trick of ZIP bombs; the archive was crafted or is damaged.`);

  let produced = 0;
  let consumed = 0;
  const take = (chunk: Uint8Array) => {
    produced += chunk.length;
    if (produced > entry.size) {
      refuse(`${name} unpacks to more than the ${formatBytes(entry.size)} its ZIP header declares; the archive was crafted or is damaged.`);
    }
    if (produced > limits.ratioCheckFromBytes && produced > consumed * limits.maxCompressionRatio) {
      refuse(`${name} expands more than ${limits.maxCompressionRatio} times its compressed size, the mark of a ZIP bomb; the app stopped unpacking it.`);
    }
    if (chunk.length) onData(chunk);
  };
  const inflater = entry.method === 8 ? new Inflate((chunk) => take(chunk)) : null;
  const push = (part: Uint8Array, final: boolean) => {
    try {
      inflater!.push(part, final);
    } catch (error) {
      if (error instanceof BundleRefusal) throw error;
      refuse(`${name} in the bundle is damaged: its compressed data cannot be unpacked.`);
    }
  };
  if (inflater && entry.compressedSize === 0) push(new Uint8Array(0), true);
  for (let at = 0; at < entry.compressedSize; ) {
    const n = Math.min(READ_CHUNK, entry.compressedSize - at);
    const data = await src.read(start + at, n);
    if (data.length !== n) refuse(`${name} in the bundle is cut short; the file may not have been copied completely.`);
    at += n;
    if (!inflater) {
      consumed += n;
      take(data);
      continue;
    }
    for (let p = 0; p < n; p += INFLATE_STEP) {
      const part = data.subarray(p, p + INFLATE_STEP);
      consumed += part.length;
      push(part, at === entry.compressedSize && p + INFLATE_STEP >= n);
    }
  }
  if (produced !== entry.size) refuse(`${name} unpacks to ${produced.toLocaleString('en-US')} bytes, fewer than the ${entry.size.toLocaleString('en-US')} its ZIP header declares; the archive is damaged.`);
}

/** Unpacks one entry into a Blob, folded every 16 MiB so that a large original never sits in the JS heap whole. */
export async function unpackEntry(src: ZipSource, entry: ZipEntry, limits: BundleLimits, onData: (chunk: Uint8Array) => void): Promise<Blob> {
  const parts: Blob[] = [];
  let pending: Uint8Array<ArrayBuffer>[] = [];
  let pendingBytes = 0;
  const fold = () => {
    parts.push(new Blob(pending));
    pending = [];
    pendingBytes = 0;
  };
  await inflateEntry(src, entry, limits, (chunk) => {
    onData(chunk);
    // Blob copies the bytes when it folds, so a view into the source is safe to hold until then.
    pending.push(chunk as Uint8Array<ArrayBuffer>);
    pendingBytes += chunk.length;
    if (pendingBytes >= 16 * 1024 * 1024) fold();
  });
  fold();
  return new Blob(parts);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

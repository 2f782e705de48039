// Importing image files into a case. Each file is checked by size, then hashed (SHA-256 of the
// original bytes, before any decoding), then its header is read, then it is decoded once to
// prove it is whole and to derive a thumbnail and, for a large image, a preview, then stored.
// A refused file stores nothing and the rest go on. What one import added is one step to undo
// (unless the analyst edits something before it ends): undo takes the images out of the case,
// redo brings them back; their bytes stay stored meanwhile.
import { addImage } from '../db/images';
import type { DerivedImages } from '../model/derivedImages';
import { checkImageBytes, checkImageSize, refusal } from '../model/imageAcceptance';
import { emptySource, type Id, type ImageRecord } from '../model/records';
import { storageFailure } from '../model/storageErrors';
import type { CommandContext } from './annotationCommands';

/** A file to import; its bytes are read only after its size has been accepted. */
export interface ImportFile {
  name: string;
  size: number;
  read(): Promise<Blob>;
}

/** Decodes an image to prove it is readable and returns what is derived from it; throws if it cannot. */
export type ImageDeriver = (original: Blob) => Promise<DerivedImages>;

export type ImportOutcome =
  | { kind: 'imported'; fileName: string; image: ImageRecord }
  | { kind: 'duplicate'; fileName: string; existing: ImageRecord }
  | { kind: 'refused'; fileName: string; message: string };

export interface ImportProgress {
  done: number;
  total: number;
  current: string;
}

export async function sha256Hex(bytes: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function importImages(
  ctx: CommandContext,
  caseId: Id,
  files: readonly ImportFile[],
  deriveImages: ImageDeriver,
  onProgress: (p: ImportProgress) => void = () => {},
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  const gesture = ctx.history.beginGesture();
  for (const [i, file] of files.entries()) {
    onProgress({ done: i, total: files.length, current: file.name });
    const outcome = await importOne(ctx, caseId, file, deriveImages);
    outcomes.push(outcome);
    if (outcome.kind === 'imported') {
      const { image } = outcome;
      void ctx.history.remember({ label: 'Import images', changes: [{ table: 'images', id: image.id, caseId, before: null, after: image }], gesture });
    }
  }
  onProgress({ done: files.length, total: files.length, current: '' });
  return outcomes;
}

async function importOne(ctx: CommandContext, caseId: Id, file: ImportFile, deriveImages: ImageDeriver): Promise<ImportOutcome> {
  const refused = (message: string): ImportOutcome => ({ kind: 'refused', fileName: file.name, message });
  const bySize = checkImageSize(file.name, file.size);
  if (bySize && !bySize.ok) return refused(bySize.message);
  try {
    const reading = performance.now();
    const blob = await file.read();
    const buffer = await blob.arrayBuffer();
    const sha256 = await sha256Hex(buffer);
    const hashed = performance.now();
    const accepted = checkImageBytes(file.name, new Uint8Array(buffer));
    if (!accepted.ok) return refused(accepted.message);
    const original = new Blob([buffer], { type: accepted.mediaType });
    let derived: DerivedImages;
    try {
      derived = await deriveImages(original);
    } catch {
      return refused(refusal(file.name, 'its image data could not be decoded (the file is damaged or not really an image)'));
    }
    const image: ImageRecord = {
      id: crypto.randomUUID(),
      caseId,
      fileName: file.name,
      mediaType: accepted.mediaType,
      byteLength: buffer.byteLength,
      width: accepted.width,
      height: accepted.height,
      sha256,
      source: emptySource(),
      releasedAt: '',
      capturedAt: '',
      gsdMeters: null,
      notes: '',
      addedAt: new Date().toISOString(),
      addedBy: ctx.author(),
    };
    const storing = performance.now();
    const result = await addImage(ctx.db, image, original, derived);
    markImportSteps(file.name, buffer.byteLength, [reading, hashed], [storing, performance.now()]);
    return result.added ? { kind: 'imported', fileName: file.name, image } : { kind: 'duplicate', fileName: file.name, existing: result.existing };
  } catch (error) {
    return refused(refusal(file.name, `it could not be stored: ${storageFailure(error)}`));
  }
}

/**
 * Leaves the time spent reading and hashing the file and storing it as performance measures
 * ("import: read and hash", "import: store", the byte count in their detail), to be seen in a
 * browser's performance tools and read by `npm run bench`; the decode between them is not in them.
 */
function markImportSteps(fileName: string, bytes: number, hash: [number, number], store: [number, number]): void {
  const detail = { fileName, bytes };
  performance.measure('import: read and hash', { start: hash[0], end: hash[1], detail });
  performance.measure('import: store', { start: store[0], end: store[1], detail });
}

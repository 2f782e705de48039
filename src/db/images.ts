// Storing an imported image: the original bytes, what was derived from them (a thumbnail and,
// for a large image, a preview) and the record, together with their audit record, or nothing at all.
import type { DerivedImages } from '../model/derivedImages';
import type { ImageRecord, Id } from '../model/records';
import { appendAudit } from './audit';
import type { EvidenceDatabase } from './database';
import { dropTiles } from './tiles';

export function listImages(db: EvidenceDatabase, caseId: Id): Promise<ImageRecord[]> {
  return db.images.where('caseId').equals(caseId).sortBy('addedAt');
}

export function getImage(db: EvidenceDatabase, id: Id): Promise<ImageRecord | undefined> {
  return db.images.get(id);
}

export function findImageByHash(db: EvidenceDatabase, caseId: Id, sha256: string): Promise<ImageRecord | undefined> {
  return db.images.where('[caseId+sha256]').equals([caseId, sha256]).first();
}

export async function imageBytes(db: EvidenceDatabase, sha256: string): Promise<Blob | undefined> {
  return (await db.blobs.get(sha256))?.bytes;
}

export async function thumbnailBytes(db: EvidenceDatabase, sha256: string): Promise<Blob | undefined> {
  return (await db.thumbnails.get(sha256))?.bytes;
}

/** The reduced preview of a large image; undefined when the original is small enough to draw, or was stored before previews existed. */
export async function previewBytes(db: EvidenceDatabase, sha256: string): Promise<Blob | undefined> {
  return (await db.previews.get(sha256))?.bytes;
}

export type AddImageResult = { added: true; image: ImageRecord } | { added: false; existing: ImageRecord };

/** Adds the image unless the case already holds a file with the same SHA-256. */
export async function addImage(db: EvidenceDatabase, image: ImageRecord, original: Blob, derived: DerivedImages): Promise<AddImageResult> {
  return db.transaction('rw', [db.images, db.blobs, db.thumbnails, db.previews, db.audit], async () => {
    const existing = await findImageByHash(db, image.caseId, image.sha256);
    if (existing) return { added: false, existing };
    if (!(await db.blobs.get(image.sha256))) await db.blobs.add({ sha256: image.sha256, bytes: original });
    await putDerived(db, image.sha256, derived);
    await db.images.add(image);
    await appendAudit(db, [
      { at: image.addedAt, author: image.addedBy, action: 'create', entity: 'images', entityId: image.id, caseId: image.caseId, before: null, after: image },
    ]);
    return { added: true, image };
  });
}

/** Stores what was derived from an original; call inside a transaction over thumbnails and previews. */
export async function putDerived(db: EvidenceDatabase, sha256: string, derived: DerivedImages): Promise<void> {
  await db.thumbnails.put({ sha256, bytes: derived.thumbnail });
  if (derived.preview) await db.previews.put({ sha256, bytes: derived.preview });
}

/** The tables of original bytes and what is derived from them, all keyed by SHA-256. */
export function bytesStores(db: EvidenceDatabase) {
  return [db.blobs, db.thumbnails, db.previews, db.tiles, db.tileSets] as const;
}

/**
 * Deletes the original bytes of these hashes, and what was derived from them, where no image
 * record holds them any more; call inside a transaction over images and bytesStores.
 */
export async function dropUnusedBytes(db: EvidenceDatabase, sha256s: Iterable<string>): Promise<void> {
  for (const sha256 of new Set(sha256s)) {
    if ((await db.images.where('sha256').equals(sha256).count()) > 0) continue;
    await db.blobs.delete(sha256);
    await db.thumbnails.delete(sha256);
    await db.previews.delete(sha256);
    await dropTiles(db, sha256);
  }
}

/**
 * Deletes stored bytes no image holds: those of an import undone in a session that ended before
 * it was redone (undo keeps them so that redo can bring the image back).
 */
export async function dropOrphanedBytes(db: EvidenceDatabase): Promise<void> {
  await db.transaction('rw', [db.images, ...bytesStores(db)], async () => {
    await dropUnusedBytes(db, (await db.blobs.toCollection().primaryKeys()) as string[]);
  });
}

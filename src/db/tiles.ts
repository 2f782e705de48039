// The stored tile pyramids of large images (model/tilePyramid.ts): derived from the original and
// keyed by its SHA-256 like previews, made again whenever they are missing, never exported.
import type { TileBytes, TileKey } from '../model/tilePyramid';
import type { EvidenceDatabase } from './database';

/** Whether every tile of the image's pyramid is stored. */
export async function hasTiles(db: EvidenceDatabase, sha256: string): Promise<boolean> {
  return (await db.tileSets.get(sha256)) !== undefined;
}

export async function tileBytes(db: EvidenceDatabase, sha256: string, key: TileKey): Promise<Blob | undefined> {
  return (await db.tiles.get([sha256, key.level, key.col, key.row]))?.bytes;
}

/** Stores tiles as they are made (a batch a transaction: each waits for the disk). */
export async function storeTiles(db: EvidenceDatabase, sha256: string, tiles: readonly TileBytes[]): Promise<void> {
  await db.tiles.bulkPut(tiles.map((t) => ({ sha256, level: t.level, col: t.col, row: t.row, bytes: t.bytes })));
}

/** Marks the pyramid whole, once all its tiles are stored. */
export async function completeTiles(db: EvidenceDatabase, sha256: string, tiles: number): Promise<void> {
  await db.tileSets.put({ sha256, tiles });
}

/** Drops an image's tiles; call inside a transaction over tiles and tileSets. */
export async function dropTiles(db: EvidenceDatabase, sha256: string): Promise<void> {
  await db.tileSets.delete(sha256);
  await db.tiles.where('sha256').equals(sha256).delete();
}

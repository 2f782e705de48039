// The tile pyramid of a large image (issue #6, DESIGN.md "Canvas"): level k holds the image at
// 1/2^k, cut into square tiles. Only levels finer than the image's preview are kept: coarser
// views are drawn from the preview. Tiles are stored losslessly (PNG), so at 100 % the analyst
// sees the original's pixels.
import { previewSize, type PixelSize } from './derivedImages';
import type { Rect } from './geometry';

/** A tile's side in its level's pixels. */
export const TILE_SIDE = 1024;

export interface TileKey {
  level: number;
  col: number;
  row: number;
}

/** A tile's encoded bytes, as made and stored. */
export interface TileBytes extends TileKey {
  bytes: Blob;
}

/** What cutting a pyramid starts from: the original's bytes and its size. */
export interface TileRequest {
  original: Blob;
  image: PixelSize;
}

/** A tile's place: the part of the image it covers (image pixels) and its own size in pixels. */
export interface TilePlace extends TileKey {
  image: Rect;
  pixels: PixelSize;
}

/**
 * How many levels an image's pyramid has: 0 for an image small enough to be drawn whole (it has
 * no preview), else every level 1/2^k finer than the preview, full resolution (k = 0) included.
 */
export function pyramidLevels(image: PixelSize): number {
  const preview = previewSize(image.width, image.height);
  if (!preview) return 0;
  const previewScale = preview.width / image.width;
  let levels = 1;
  while (2 ** -levels > previewScale) levels += 1;
  return levels;
}

export function levelSize(image: PixelSize, level: number): PixelSize {
  const k = 2 ** level;
  return { width: Math.ceil(image.width / k), height: Math.ceil(image.height / k) };
}

export function tilePlace(image: PixelSize, key: TileKey): TilePlace {
  const k = 2 ** key.level;
  const level = levelSize(image, key.level);
  const x = key.col * TILE_SIDE;
  const y = key.row * TILE_SIDE;
  return {
    ...key,
    image: { minX: x * k, minY: y * k, maxX: Math.min(image.width, (x + TILE_SIDE) * k), maxY: Math.min(image.height, (y + TILE_SIDE) * k) },
    pixels: { width: Math.min(TILE_SIDE, level.width - x), height: Math.min(TILE_SIDE, level.height - y) },
  };
}

/** The tiles of a level that meet a rectangle of the image (all of them for the whole image). */
export function tilesIn(image: PixelSize, level: number, area: Rect = { minX: 0, minY: 0, maxX: image.width, maxY: image.height }): TilePlace[] {
  const span = TILE_SIDE * 2 ** level;
  const { width, height } = levelSize(image, level);
  const cols = Math.ceil(width / TILE_SIDE);
  const rows = Math.ceil(height / TILE_SIDE);
  const first = (v: number) => Math.max(0, Math.floor(v / span));
  const last = (v: number, count: number) => Math.min(count - 1, Math.ceil(v / span) - 1);
  const places: TilePlace[] = [];
  for (let row = first(area.minY); row <= last(area.maxY, rows); row++)
    for (let col = first(area.minX); col <= last(area.maxX, cols); col++) places.push(tilePlace(image, { level, col, row }));
  return places;
}

/** Every tile of the pyramid, coarsest level first (the order they are made in: few tiles, most use). */
export function allTiles(image: PixelSize): TilePlace[] {
  const places: TilePlace[] = [];
  for (let level = pyramidLevels(image) - 1; level >= 0; level--) places.push(...tilesIn(image, level));
  return places;
}

/**
 * The level to draw at `viewScale` (screen pixels per image pixel): the coarsest whose pixels are
 * not magnified on screen, or null when the preview is fine enough (or the image has no pyramid).
 */
export function levelForView(image: PixelSize, viewScale: number): number | null {
  const levels = pyramidLevels(image);
  const preview = previewSize(image.width, image.height);
  if (levels === 0 || !preview || viewScale <= preview.width / image.width) return null;
  const coarsest = Math.floor(Math.log2(1 / viewScale));
  return Math.min(levels - 1, Math.max(0, coarsest));
}

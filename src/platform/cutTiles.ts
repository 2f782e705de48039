// Cutting a large image into the tiles of its pyramid (model/tilePyramid.ts), meant for a worker:
// one decode of the original, then each tile drawn (reduced, for the coarser levels) and encoded
// as PNG, lossless, so that full-resolution tiles hold exactly the original's pixels.
import { allTiles, type TileBytes, type TileRequest } from '../model/tilePyramid';

export type TileMessage = ({ kind: 'tile' } & TileBytes) | { kind: 'done'; tiles: number } | { kind: 'failed'; message: string };

export async function cutTiles({ original, image }: TileRequest, post: (message: TileMessage) => void): Promise<void> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(original);
  } catch {
    return post({ kind: 'failed', message: 'the original could not be decoded' });
  }
  try {
    const places = allTiles(image);
    for (const { level, col, row, image: area, pixels } of places) {
      const canvas = new OffscreenCanvas(pixels.width, pixels.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) return post({ kind: 'failed', message: 'no 2D canvas in the worker' });
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(bitmap, area.minX, area.minY, area.maxX - area.minX, area.maxY - area.minY, 0, 0, pixels.width, pixels.height);
      post({ kind: 'tile', level, col, row, bytes: await canvas.convertToBlob({ type: 'image/png' }) });
    }
    post({ kind: 'done', tiles: places.length });
  } finally {
    // A 100-MP decode is 400 MB: let it go as soon as the last tile is cut.
    bitmap.close();
  }
}

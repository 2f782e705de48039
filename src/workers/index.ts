// The app's workers: thin shells (the *.worker.ts entry points) over code in model/ and bundle/,
// started here so that the Vite build finds and bundles each entry point.
import type { WorkerLike } from '../bundle/writeBundleInWorker';
import type { TileBytes, TileRequest } from '../model/tilePyramid';
import type { TileMessage } from '../platform/cutTiles';

/** A worker that writes bundles (see bundle/serveBundleWriter.ts). */
export function bundleWorker(): WorkerLike {
  return new Worker(new URL('./bundle.worker.ts', import.meta.url), { type: 'module', name: 'bundle writer' });
}

/**
 * Cuts an image into its tile pyramid in a worker of its own, handing each tile to `onTile` as
 * it is made; resolves with the number of tiles once all are made. The worker ends with it.
 */
export function cutTilesInWorker(request: TileRequest, onTile: (tile: TileBytes) => void): Promise<number> {
  const worker = new Worker(new URL('./tiles.worker.ts', import.meta.url), { type: 'module', name: 'tile cutter' });
  return new Promise<number>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<TileMessage>) => {
      const m = e.data;
      if (m.kind === 'tile') return onTile(m);
      worker.terminate();
      if (m.kind === 'done') resolve(m.tiles);
      else reject(new Error(m.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the tile worker failed'));
    };
    worker.postMessage(request);
  });
}

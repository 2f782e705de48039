// Making the tile pyramids of large images (model/tilePyramid.ts) in the background, one image at
// a time: cutting a 100-MP image holds its 400-MB decode in a worker for some seconds, and two at
// once would hold two. Tiles are stored as they come; the pyramid is marked whole at the end, and
// only then drawn. Each pyramid's progress can be watched (useSyncExternalStore).
import { imageBytes } from '../db/images';
import type { EvidenceDatabase } from '../db/database';
import { completeTiles, hasTiles, storeTiles } from '../db/tiles';
import type { PixelSize } from '../model/derivedImages';
import { allTiles, pyramidLevels, type TileBytes, type TileRequest } from '../model/tilePyramid';
import { messageOf } from '../model/errorMessage';

/** Cuts an original into its pyramid's tiles, handing each over as it is made; resolves with their number. */
export type TileCutter = (request: TileRequest, onTile: (tile: TileBytes) => void) => Promise<number>;

export type TileState =
  | { kind: 'none' }
  /** Not known yet: the store is being asked whether the pyramid is there. */
  | { kind: 'checking' }
  | { kind: 'making'; done: number; total: number }
  | { kind: 'ready' }
  | { kind: 'failed'; message: string };

/** Tiles stored a transaction at a time. */
const BATCH = 8;

interface TiledImage extends PixelSize {
  sha256: string;
}

export class TileMaker {
  private queue: Promise<unknown> = Promise.resolve();
  private states = new Map<string, TileState>();
  private listeners = new Set<() => void>();

  constructor(
    private readonly db: EvidenceDatabase,
    private readonly cut: TileCutter,
  ) {}

  /** Makes and stores the image's pyramid unless it needs none or has it; resolves with the outcome. */
  async ensure(image: TiledImage): Promise<TileState> {
    const { sha256 } = image;
    if (pyramidLevels(image) === 0) return { kind: 'none' };
    if (this.states.get(sha256)?.kind === 'making') return this.whenSettled(sha256);
    if (await hasTiles(this.db, sha256)) return this.set(sha256, { kind: 'ready' });
    if (this.states.get(sha256)?.kind === 'making') return this.whenSettled(sha256);
    this.set(sha256, { kind: 'making', done: 0, total: allTiles(image).length });
    const job = this.queue.then(() => this.make(image));
    this.queue = job;
    return job;
  }

  stateOf(sha256: string): TileState | undefined {
    return this.states.get(sha256);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private whenSettled(sha256: string): Promise<TileState> {
    return new Promise((resolve) => {
      const stop = this.subscribe(() => {
        const state = this.states.get(sha256);
        if (state && state.kind !== 'making') {
          stop();
          resolve(state);
        }
      });
    });
  }

  private async make(image: TiledImage): Promise<TileState> {
    const { sha256 } = image;
    try {
      if (await hasTiles(this.db, sha256)) return this.set(sha256, { kind: 'ready' });
      const original = await imageBytes(this.db, sha256);
      if (!original) return this.set(sha256, { kind: 'failed', message: 'the original is not stored' });
      const total = allTiles(image).length;
      const writes: Promise<void>[] = [];
      let batch: TileBytes[] = [];
      let done = 0;
      const flush = () => {
        if (batch.length) writes.push(storeTiles(this.db, sha256, batch));
        batch = [];
      };
      await this.cut({ original, image: { width: image.width, height: image.height } }, (tile) => {
        batch.push(tile);
        if (batch.length === BATCH) flush();
        this.set(sha256, { kind: 'making', done: (done += 1), total });
      });
      flush();
      await Promise.all(writes);
      await completeTiles(this.db, sha256, total);
      return this.set(sha256, { kind: 'ready' });
    } catch (error) {
      return this.set(sha256, { kind: 'failed', message: messageOf(error) });
    }
  }

  private set(sha256: string, state: TileState): TileState {
    this.states.set(sha256, state);
    for (const l of this.listeners) l();
    return state;
  }
}

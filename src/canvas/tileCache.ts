// Decoded tiles of the open image's pyramid, held within a memory budget: the least recently
// drawn go first. A tile asked for and not held is loaded (its stored PNG decoded off the main
// thread by createImageBitmap) and the view is drawn again when it arrives; meanwhile the
// coarser picture beneath shows.
import type { TileKey } from '../model/tilePyramid';

/** At most this much decoded tile memory (4 bytes a pixel): 64 full tiles, some four views' worth. */
export const TILE_BUDGET_BYTES = 256 * 2 ** 20;

type Decoded = Pick<ImageBitmap, 'width' | 'height' | 'close'>;

const idOf = (k: TileKey) => `${k.level}/${k.col}/${k.row}`;
const bytesOf = (b: Decoded) => b.width * b.height * 4;

export class TileCache<B extends Decoded = ImageBitmap> {
  /** In order of use, least recent first (a Map keeps insertion order). */
  private held = new Map<string, B>();
  private loading = new Set<string>();
  private missing = new Set<string>();
  private bytes = 0;
  private closed = false;
  private listeners = new Set<() => void>();

  constructor(
    private readonly load: (key: TileKey) => Promise<B | null>,
    private readonly budget = TILE_BUDGET_BYTES,
  ) {}

  /** Calls `listener` whenever a tile arrives (to draw the view again). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The decoded tile, now the most recently used; undefined while it loads (or if it is not stored). */
  get(key: TileKey): B | undefined {
    const id = idOf(key);
    const tile = this.held.get(id);
    if (tile) {
      this.held.delete(id);
      this.held.set(id, tile);
      return tile;
    }
    if (!this.loading.has(id) && !this.missing.has(id)) this.start(id, key);
    return undefined;
  }

  get heldBytes(): number {
    return this.bytes;
  }

  close(): void {
    this.closed = true;
    for (const tile of this.held.values()) tile.close();
    this.held.clear();
    this.bytes = 0;
  }

  private start(id: string, key: TileKey): void {
    this.loading.add(id);
    const settle = (tile: B | null) => {
      this.loading.delete(id);
      if (!tile) return this.missing.add(id);
      if (this.closed) return tile.close();
      this.held.set(id, tile);
      this.bytes += bytesOf(tile);
      this.evict();
      for (const l of this.listeners) l();
    };
    this.load(key).then(settle, () => settle(null));
  }

  private evict(): void {
    for (const [id, tile] of this.held) {
      if (this.bytes <= this.budget) return;
      this.held.delete(id);
      this.bytes -= bytesOf(tile);
      tile.close();
    }
  }
}

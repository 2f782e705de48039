import { describe, expect, it, vi } from 'vitest';
import { TileCache } from '../../../src/canvas/tileCache';
import type { TileKey } from '../../../src/model/tilePyramid';

class FakeTile {
  closed = false;
  constructor(
    readonly name: string,
    readonly width = 10,
    readonly height = 10,
  ) {}
  close() {
    this.closed = true;
  }
}

const key = (col: number): TileKey => ({ level: 0, col, row: 0 });
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('TileCache', () => {
  it('loads a tile asked for once, draws again when it arrives, and then holds it', async () => {
    const load = vi.fn(async (k: TileKey) => new FakeTile(`t${k.col}`));
    const onLoaded = vi.fn();
    const cache = new TileCache(load);
    cache.subscribe(onLoaded);
    expect(cache.get(key(1))).toBeUndefined();
    expect(cache.get(key(1))).toBeUndefined();
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(onLoaded).toHaveBeenCalledTimes(1);
    expect(cache.get(key(1))?.name).toBe('t1');
    expect(cache.heldBytes).toBe(400);
  });

  it('keeps within its budget by letting the least recently drawn tiles go, closing them', async () => {
    const tiles: FakeTile[] = [];
    const cache = new TileCache(async (k: TileKey) => tiles[tiles.push(new FakeTile(`t${k.col}`)) - 1]!, 3 * 400);
    for (const col of [0, 1, 2]) cache.get(key(col));
    await settle();
    cache.get(key(0)); // drawn again: now the most recent
    cache.get(key(3));
    await settle();
    expect(cache.heldBytes).toBe(1200);
    expect(tiles.filter((t) => t.closed).map((t) => t.name)).toEqual(['t1']);
    expect(cache.get(key(0))?.name).toBe('t0');
    expect(cache.get(key(1))).toBeUndefined();
  });

  it('does not ask again for a tile that is not stored, and closes what arrives after it is closed', async () => {
    const late = new FakeTile('late');
    let arrive: (t: FakeTile) => void = () => {};
    const load = vi.fn((k: TileKey) => (k.col === 9 ? Promise.resolve(null) : new Promise<FakeTile>((r) => (arrive = r))));
    const cache = new TileCache(load);
    cache.get(key(9));
    await settle();
    cache.get(key(9));
    expect(load).toHaveBeenCalledTimes(1);
    cache.get(key(2));
    cache.close();
    arrive(late);
    await settle();
    expect(late.closed).toBe(true);
    expect(cache.heldBytes).toBe(0);
  });
});

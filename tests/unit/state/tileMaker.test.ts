import { describe, expect, it } from 'vitest';
import { dropOrphanedBytes } from '../../../src/db/images';
import { hasTiles, tileBytes } from '../../../src/db/tiles';
import { allTiles } from '../../../src/model/tilePyramid';
import { TileMaker, type TileCutter } from '../../../src/state/tileMaker';
import { freshDatabase } from '../db/helpers';

const LARGE = { sha256: 'a'.repeat(64), width: 3000, height: 2000 };

/** A cutter that names each tile in its bytes, counting its calls and how many run at once. */
function fakeCutter(fail = false) {
  const stats = { calls: 0, running: 0, mostAtOnce: 0 };
  const cut: TileCutter = async ({ image }, onTile) => {
    stats.calls += 1;
    stats.mostAtOnce = Math.max(stats.mostAtOnce, (stats.running += 1));
    await new Promise((r) => setTimeout(r, 5));
    stats.running -= 1;
    if (fail) throw new Error('the original could not be decoded');
    const tiles = allTiles(image);
    for (const t of tiles) onTile({ level: t.level, col: t.col, row: t.row, bytes: new Blob([`${t.level}/${t.col}/${t.row}`]) });
    return tiles.length;
  };
  return { cut, stats };
}

async function storedImage(db: ReturnType<typeof freshDatabase>, image: typeof LARGE) {
  await db.blobs.put({ sha256: image.sha256, bytes: new Blob(['original']) });
  await db.images.put({ id: `img-${image.sha256[0]}`, caseId: 'c', sha256: image.sha256, width: image.width, height: image.height } as never);
}

describe('TileMaker', () => {
  it('makes no pyramid for an image drawn whole', async () => {
    const { cut, stats } = fakeCutter();
    const maker = new TileMaker(freshDatabase(), cut);
    expect(await maker.ensure({ sha256: 'b'.repeat(64), width: 2048, height: 1000 })).toEqual({ kind: 'none' });
    expect(stats.calls).toBe(0);
  });

  it('stores every tile, marks the pyramid whole, and does not make it twice', async () => {
    const db = freshDatabase();
    await storedImage(db, LARGE);
    const { cut, stats } = fakeCutter();
    const maker = new TileMaker(db, cut);
    const seen: string[] = [];
    maker.subscribe(() => {
      const s = maker.stateOf(LARGE.sha256);
      seen.push(s?.kind === 'making' ? `${s.done}/${s.total}` : s!.kind);
    });
    expect(await maker.ensure(LARGE)).toEqual({ kind: 'ready' });
    expect(seen).toEqual(['0/6', '1/6', '2/6', '3/6', '4/6', '5/6', '6/6', 'ready']);
    expect(await db.tiles.count()).toBe(6);
    expect(await (await tileBytes(db, LARGE.sha256, { level: 0, col: 2, row: 1 }))!.text()).toBe('0/2/1');
    expect(await hasTiles(db, LARGE.sha256)).toBe(true);

    expect(await new TileMaker(db, cut).ensure(LARGE)).toEqual({ kind: 'ready' });
    expect(stats.calls).toBe(1);
  });

  it('makes one pyramid at a time, and answers a second request for one being made when it is done', async () => {
    const db = freshDatabase();
    const other = { ...LARGE, sha256: 'c'.repeat(64) };
    await storedImage(db, LARGE);
    await storedImage(db, other);
    const { cut, stats } = fakeCutter();
    const maker = new TileMaker(db, cut);
    const outcomes = await Promise.all([maker.ensure(LARGE), maker.ensure(other), maker.ensure(LARGE)]);
    expect(outcomes.map((o) => o.kind)).toEqual(['ready', 'ready', 'ready']);
    expect(stats).toMatchObject({ calls: 2, mostAtOnce: 1 });
  });

  it('reports a failure, marks nothing whole, and tries again when asked again', async () => {
    const db = freshDatabase();
    await storedImage(db, LARGE);
    const maker = new TileMaker(db, fakeCutter(true).cut);
    expect(await maker.ensure(LARGE)).toEqual({ kind: 'failed', message: 'the original could not be decoded' });
    expect(await hasTiles(db, LARGE.sha256)).toBe(false);
    expect(await new TileMaker(db, fakeCutter().cut).ensure(LARGE)).toEqual({ kind: 'ready' });
  });

  it('lets the tiles go with the bytes they were cut from', async () => {
    const db = freshDatabase();
    await storedImage(db, LARGE);
    await new TileMaker(db, fakeCutter().cut).ensure(LARGE);
    await db.images.clear();
    await dropOrphanedBytes(db);
    expect(await db.tiles.count()).toBe(0);
    expect(await hasTiles(db, LARGE.sha256)).toBe(false);
  });
});

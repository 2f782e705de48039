// The marker outside IndexedDB notices a database emptied or replaced behind the app's back.
import { describe, expect, it } from 'vitest';
import { parseMarker } from '../../../src/model/databaseMarker';
import type { MarkerStore } from '../../../src/platform/platform';
import { checkDatabase, rememberDatabase } from '../../../src/state/databaseGuard';
import { caseWithImage, freshDatabase } from '../db/helpers';

function memoryMarker(): MarkerStore & { text: string | null } {
  const store = { text: null as string | null, read: async () => store.text, write: async (t: string) => void (store.text = t) };
  return store;
}

describe('the database guard', () => {
  it('names the database in the marker with what it holds, and then finds it the same', async () => {
    const { ctx } = await caseWithImage();
    const marker = memoryMarker();
    expect(await checkDatabase(ctx.db, marker)).toEqual({ kind: 'new' });
    await rememberDatabase(ctx.db, marker);
    expect(parseMarker(marker.text)).toMatchObject({ cases: 1, images: 1 });
    expect(await checkDatabase(ctx.db, marker)).toEqual({ kind: 'same' });
    // The id is kept: writing the marker again names the same database.
    const id = parseMarker(marker.text)!.databaseId;
    await rememberDatabase(ctx.db, marker);
    expect(parseMarker(marker.text)!.databaseId).toBe(id);
  });

  it('finds an emptied database and a different one lost', async () => {
    const { ctx } = await caseWithImage();
    const marker = memoryMarker();
    await rememberDatabase(ctx.db, marker);
    const remembered = parseMarker(marker.text)!;

    await ctx.db.delete();
    const emptied = freshDatabase();
    expect(await checkDatabase(emptied, marker)).toEqual({ kind: 'lost', marker: remembered });

    const other = freshDatabase();
    await rememberDatabase(other, memoryMarker());
    expect(await checkDatabase(other, marker)).toEqual({ kind: 'lost', marker: remembered });
  });
});

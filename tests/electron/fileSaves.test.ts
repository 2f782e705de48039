import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SAVE_CHUNK_BYTES, type Result } from '../../src/platform/contract';
import { FileSaves } from '../../electron/fileSaves';

const SENDER = 7;
let dir: string;
let saves: FileSaves;

const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(result.error);
  return result.value;
};
const partials = () => readdirSync(dir).filter((name) => name.endsWith('.partial'));

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'evidence-saves-'));
  saves = new FileSaves(100);
});
afterEach(async () => {
  await saves.abortAll();
  rmSync(dir, { recursive: true, force: true });
});

describe('FileSaves', () => {
  it('begin, chunks and finish produce exactly those bytes at the destination, with no partial left', async () => {
    const destination = path.join(dir, 'case.zip');
    const token = value(await saves.begin(destination, SENDER));
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    expect(partials()).toHaveLength(1);
    expect(partials()[0]).toMatch(/^case\.zip\.[0-9a-f]+\.partial$/);
    expect(existsSync(destination)).toBe(false);

    // Not awaited one by one: the registry must keep them in order.
    const writes = [saves.chunk(token, SENDER, new Uint8Array([1, 2, 3])), saves.chunk(token, SENDER, new Uint8Array([4, 5]))];
    const finished = saves.finish(token, SENDER);
    expect((await Promise.all(writes)).every((r) => r.ok)).toBe(true);
    expect(await finished).toEqual({ ok: true, value: null });

    expect([...readFileSync(destination)]).toEqual([1, 2, 3, 4, 5]);
    expect(readdirSync(dir)).toEqual(['case.zip']);
    expect(saves.size).toBe(0);
    // The token is spent.
    expect((await saves.chunk(token, SENDER, new Uint8Array([6]))).ok).toBe(false);
  });

  it('abort leaves neither the destination nor a partial file', async () => {
    const destination = path.join(dir, 'case.zip');
    const token = value(await saves.begin(destination, SENDER));
    value(await saves.chunk(token, SENDER, new Uint8Array([1])));
    expect(await saves.abort(token, SENDER)).toEqual({ ok: true, value: null });
    expect(readdirSync(dir)).toEqual([]);
    expect((await saves.finish(token, SENDER)).ok).toBe(false);
  });

  it('refuses unknown tokens', async () => {
    for (const result of [
      await saves.chunk('nope', SENDER, new Uint8Array([1])),
      await saves.finish('nope', SENDER),
      await saves.abort('nope', SENDER),
    ]) {
      expect(result).toEqual({ ok: false, error: 'refused: unknown save token' });
    }
  });

  it('refuses a token used by another sender, and the save stays usable by its own', async () => {
    const destination = path.join(dir, 'case.zip');
    const token = value(await saves.begin(destination, SENDER));
    expect((await saves.chunk(token, SENDER + 1, new Uint8Array([9]))).ok).toBe(false);
    expect((await saves.finish(token, SENDER + 1)).ok).toBe(false);
    expect((await saves.abort(token, SENDER + 1)).ok).toBe(false);
    value(await saves.chunk(token, SENDER, new Uint8Array([1])));
    value(await saves.finish(token, SENDER));
    expect([...readFileSync(destination)]).toEqual([1]);
  });

  it('refuses an oversized chunk and a save past the total cap (dropping that save)', async () => {
    const big = new FileSaves();
    const token = value(await big.begin(path.join(dir, 'big.zip'), SENDER));
    expect(await big.chunk(token, SENDER, new Uint8Array(MAX_SAVE_CHUNK_BYTES + 1))).toEqual({
      ok: false,
      error: 'refused: the chunk is too large',
    });
    await big.abortAll();

    const capped = value(await saves.begin(path.join(dir, 'capped.zip'), SENDER));
    value(await saves.chunk(capped, SENDER, new Uint8Array(60)));
    expect(await saves.chunk(capped, SENDER, new Uint8Array(41))).toEqual({ ok: false, error: 'refused: the file is too large' });
    expect((await saves.finish(capped, SENDER)).ok).toBe(false);
    await saves.abortAll();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a relative destination and reports a folder it cannot create the file in', async () => {
    expect((await saves.begin('case.zip', SENDER)).ok).toBe(false);
    const result = await saves.begin(path.join(dir, 'missing', 'case.zip'), SENDER);
    expect(result).toEqual({ ok: false, error: 'could not create the file (ENOENT)' });
    expect(saves.size).toBe(0);
  });

  it('abortAll deletes every partial file (synchronously) and forgets every token', async () => {
    const a = value(await saves.begin(path.join(dir, 'a.zip'), SENDER));
    const b = value(await saves.begin(path.join(dir, 'b.zip'), SENDER + 1));
    value(await saves.chunk(a, SENDER, new Uint8Array([1, 2])));
    expect(partials()).toHaveLength(2);
    const closing = saves.abortAll();
    expect(partials()).toHaveLength(0);
    await closing;
    expect(readdirSync(dir)).toEqual([]);
    expect(saves.size).toBe(0);
    expect((await saves.finish(a, SENDER)).ok).toBe(false);
    expect((await saves.chunk(b, SENDER + 1, new Uint8Array([1]))).ok).toBe(false);
  });
});

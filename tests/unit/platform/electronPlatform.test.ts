import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_SAVE_CHUNK_BYTES, type EvidenceBridge, type MenuCommand } from '../../../src/platform/contract';
import { electronPlatform } from '../../../src/platform/electronPlatform';

afterEach(() => vi.unstubAllGlobals());

const refuse = async () => ({ ok: false as const, error: 'not used here' });
function bridge(patch: Partial<EvidenceBridge>): EvidenceBridge {
  return { pickImages: async () => ({ ok: true, value: [] }), onMenuCommand: () => () => {}, saveBegin: refuse, saveChunk: refuse, saveFinish: refuse, saveAbort: refuse, readMarker: refuse, writeMarker: refuse, ...patch };
}

describe('the Electron platform', () => {
  it('reads picked files from their app:// URL only when asked, after the size is known', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(new Uint8Array([1, 2, 3]));
    });
    const picking = bridge({ pickImages: async () => ({ ok: true, value: [{ name: 'port.png', size: 3, url: 'app://evidence/@picked/token-1' }] }) });
    const [file] = await electronPlatform(picking).pickImages();
    expect(file).toMatchObject({ name: 'port.png', size: 3 });
    expect(fetched).toEqual([]);
    expect(new Uint8Array(await (await file!.read()).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect(fetched).toEqual(['app://evidence/@picked/token-1']);
  });

  it('turns a refused dialog and an unreadable file into errors that name them', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 404 }));
    const refused = bridge({ pickImages: async () => ({ ok: false, error: 'busan.png could not be read (EACCES)' }) });
    await expect(electronPlatform(refused).pickImages()).rejects.toThrow('busan.png could not be read (EACCES)');
    const gone = bridge({ pickImages: async () => ({ ok: true, value: [{ name: 'a.png', size: 1, url: 'app://evidence/@picked/x' }] }) });
    const [file] = await electronPlatform(gone).pickImages();
    await expect(file!.read()).rejects.toThrow('could not read a.png (404)');
  });

  it('passes menu commands through', () => {
    const seen: MenuCommand[] = [];
    let listener: ((c: MenuCommand) => void) | undefined;
    const menu = bridge({ onMenuCommand: (l) => ((listener = l), () => (listener = undefined)) });
    const off = electronPlatform(menu).onMenuCommand((c) => seen.push(c));
    listener!('zoom-fit');
    off();
    expect(seen).toEqual(['zoom-fit']);
    expect(listener).toBeUndefined();
  });
});

describe('saving through Electron', () => {
  it('sends bounded chunks to main and finishes, or aborts and leaves nothing', async () => {
    const calls: string[] = [];
    const saving = bridge({
      saveBegin: async (name) => (calls.push(`begin ${name}`), { ok: true, value: { token: 't1', fileName: 'chosen.zip' } }),
      saveChunk: async (token, bytes) => (calls.push(`chunk ${token} ${bytes.length}`), { ok: true, value: null }),
      saveFinish: async (token) => (calls.push(`finish ${token}`), { ok: true, value: null }),
      saveAbort: async (token) => (calls.push(`abort ${token}`), { ok: true, value: null }),
    });
    const sink = await electronPlatform(saving).saveFile('case.evidence.zip', 'application/zip');
    expect(sink!.name).toBe('chosen.zip');
    await sink!.write(new Uint8Array(MAX_SAVE_CHUNK_BYTES + 5));
    await sink!.close();
    expect(calls).toEqual(['begin case.evidence.zip', `chunk t1 ${MAX_SAVE_CHUNK_BYTES}`, 'chunk t1 5', 'finish t1']);
    const again = await electronPlatform(saving).saveFile('x.zip', 'application/zip');
    await again!.abort();
    expect(calls.at(-1)).toBe('abort t1');
  });

  it('gives null when the user cancels the dialog, and an error naming a failed write', async () => {
    expect(await electronPlatform(bridge({ saveBegin: async () => ({ ok: true, value: null }) })).saveFile('x.zip', 'application/zip')).toBeNull();
    const failing = bridge({ saveBegin: async () => ({ ok: true, value: { token: 't', fileName: 'x.zip' } }), saveChunk: async () => ({ ok: false, error: 'could not write the bundle (ENOSPC)' }) });
    const sink = await electronPlatform(failing).saveFile('x.zip', 'application/zip');
    await expect(sink!.write(new Uint8Array(3))).rejects.toThrow('The file could not be written: could not write the bundle (ENOSPC).');
  });
});

describe('the database marker in Electron', () => {
  it('is read and written through main, and a refusal is an error that names it', async () => {
    let kept: string | null = null;
    const host = electronPlatform(bridge({ readMarker: async () => ({ ok: true, value: kept }), writeMarker: async (text) => ((kept = text), { ok: true, value: null }) }));
    expect(await host.marker.read()).toBeNull();
    await host.marker.write('{"databaseId":"d1"}');
    expect(await host.marker.read()).toBe('{"databaseId":"d1"}');
    const refused = electronPlatform(bridge({ writeMarker: async () => ({ ok: false, error: 'the marker could not be written (EROFS)' }) }));
    await expect(refused.marker.write('{}')).rejects.toThrow('the marker could not be written (EROFS)');
    await expect(refused.marker.read()).rejects.toThrow('not used here');
  });
});

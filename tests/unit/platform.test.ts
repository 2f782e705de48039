import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EvidenceBridge, MenuCommand } from '../../src/platform/contract';
import { electronPlatform } from '../../src/platform/electronPlatform';

afterEach(() => vi.unstubAllGlobals());

describe('the Electron platform', () => {
  it('reads picked files from their app:// URL only when asked, after the size is known', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(new Uint8Array([1, 2, 3]));
    });
    const bridge: EvidenceBridge = {
      pickImages: async () => ({ ok: true, value: [{ name: 'port.png', size: 3, url: 'app://evidence/@picked/token-1' }] }),
      onMenuCommand: () => () => {},
    };
    const [file] = await electronPlatform(bridge).pickImages();
    expect(file).toMatchObject({ name: 'port.png', size: 3 });
    expect(fetched).toEqual([]);
    expect(new Uint8Array(await (await file!.read()).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect(fetched).toEqual(['app://evidence/@picked/token-1']);
  });

  it('turns a refused dialog and an unreadable file into errors that name them', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 404 }));
    const refused: EvidenceBridge = { pickImages: async () => ({ ok: false, error: 'busan.png could not be read (EACCES)' }), onMenuCommand: () => () => {} };
    await expect(electronPlatform(refused).pickImages()).rejects.toThrow('busan.png could not be read (EACCES)');
    const gone: EvidenceBridge = { pickImages: async () => ({ ok: true, value: [{ name: 'a.png', size: 1, url: 'app://evidence/@picked/x' }] }), onMenuCommand: () => () => {} };
    const [file] = await electronPlatform(gone).pickImages();
    await expect(file!.read()).rejects.toThrow('could not read a.png (404)');
  });

  it('passes menu commands through', () => {
    const seen: MenuCommand[] = [];
    let listener: ((c: MenuCommand) => void) | undefined;
    const bridge: EvidenceBridge = { pickImages: async () => ({ ok: true, value: [] }), onMenuCommand: (l) => ((listener = l), () => (listener = undefined)) };
    const off = electronPlatform(bridge).onMenuCommand((c) => seen.push(c));
    listener!('zoom-fit');
    off();
    expect(seen).toEqual(['zoom-fit']);
    expect(listener).toBeUndefined();
  });
});

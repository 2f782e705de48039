import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ protocol: { handle: vi.fn() } }));

import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../electron/csp';
import { PickedFiles, createAppHandler, registerAppProtocol } from '../../electron/protocol';

// The handler end to end, with real files in a temporary folder and real Request/Response objects.
describe('app:// handler', () => {
  let dir: string;
  let web: string;
  let outside: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'evidence-protocol-'));
    web = path.join(dir, 'web');
    mkdirSync(path.join(web, 'assets'), { recursive: true });
    writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(path.join(web, 'assets', 'main.js'), 'console.log(1)');
    outside = path.join(dir, 'photo.png');
    writeFileSync(outside, Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const get = (handler: (r: Request) => Promise<Response>, url: string, method = 'GET') => handler(new Request(url, { method }));

  it('serves built files with the CSP, nosniff and their content type', async () => {
    const handler = createAppHandler(web, new PickedFiles());
    const res = await get(handler, 'app://evidence/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('<!doctype html><title>app</title>');
    const js = await get(handler, 'app://evidence/assets/main.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
  });

  it('answers 404 for missing files and folders, 403 for refused paths, 405 for other methods', async () => {
    const handler = createAppHandler(web, new PickedFiles());
    expect((await get(handler, 'app://evidence/nope.js')).status).toBe(404);
    expect((await get(handler, 'app://evidence/assets')).status).toBe(404);
    const refused = await get(handler, 'app://evidence/..%2fphoto.png');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await get(handler, 'app://other/index.html')).status).toBe(403);
    expect((await get(handler, 'app://evidence/index.html', 'POST')).status).toBe(405);
  });

  it('serves a picked file by its registered token once, as opaque bytes', async () => {
    const picked = new PickedFiles();
    const handler = createAppHandler(web, picked);
    const token = picked.register(outside);
    const res = await get(handler, `app://evidence/@picked/${token}`);
    expect(res.status).toBe(200);
    // Opaque bytes with nosniff: Chromium will not run a picked file as script, though it shares
    // the app's origin (the CSP's script-src 'self').
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-length')).toBe('7');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    expect((await get(handler, `app://evidence/@picked/${token}`)).status).toBe(404);
  });

  it('refuses unknown tokens and never serves a path given in the URL', async () => {
    const handler = createAppHandler(web, new PickedFiles());
    expect((await get(handler, 'app://evidence/@picked/3b241101-e2bb-4255-8caf-4136c566a962')).status).toBe(404);
    expect((await get(handler, `app://evidence/@picked/${encodeURIComponent(outside)}`)).status).toBe(403);
  });

  it('registers the handler for the app scheme', () => {
    registerAppProtocol(web);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});

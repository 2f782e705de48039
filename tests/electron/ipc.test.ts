import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const mocks = vi.hoisted(() => ({
  handle: vi.fn(),
  showOpenDialog: vi.fn(),
  showSaveDialog: vi.fn(),
}));
vi.mock('electron', () => ({
  ipcMain: { handle: mocks.handle },
  dialog: { showOpenDialog: mocks.showOpenDialog, showSaveDialog: mocks.showSaveDialog },
  protocol: { handle: vi.fn() },
}));

import type { BrowserWindow, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC, MAX_MARKER_BYTES, MAX_SAVE_CHUNK_BYTES, type PickedFile, type Result } from '../../src/platform/contract';
import { MARKER_FILE } from '../../electron/databaseMarker';
import { fileSaves } from '../../electron/fileSaves';
import { isTrustedSender, registerIpc } from '../../electron/ipc';
import { pickedFiles } from '../../electron/protocol';

const ours = { id: 1 } as unknown as WebContents;
const mainFrame = (url: string, parent: unknown = null) => ({ url, parent });
const event = (frame: unknown, sender: WebContents = ours) =>
  ({ sender, senderFrame: frame }) as unknown as IpcMainInvokeEvent;

type Handler = (e: IpcMainInvokeEvent, ...args: unknown[]) => Promise<Result<unknown>>;
const win = { isDestroyed: () => false, webContents: ours } as unknown as BrowserWindow;
const handlers = new Map<string, Handler>();
/** The user-data folder main hands to registerIpc, where the database marker lives. */
const markerFolder = mkdtempSync(path.join(tmpdir(), 'evidence-user-data-'));
afterAll(() => rmSync(markerFolder, { recursive: true, force: true }));
beforeAll(() => {
  registerIpc(() => win, markerFolder);
  for (const [channel, fn] of mocks.handle.mock.calls as [string, Handler][]) handlers.set(channel, fn);
  // One handler per invoke channel, nothing else.
  expect([...handlers.keys()].sort()).toEqual(
    [IPC.pickImages, IPC.saveAbort, IPC.saveBegin, IPC.saveChunk, IPC.saveFinish, IPC.markerRead, IPC.markerWrite].sort(),
  );
  expect(mocks.handle).toHaveBeenCalledTimes(7);
});

describe('isTrustedSender', () => {
  it('accepts the main frame of our window on app://evidence', () => {
    expect(isTrustedSender(event(mainFrame('app://evidence/index.html')), ours)).toBe(true);
    expect(isTrustedSender(event(mainFrame('app://evidence/index.html#/case/1')), ours)).toBe(true);
  });

  it.each([
    ['a subframe', event(mainFrame('app://evidence/index.html', mainFrame('app://evidence/index.html')))],
    ['another origin', event(mainFrame('https://evil.example/'))],
    ['a file:// page', event(mainFrame('file:///home/me/evil.html'))],
    ['another app host', event(mainFrame('app://evil/index.html'))],
    ['a look-alike host', event(mainFrame('app://evidence.evil/index.html'))],
    ['userinfo in the URL', event(mainFrame('app://x@evidence/index.html'))],
    ['an unparsable URL', event(mainFrame('not a url'))],
    ['a missing senderFrame (navigated away or destroyed)', event(null)],
    ['another web contents', event(mainFrame('app://evidence/index.html'), { id: 2 } as unknown as WebContents)],
  ])('refuses %s', (_name, e) => {
    expect(isTrustedSender(e, ours)).toBe(false);
  });

  it('refuses everything when we have no window', () => {
    expect(isTrustedSender(event(mainFrame('app://evidence/index.html')), null)).toBe(false);
  });
});

describe('the pickImages handler', () => {
  let dir: string;
  let handler: (e: IpcMainInvokeEvent, ...args: unknown[]) => Promise<Result<PickedFile[]>>;
  const trusted = event(mainFrame('app://evidence/index.html'));

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'evidence-ipc-'));
    writeFileSync(path.join(dir, 'busan.png'), Buffer.alloc(1234));
    writeFileSync(path.join(dir, 'pier.jpg'), Buffer.alloc(56));
    handler = handlers.get(IPC.pickImages) as typeof handler;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Braces matter: a function returned from beforeEach is run as a teardown.
  beforeEach(() => {
    mocks.showOpenDialog.mockReset();
  });

  it('refuses an untrusted sender without opening the dialog', async () => {
    const result = await handler(event(mainFrame('https://evil.example/')));
    expect(result.ok).toBe(false);
    expect(mocks.showOpenDialog).not.toHaveBeenCalled();
  });

  it('refuses extra arguments without opening the dialog', async () => {
    const result = await handler(trusted, '/etc/passwd');
    expect(result).toEqual({ ok: false, error: 'refused: pickImages takes no arguments' });
    expect(mocks.showOpenDialog).not.toHaveBeenCalled();
  });

  it('opens the image dialog on our window and returns token URLs that serve exactly those files', async () => {
    const files = [path.join(dir, 'busan.png'), path.join(dir, 'pier.jpg')];
    mocks.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: files });
    const result = await handler(trusted);
    expect(mocks.showOpenDialog).toHaveBeenCalledWith(win, {
      title: 'Import images',
      properties: ['openFile', 'multiSelections'],
      filters: [{ name: 'Images', extensions: ['png', 'jpg', 'jpeg', 'webp'] }],
    });
    if (!result.ok) throw new Error(result.error);
    expect(result.value.map(({ name, size }) => ({ name, size }))).toEqual([
      { name: 'busan.png', size: 1234 },
      { name: 'pier.jpg', size: 56 },
    ]);
    result.value.forEach((picked, i) => {
      expect(picked.url).toMatch(/^app:\/\/evidence\/@picked\/[0-9a-f-]{36}$/);
      expect(picked.url).not.toContain(dir);
      expect(pickedFiles.take(picked.url.slice('app://evidence/@picked/'.length))).toBe(files[i]);
    });
  });

  it('returns an empty list when the user cancels', async () => {
    mocks.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await handler(trusted)).toEqual({ ok: true, value: [] });
  });

  it('names a file it cannot read and registers no tokens', async () => {
    const before = pickedFiles.size;
    mocks.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path.join(dir, 'busan.png'), path.join(dir, 'gone.png')] });
    const result = await handler(trusted);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^gone\.png could not be read/);
    expect(pickedFiles.size).toBe(before);
  });

  it('turns a dialog failure into an error result instead of a rejected invoke', async () => {
    mocks.showOpenDialog.mockRejectedValue(new Error('no display'));
    expect(await handler(trusted)).toEqual({ ok: false, error: 'no display' });
  });
});

describe('the save handlers', () => {
  let dir: string;
  const trusted = event(mainFrame('app://evidence/index.html'));
  const untrusted = event(mainFrame('https://evil.example/'));
  const call = (channel: string, e: IpcMainInvokeEvent, ...args: unknown[]) => handlers.get(channel)!(e, ...args);

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'evidence-ipc-save-'));
  });
  afterAll(async () => {
    await fileSaves.abortAll();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    mocks.showSaveDialog.mockReset();
  });

  it.each([
    [IPC.saveBegin, ['case.zip']],
    [IPC.saveChunk, ['token', new Uint8Array([1])]],
    [IPC.saveFinish, ['token']],
    [IPC.saveAbort, ['token']],
  ])('%s refuses an untrusted sender', async (channel, args) => {
    const result = await call(channel, untrusted, ...args);
    expect(result).toEqual({ ok: false, error: "refused: the request did not come from the app's own window" });
    expect(mocks.showSaveDialog).not.toHaveBeenCalled();
  });

  it.each([
    ['a path-like name', ['../x.zip']],
    ['a Windows path', ['C:\\x.zip']],
    ['a NUL byte', ['x\0.zip']],
    ['an empty name', ['']],
    ['too long a name', ['x'.repeat(256)]],
    ['a non-string', [42]],
    ['no arguments', []],
    ['extra arguments', ['x.zip', '/etc']],
  ])('saveBegin refuses %s without opening the dialog', async (_name, args) => {
    const result = await call(IPC.saveBegin, trusted, ...args);
    expect(result.ok).toBe(false);
    expect(mocks.showSaveDialog).not.toHaveBeenCalled();
  });

  it('saveBegin gives value null when the user cancels', async () => {
    mocks.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await call(IPC.saveBegin, trusted, 'case.zip')).toEqual({ ok: true, value: null });
    expect(mocks.showSaveDialog).toHaveBeenCalledWith(win, {
      title: 'Export bundle',
      defaultPath: 'case.zip',
      filters: [{ name: 'Evidence bundle', extensions: ['zip'] }],
    });
  });

  it('turns a dialog failure into an error result', async () => {
    mocks.showSaveDialog.mockRejectedValue(new Error('no display'));
    expect(await call(IPC.saveBegin, trusted, 'case.zip')).toEqual({ ok: false, error: 'could not start the save (no display)' });
  });

  it('streams a save to the chosen file, refusing bad chunks along the way', async () => {
    const destination = path.join(dir, 'chosen.zip');
    mocks.showSaveDialog.mockResolvedValue({ canceled: false, filePath: destination });
    const begun = await call(IPC.saveBegin, trusted, 'case.zip');
    if (!begun.ok) throw new Error(begun.error);
    const { token, fileName } = begun.value as { token: string; fileName: string };
    expect(fileName).toBe('chosen.zip');

    expect((await call(IPC.saveChunk, trusted, token, 'AAAA')).ok).toBe(false);
    expect((await call(IPC.saveChunk, trusted, token, [1, 2])).ok).toBe(false);
    expect((await call(IPC.saveChunk, trusted, token, new Uint16Array([1]))).ok).toBe(false);
    expect(await call(IPC.saveChunk, trusted, token, new Uint8Array(MAX_SAVE_CHUNK_BYTES + 1))).toEqual({
      ok: false,
      error: 'refused: the chunk is too large',
    });
    expect((await call(IPC.saveChunk, trusted, 42, new Uint8Array([1]))).ok).toBe(false);
    expect((await call(IPC.saveFinish, trusted)).ok).toBe(false);

    expect(await call(IPC.saveChunk, trusted, token, new Uint8Array([7, 8, 9]))).toEqual({ ok: true, value: null });
    expect(await call(IPC.saveFinish, trusted, token)).toEqual({ ok: true, value: null });
    expect([...readFileSync(destination)]).toEqual([7, 8, 9]);
    expect(readdirSync(dir)).toEqual(['chosen.zip']);
  });

  it('saveAbort deletes the partial file; another web contents cannot use the token', async () => {
    mocks.showSaveDialog.mockResolvedValue({ canceled: false, filePath: path.join(dir, 'aborted.zip') });
    const begun = await call(IPC.saveBegin, trusted, 'case.zip');
    if (!begun.ok) throw new Error(begun.error);
    const { token } = begun.value as { token: string };
    const other = { id: 2 } as unknown as WebContents;
    const otherWin = { isDestroyed: () => false, webContents: other } as unknown as BrowserWindow;
    // A second registration, as if a second window were ours: its sender id differs.
    mocks.handle.mockClear();
    registerIpc(() => otherWin, markerFolder);
    const otherAbort = (mocks.handle.mock.calls as [string, Handler][]).find(([c]) => c === IPC.saveAbort)![1];
    expect(await otherAbort(event(mainFrame('app://evidence/index.html'), other), token)).toEqual({
      ok: false,
      error: 'refused: unknown save token',
    });
    expect(await call(IPC.saveAbort, trusted, token)).toEqual({ ok: true, value: null });
    expect(readdirSync(dir).filter((n) => n.startsWith('aborted'))).toEqual([]);
  });
});

describe('the database marker handlers', () => {
  const trusted = event(mainFrame('app://evidence/index.html'));
  const untrusted = event(mainFrame('https://evil.example/'));
  const call = (channel: string, e: IpcMainInvokeEvent, ...args: unknown[]) => handlers.get(channel)!(e, ...args);
  const marker = JSON.stringify({ databaseId: 'd1', cases: 2, images: 5, seenAt: '2026-11-28T10:00:00.000Z' });

  it('reads nothing at first, then what was written, from a file in the user-data folder', async () => {
    expect(await call(IPC.markerRead, trusted)).toEqual({ ok: true, value: null });
    expect(await call(IPC.markerWrite, trusted, marker)).toEqual({ ok: true, value: null });
    expect(readFileSync(path.join(markerFolder, MARKER_FILE), 'utf8')).toBe(marker);
    expect(await call(IPC.markerRead, trusted)).toEqual({ ok: true, value: marker });
    // Written beside and renamed into place: no partial file is left.
    expect(readdirSync(markerFolder)).toEqual([MARKER_FILE]);
  });

  it('refuses an untrusted sender, extra arguments, a value that is not text and text too long', async () => {
    const refusedSender = { ok: false, error: "refused: the request did not come from the app's own window" };
    expect(await call(IPC.markerRead, untrusted)).toEqual(refusedSender);
    expect(await call(IPC.markerWrite, untrusted, marker)).toEqual(refusedSender);
    expect(await call(IPC.markerRead, trusted, 'extra')).toEqual({ ok: false, error: 'refused: readMarker takes no arguments' });
    const refusedText = { ok: false, error: `refused: writeMarker takes one text of at most ${MAX_MARKER_BYTES} bytes` };
    for (const args of [[], [42], [marker, 'extra'], ['x'.repeat(MAX_MARKER_BYTES + 1)]]) expect(await call(IPC.markerWrite, trusted, ...args)).toEqual(refusedText);
    expect(readFileSync(path.join(markerFolder, MARKER_FILE), 'utf8')).toBe(marker);
  });
});

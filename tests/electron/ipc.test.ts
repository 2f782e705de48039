import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const mocks = vi.hoisted(() => ({
  handle: vi.fn(),
  showOpenDialog: vi.fn(),
}));
vi.mock('electron', () => ({
  ipcMain: { handle: mocks.handle },
  dialog: { showOpenDialog: mocks.showOpenDialog },
  protocol: { handle: vi.fn() },
}));

import type { BrowserWindow, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC, type PickedFile, type Result } from '../../src/platform/contract';
import { isTrustedSender, registerIpc } from '../../electron/ipc';
import { pickedFiles } from '../../electron/protocol';

const ours = { id: 1 } as unknown as WebContents;
const mainFrame = (url: string, parent: unknown = null) => ({ url, parent });
const event = (frame: unknown, sender: WebContents = ours) =>
  ({ sender, senderFrame: frame }) as unknown as IpcMainInvokeEvent;

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
  const win = { isDestroyed: () => false, webContents: ours } as unknown as BrowserWindow;
  const trusted = event(mainFrame('app://evidence/index.html'));

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'evidence-ipc-'));
    writeFileSync(path.join(dir, 'busan.png'), Buffer.alloc(1234));
    writeFileSync(path.join(dir, 'pier.jpg'), Buffer.alloc(56));
    registerIpc(() => win);
    expect(mocks.handle).toHaveBeenCalledTimes(1);
    expect(mocks.handle.mock.calls[0]![0]).toBe(IPC.pickImages);
    handler = mocks.handle.mock.calls[0]![1];
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

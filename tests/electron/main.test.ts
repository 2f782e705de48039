import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Fn = (...args: unknown[]) => unknown;

const m = vi.hoisted(() => {
  const calls: string[] = [];
  const state = { lock: true, ready: undefined as undefined | (() => void), windows: [] as unknown[], userData: '/no-user-data' };
  const appListeners = new Map<string, Fn>();
  const record = (name: string, impl: Fn = () => undefined) =>
    vi.fn((...args: unknown[]) => {
      calls.push(name);
      return impl(...args);
    });
  class BrowserWindow {
    webContents = { send: vi.fn(), on: vi.fn() };
    on = vi.fn();
    once = vi.fn();
    loadURL = vi.fn(() => Promise.resolve());
    isDestroyed = () => false;
    isMinimized = () => false;
    focus = vi.fn();
    restore = vi.fn();
    constructor(public options: unknown) {
      calls.push('new BrowserWindow');
      state.windows.push(this);
    }
  }
  const session = {
    setPermissionRequestHandler: record('setPermissionRequestHandler'),
    setPermissionCheckHandler: record('setPermissionCheckHandler'),
    webRequest: { onBeforeRequest: record('onBeforeRequest') },
  };
  const electron = {
    app: {
      isPackaged: false,
      enableSandbox: record('enableSandbox'),
      requestSingleInstanceLock: record('requestSingleInstanceLock', () => state.lock),
      quit: record('quit'),
      exit: record('exit'),
      isReady: () => state.ready === undefined,
      getVersion: () => '0.1.0',
      getPath: (name: string) => (name === 'userData' ? state.userData : `/no-${name}`),
      setAboutPanelOptions: record('setAboutPanelOptions'),
      on: vi.fn((name: string, fn: Fn) => appListeners.set(name, fn)),
      whenReady: record('whenReady', () => new Promise<void>((resolve) => (state.ready = resolve))),
    },
    protocol: {
      registerSchemesAsPrivileged: record('registerSchemesAsPrivileged'),
      handle: record('protocol.handle'),
    },
    session: { defaultSession: session },
    ipcMain: { handle: record('ipcMain.handle') },
    dialog: { showOpenDialog: vi.fn(), showErrorBox: vi.fn(), showMessageBoxSync: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((t: unknown) => ({ template: t })), setApplicationMenu: record('setApplicationMenu') },
    BrowserWindow,
  };
  return { calls, state, appListeners, electron };
});
vi.mock('electron', () => m.electron);

async function startApp() {
  vi.resetModules();
  await import('../../electron/main');
}
const fireReady = async () => {
  m.state.ready?.();
  m.state.ready = undefined;
  await new Promise((r) => setTimeout(r, 0));
};

beforeEach(() => {
  m.calls.length = 0;
  m.state.lock = true;
  m.state.ready = undefined;
  m.state.windows.length = 0;
  m.appListeners.clear();
  vi.clearAllMocks();
});

describe('main process lifecycle', () => {
  it('registers app:// as a privileged scheme before ready, then wires everything on ready', async () => {
    await startApp();
    expect(m.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(m.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(m.calls.indexOf('whenReady'));
    expect(m.calls).not.toContain('new BrowserWindow');

    await fireReady();
    for (const step of ['setPermissionRequestHandler', 'setPermissionCheckHandler', 'protocol.handle', 'ipcMain.handle', 'setApplicationMenu']) {
      expect(m.calls, step).toContain(step);
      // Nothing the page could use may arrive after the page starts loading.
      expect(m.calls.indexOf(step), step).toBeLessThan(m.calls.indexOf('new BrowserWindow'));
    }
    expect(m.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const win = m.state.windows[0] as { options: { webPreferences: { preload: string; sandbox: boolean } }; loadURL: Fn };
    expect(win.options.webPreferences.preload).toMatch(/[\\/]preload\.cjs$/);
    expect(win.options.webPreferences.sandbox).toBe(true);
    expect(win.loadURL).toHaveBeenCalledWith('app://evidence/index.html');
  });

  it('sandboxes every renderer, however created, before the app is ready', async () => {
    await startApp();
    expect(m.electron.app.enableSandbox).toHaveBeenCalledTimes(1);
    // app.enableSandbox() only takes effect when called before 'ready'.
    expect(m.calls.indexOf('enableSandbox')).toBeLessThan(m.calls.indexOf('whenReady'));
  });

  it('hardens every web contents the app creates', async () => {
    await startApp();
    const handlers = new Map<string, Fn>();
    let openHandler: Fn | undefined;
    const contents = { on: (name: string, fn: Fn) => handlers.set(name, fn), setWindowOpenHandler: (fn: Fn) => (openHandler = fn) };
    m.appListeners.get('web-contents-created')!({}, contents);
    const navigation = { preventDefault: vi.fn() };
    handlers.get('will-navigate')!(navigation, 'https://evil.example/');
    expect(navigation.preventDefault).toHaveBeenCalled();
    expect(openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('quits when the last window closes, except on macOS', async () => {
    await startApp();
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    try {
      Object.defineProperty(process, 'platform', { value: 'linux' });
      m.appListeners.get('window-all-closed')!();
      expect(m.electron.app.quit).toHaveBeenCalledTimes(1);
      Object.defineProperty(process, 'platform', { value: 'darwin' });
      m.appListeners.get('window-all-closed')!();
      expect(m.electron.app.quit).toHaveBeenCalledTimes(1);
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });

  it('aborts open saves on quit and when the main window closes', async () => {
    await startApp();
    expect(m.appListeners.get('before-quit')).toBeTypeOf('function');
    await fireReady();
    const win = m.state.windows[0] as { on: { mock: { calls: [string, Fn][] } } };
    expect(win.on.mock.calls.some(([name]) => name === 'closed')).toBe(true);
  });

  it('asks before the window closes while the page holds it open (an import or export runs)', async () => {
    await startApp();
    await fireReady();
    const win = m.state.windows[0] as { webContents: { on: { mock: { calls: [string, Fn][] } } } };
    const [, onPreventUnload] = win.webContents.on.mock.calls.find(([name]) => name === 'will-prevent-unload')!;
    const keep = { preventDefault: vi.fn() };
    m.electron.dialog.showMessageBoxSync.mockReturnValueOnce(0);
    onPreventUnload(keep);
    expect(keep.preventDefault).not.toHaveBeenCalled();
    const quit = { preventDefault: vi.fn() };
    m.electron.dialog.showMessageBoxSync.mockReturnValueOnce(1);
    onPreventUnload(quit);
    expect(quit.preventDefault).toHaveBeenCalledOnce();
    expect(m.electron.dialog.showMessageBoxSync).toHaveBeenLastCalledWith(win, expect.objectContaining({ buttons: ['Keep working', 'Quit anyway'], cancelId: 0 }));
  });

  it('keeps the database marker in the user-data folder', async () => {
    const userData = mkdtempSync(path.join(tmpdir(), 'evidence-main-'));
    m.state.userData = userData;
    try {
      await startApp();
      await fireReady();
      const win = m.state.windows[0] as { webContents: unknown };
      const [, write] = (m.electron.ipcMain.handle.mock.calls as [string, Fn][]).find(([channel]) => channel === 'marker:write')!;
      const fromOurPage = { sender: win.webContents, senderFrame: { url: 'app://evidence/index.html', parent: null } };
      expect(await write(fromOurPage, '{"databaseId":"d1"}')).toEqual({ ok: true, value: null });
      expect(readFileSync(path.join(userData, 'database-marker.json'), 'utf8')).toBe('{"databaseId":"d1"}');
    } finally {
      rmSync(userData, { recursive: true, force: true });
    }
  });

  it('a second instance quits at once and opens nothing', async () => {
    m.state.lock = false;
    await startApp();
    expect(m.electron.app.quit).toHaveBeenCalledTimes(1);
    expect(m.electron.app.whenReady).not.toHaveBeenCalled();
    expect(m.appListeners.size).toBe(0);
  });
});

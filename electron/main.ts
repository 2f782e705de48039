// App lifecycle only. The pieces live next door: window.ts (window + hardening), protocol.ts
// (app://), ipc.ts (handlers), menu.ts (template), csp.ts (policy).
import path from 'node:path';
import { app, dialog, Menu, protocol, session } from 'electron';
import type { BrowserWindow } from 'electron';
import { APP_SCHEME } from '../src/platform/contract';
import { abortAll } from './fileSaves';
import { registerIpc } from './ipc';
import { buildMenuTemplate, menuCommandSender } from './menu';
import { registerAppProtocol } from './protocol';
import { askBeforeUnload } from './unloadGuard';
import { createMainWindow, hardenSession, hardenWebContents } from './window';

// Must run before 'ready': Chromium fixes its scheme registry at startup. standard gives app://
// real origins (IndexedDB, relative URLs, module workers); secure makes it a secure context
// (crypto.subtle); supportFetchAPI lets the renderer fetch() picked files.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
// Belt and braces with webPreferences.sandbox: no renderer, however created, runs unsandboxed.
app.enableSandbox();

// Paths are relative to the bundled main at dist/electron/main.cjs.
const WEB_ROOT = path.join(__dirname, '..', 'web');
const PRELOAD = path.join(__dirname, 'preload.cjs');

let mainWindow: BrowserWindow | null = null;

function openWindow(): void {
  const win = createMainWindow(PRELOAD, !app.isPackaged);
  askBeforeUnload(win);
  win.on('closed', () => {
    // Its saves can never finish now: delete their partial files.
    void abortAll();
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
}

function onReady(): void {
  hardenSession(session.defaultSession);
  registerAppProtocol(WEB_ROOT);
  registerIpc(() => mainWindow, app.getPath('userData'));
  const mac = process.platform === 'darwin';
  const template = buildMenuTemplate({ packaged: app.isPackaged, mac, send: menuCommandSender(() => mainWindow) });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  app.setAboutPanelOptions({ applicationName: 'Evidence Annotator', applicationVersion: app.getVersion() });
  openWindow();
}

// A second copy would open the same IndexedDB from a second window: focus the first one instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  // Partial files are unlinked synchronously, so none survive the quit.
  app.on('before-quit', () => {
    void abortAll();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // macOS: clicking the dock icon with no window open reopens it.
  app.on('activate', () => {
    if (app.isReady() && !mainWindow) openWindow();
  });
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      dialog.showErrorBox('Evidence Annotator could not start', String(error));
      app.exit(1);
    });
}

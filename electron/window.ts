// The one locked-down window, and the hardening applied to every web contents and to the session.
import { BrowserWindow } from 'electron';
import type { Session, WebContents } from 'electron';
import { APP_ORIGIN } from '../src/platform/contract';

export const START_URL = `${APP_ORIGIN}/index.html`;

/**
 * The one window. Its webPreferences stay an object literal right here, so the electronegativity
 * scan (tests/electron/electronegativity.test.ts) sees the values it checks. The renderer gets no
 * Node, no Electron, and only what the preload bridges (DESIGN.md, STYLE.md 8).
 */
export function createMainWindow(preloadPath: string, devTools: boolean): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 800,
    minHeight: 560,
    show: false, // shown once painted, to avoid a white flash
    title: 'Evidence Annotator',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Behind the window-open denial: no auxclick events, so a middle click on a link starts
      // nothing. The canvas pans on middle-button pointer events, which this leaves alone.
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      spellcheck: false,
      // Dropping a file on the window must not navigate away from the app.
      navigateOnDragDrop: false,
      devTools,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(START_URL);
  return win;
}

/**
 * Applied to every web contents the app ever creates (main.ts wires it to 'web-contents-created').
 * The renderer is a single page: it never needs to navigate, open windows or embed webviews, so
 * all of that is refused outright rather than filtered by URL.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

// The app never talks to the network; these are refused even if a CSP bypass were found.
const NETWORK_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

/** Denies every permission (camera, notifications, clipboard-read, ...) and every network request. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest({ urls: NETWORK_URLS }, (_details, callback) => callback({ cancel: true }));
}

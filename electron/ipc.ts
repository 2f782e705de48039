// IPC handlers. Every handler first checks that the sender is our main frame on app://evidence,
// then validates its arguments; each returns a Result and never throws across IPC.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { dialog, ipcMain } from 'electron';
import type { BrowserWindow, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  IPC,
  MAX_MARKER_BYTES,
  MAX_SAVE_CHUNK_BYTES,
  PICKED_PATH_PREFIX,
  type PickedFile,
  type Result,
} from '../src/platform/contract';
import { isMarkerText, readMarker, writeMarker } from './databaseMarker';
import { fileSaves, reasonOf, type FileSaves } from './fileSaves';
import { pickedFiles, type PickedFiles } from './protocol';

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * True only for the top frame of our window, showing a page from app://evidence. Compares scheme
 * and host rather than URL.origin, because Node's URL gives "null" as the origin of custom schemes.
 */
export function isTrustedSender(event: SenderEvent, expected: WebContents | null | undefined): boolean {
  const frame = event.senderFrame;
  if (!frame || !expected || event.sender !== expected) return false;
  if (frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
  } catch {
    return false;
  }
}

const IMAGE_FILTERS = [{ name: 'Images', extensions: ['png', 'jpg', 'jpeg', 'webp'] }];

export async function pickImages(owner: BrowserWindow, registry: PickedFiles): Promise<Result<PickedFile[]>> {
  const choice = await dialog.showOpenDialog(owner, {
    title: 'Import images',
    properties: ['openFile', 'multiSelections'],
    filters: IMAGE_FILTERS,
  });
  if (choice.canceled || choice.filePaths.length === 0) return { ok: true, value: [] };

  // Stat everything before registering anything, so a failure leaves no live tokens behind.
  const found: { filePath: string; size: number }[] = [];
  for (const filePath of choice.filePaths) {
    const name = path.basename(filePath);
    try {
      const info = await stat(filePath);
      if (!info.isFile()) return { ok: false, error: `${name} is not a file` };
      found.push({ filePath, size: info.size });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, error: `${name} could not be read (${reason})` };
    }
  }
  return {
    ok: true,
    value: found.map(({ filePath, size }) => ({
      name: path.basename(filePath),
      size,
      url: `${APP_ORIGIN}${PICKED_PATH_PREFIX}${registry.register(filePath)}`,
    })),
  };
}

const BUNDLE_FILTERS = [{ name: 'Evidence bundle', extensions: ['zip'] }];
// Only a suggested name for the dialog: no separators, drive colons or control characters (NUL).
const FORBIDDEN_NAME_CHARS = /[\\/:\p{Cc}]/u;

export const isSuggestedName = (value: unknown): value is string =>
  typeof value === 'string' &&
  value.length >= 1 &&
  value.length <= 255 &&
  value !== '.' &&
  value !== '..' &&
  !FORBIDDEN_NAME_CHARS.test(value);

const isToken = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 64;

export async function saveBegin(
  owner: BrowserWindow,
  senderId: number,
  suggestedName: string,
  registry: FileSaves,
): Promise<Result<{ token: string; fileName: string } | null>> {
  const choice = await dialog.showSaveDialog(owner, { title: 'Export bundle', defaultPath: suggestedName, filters: BUNDLE_FILTERS });
  if (choice.canceled || !choice.filePath) return { ok: true, value: null };
  const begun = await registry.begin(choice.filePath, senderId);
  if (!begun.ok) return begun;
  return { ok: true, value: { token: begun.value, fileName: path.basename(choice.filePath) } };
}

// Short clauses: the renderer frames them ("The file dialog failed: ... Nothing was imported.").
const REFUSED_SENDER = "refused: the request did not come from the app's own window";

/** `markerFolder` holds the database marker: the user-data folder. */
export function registerIpc(getWindow: () => BrowserWindow | null, markerFolder: string): void {
  ipcMain.handle(IPC.pickImages, async (event, ...args: unknown[]): Promise<Result<PickedFile[]>> => {
    const win = getWindow();
    if (!win || win.isDestroyed() || !isTrustedSender(event, win.webContents)) return { ok: false, error: REFUSED_SENDER };
    if (args.length !== 0) return { ok: false, error: 'refused: pickImages takes no arguments' };
    try {
      return await pickImages(win, pickedFiles);
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  });

  /** Runs `body` only for our trusted window, turning any throw into an error result. */
  const trusted =
    <T>(body: (win: BrowserWindow, senderId: number, args: unknown[]) => Promise<Result<T>>, failure: string) =>
    async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<Result<T>> => {
      const win = getWindow();
      if (!win || win.isDestroyed() || !isTrustedSender(event, win.webContents)) return { ok: false, error: REFUSED_SENDER };
      try {
        return await body(win, event.sender.id, args);
      } catch (error) {
        return { ok: false, error: `${failure} (${reasonOf(error)})` };
      }
    };

  ipcMain.handle(
    IPC.saveBegin,
    trusted((win, senderId, args) => {
      const [name] = args;
      if (args.length !== 1 || !isSuggestedName(name)) {
        return Promise.resolve({ ok: false, error: 'refused: saveBegin takes one file name without folders' } as const);
      }
      return saveBegin(win, senderId, name, fileSaves);
    }, 'could not start the save'),
  );

  ipcMain.handle(
    IPC.saveChunk,
    trusted((_win, senderId, args) => {
      const [token, bytes] = args;
      if (args.length !== 2 || !isToken(token) || !(bytes instanceof Uint8Array)) {
        return Promise.resolve({ ok: false, error: 'refused: saveChunk takes a token and a Uint8Array' } as const);
      }
      if (bytes.byteLength > MAX_SAVE_CHUNK_BYTES) {
        return Promise.resolve({ ok: false, error: 'refused: the chunk is too large' } as const);
      }
      return fileSaves.chunk(token, senderId, bytes);
    }, 'could not write the file'),
  );

  ipcMain.handle(
    IPC.saveFinish,
    trusted((_win, senderId, args) => {
      const [token] = args;
      if (args.length !== 1 || !isToken(token)) return Promise.resolve({ ok: false, error: 'refused: saveFinish takes a token' } as const);
      return fileSaves.finish(token, senderId);
    }, 'could not complete the file'),
  );

  ipcMain.handle(
    IPC.saveAbort,
    trusted((_win, senderId, args) => {
      const [token] = args;
      if (args.length !== 1 || !isToken(token)) return Promise.resolve({ ok: false, error: 'refused: saveAbort takes a token' } as const);
      return fileSaves.abort(token, senderId);
    }, 'could not abort the save'),
  );

  ipcMain.handle(
    IPC.markerRead,
    trusted((_win, _senderId, args) => {
      if (args.length !== 0) return Promise.resolve({ ok: false, error: 'refused: readMarker takes no arguments' } as const);
      return readMarker(markerFolder);
    }, 'could not read the database marker'),
  );

  ipcMain.handle(
    IPC.markerWrite,
    trusted((_win, _senderId, args) => {
      const [text] = args;
      if (args.length !== 1 || !isMarkerText(text)) {
        return Promise.resolve({ ok: false, error: `refused: writeMarker takes one text of at most ${MAX_MARKER_BYTES} bytes` } as const);
      }
      return writeMarker(markerFolder, text);
    }, 'could not write the database marker'),
  );
}

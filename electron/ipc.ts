// IPC handlers. Every handler first checks that the sender is our main frame on app://evidence,
// then validates its arguments; each returns a Result and never throws across IPC.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { dialog, ipcMain } from 'electron';
import type { BrowserWindow, IpcMainInvokeEvent, WebContents } from 'electron';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, IPC, PICKED_PATH_PREFIX, type PickedFile, type Result } from '../src/platform/contract';
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

// Short clauses: the renderer frames them ("The file dialog failed: ... Nothing was imported.").
const REFUSED_SENDER = "refused: the request did not come from the app's own window";

export function registerIpc(getWindow: () => BrowserWindow | null): void {
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
}

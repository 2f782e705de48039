// The native menu. Pure template builder: app commands go to the renderer through `send`, which
// main.ts binds to the window's webContents (see menuCommandSender).
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { IPC, type MenuCommand } from '../src/platform/contract';

export interface MenuOptions {
  /** app.isPackaged: developer tools are offered only in development. */
  packaged: boolean;
  /** process.platform === 'darwin': the first menu becomes the application menu. */
  mac: boolean;
  send: (command: MenuCommand) => void;
}

export function menuCommandSender(getWindow: () => BrowserWindow | null): (command: MenuCommand) => void {
  return (command) => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(IPC.menuCommand, command);
  };
}

// The renderer handles these keys itself (and leaves them alone while the user types in a field).
// A registered accelerator would take the key first on Windows/Linux, so Ctrl+Z in a text field
// would undo a box instead of the typing. `registerAccelerator: false` keeps the shortcut shown
// in the menu without intercepting it. (macOS ignores the flag but gives the page the key first.)
const shownOnly = { registerAccelerator: false } as const;

export function buildMenuTemplate({ packaged, mac, send }: MenuOptions): MenuItemConstructorOptions[] {
  const command = (label: string, cmd: MenuCommand, accelerator: string, extra: MenuItemConstructorOptions = {}) =>
    ({ label, accelerator, click: () => send(cmd), ...extra }) satisfies MenuItemConstructorOptions;

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('New case', 'new-case', 'CmdOrCtrl+Shift+N'),
      command('Import images…', 'import-images', 'CmdOrCtrl+O'),
      // On macOS Quit lives in the application menu.
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      command('Undo', 'undo', 'CmdOrCtrl+Z', shownOnly),
      command('Redo', 'redo', 'CmdOrCtrl+Shift+Z', shownOnly),
      { type: 'separator' },
      // Roles make cut/copy/paste work in text fields (on macOS only the menu provides them).
      // Not registered elsewhere: the renderer uses Ctrl+C/V/A for boxes, and Chromium handles
      // them natively inside fields on Windows/Linux.
      { role: 'cut', ...shownOnly },
      { role: 'copy', ...shownOnly },
      { role: 'paste', ...shownOnly },
      { role: 'selectAll', ...shownOnly },
      { type: 'separator' },
      command('Delete', 'delete', 'Delete', shownOnly),
    ],
  };

  // Ctrl+= / Ctrl+- / Ctrl+0 are registered: the renderer only handles the bare keys, and these
  // combinations mean nothing inside a text field.
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      command('Zoom in', 'zoom-in', 'CmdOrCtrl+='),
      command('Zoom out', 'zoom-out', 'CmdOrCtrl+-'),
      command('Fit', 'zoom-fit', 'CmdOrCtrl+0'),
      ...(packaged ? [] : [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const]),
    ],
  };

  const help: MenuItemConstructorOptions = { role: 'help', submenu: [{ role: 'about', label: 'About Evidence Annotator' }] };

  return [...(mac ? [{ role: 'appMenu' } as const] : []), file, edit, view, help];
}

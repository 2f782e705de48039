// The only bridge between the sandboxed renderer and main: one small typed object, one method
// per operation. ipcRenderer itself and IPC event objects never reach the page (STYLE.md 8).
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { IPC, MENU_COMMANDS, type EvidenceBridge, type MenuCommand, type PickedFile, type Result } from '../src/platform/contract';

const isMenuCommand = (value: unknown): value is MenuCommand =>
  typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);

const bridge: EvidenceBridge = {
  // No arguments are forwarded: main refuses any, and the page has nothing to add.
  pickImages: () => ipcRenderer.invoke(IPC.pickImages) as Promise<Result<PickedFile[]>>,

  // Exactly the declared arguments are forwarded; main validates each of them again.
  saveBegin: (suggestedName) =>
    ipcRenderer.invoke(IPC.saveBegin, suggestedName) as Promise<Result<{ token: string; fileName: string } | null>>,
  saveChunk: (token, bytes) => ipcRenderer.invoke(IPC.saveChunk, token, bytes) as Promise<Result<null>>,
  saveFinish: (token) => ipcRenderer.invoke(IPC.saveFinish, token) as Promise<Result<null>>,
  saveAbort: (token) => ipcRenderer.invoke(IPC.saveAbort, token) as Promise<Result<null>>,
  readMarker: () => ipcRenderer.invoke(IPC.markerRead) as Promise<Result<string | null>>,
  writeMarker: (text) => ipcRenderer.invoke(IPC.markerWrite, text) as Promise<Result<null>>,

  onMenuCommand(listener) {
    if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a function');
    const relay = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(IPC.menuCommand, relay);
    return () => {
      ipcRenderer.removeListener(IPC.menuCommand, relay);
    };
  },
};

contextBridge.exposeInMainWorld('evidence', bridge);

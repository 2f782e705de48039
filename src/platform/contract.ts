// The one contract between the Electron preload (window.evidence) and the renderer.
// Type-only except for the channel names and limits, which both sides must agree on.

/** Commands the native menu sends to the renderer. */
export const MENU_COMMANDS = [
  'new-case',
  'import-images',
  'undo',
  'redo',
  'delete',
  'zoom-in',
  'zoom-out',
  'zoom-fit',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** IPC channel names. Every invoke channel has exactly one validated handler in main. */
export const IPC = {
  pickImages: 'dialog:pick-images',
  menuCommand: 'menu:command',
  saveBegin: 'save:begin',
  saveChunk: 'save:chunk',
  saveFinish: 'save:finish',
  saveAbort: 'save:abort',
  markerRead: 'marker:read',
  markerWrite: 'marker:write',
} as const;

/** The database marker is a few hundred bytes of JSON; main refuses anything longer. */
export const MAX_MARKER_BYTES = 4096;

/** Largest chunk one save:chunk message may carry (bundles stream in many of these). */
export const MAX_SAVE_CHUNK_BYTES = 8 * 1024 * 1024;

/** The scheme and host the renderer is served from in Electron (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'evidence';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** Files the user picked in a native dialog are served under this path, by opaque token only. */
export const PICKED_PATH_PREFIX = '/@picked/';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** A file the user chose in a native dialog; its bytes are fetched from `url` (same origin). */
export interface PickedFile {
  name: string;
  size: number;
  url: string;
}

/** What the preload exposes as `window.evidence`. */
export interface EvidenceBridge {
  /** Opens the native "Import images" dialog. An empty list means the user cancelled. */
  pickImages(): Promise<Result<PickedFile[]>>;
  /**
   * Starts saving a file the user places with the native save dialog. Bytes go to a temporary
   * file beside the destination; finish renames it into place, abort deletes it, so a cancelled
   * or failed save leaves no partial file. An ok result with value null means the user cancelled.
   */
  saveBegin(suggestedName: string): Promise<Result<{ token: string; fileName: string } | null>>;
  saveChunk(token: string, bytes: Uint8Array): Promise<Result<null>>;
  saveFinish(token: string): Promise<Result<null>>;
  saveAbort(token: string): Promise<Result<null>>;
  /** Reads the database marker from the user-data folder; null when there is none. */
  readMarker(): Promise<Result<string | null>>;
  /** Replaces the database marker (written to a temporary file, then renamed into place). */
  writeMarker(text: string): Promise<Result<null>>;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

declare global {
  interface Window {
    evidence?: EvidenceBridge;
  }
}

// What the renderer needs from its host, whether Electron or a plain browser.
import type { MenuCommand } from './contract';
import type { ImportFile } from '../state/importImages';
import type { FileSink } from './fileSink';

export interface Platform {
  kind: 'electron' | 'web';
  /** Asks the user for image files; resolves to [] when they cancel. */
  pickImages(): Promise<ImportFile[]>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Where to save an exported file; null when the user cancels. */
  saveFile(suggestedName: string, mediaType: string): Promise<FileSink | null>;
  /** The database marker, kept outside IndexedDB (model/databaseMarker.ts). */
  marker: MarkerStore;
}

/** Reads and writes the marker's text; read gives null when there is none. */
export interface MarkerStore {
  read(): Promise<string | null>;
  write(text: string): Promise<void>;
}

export const fromFile = (file: File): ImportFile => ({ name: file.name, size: file.size, read: async () => file });

// What the renderer needs from its host, whether Electron or a plain browser.
import type { MenuCommand } from './contract';
import type { ImportFile } from '../state/importImages';

export interface Platform {
  kind: 'electron' | 'web';
  /** Asks the user for image files; resolves to [] when they cancel. */
  pickImages(): Promise<ImportFile[]>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

export const fromFile = (file: File): ImportFile => ({ name: file.name, size: file.size, read: async () => file });

// The state of the latest import, shared by the button, drag-and-drop and the menu.
import { create } from 'zustand';
import type { ImportOutcome, ImportProgress } from '../../state/importImages';

export interface ImportStatus {
  running: boolean;
  progress: ImportProgress | null;
  outcomes: readonly ImportOutcome[];
  failure: string | null;
}

export const useImportStatus = create<ImportStatus>(() => ({ running: false, progress: null, outcomes: [], failure: null }));

// Zoom and cursor position for the status bar: a tiny store of its own so that pointer moves
// re-render the status bar alone, never the document.
import { create } from 'zustand';
import type { ImagePoint } from '../model/geometry';

export interface ViewStatus {
  scale: number;
  cursor: ImagePoint | null;
}

export const useViewStatus = create<ViewStatus>(() => ({ scale: 1, cursor: null }));

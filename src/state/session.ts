// Session state: what is open and selected, the tool, the clipboard. Never persisted as part
// of the document (STYLE.md 6); only the last open case is remembered, as a setting.
import { create } from 'zustand';
import type { BoxAttributes, Id } from '../model/records';
import type { BoxGeometry } from '../model/geometry';

export type Tool = 'select' | 'box' | 'hand';

export interface ClipboardBox {
  label: string;
  geometry: BoxGeometry;
  attributes: BoxAttributes;
  sourceImageId: Id;
}

export interface SessionState {
  analystName: string;
  caseId: Id | null;
  imageId: Id | null;
  selectedIds: readonly Id[];
  tool: Tool;
  activeLabel: string;
  clipboard: readonly ClipboardBox[];
  /** A box to bring into view once the canvas has it (set by list clicks). */
  focusId: Id | null;
}

export interface SessionActions {
  setAnalystName(name: string): void;
  openCase(caseId: Id | null): void;
  openImage(imageId: Id | null): void;
  select(ids: readonly Id[]): void;
  toggleSelected(id: Id): void;
  setTool(tool: Tool): void;
  setActiveLabel(label: string): void;
  setClipboard(boxes: readonly ClipboardBox[]): void;
  focus(id: Id | null): void;
}

export type Session = SessionState & SessionActions;

export const createSessionStore = () =>
  create<Session>((set) => ({
    analystName: '',
    caseId: null,
    imageId: null,
    selectedIds: [],
    tool: 'select',
    activeLabel: 'ship',
    clipboard: [],
    focusId: null,
    setAnalystName: (analystName) => set({ analystName }),
    openCase: (caseId) => set({ caseId, imageId: null, selectedIds: [], focusId: null }),
    openImage: (imageId) => set({ imageId, selectedIds: [], focusId: null }),
    select: (selectedIds) => set({ selectedIds }),
    toggleSelected: (id) =>
      set((s) => ({ selectedIds: s.selectedIds.includes(id) ? s.selectedIds.filter((x) => x !== id) : [...s.selectedIds, id] })),
    setTool: (tool) => set({ tool }),
    setActiveLabel: (activeLabel) => set({ activeLabel }),
    setClipboard: (clipboard) => set({ clipboard }),
    focus: (focusId) => set({ focusId }),
  }));

export type SessionStore = ReturnType<typeof createSessionStore>;

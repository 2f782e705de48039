// Session state: what is open and selected, the tool, the clipboard. Never persisted as part
// of the document (STYLE.md 6); only the last open case is remembered, as a setting.
import { create } from 'zustand';
import type { BoxAttributes, Id } from '../model/records';
import type { BoxGeometry } from '../model/geometry';

export type Tool = 'select' | 'box' | 'hand';
/** What the centre of the window shows. */
export type CenterView = 'image' | 'claim' | 'timeline' | 'review';
/** Which list the right-hand panel shows. */
export type SideTab = 'boxes' | 'claims';

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
  /** The claim chosen in the claims list: its boxes are highlighted on the canvas. */
  claimId: Id | null;
  centerView: CenterView;
  sideTab: SideTab;
  /** The "Link to claim" dialog is open for the selected boxes. */
  linking: boolean;
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
  selectClaim(id: Id | null): void;
  showCenter(view: CenterView): void;
  showSide(tab: SideTab): void;
  setLinking(open: boolean): void;
  /** Opens an image centred on one of its boxes, selected (from a claim's evidence). */
  openBox(imageId: Id, annotationId: Id): void;
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
    claimId: null,
    centerView: 'image',
    sideTab: 'boxes',
    linking: false,
    setAnalystName: (analystName) => set({ analystName }),
    openCase: (caseId) => set({ caseId, imageId: null, selectedIds: [], focusId: null, claimId: null, centerView: 'image' }),
    openImage: (imageId) => set({ imageId, selectedIds: [], focusId: null }),
    select: (selectedIds) => set({ selectedIds }),
    toggleSelected: (id) =>
      set((s) => ({ selectedIds: s.selectedIds.includes(id) ? s.selectedIds.filter((x) => x !== id) : [...s.selectedIds, id] })),
    setTool: (tool) => set({ tool }),
    setActiveLabel: (activeLabel) => set({ activeLabel }),
    setClipboard: (clipboard) => set({ clipboard }),
    focus: (focusId) => set({ focusId }),
    selectClaim: (claimId) => set({ claimId }),
    showCenter: (centerView) => set({ centerView }),
    showSide: (sideTab) => set({ sideTab }),
    setLinking: (linking) => set({ linking }),
    openBox: (imageId, annotationId) => set({ imageId, selectedIds: [annotationId], focusId: annotationId, centerView: 'image', sideTab: 'boxes' }),
  }));

export type SessionStore = ReturnType<typeof createSessionStore>;

// Pointer gestures on the canvas as a small state machine: pan, draw a box, rectangle-select,
// move the selection. Handlers compute geometry and hand it to callbacks (STYLE.md 2); the
// only things they touch directly are the transient Konva nodes that preview the gesture.
import type Konva from 'konva';
import { boxFromDrag, rectFromPoints, type BoxGeometry, type ImagePoint, type ScreenPoint } from '../model/geometry';
import type { Id } from '../model/records';
import type { Tool } from '../state/session';
import type { BoxIndex } from './boxIndex';
import { screenToImage, type Size } from './viewport';
import type { ViewportController } from './viewportController';

export type SelectMode = 'replace' | 'add' | 'toggle';

export interface GestureCallbacks {
  select(ids: readonly Id[], mode: SelectMode): void;
  create(geometry: BoxGeometry): void;
  move(ids: readonly Id[], dx: number, dy: number): Promise<unknown>;
}

export interface GestureScene {
  tool: Tool;
  panKeyHeld: boolean;
  index: BoxIndex;
  selected: ReadonlySet<Id>;
  image: Size;
  /** The rectangle previewing a box being drawn or a selection rectangle. */
  draft: Konva.Rect | null;
  /** The group holding the selected boxes' nodes, moved as a whole while dragging. */
  selection: Konva.Group | null;
}

type Gesture =
  | { kind: 'none' }
  | { kind: 'pan'; last: ScreenPoint }
  | { kind: 'draw'; start: ImagePoint }
  | { kind: 'marquee'; start: ImagePoint; additive: boolean }
  | { kind: 'move'; start: ImagePoint; ids: readonly Id[]; dx: number; dy: number };

/** Moves smaller than this many screen pixels are clicks, not drags. */
const CLICK_SLOP = 3;

export class CanvasGestures {
  private gesture: Gesture = { kind: 'none' };

  constructor(
    private readonly vp: ViewportController,
    private readonly scene: () => GestureScene,
    private readonly on: GestureCallbacks,
  ) {}

  get active(): boolean {
    return this.gesture.kind !== 'none';
  }

  down(p: ScreenPoint, button: number, shift: boolean): void {
    const s = this.scene();
    const at = screenToImage(this.vp.current, p);
    if (button === 1 || s.tool === 'hand' || s.panKeyHeld) {
      this.gesture = { kind: 'pan', last: p };
    } else if (button !== 0) {
      return;
    } else if (s.tool === 'box') {
      this.gesture = { kind: 'draw', start: at };
      this.showDraft(at, at, 'draw');
    } else {
      this.downToSelect(s, at, shift);
    }
  }

  private downToSelect(s: GestureScene, at: ImagePoint, shift: boolean): void {
    const hits = s.index.at(at);
    const hitSelected = hits.find((b) => s.selected.has(b.id));
    const hit = hits[0];
    if (shift && hit) {
      this.on.select([hit.id], 'toggle');
      return;
    }
    if (hitSelected || hit) {
      const ids = hitSelected ? [...s.selected] : [hit!.id];
      if (!hitSelected) this.on.select(ids, 'replace');
      this.gesture = { kind: 'move', start: at, ids, dx: 0, dy: 0 };
      return;
    }
    this.gesture = { kind: 'marquee', start: at, additive: shift };
    this.showDraft(at, at, 'marquee');
  }

  move(p: ScreenPoint): void {
    const g = this.gesture;
    const at = screenToImage(this.vp.current, p);
    if (g.kind === 'pan') {
      this.vp.pan(p.x - g.last.x, p.y - g.last.y);
      this.gesture = { kind: 'pan', last: p };
    } else if (g.kind === 'draw') {
      this.showDraft(g.start, at, 'draw');
    } else if (g.kind === 'marquee') {
      this.showDraft(g.start, at, 'marquee');
    } else if (g.kind === 'move') {
      g.dx = at.x - g.start.x;
      g.dy = at.y - g.start.y;
      const group = this.scene().selection;
      const leaving = group !== null && group.x() === 0 && group.y() === 0;
      group?.position({ x: g.dx, y: g.dy });
      // Leaving their place, the boxes leave the levels below too (CanvasController.boxLevels).
      if (leaving) group.getStage()?.batchDraw();
      else group?.getLayer()?.batchDraw();
    }
  }

  up(p: ScreenPoint): void {
    const g = this.gesture;
    this.gesture = { kind: 'none' };
    const s = this.scene();
    const at = screenToImage(this.vp.current, p);
    this.hideDraft();
    const slop = CLICK_SLOP / this.vp.current.scale;
    if (g.kind === 'draw') {
      if (Math.abs(at.x - g.start.x) < slop && Math.abs(at.y - g.start.y) < slop) return;
      const box = boxFromDrag(g.start, at, s.image);
      if (box) this.on.create(box);
    } else if (g.kind === 'marquee') {
      const isClick = Math.abs(at.x - g.start.x) < slop && Math.abs(at.y - g.start.y) < slop;
      const ids = isClick ? [] : s.index.intersecting(rectFromPoints(g.start, at)).map((b) => b.id);
      if (!(isClick && g.additive)) this.on.select(ids, g.additive ? 'add' : 'replace');
    } else if (g.kind === 'move') {
      if (Math.abs(g.dx) < slop && Math.abs(g.dy) < slop) {
        this.resetSelectionOffset();
        return;
      }
      // Keep the moved preview until the saved geometry arrives (the canvas resets the offset
      // when the boxes change); if nothing was saved, snap back now.
      void this.on.move(g.ids, g.dx, g.dy).then((result) => {
        if (!result) this.resetSelectionOffset();
      });
    }
  }

  cancel(): void {
    this.gesture = { kind: 'none' };
    this.hideDraft();
    this.resetSelectionOffset();
  }

  resetSelectionOffset(): void {
    const group = this.scene().selection;
    if (group && (group.x() !== 0 || group.y() !== 0)) {
      group.position({ x: 0, y: 0 });
      group.getStage()?.batchDraw();
    }
  }

  private showDraft(a: ImagePoint, b: ImagePoint, kind: 'draw' | 'marquee'): void {
    const draft = this.scene().draft;
    if (!draft) return;
    const r = rectFromPoints(a, b);
    draft.setAttrs({
      visible: true,
      x: r.minX,
      y: r.minY,
      width: r.maxX - r.minX,
      height: r.maxY - r.minY,
      dash: kind === 'marquee' ? [6, 4] : [],
      stroke: kind === 'marquee' ? '#4096ff' : '#ffffff',
      fill: kind === 'marquee' ? 'rgba(64,150,255,0.12)' : 'rgba(255,255,255,0.08)',
    });
    draft.getLayer()?.batchDraw();
  }

  private hideDraft(): void {
    const draft = this.scene().draft;
    if (draft?.visible()) {
      draft.visible(false);
      draft.getLayer()?.batchDraw();
    }
  }
}

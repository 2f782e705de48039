// Everything one canvas keeps outside React: the viewport, the gesture machine and the scene
// they read. React refreshes `scene` and `callbacks` after each render; pointer moves then run
// here without rendering anything.
import { BoxIndex } from './boxIndex';
import { CanvasGestures, type GestureCallbacks, type GestureScene } from './gestures';
import type { LabelDef } from '../model/labels';
import { NO_MARKS, type BoxMarks } from './drawBoxes';
import type { BoxLevels } from './boxLevels';
import type { ReducedLevels } from './reducedLevels';
import type { TileCache } from './tileCache';
import { ViewportController } from './viewportController';

export type CanvasScene = GestureScene & {
  labels: readonly LabelDef[];
  marks: BoxMarks;
  /** The image decoded in full (null while decoding), its stored preview, and reduced levels. */
  full: ImageBitmap | null;
  preview: ImageBitmap | null;
  imageLevels: ReducedLevels | null;
  /** The decoded tiles of a large image's pyramid, once it is stored; drawn over the preview. */
  tiles: TileCache | null;
  /** Reduced levels of all the boxes, when there are enough of them to be worth it. */
  boxLevels: BoxLevels | null;
};

export class CanvasController {
  readonly viewport = new ViewportController();
  scene: CanvasScene = {
    tool: 'select',
    panKeyHeld: false,
    index: new BoxIndex([]),
    selected: new Set(),
    image: { width: 1, height: 1 },
    labels: [],
    marks: NO_MARKS,
    full: null,
    preview: null,
    imageLevels: null,
    tiles: null,
    boxLevels: null,
    draft: null,
    selection: null,
  };
  callbacks: GestureCallbacks = { select: () => {}, create: () => {}, move: async () => null };
  private levelsWhileMoving: { of: BoxLevels; levels: BoxLevels } | null = null;

  /**
   * The box levels to draw: while the selection is dragged away from its place (until the move
   * is saved), levels without the selected boxes, made once per drag; otherwise the scene's own.
   */
  boxLevels(): BoxLevels | null {
    const { boxLevels, selection, selected } = this.scene;
    const moving = boxLevels !== null && selection !== null && (selection.x() !== 0 || selection.y() !== 0);
    if (!moving) {
      this.levelsWhileMoving = null;
      return boxLevels;
    }
    if (this.levelsWhileMoving?.of !== boxLevels) this.levelsWhileMoving = { of: boxLevels, levels: boxLevels.without(selected) };
    return this.levelsWhileMoving.levels;
  }
  readonly gestures = new CanvasGestures(this.viewport, () => this.scene, {
    select: (ids, mode) => this.callbacks.select(ids, mode),
    create: (g) => this.callbacks.create(g),
    move: (ids, dx, dy) => this.callbacks.move(ids, dx, dy),
  });
}

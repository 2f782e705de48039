// Reduced levels of all of an image's boxes (see reducedLevels.ts), kept across edits. Each level
// remembers which boxes it holds; drawn again after boxes were only added (appendedBoxes.ts), it
// strokes just the new ones (one box costs nothing, 20,000 a few tens of milliseconds). A changed
// or removed box, or new label colours or marks, start afresh. Selected boxes are in the levels
// too and the selection layer draws them on top, so selecting never redraws a level; while they
// are dragged away, levels without them are drawn instead (`without`), so they leave no ghost.
import type { LabelDef } from '../model/labels';
import type { Annotation } from '../model/records';
import { appendedBoxes } from './appendedBoxes';
import { drawBoxes, type BoxMarks } from './drawBoxes';
import { levelCanvas, type LevelCanvas, type LevelContext } from './reducedLevels';
import type { Size } from './viewport';

/** Below this many boxes stroking them all is cheap, and sharper than a reduced level. */
export const MIN_BOXES_FOR_LEVELS = 1500;

interface Level {
  canvas: LevelCanvas;
  ctx: LevelContext;
  /** The level holds the first `drawn` boxes of the list (a kept store only ever sees lists grow). */
  drawn: number;
}

/** The levels' drawing, shared by every BoxLevels that only added boxes to the one before. */
class LevelStore {
  readonly levels = new Map<number, Level>();
}

export class BoxLevels {
  private constructor(
    readonly boxes: readonly Annotation[],
    private readonly labels: readonly LabelDef[],
    private readonly marks: BoxMarks,
    private readonly picture: Size,
    private readonly store: LevelStore,
  ) {}

  static of(boxes: readonly Annotation[], labels: readonly LabelDef[], marks: BoxMarks, picture: Size, store = new LevelStore()): BoxLevels {
    return new BoxLevels(boxes, labels, marks, picture, store);
  }

  /** Whether there are enough boxes for levels to be worth drawing from. */
  get useful(): boolean {
    return this.boxes.length >= MIN_BOXES_FOR_LEVELS;
  }

  /** The levels for `boxes` (pure: nothing is drawn until `get`). */
  next(boxes: readonly Annotation[], labels: readonly LabelDef[], marks: BoxMarks, picture: Size): BoxLevels {
    if (boxes === this.boxes && labels === this.labels && marks === this.marks && picture === this.picture) return this;
    const keep = labels === this.labels && marks === this.marks && picture === this.picture && appendedBoxes(this.boxes, boxes) !== null;
    return BoxLevels.of(boxes, labels, marks, picture, keep ? this.store : undefined);
  }

  /** Levels of these boxes but those in `ids`, drawn afresh as they are asked for. */
  without(ids: ReadonlySet<string>): BoxLevels {
    return BoxLevels.of(this.boxes.filter((b) => !ids.has(b.id)), this.labels, this.marks, this.picture);
  }

  /** The level at `scale`, holding every box of this set. */
  get(scale: number): LevelCanvas {
    let level = this.store.levels.get(scale);
    if (!level) {
      level = { ...levelCanvas(this.picture, scale), drawn: 0 };
      this.store.levels.set(scale, level);
    }
    if (level.drawn < this.boxes.length) {
      drawBoxes(level.ctx, this.boxes.slice(level.drawn), this.labels, scale, this.marks);
      level.drawn = this.boxes.length;
    }
    return level.canvas;
  }
}

// A spatial index over an image's boxes for hit testing, rectangle selection and viewport
// culling (Konva's own hit canvas is not used for boxes: DESIGN.md "Canvas"). Its tree is static;
// boxes added since it was built (a drawn box, a paste) are searched one by one until there are
// enough of them to build it again, so drawing a box among 20,000 does not rebuild it.
import Flatbush from 'flatbush';
import { boxArea, boxBounds, boxContains, boxIntersectsRect, type ImagePoint, type Rect } from '../model/geometry';
import type { Annotation } from '../model/records';
import { appendedBoxes } from './appendedBoxes';

/** Past this many boxes outside the tree, the tree is built again. */
export const MAX_UNINDEXED = 256;

export class BoxIndex {
  private readonly tree: Flatbush | null;
  /** The tree holds boxes[0 .. indexed); the rest are searched one by one. */
  private readonly indexed: number;

  /** The index of `boxes`, reusing `previous`'s tree when `boxes` only added a few to its boxes. */
  constructor(
    readonly boxes: readonly Annotation[],
    previous?: BoxIndex,
  ) {
    if (previous && boxes.length - previous.indexed <= MAX_UNINDEXED && appendedBoxes(previous.boxes, boxes)) {
      this.tree = previous.tree;
      this.indexed = previous.indexed;
      return;
    }
    this.indexed = boxes.length;
    this.tree = boxes.length ? new Flatbush(boxes.length) : null;
    if (!this.tree) return;
    for (const b of boxes) {
      const r = boxBounds(b.geometry);
      this.tree.add(r.minX, r.minY, r.maxX, r.maxY);
    }
    this.tree.finish();
  }

  /** This index, or one for `boxes` when they differ. */
  next(boxes: readonly Annotation[]): BoxIndex {
    return boxes === this.boxes ? this : new BoxIndex(boxes, this);
  }

  /** Boxes whose bounds overlap the rectangle (a superset: enough for drawing). */
  inBounds(r: Rect): Annotation[] {
    const found = this.tree ? this.tree.search(r.minX, r.minY, r.maxX, r.maxY).map((i) => this.boxes[i]!) : [];
    for (let i = this.indexed; i < this.boxes.length; i += 1) {
      const b = this.boxes[i]!;
      const bounds = boxBounds(b.geometry);
      if (bounds.minX <= r.maxX && bounds.maxX >= r.minX && bounds.minY <= r.maxY && bounds.maxY >= r.minY) found.push(b);
    }
    return found;
  }

  /** Boxes whose true (rotated) outline touches the rectangle. */
  intersecting(r: Rect): Annotation[] {
    return this.inBounds(r).filter((b) => boxIntersectsRect(b.geometry, r));
  }

  /** All boxes containing the point, the smallest first (the one a click most likely means). */
  at(p: ImagePoint): Annotation[] {
    return this.inBounds({ minX: p.x, minY: p.y, maxX: p.x, maxY: p.y })
      .filter((b) => boxContains(b.geometry, p))
      .sort((a, b) => boxArea(a.geometry) - boxArea(b.geometry));
  }
}

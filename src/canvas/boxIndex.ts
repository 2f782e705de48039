// A static spatial index over an image's boxes for hit testing, rectangle selection and
// viewport culling (Konva's own hit canvas is not used for boxes: DESIGN.md "Canvas").
import Flatbush from 'flatbush';
import { boxArea, boxBounds, boxContains, boxIntersectsRect, type ImagePoint, type Rect } from '../model/geometry';
import type { Annotation } from '../model/records';

export class BoxIndex {
  private readonly index: Flatbush | null;

  constructor(readonly boxes: readonly Annotation[]) {
    if (boxes.length === 0) {
      this.index = null;
      return;
    }
    this.index = new Flatbush(boxes.length);
    for (const b of boxes) {
      const r = boxBounds(b.geometry);
      this.index.add(r.minX, r.minY, r.maxX, r.maxY);
    }
    this.index.finish();
  }

  /** Boxes whose bounds overlap the rectangle (a superset: enough for drawing). */
  inBounds(r: Rect): Annotation[] {
    if (!this.index) return [];
    return this.index.search(r.minX, r.minY, r.maxX, r.maxY).map((i) => this.boxes[i]!);
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

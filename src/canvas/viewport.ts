// The view transform: screen = image * scale + offset. Pure, so zoom and pan are unit-tested.
import { imagePoint, screenPoint, type ImagePoint, type Rect, type ScreenPoint } from '../model/geometry';

export interface Viewport {
  scale: number;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export const MAX_SCALE = 32;
export const ZOOM_STEP = 1.25;

/** The smallest zoom allowed for an image: a quarter of what fits, never above 1. */
export function minScale(image: Size, view: Size): number {
  return Math.min(1, fitViewport(image, view).scale / 4);
}

export function fitViewport(image: Size, view: Size, margin = 16): Viewport {
  const scale = Math.min((view.width - 2 * margin) / image.width, (view.height - 2 * margin) / image.height);
  const s = Math.max(Math.min(scale, MAX_SCALE), 1e-4);
  return { scale: s, x: (view.width - image.width * s) / 2, y: (view.height - image.height * s) / 2 };
}

export function screenToImage(vp: Viewport, p: ScreenPoint): ImagePoint {
  return imagePoint((p.x - vp.x) / vp.scale, (p.y - vp.y) / vp.scale);
}

export function imageToScreen(vp: Viewport, p: ImagePoint): ScreenPoint {
  return screenPoint(p.x * vp.scale + vp.x, p.y * vp.scale + vp.y);
}

/** Zooms to `scale` keeping the image point under `anchor` fixed on screen. */
export function zoomTo(vp: Viewport, scale: number, anchor: ScreenPoint, min: number): Viewport {
  const s = Math.min(Math.max(scale, min), MAX_SCALE);
  const under = screenToImage(vp, anchor);
  return { scale: s, x: anchor.x - under.x * s, y: anchor.y - under.y * s };
}

export function panBy(vp: Viewport, dx: number, dy: number): Viewport {
  return { ...vp, x: vp.x + dx, y: vp.y + dy };
}

/** Centres the view on an image point at the current zoom. */
export function centerOn(vp: Viewport, p: ImagePoint, view: Size): Viewport {
  return { scale: vp.scale, x: view.width / 2 - p.x * vp.scale, y: view.height / 2 - p.y * vp.scale };
}

/** The part of the image the view shows, in image pixels. */
export function visibleRect(vp: Viewport, view: Size): Rect {
  const a = screenToImage(vp, screenPoint(0, 0));
  const b = screenToImage(vp, screenPoint(view.width, view.height));
  return { minX: a.x, minY: a.y, maxX: b.x, maxY: b.y };
}

/**
 * A view centred on `rect`, zoomed so that it spans about a quarter of the view (so its
 * surroundings show too), never below `floor` nor above MAX_SCALE.
 */
export function focusOn(rect: Rect, view: Size, floor: number): Viewport {
  const width = Math.max(rect.maxX - rect.minX, 1);
  const height = Math.max(rect.maxY - rect.minY, 1);
  const scale = Math.min(Math.max(Math.min(view.width / (4 * width), view.height / (4 * height)), floor), MAX_SCALE);
  return centerOn({ scale, x: 0, y: 0 }, imagePoint((rect.minX + rect.maxX) / 2, (rect.minY + rect.maxY) / 2), view);
}

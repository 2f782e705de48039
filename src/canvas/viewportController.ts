// Owns the view transform of one canvas. The transform lives here and is applied to the Konva
// stage directly: panning and zooming never re-render React.
import type Konva from 'konva';
import { screenPoint, type ScreenPoint } from '../model/geometry';
import type { ViewRequest } from './viewRequests';
import { useViewStatus } from './viewStatus';
import { ZOOM_STEP, fitViewport, minScale, panBy, zoomTo, type Size, type Viewport } from './viewport';

export class ViewportController {
  stage: Konva.Stage | null = null;
  image: Size = { width: 1, height: 1 };
  view: Size = { width: 0, height: 0 };
  private vp: Viewport = { scale: 1, x: 0, y: 0 };

  get current(): Viewport {
    return this.vp;
  }

  set(vp: Viewport): void {
    this.vp = vp;
    if (this.stage) {
      this.stage.scale({ x: vp.scale, y: vp.scale });
      this.stage.position({ x: vp.x, y: vp.y });
      this.stage.batchDraw();
    }
    useViewStatus.setState({ scale: vp.scale });
  }

  zoomTo(scale: number, anchor: ScreenPoint = this.viewCenter()): void {
    this.set(zoomTo(this.vp, scale, anchor, minScale(this.image, this.view)));
  }

  zoomBy(factor: number, anchor?: ScreenPoint): void {
    this.zoomTo(this.vp.scale * factor, anchor);
  }

  pan(dx: number, dy: number): void {
    this.set(panBy(this.vp, dx, dy));
  }

  fit(): void {
    this.set(fitViewport(this.image, this.view));
  }

  handle(request: ViewRequest): void {
    if (request === 'zoom-in') this.zoomBy(ZOOM_STEP);
    else if (request === 'zoom-out') this.zoomBy(1 / ZOOM_STEP);
    else if (request === 'zoom-fit') this.fit();
    else this.zoomTo(1);
  }

  /**
   * A mouse wheel zooms about the cursor (as does a trackpad pinch, which arrives with Ctrl);
   * scrolling pans: Shift+wheel sideways, Alt+wheel up and down, and a trackpad's two-finger
   * scroll, told apart from wheel notches by its fractional steps or sideways component.
   */
  wheel(e: WheelEvent, anchor: ScreenPoint): void {
    const pixels = e.deltaMode === 1 ? 16 : 1;
    const dx = e.deltaX * pixels;
    const dy = e.deltaY * pixels;
    const trackpadScroll = e.deltaMode === 0 && (dx !== 0 || !Number.isInteger(dy));
    if (e.shiftKey) this.pan(-dy, 0);
    else if (e.altKey) this.pan(0, -dy);
    else if (!e.ctrlKey && !e.metaKey && trackpadScroll) this.pan(-dx, -dy);
    else this.zoomBy(Math.pow(2, -dy / 300), anchor);
  }

  private viewCenter(): ScreenPoint {
    return screenPoint(this.view.width / 2, this.view.height / 2);
  }
}

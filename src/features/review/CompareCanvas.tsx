// A read-only canvas of one image with one or both annotators' boxes, each side in its own colour
// and dash, boxes in a difference bold and agreed ones faint, and the current difference ringed. Its view (pan and zoom) belongs to the parent, so
// two canvases side by side move together.
import type Konva from 'konva';
import { useRef } from 'react';
import { Image as KonvaImage, Layer, Shape, Stage } from 'react-konva';
import { traceBox } from '../../canvas/drawBoxes';
import { minScale, panBy, zoomTo, ZOOM_STEP, type Size, type Viewport } from '../../canvas/viewport';
import { screenPoint, type Rect } from '../../model/geometry';
import type { Annotation, ImageRecord } from '../../model/records';

export interface Side {
  boxes: readonly Annotation[];
  color: string;
  /** Dash pattern in screen pixels; empty for a solid line. */
  dash: number[];
}

export const SIDE_A_STYLE = { color: '#1f77ff', dash: [] as number[] };
export const SIDE_B_STYLE = { color: '#ff8c00', dash: [8, 5] };

interface Props {
  label: string;
  image: ImageRecord;
  element: HTMLImageElement | null;
  size: Size;
  viewport: Viewport;
  onViewport(viewport: Viewport): void;
  sides: readonly Side[];
  /** Boxes in a difference: drawn bold, the agreed ones faint. */
  emphasised: ReadonlySet<string>;
  focus: Rect | null;
}

export function CompareCanvas({ label, image, element, size, viewport, onViewport, sides, emphasised, focus }: Props) {
  const dragFrom = useRef<{ x: number; y: number } | null>(null);

  const draw = (context: Konva.Context) => {
    const ctx = context._context;
    for (const side of sides) {
      ctx.setLineDash(side.dash.map((d) => d / viewport.scale));
      ctx.strokeStyle = side.color;
      for (const bold of [false, true]) {
        ctx.beginPath();
        for (const b of side.boxes) if (emphasised.has(b.id) === bold) traceBox(ctx, b.geometry);
        ctx.globalAlpha = bold ? 1 : 0.55;
        ctx.lineWidth = (bold ? 3 : 1.5) / viewport.scale;
        ctx.stroke();
      }
    }
    ctx.globalAlpha = 1;
    if (focus) {
      const pad = 6 / viewport.scale;
      ctx.setLineDash([]);
      ctx.lineWidth = 3 / viewport.scale;
      ctx.strokeStyle = '#e8174a';
      ctx.strokeRect(focus.minX - pad, focus.minY - pad, focus.maxX - focus.minX + 2 * pad, focus.maxY - focus.minY + 2 * pad);
    }
  };

  const onWheel = (e: Konva.KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault();
    const at = e.target.getStage()?.getPointerPosition();
    if (!at) return;
    const factor = e.evt.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP;
    onViewport(zoomTo(viewport, viewport.scale * factor, screenPoint(at.x, at.y), minScale(image, size)));
  };

  return (
    <div className="compare-canvas" role="img" aria-label={label}>
      <span className="canvas-caption" aria-hidden="true">
        {label}
      </span>
      <Stage
        width={size.width}
        height={size.height}
        onWheel={onWheel}
        onMouseDown={(e) => (dragFrom.current = { x: e.evt.clientX, y: e.evt.clientY })}
        onMouseMove={(e) => {
          const from = dragFrom.current;
          if (!from) return;
          dragFrom.current = { x: e.evt.clientX, y: e.evt.clientY };
          onViewport(panBy(viewport, e.evt.clientX - from.x, e.evt.clientY - from.y));
        }}
        onMouseUp={() => (dragFrom.current = null)}
        onMouseLeave={() => (dragFrom.current = null)}
      >
        <Layer listening={false} x={viewport.x} y={viewport.y} scaleX={viewport.scale} scaleY={viewport.scale}>
          {element && <KonvaImage image={element} width={image.width} height={image.height} />}
          <Shape sceneFunc={draw} perfectDrawEnabled={false} />
        </Layer>
      </Stage>
    </div>
  );
}

// The naive react-konva baseline of `npm run bench` (issue #6): the same image, boxes and wheel
// handling as the app, drawn the way most react-konva apps draw: one listening <Rect> per box
// (so Konva draws every box, in view or not, and again on its hit canvas) and the view transform
// in React state (so every wheel step renders React). It is not a straw man: the box elements are
// memoized, so React does not diff 20,000 elements per frame, and strokes keep their screen width
// through strokeScaleEnabled={false} rather than new props per zoom.
import type Konva from 'konva';
import { useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Image as KonvaImage, Layer, Rect, Stage } from 'react-konva';

export interface BaselineBox {
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  rotation: number;
}

interface Scene {
  image: HTMLImageElement;
  boxes: readonly BaselineBox[];
  width: number;
  height: number;
}

interface View {
  scale: number;
  x: number;
  y: number;
}

declare global {
  interface Window {
    __benchJpeg?: Blob;
    benchBaseline: { show(options: { jpeg: Blob; boxes: BaselineBox[]; width: number; height: number }): Promise<void> };
  }
}

const COLORS: Record<string, string> = { ship: '#ff4d4f', container: '#fadb14', crane: '#13c2c2' };
const MAX_SCALE = 32;

/** The app's fit (src/canvas/viewport.ts): the whole image with a 16 px margin, centred. */
function fit(s: Scene): View {
  const scale = Math.min((s.width - 32) / s.image.naturalWidth, (s.height - 32) / s.image.naturalHeight);
  return { scale, x: (s.width - s.image.naturalWidth * scale) / 2, y: (s.height - s.image.naturalHeight * scale) / 2 };
}

function Baseline({ scene }: { scene: Scene }) {
  const [view, setView] = useState(() => fit(scene));
  const minScale = Math.min(1, fit(scene).scale / 4);

  const rects = useMemo(
    () =>
      scene.boxes.map((b, i) => (
        <Rect
          key={i}
          x={b.x + b.width / 2}
          y={b.y + b.height / 2}
          offsetX={b.width / 2}
          offsetY={b.height / 2}
          width={b.width}
          height={b.height}
          rotation={b.rotation}
          stroke={COLORS[b.label] ?? '#d9d9d9'}
          strokeWidth={2}
          strokeScaleEnabled={false}
        />
      )),
    [scene.boxes],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === '0' && setView(fit(scene));
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [scene]);

  // The app's wheel (src/canvas/viewportController.ts): zoom about the cursor, Shift pans sideways, Alt up and down.
  const onWheel = (e: Konva.KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault();
    const dy = e.evt.deltaY;
    const rect = e.target.getStage()!.container().getBoundingClientRect();
    const anchor = { x: e.evt.clientX - rect.left, y: e.evt.clientY - rect.top };
    setView((v) => {
      if (e.evt.shiftKey) return { ...v, x: v.x - dy };
      if (e.evt.altKey) return { ...v, y: v.y - dy };
      const scale = Math.min(Math.max(v.scale * Math.pow(2, -dy / 300), minScale), MAX_SCALE);
      const under = { x: (anchor.x - v.x) / v.scale, y: (anchor.y - v.y) / v.scale };
      return { scale, x: anchor.x - under.x * scale, y: anchor.y - under.y * scale };
    });
  };

  return (
    <div role="region" aria-label="Image canvas" style={{ width: scene.width, height: scene.height }}>
      <Stage width={scene.width} height={scene.height} scaleX={view.scale} scaleY={view.scale} x={view.x} y={view.y} onWheel={onWheel}>
        <Layer>
          <KonvaImage image={scene.image} width={scene.image.naturalWidth} height={scene.image.naturalHeight} />
          {rects}
        </Layer>
      </Stage>
    </div>
  );
}

const root = createRoot(document.getElementById('root')!);
let shown = 0;
let lastUrl = '';

window.benchBaseline = {
  /** Shows `jpeg` with `boxes` on a stage of the given size (the app's canvas size), fitted. */
  async show({ jpeg, boxes, width, height }) {
    if (lastUrl) URL.revokeObjectURL(lastUrl);
    lastUrl = URL.createObjectURL(jpeg);
    const image = new Image();
    image.src = lastUrl;
    await image.decode();
    shown += 1;
    root.render(<Baseline key={shown} scene={{ image, boxes, width, height }} />);
  },
};

// The Konva view of one image: the image, every unselected box in one batched shape, and the
// interactive layer. Zoomed out, the image and (when there are many) the boxes are drawn from
// reduced levels made once, not scaled down or stroked anew every frame. A large image is drawn
// from its preview and, zoomed in past it, from the tiles of its pyramid (never decoded whole). Viewport and gestures live in plain objects, so a pointer move re-renders
// nothing in React; only committed changes arrive here again as new props.
import type Konva from 'konva';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Layer, Shape, Stage } from 'react-konva';
import { boxBounds, boxCenter, screenPoint, type BoxGeometry, type Rect, type ScreenPoint } from '../model/geometry';
import type { LabelDef } from '../model/labels';
import type { Annotation, Id, ImageRecord } from '../model/records';
import type { Tool } from '../state/session';
import type { TileState } from '../state/tileMaker';
import { levelForView, tilesIn, type TileKey, type TilePlace } from '../model/tilePyramid';
import { TileCache } from './tileCache';
import { BoxIndex } from './boxIndex';
import { drawBoxes, type BoxMarks } from './drawBoxes';
import { CanvasController } from './canvasController';
import type { SelectMode } from './gestures';
import { SelectionLayer } from './SelectionLayer';
import { isTextEntry } from './textEntry';
import { useImageSources } from './useImageSources';
import { BoxLevels } from './boxLevels';
import { levelFor, ReducedLevels, type LevelCanvas } from './reducedLevels';
import { onViewRequest } from './viewRequests';
import { useViewStatus } from './viewStatus';
import { centerOn, screenToImage, visibleRect } from './viewport';

/** A large image's tile pyramid: whether it is stored yet, and its tiles' stored bytes. */
export interface ImageTiles {
  state: TileState;
  load(key: TileKey): Promise<Blob | undefined>;
}

export interface ImageCanvasProps {
  image: ImageRecord;
  original: Blob | undefined;
  /** The stored reduced copy of a large image, drawn until the original is decoded. */
  preview: Blob | undefined;
  /** Null for an image drawn whole from its decoded original. */
  tiles: ImageTiles | null;
  annotations: readonly Annotation[];
  labels: readonly LabelDef[];
  selectedIds: readonly Id[];
  tool: Tool;
  focusId: Id | null;
  /** Linked boxes carry a badge; the chosen claim's boxes a halo. */
  marks: BoxMarks;
  onSelect(ids: readonly Id[], mode: SelectMode): void;
  onCreate(geometry: BoxGeometry): void;
  onMove(ids: readonly Id[], dx: number, dy: number): Promise<unknown>;
  onTransform(geometries: ReadonlyMap<Id, BoxGeometry>): void;
  onFocused(): void;
}

export function ImageCanvas(props: ImageCanvasProps) {
  const { image, original, preview, tiles, annotations, labels, selectedIds, tool, focusId, marks, onFocused } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const groupRef = useRef<Konva.Group>(null);
  const draftRef = useRef<Konva.Rect>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [panKeyHeld, setPanKeyHeld] = useState(false);
  const controllerRef = useRef<CanvasController>(null);
  if (controllerRef.current === null) controllerRef.current = new CanvasController();
  const sources = useImageSources(original, preview, !tiles || tiles.state.kind === 'failed');
  const tilesReady = tiles?.state.kind === 'ready';
  const loadTile = tiles?.load;
  const tileCache = useMemo(
    () =>
      tilesReady && loadTile
        ? new TileCache(async (key) => {
            const bytes = await loadTile(key);
            return bytes ? createImageBitmap(bytes) : null;
          })
        : null,
    [tilesReady, loadTile],
  );
  useEffect(() => {
    if (!tileCache) return;
    const stop = tileCache.subscribe(() => stageRef.current?.batchDraw());
    return () => {
      stop();
      tileCache.close();
    };
  }, [tileCache]);

  const selectedSet = useMemo(() => new Set(selectedIds), [selectedIds]);
  const selected = useMemo(() => annotations.filter((a) => selectedSet.has(a.id)), [annotations, selectedSet]);
  const { full, preview: previewBitmap } = sources;
  const imageLevels = useMemo(() => {
    const previewScale = previewBitmap ? previewBitmap.width / image.width : 0;
    // A level no finer than the preview is made from the preview (cheap); a finer one from the original.
    const sourceFor = (scale: number) => (previewBitmap && scale <= previewScale ? previewBitmap : (full ?? previewBitmap));
    return full || previewBitmap ? new ReducedLevels(image, (ctx, scale) => drawWhole(ctx, sourceFor(scale)!, image)) : null;
  }, [full, previewBitmap, image]);
  // Kept across renders so that boxes only added are indexed and drawn onto the levels without
  // going over the others again.
  const [previousIndex, setIndex] = useState(() => new BoxIndex(annotations));
  const index = previousIndex.next(annotations);
  if (index !== previousIndex) setIndex(index);
  const [boxLevels, setBoxLevels] = useState(() => BoxLevels.of(annotations, labels, marks, image));
  const currentLevels = boxLevels.next(annotations, labels, marks, image);
  if (currentLevels !== boxLevels) setBoxLevels(currentLevels);

  // What the gesture machine and the batched shape read; refreshed after every render.
  useLayoutEffect(() => {
    const c = controllerRef.current!;
    c.scene = { tool, panKeyHeld, index, selected: selectedSet, image, labels, marks, draft: draftRef.current, selection: groupRef.current, full, preview: previewBitmap, imageLevels, tiles: tileCache, boxLevels: currentLevels.useful ? currentLevels : null };
    c.callbacks = { select: props.onSelect, create: props.onCreate, move: props.onMove };
    c.viewport.stage = stageRef.current;
    c.viewport.view = size;
    c.viewport.image = image;
    stageRef.current?.batchDraw();
  });

  // New saved geometry replaces the moved preview.
  useLayoutEffect(() => controllerRef.current!.gestures.resetSelectionOffset(), [annotations]);

  useLayoutEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const hasSize = size.width > 0 && size.height > 0;
  useLayoutEffect(() => {
    if (hasSize) controllerRef.current!.viewport.fit();
  }, [image.id, hasSize]);
  useEffect(() => onViewRequest((r) => controllerRef.current!.viewport.handle(r)), []);

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      controllerRef.current!.viewport.wheel(e, localPoint(el, e));
    };
    // Not a React handler: React's wheel listeners are passive and cannot stop page scrolling.
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  // Space pans while held, but only for the canvas: over it or focused, never in a dialog, so
  // Space still presses a focused button elsewhere.
  const pointerOver = useRef(false);
  useEffect(() => {
    const forCanvas = (e: KeyboardEvent) =>
      e.code === 'Space' && !isTextEntry(e.target) && !document.querySelector('dialog[open]') && (pointerOver.current || e.target === containerRef.current);
    const down = (e: KeyboardEvent) => {
      if (!forCanvas(e)) return;
      e.preventDefault();
      setPanKeyHeld(true);
    };
    const up = (e: KeyboardEvent) => e.code === 'Space' && setPanKeyHeld(false);
    const blur = () => {
      setPanKeyHeld(false);
      controllerRef.current!.gestures.cancel();
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
    };
  }, []);

  // Bring a box chosen in the list into view, zooming out only if it does not fit.
  useEffect(() => {
    const box = focusId ? annotations.find((a) => a.id === focusId) : undefined;
    if (!box || !hasSize) return;
    const vp = controllerRef.current!.viewport;
    const b = boxBounds(box.geometry);
    const fits = Math.min(size.width / (b.maxX - b.minX), size.height / (b.maxY - b.minY)) * 0.8;
    const scale = Math.min(vp.current.scale, fits);
    vp.set(centerOn({ ...vp.current, scale }, boxCenter(box.geometry), size));
    onFocused();
  }, [focusId, annotations, hasSize, size, onFocused]);

  const drawImage = useCallback((ctx: Konva.Context) => {
    const { scene, viewport } = controllerRef.current!;
    const { full, preview, imageLevels, tiles, image } = scene;
    const best = full ?? preview;
    if (!imageLevels || !best) return;
    const level = levelFor(viewport.current.scale, image, 1);
    // Until the original is decoded, levels finer than the preview are not to be had.
    const levelReady = level !== null && (full !== null || level <= best.width / image.width);
    const visible = visibleRect(viewport.current, viewport.view);
    drawVisible(ctx._context, levelReady ? imageLevels.get(level) : best, image, visible);
    // Zoomed in past the preview, the pyramid's tiles cover it as they arrive.
    const tileLevel = tiles && levelForView(image, viewport.current.scale);
    if (tiles && tileLevel !== null) for (const place of tilesIn(image, tileLevel, visible)) drawTile(ctx._context, tiles.get(place), place);
  }, []);

  const drawUnselected = useCallback((ctx: Konva.Context) => {
    const controller = controllerRef.current!;
    const { scene, viewport } = controller;
    // The levels hold the selected boxes too; the selection layer draws them again on top.
    const boxLevels = controller.boxLevels();
    const level = boxLevels && levelFor(viewport.current.scale, scene.image, BOX_LEVEL_MAGNIFY);
    if (boxLevels && level) return drawVisible(ctx._context, boxLevels.get(level), scene.image, visibleRect(viewport.current, viewport.view));
    const visible = scene.index.inBounds(visibleRect(viewport.current, viewport.view)).filter((b) => !scene.selected.has(b.id));
    drawBoxes(ctx._context, visible, scene.labels, viewport.current.scale, scene.marks);
  }, []);

  const lastCursor = useRef(0);
  const reportCursor = (p: ScreenPoint | null) => {
    cancelAnimationFrame(lastCursor.current);
    lastCursor.current = requestAnimationFrame(() => useViewStatus.setState({ cursor: p ? screenToImage(controllerRef.current!.viewport.current, p) : null }));
  };

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    const el = containerRef.current!;
    const p = localPoint(el, e);
    el.focus();
    // Transformer handles are the only listening nodes: a press on one belongs to Konva.
    if (stageRef.current?.getIntersection(p)?.hasName('_anchor')) return;
    el.setPointerCapture(e.pointerId);
    controllerRef.current!.gestures.down(p, e.button, e.shiftKey);
  };
  const onPointerMove = (e: React.PointerEvent<HTMLDivElement>) => {
    const p = localPoint(containerRef.current!, e);
    reportCursor(p);
    const { gestures } = controllerRef.current!;
    if (!gestures.active) return;
    // A button released outside the window never sent its pointerup: finish the gesture there.
    if (e.buttons === 0) gestures.up(p);
    else gestures.move(p);
  };
  const onPointerUp = (e: React.PointerEvent<HTMLDivElement>) => {
    const { gestures } = controllerRef.current!;
    if (gestures.active) gestures.up(localPoint(containerRef.current!, e));
  };

  const cursor = panKeyHeld || tool === 'hand' ? 'grab' : tool === 'box' ? 'crosshair' : 'default';
  return (
    <div
      ref={containerRef}
      className="image-canvas"
      role="region"
      aria-label="Image canvas"
      tabIndex={0}
      style={{ cursor }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => controllerRef.current!.gestures.cancel()}
      onLostPointerCapture={() => controllerRef.current!.gestures.active && controllerRef.current!.gestures.cancel()}
      onPointerEnter={() => (pointerOver.current = true)}
      onPointerLeave={() => {
        pointerOver.current = false;
        reportCursor(null);
      }}
      onContextMenu={(e) => e.preventDefault()}
    >
      {sources.error && <p role="alert" className="canvas-message">{sources.error}</p>}
      <CanvasMessage image={image} tiles={tiles} sources={sources} />
      {hasSize && (
        <Stage ref={stageRef} width={size.width} height={size.height}>
          {/* One canvas for the image and the boxes under the selection: each layer is a canvas
              the browser composites every frame. */}
          <Layer listening={false}>
            <Shape sceneFunc={drawImage} listening={false} perfectDrawEnabled={false} />
            <Shape sceneFunc={drawUnselected} listening={false} perfectDrawEnabled={false} />
          </Layer>
          <SelectionLayer
            selected={selected}
            labels={labels}
            marks={marks}
            editable={tool === 'select'}
            groupRef={groupRef}
            draftRef={draftRef}
            onTransform={props.onTransform}
          />
        </Stage>
      )}
    </div>
  );
}

/** Box outlines stay crisp enough drawn from a level magnified up to this much. */
const BOX_LEVEL_MAGNIFY = 1.5;

/**
 * Draws the part of a picture (the image or one of its levels) that is in view, in image pixels:
 * only the pixels on screen are read, however large the picture.
 */
function drawVisible(ctx: CanvasRenderingContext2D, source: LevelCanvas | ImageBitmap, image: { width: number; height: number }, visible: Rect): void {
  const x0 = Math.max(0, Math.floor(visible.minX));
  const y0 = Math.max(0, Math.floor(visible.minY));
  const x1 = Math.min(image.width, Math.ceil(visible.maxX));
  const y1 = Math.min(image.height, Math.ceil(visible.maxY));
  if (x1 <= x0 || y1 <= y0) return;
  const k = source.width / image.width;
  // Levels are drawn at most 1.5 times magnified or reduced a little: bilinear is enough.
  ctx.imageSmoothingQuality = 'low';
  ctx.drawImage(source, x0 * k, y0 * k, (x1 - x0) * k, (y1 - y0) * k, x0, y0, x1 - x0, y1 - y0);
}

/** Draws one decoded tile over the part of the image it covers (nothing while it loads). */
function drawTile(ctx: CanvasRenderingContext2D, tile: ImageBitmap | undefined, place: TilePlace): void {
  if (!tile) return;
  const { minX, minY, maxX, maxY } = place.image;
  ctx.imageSmoothingQuality = 'low';
  ctx.drawImage(tile, 0, 0, place.pixels.width, place.pixels.height, minX, minY, maxX - minX, maxY - minY);
}

/** What the canvas is still waiting for, if anything: the original's decode, or the tiles being made. */
function CanvasMessage({ image, tiles, sources }: { image: ImageRecord; tiles: ImageTiles | null; sources: ReturnType<typeof useImageSources> }) {
  if (sources.error) return null;
  if (tiles?.state.kind === 'making') {
    const { done, total } = tiles.state;
    return <p className="canvas-message">{`Making full-resolution tiles… ${done} of ${total}`}</p>;
  }
  if (tiles?.state.kind === 'failed')
    return !sources.full && <p className="canvas-message">{`Full-resolution tiles could not be made (${tiles.state.message}); loading the original…`}</p>;
  if (tiles || sources.full) return null;
  return <p className="canvas-message">{sources.preview ? 'Loading full resolution…' : `Loading ${image.fileName}…`}</p>;
}

/** Draws a picture over the whole image area, in image pixels, smoothly (for making levels). */
function drawWhole(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, source: CanvasImageSource, image: { width: number; height: number }): void {
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, image.width, image.height);
}

function localPoint(el: HTMLElement, e: { clientX: number; clientY: number }): ScreenPoint {
  const rect = el.getBoundingClientRect();
  return screenPoint(e.clientX - rect.left, e.clientY - rect.top);
}

// The interactive layer: the selected boxes as real Konva nodes with the Transformer, and the
// draft rectangle of a gesture in progress (DESIGN.md "Canvas", STYLE.md 4). A selection of
// more than MAX_HANDLED_SELECTION boxes is drawn as one batched shape instead: it still moves,
// relabels and deletes as a whole, but offers no resize or rotate handles (thousands of nodes
// would make every frame slow, and no one resizes 5,000 boxes by hand at once). Selected boxes
// carry the same claim marks as the others (halo, badge), drawn by the same code as drawBoxes.
import type Konva from 'konva';
import { useEffect, useRef, type RefObject } from 'react';
import { Group, Layer, Rect, Shape, Transformer } from 'react-konva';
import { boxCenter, boxFromCenter, imagePoint, type BoxGeometry } from '../model/geometry';
import { boxesByColor, drawBadges, drawHalos, traceBox, type BoxMarks, type MarkedBox } from './drawBoxes';
import { labelColor, type LabelDef } from '../model/labels';
import type { Annotation, Id } from '../model/records';

interface Props {
  selected: readonly Annotation[];
  labels: readonly LabelDef[];
  marks: BoxMarks;
  editable: boolean;
  groupRef: RefObject<Konva.Group | null>;
  draftRef: RefObject<Konva.Rect | null>;
  onTransform(geometries: ReadonlyMap<Id, BoxGeometry>): void;
}

/** Up to this many selected boxes get their own nodes and the Transformer's handles. */
export const MAX_HANDLED_SELECTION = 300;

export function SelectionLayer({ selected, labels, marks, editable, groupRef, draftRef, onTransform }: Props) {
  const transformerRef = useRef<Konva.Transformer>(null);
  const handled = selected.length <= MAX_HANDLED_SELECTION;

  useEffect(() => {
    const tr = transformerRef.current;
    const group = groupRef.current;
    if (!tr || !group) return;
    tr.nodes(editable && handled ? group.find('.selected-box') : []);
    tr.getLayer()?.batchDraw();
  }, [selected, editable, handled, groupRef]);

  // Resizing boxes turned different ways at once would skew them (Konva scales the group's
  // frame), and a box is a rectangle: then only rotation is offered.
  const resizable = selected.every((a) => a.geometry.rotation === selected[0]?.geometry.rotation);

  // Bake the Transformer's scale into width and height so stored boxes never carry a scale.
  const handleTransformEnd = () => {
    const changed = new Map<Id, BoxGeometry>();
    for (const node of transformerRef.current?.nodes() ?? []) {
      const geometry = nodeGeometry(node);
      const { width, height } = geometry;
      node.setAttrs({ scaleX: 1, scaleY: 1, skewX: 0, skewY: 0, width, height, offsetX: width / 2, offsetY: height / 2 });
      changed.set(node.id(), geometry);
    }
    onTransform(changed);
  };

  return (
    <Layer>
      <Group ref={groupRef}>
        {!handled && <Shape sceneFunc={(ctx, shape) => drawSelection(ctx, shape, selected, labels, marks)} listening={false} perfectDrawEnabled={false} />}
        {/* Marks follow the nodes, so they stay on their boxes while the Transformer turns or resizes them. */}
        {handled && <Shape sceneFunc={(ctx, shape) => drawHalos(ctx._context, liveBoxes(shape), marks, scaleOf(shape))} listening={false} perfectDrawEnabled={false} />}
        {handled && selected.map((a) => {
          const c = boxCenter(a.geometry);
          return (
            <Rect
              key={a.id}
              id={a.id}
              name="selected-box"
              x={c.x}
              y={c.y}
              width={a.geometry.width}
              height={a.geometry.height}
              offsetX={a.geometry.width / 2}
              offsetY={a.geometry.height / 2}
              rotation={a.geometry.rotation}
              stroke={labelColor(labels, a.label)}
              strokeWidth={3}
              strokeScaleEnabled={false}
              fill="rgba(255,255,255,0.12)"
              listening={false}
              perfectDrawEnabled={false}
            />
          );
        })}
        {handled && <Shape sceneFunc={(ctx, shape) => drawBadges(ctx._context, liveBoxes(shape), marks, scaleOf(shape))} listening={false} perfectDrawEnabled={false} />}
      </Group>
      <Transformer
        ref={transformerRef}
        visible={editable && handled}
        rotateEnabled
        resizeEnabled={resizable}
        flipEnabled={false}
        keepRatio={false}
        ignoreStroke
        anchorSize={9}
        borderStroke="#4096ff"
        anchorStroke="#4096ff"
        rotationSnaps={[0, 90, 180, 270]}
        boundBoxFunc={(oldBox, newBox) => (Math.abs(newBox.width) < 2 || Math.abs(newBox.height) < 2 ? oldBox : newBox)}
        onTransformEnd={handleTransformEnd}
      />
      <Rect ref={draftRef} visible={false} strokeWidth={1.5} strokeScaleEnabled={false} listening={false} />
    </Layer>
  );
}

/** Where a selected box's node is now, in image pixels, with the Transformer's scale baked in. */
function nodeGeometry(node: Konva.Node): BoxGeometry {
  return boxFromCenter(imagePoint(node.x(), node.y()), node.width() * node.scaleX(), node.height() * node.scaleY(), node.rotation());
}

/** The selected boxes where their nodes (the shape's siblings) are now, mid-transform included. */
function liveBoxes(shape: Konva.Shape): MarkedBox[] {
  return (shape.getParent()?.find('.selected-box') ?? []).map((node) => ({ id: node.id(), geometry: nodeGeometry(node) }));
}

/** Screen pixels per image pixel, to keep lines and marks the same size on screen at any zoom. */
const scaleOf = (shape: Konva.Shape) => shape.getAbsoluteScale().x;

/** Many selected boxes in one pass: an outline per label colour and a light fill, as nodes would have. */
function drawSelection(ctx: Konva.Context, shape: Konva.Shape, boxes: readonly Annotation[], labels: readonly LabelDef[], marks: BoxMarks): void {
  const c = ctx._context;
  const scale = scaleOf(shape);
  drawHalos(c, boxes, marks, scale);
  for (const [color, group] of boxesByColor(boxes, labels)) {
    c.beginPath();
    for (const b of group) traceBox(c, b.geometry);
    c.fillStyle = 'rgba(255,255,255,0.12)';
    c.fill();
    c.strokeStyle = color;
    c.lineWidth = 3 / scale;
    c.stroke();
  }
  drawBadges(c, boxes, marks, scale);
}


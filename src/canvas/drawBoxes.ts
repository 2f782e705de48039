// Draws many boxes in one pass on a 2D context, grouped by label colour, names only where they
// can be read. Called from a single Konva.Shape's sceneFunc (DESIGN.md "Canvas").
import { boxCorners, type BoxGeometry } from '../model/geometry';
import { labelColor, type LabelDef } from '../model/labels';
import type { Annotation } from '../model/records';

/** Both the on-screen canvas and offscreen renders (overlays, crops) draw boxes. */
export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Names are drawn only while few boxes are on screen and each is tall enough to carry one. */
const MAX_NAMED_BOXES = 600;
const MIN_NAMED_BOX_PX = 14;

export function traceBox(ctx: Context2D, g: BoxGeometry): void {
  if (g.rotation === 0) {
    ctx.rect(g.x, g.y, g.width, g.height);
    return;
  }
  const [a, b, c, d] = boxCorners(g);
  // Not closePath(): in Chromium it costs time in proportion to the path so far (2,000 turned
  // boxes in one path, a tenth of a second). Going round to the second corner again joins the
  // first corner as a closed outline would; one stroke covers the doubled side only once.
  ctx.moveTo(a.x, a.y);
  ctx.lineTo(b.x, b.y);
  ctx.lineTo(c.x, c.y);
  ctx.lineTo(d.x, d.y);
  ctx.lineTo(a.x, a.y);
  ctx.lineTo(b.x, b.y);
}

/** Boxes marked for the eye: linked to any claim (a badge), or to the chosen claim (a halo). */
export interface BoxMarks {
  linked: ReadonlySet<string>;
  highlighted: ReadonlySet<string>;
}

export const NO_MARKS: BoxMarks = { linked: new Set(), highlighted: new Set() };

export function drawBoxes(ctx: Context2D, boxes: readonly Annotation[], labels: readonly LabelDef[], scale: number, marks: BoxMarks = NO_MARKS): void {
  drawHalos(ctx, boxes, marks, scale);
  ctx.lineJoin = 'miter';
  for (const [color, group] of boxesByColor(boxes, labels)) {
    strokeOutlines(ctx, group, 'rgba(0,0,0,0.55)', 4 / scale);
    strokeOutlines(ctx, group, color, 2 / scale);
  }
  drawBadges(ctx, boxes, marks, scale);
  if (boxes.length <= MAX_NAMED_BOXES) drawNames(ctx, boxes, labels, scale);
}

/**
 * Strokes the boxes' outlines: upright boxes one strokeRect each, turned boxes as one path.
 * Measured in Chromium (software rendering, 20,000 boxes on a 1,250-px level): one path of every
 * box stroked takes 80-100 ms a stroke, strokeRect for each box 17 ms.
 */
function strokeOutlines(ctx: Context2D, boxes: readonly Annotation[], style: string, width: number): void {
  ctx.strokeStyle = style;
  ctx.lineWidth = width;
  ctx.beginPath();
  for (const { geometry: g } of boxes) {
    if (g.rotation === 0) ctx.strokeRect(g.x, g.y, g.width, g.height);
    else traceBox(ctx, g);
  }
  ctx.stroke();
}

/** Boxes grouped by their label's colour, so each colour is one path. */
export function boxesByColor(boxes: readonly Annotation[], labels: readonly LabelDef[]): Map<string, Annotation[]> {
  const byColor = new Map<string, Annotation[]>();
  for (const b of boxes) {
    const color = labelColor(labels, b.label);
    const group = byColor.get(color);
    if (group) group.push(b);
    else byColor.set(color, [b]);
  }
  return byColor;
}

/** What a mark needs of a box: which box it is and where it is now. */
export type MarkedBox = Pick<Annotation, 'id' | 'geometry'>;

/** A halo round each of the boxes linked to the chosen claim: draw it before their outlines. */
export function drawHalos(ctx: Context2D, boxes: readonly MarkedBox[], marks: BoxMarks, scale: number): void {
  if (!marks.highlighted.size) return;
  ctx.beginPath();
  for (const b of boxes) if (marks.highlighted.has(b.id)) traceBox(ctx, b.geometry);
  ctx.strokeStyle = 'rgba(255, 236, 61, 0.55)';
  ctx.lineWidth = 10 / scale;
  ctx.stroke();
}

/** A small dot at each linked box's top-right corner, "this box bears on a claim": draw it after their outlines. */
export function drawBadges(ctx: Context2D, boxes: readonly MarkedBox[], marks: BoxMarks, scale: number): void {
  if (!marks.linked.size) return;
  const r = 4.5 / scale;
  ctx.beginPath();
  for (const b of boxes) {
    if (!marks.linked.has(b.id)) continue;
    const corner = boxCorners(b.geometry)[1];
    ctx.moveTo(corner.x + r, corner.y);
    ctx.arc(corner.x, corner.y, r, 0, Math.PI * 2);
  }
  ctx.fillStyle = '#ffec3d';
  ctx.fill();
  ctx.strokeStyle = 'rgba(0,0,0,0.8)';
  ctx.lineWidth = 1.5 / scale;
  ctx.stroke();
}

function drawNames(ctx: Context2D, boxes: readonly Annotation[], labels: readonly LabelDef[], scale: number): void {
  const fontPx = 12 / scale;
  ctx.font = `${fontPx}px system-ui, sans-serif`;
  ctx.textBaseline = 'bottom';
  for (const b of boxes) {
    if (b.geometry.height * scale < MIN_NAMED_BOX_PX) continue;
    const [topLeft] = boxCorners(b.geometry);
    const text = b.attributes.name ? `${b.label}: ${b.attributes.name}` : b.label;
    const w = ctx.measureText(text).width;
    ctx.fillStyle = 'rgba(0,0,0,0.6)';
    ctx.fillRect(topLeft.x, topLeft.y - fontPx * 1.3, w + 6 / scale, fontPx * 1.3);
    ctx.fillStyle = labelColor(labels, b.label);
    ctx.fillText(text, topLeft.x + 3 / scale, topLeft.y - fontPx * 0.15);
  }
}

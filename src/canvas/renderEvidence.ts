// Pictures of the evidence for readers without the app: each annotated image with its boxes
// drawn (overlays/ in a bundle) and each linked box cropped from its image (report.html).
import { boxBounds } from '../model/geometry';
import { labelColor, type LabelDef } from '../model/labels';
import type { Annotation } from '../model/records';
import { drawBoxes, traceBox, type Context2D } from './drawBoxes';

const OVERLAY_MAX_SIDE = 2048;
const CROP_MAX_SIDE = 220;

async function jpeg(canvas: OffscreenCanvas, quality: number): Promise<Blob> {
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
}

function context(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw offscreen.');
  return ctx;
}

/** The whole image, at most 2048 px on a side, with every box and its label. */
export async function renderOverlay(original: Blob, boxes: readonly Annotation[], labels: readonly LabelDef[]): Promise<Uint8Array> {
  const bitmap = await createImageBitmap(original);
  try {
    const scale = Math.min(1, OVERLAY_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = new OffscreenCanvas(Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
    const ctx = context(canvas);
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    drawBoxes(ctx, boxes, labels, scale);
    return new Uint8Array(await (await jpeg(canvas, 0.85)).arrayBuffer());
  } finally {
    bitmap.close();
  }
}

/**
 * Draws a box cut from its image, with a margin of a quarter of its size so the crop shows its
 * surroundings, scaled to at most `maxSide` pixels; sizes the canvas to fit.
 */
export function drawCrop(canvas: HTMLCanvasElement | OffscreenCanvas, bitmap: ImageBitmap, box: Annotation, labels: readonly LabelDef[], maxSide: number): void {
  const b = boxBounds(box.geometry);
  const pad = Math.max(b.maxX - b.minX, b.maxY - b.minY) * 0.25 + 4;
  const sx = Math.max(0, b.minX - pad);
  const sy = Math.max(0, b.minY - pad);
  const sw = Math.max(1, Math.min(bitmap.width, b.maxX + pad) - sx);
  const sh = Math.max(1, Math.min(bitmap.height, b.maxY + pad) - sy);
  const scale = Math.min(4, maxSide / Math.max(sw, sh));
  canvas.width = Math.max(1, Math.round(sw * scale));
  canvas.height = Math.max(1, Math.round(sh * scale));
  const ctx = canvas.getContext('2d') as Context2D | null;
  if (!ctx) throw new Error('This browser cannot draw.');
  ctx.drawImage(bitmap, sx, sy, sw, sh, 0, 0, canvas.width, canvas.height);
  ctx.setTransform(scale, 0, 0, scale, -sx * scale, -sy * scale);
  ctx.beginPath();
  traceBox(ctx, box.geometry);
  ctx.strokeStyle = labelColor(labels, box.label);
  ctx.lineWidth = 2 / scale;
  ctx.stroke();
}

/** Each box cut from its image with a margin, as small JPEG data: URIs by annotation id. */
export async function renderCrops(original: Blob, boxes: readonly Annotation[], labels: readonly LabelDef[]): Promise<Map<string, string>> {
  const crops = new Map<string, string>();
  if (boxes.length === 0) return crops;
  const bitmap = await createImageBitmap(original);
  try {
    for (const box of boxes) {
      const canvas = new OffscreenCanvas(1, 1);
      drawCrop(canvas, bitmap, box, labels, CROP_MAX_SIDE);
      crops.set(box.id, await dataUri(await jpeg(canvas, 0.8)));
    }
  } finally {
    bitmap.close();
  }
  return crops;
}

async function dataUri(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${blob.type};base64,${btoa(binary)}`;
}

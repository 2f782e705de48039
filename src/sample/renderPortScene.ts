// Draws a PortScene with the Canvas 2D API so that it reads as a port seen from above. Texture
// comes from the scene's seed, so the PNG is as reproducible as the layout. No per-pixel work
// over the whole image: a small noise tile and a few hundred batched strokes keep it fast.
import type { BerthElement, BuildingElement, LandElement, PortScene, RailElement, RoadElement, SceneElement } from './portScene';
import { mulberry32 } from './portScene';
import type { Ctx } from './drawPortObjects';
import { drawContainer, drawCrane, drawRailCar, drawShip, drawStack, drawVehicle, tracePolygon } from './drawPortObjects';

export const SAMPLE_CAPTION = 'SYNTHETIC SAMPLE — not real imagery';

type Random = () => number;

/** A 128 px tile of faint grain; tiled over the water it breaks up the flat colour. */
function noisePattern(ctx: Ctx, rnd: Random): CanvasPattern | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const size = 128;
  const tile = new OffscreenCanvas(size, size);
  const tctx = tile.getContext('2d');
  if (!tctx) return null;
  const img = tctx.createImageData(size, size);
  // Sparse specks rather than grain on every pixel: nearly the same look, half the PNG size.
  for (let i = 0; i < img.data.length; i += 4) {
    if (rnd() > 0.18) continue;
    const v = rnd() < 0.5 ? 0 : 255;
    img.data[i] = v;
    img.data[i + 1] = v;
    img.data[i + 2] = v;
    img.data[i + 3] = 8 + Math.floor(rnd() * 14);
  }
  tctx.putImageData(img, 0, 0);
  return ctx.createPattern(tile, 'repeat');
}

function drawWater(ctx: Ctx, scene: PortScene, rnd: Random): void {
  const grad = ctx.createLinearGradient(0, 0, scene.width * 0.4, scene.height);
  grad.addColorStop(0, '#0b2c38');
  grad.addColorStop(1, '#184a4f');
  ctx.fillStyle = grad;
  ctx.fillRect(0, 0, scene.width, scene.height);
  const pattern = noisePattern(ctx, rnd);
  if (pattern) {
    ctx.fillStyle = pattern;
    ctx.fillRect(0, 0, scene.width, scene.height);
  }
  // Wind ripples: short, mostly parallel crests, light and dark in two batched paths.
  for (const [style, n] of [['rgba(190, 225, 225, 0.09)', 800], ['rgba(0, 10, 15, 0.12)', 500]] as const) {
    ctx.strokeStyle = style;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      const x = rnd() * scene.width;
      const y = rnd() * scene.height;
      const len = 8 + rnd() * 26;
      ctx.moveTo(x, y);
      ctx.quadraticCurveTo(x + len / 2, y - 2 - rnd() * 2, x + len, y + (rnd() - 0.5) * 4);
    }
    ctx.stroke();
  }
}

function drawLand(ctx: Ctx, land: LandElement, rnd: Random): void {
  const bounds = land.points.reduce((b, p) => ({ x0: Math.min(b.x0, p.x), y0: Math.min(b.y0, p.y), x1: Math.max(b.x1, p.x), y1: Math.max(b.y1, p.y) }), { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity });
  const rock = land.surface === 'rock';
  // Shadow of the raised edge onto the water, and surf foam along a breakwater.
  ctx.fillStyle = 'rgba(3, 10, 14, 0.45)';
  tracePolygon(ctx, land.points.map((p) => ({ x: p.x + 5, y: p.y + 6 })));
  ctx.fill();
  if (rock) {
    ctx.strokeStyle = 'rgba(225, 240, 240, 0.25)';
    ctx.lineWidth = 7;
    tracePolygon(ctx, land.points);
    ctx.stroke();
  }
  ctx.fillStyle = rock ? '#746d62' : '#b3ada0';
  tracePolygon(ctx, land.points);
  ctx.fill();
  ctx.save();
  tracePolygon(ctx, land.points);
  ctx.clip();
  const w = bounds.x1 - bounds.x0;
  const h = bounds.y1 - bounds.y0;
  if (rock) {
    // Armour stones: many small light and dark blobs.
    for (const style of ['rgba(40, 35, 30, 0.5)', 'rgba(200, 195, 185, 0.35)']) {
      ctx.fillStyle = style;
      ctx.beginPath();
      for (let i = 0; i < 500; i++) {
        const x = bounds.x0 + rnd() * w;
        const y = bounds.y0 + rnd() * h;
        ctx.moveTo(x, y);
        ctx.arc(x, y, 1.5 + rnd() * 2.5, 0, Math.PI * 2);
      }
      ctx.fill();
    }
  } else {
    // Concrete: slab joints on a grid, then weathering stains of different tones.
    ctx.strokeStyle = 'rgba(60, 55, 45, 0.07)';
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let x = bounds.x0; x < bounds.x1; x += 48) {
      ctx.moveTo(x, bounds.y0);
      ctx.lineTo(x, bounds.y1);
    }
    for (let y = bounds.y0; y < bounds.y1; y += 48) {
      ctx.moveTo(bounds.x0, y);
      ctx.lineTo(bounds.x1, y);
    }
    ctx.stroke();
    for (let i = 0; i < 260; i++) {
      ctx.fillStyle = rnd() < 0.6 ? `rgba(70, 65, 55, ${0.03 + rnd() * 0.06})` : `rgba(235, 230, 215, ${0.04 + rnd() * 0.06})`;
      ctx.fillRect(bounds.x0 + rnd() * w, bounds.y0 + rnd() * h, 20 + rnd() * 140, 10 + rnd() * 70);
    }
  }
  ctx.restore();
  ctx.strokeStyle = rock ? '#4f4a43' : '#6e695f';
  ctx.lineWidth = 2;
  tracePolygon(ctx, land.points);
  ctx.stroke();
}

/** Quay edge furniture: bollards, a yellow safety line, the crane rails and a painted name. */
function drawBerth(ctx: Ctx, b: BerthElement): void {
  const north = b.water === 'north';
  const len = north ? b.to.x - b.from.x : b.to.y - b.from.y;
  const at = (along: number, inland: number) => (north ? { x: b.from.x + along, y: b.from.y + inland } : { x: b.from.x + inland, y: b.from.y + along });
  const line = (inland: number, style: string, width: number) => {
    const p = at(0, inland);
    const q = at(len, inland);
    ctx.strokeStyle = style;
    ctx.lineWidth = width;
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
    ctx.lineTo(q.x, q.y);
    ctx.stroke();
  };
  line(1.5, '#3f3c37', 3);
  line(12, 'rgba(230, 190, 40, 0.8)', 2);
  line(9, 'rgba(50, 48, 45, 0.55)', 1.5);
  line(67, 'rgba(50, 48, 45, 0.55)', 1.5);
  ctx.fillStyle = '#2c2a27';
  ctx.beginPath();
  for (let s = 10; s < len; s += 36) {
    const p = at(s, 4.5);
    ctx.moveTo(p.x + 2.5, p.y);
    ctx.arc(p.x, p.y, 2.5, 0, Math.PI * 2);
  }
  ctx.fill();
  const label = at(14, 40);
  ctx.fillStyle = 'rgba(245, 245, 240, 0.75)';
  ctx.font = 'bold 22px sans-serif';
  ctx.fillText(b.name, label.x, label.y);
}

function drawRoad(ctx: Ctx, r: RoadElement): void {
  const path = () => {
    ctx.beginPath();
    r.points.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
  };
  ctx.lineJoin = 'round';
  ctx.strokeStyle = '#56575a';
  ctx.lineWidth = r.width + 2;
  path();
  ctx.stroke();
  ctx.strokeStyle = '#47484b';
  ctx.lineWidth = r.width;
  path();
  ctx.stroke();
  ctx.strokeStyle = 'rgba(240, 240, 230, 0.7)';
  ctx.lineWidth = 1.5;
  ctx.setLineDash([14, 12]);
  path();
  ctx.stroke();
  ctx.setLineDash([]);
}

function drawRail(ctx: Ctx, r: RailElement): void {
  const dx = r.to.x - r.from.x;
  const dy = r.to.y - r.from.y;
  const len = Math.hypot(dx, dy);
  const ux = dx / len;
  const uy = dy / len;
  const stroke = (style: string, width: number, draw: () => void) => {
    ctx.strokeStyle = style;
    ctx.lineWidth = width;
    ctx.beginPath();
    draw();
    ctx.stroke();
  };
  const segment = (off: number, a = 0, b = len) => {
    ctx.moveTo(r.from.x + ux * a - uy * off, r.from.y + uy * a + ux * off);
    ctx.lineTo(r.from.x + ux * b - uy * off, r.from.y + uy * b + ux * off);
  };
  stroke('#6f675c', 18, () => segment(0));
  stroke('#4a3e33', 2.5, () => {
    for (let s = 0; s < len; s += 7) {
      ctx.moveTo(r.from.x + ux * s - uy * 6, r.from.y + uy * s + ux * 6);
      ctx.lineTo(r.from.x + ux * s + uy * 6, r.from.y + uy * s - ux * 6);
    }
  });
  stroke('#a4a8ab', 1.5, () => {
    segment(-3.5);
    segment(3.5);
  });
}

function drawBuilding(ctx: Ctx, b: BuildingElement): void {
  const { x, y, width, height } = b.rect;
  ctx.fillStyle = 'rgba(8, 12, 14, 0.38)';
  ctx.fillRect(x + 9, y + 11, width, height);
  ctx.fillStyle = b.roof;
  ctx.fillRect(x, y, width, height);
  // Corrugated roof panels across the short side, and a ridge along the long side.
  const wide = width >= height;
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.08)';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let s = 6; s < (wide ? width : height); s += 6) {
    ctx.moveTo(wide ? x + s : x, wide ? y : y + s);
    ctx.lineTo(wide ? x + s : x + width, wide ? y + height : y + s);
  }
  ctx.stroke();
  ctx.fillStyle = 'rgba(0, 0, 0, 0.12)';
  if (wide) ctx.fillRect(x, y + height / 2, width, height / 2);
  else ctx.fillRect(x + width / 2, y, width / 2, height);
  ctx.strokeStyle = 'rgba(40, 40, 40, 0.5)';
  ctx.strokeRect(x + 0.5, y + 0.5, width - 1, height - 1);
}

function drawCaption(ctx: Ctx): void {
  ctx.font = '600 15px sans-serif';
  const w = ctx.measureText(SAMPLE_CAPTION).width;
  ctx.fillStyle = 'rgba(0, 0, 0, 0.45)';
  ctx.fillRect(12, 12, w + 16, 26);
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.fillText(SAMPLE_CAPTION, 20, 30);
}

function drawElement(ctx: Ctx, e: SceneElement, rnd: Random, scene: PortScene): void {
  switch (e.kind) {
    case 'water': return drawWater(ctx, scene, rnd);
    case 'land': return drawLand(ctx, e, rnd);
    case 'berth': return drawBerth(ctx, e);
    case 'road': return drawRoad(ctx, e);
    case 'rail': return drawRail(ctx, e);
    case 'building': return drawBuilding(ctx, e);
    case 'containerStack': return drawStack(ctx, e);
    case 'container': return drawContainer(ctx, e);
    case 'ship': return drawShip(ctx, e);
    case 'crane': return drawCrane(ctx, e);
    case 'railCar': return drawRailCar(ctx, e);
    case 'vehicle': return drawVehicle(ctx, e);
    default: {
      const unknown: never = e;
      throw new Error(`no drawing for ${JSON.stringify(unknown)}`);
    }
  }
}

export function renderPortScene(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, scene: PortScene): void {
  const rnd = mulberry32(scene.seed ^ 0x9e3779b9);
  ctx.save();
  for (const e of scene.elements) drawElement(ctx, e, rnd, scene);
  drawCaption(ctx);
  ctx.restore();
}

export async function renderPortScenePng(scene: PortScene): Promise<Blob> {
  const canvas = new OffscreenCanvas(scene.width, scene.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('A 2D canvas is not available for drawing the sample image.');
  renderPortScene(ctx, scene);
  return canvas.convertToBlob({ type: 'image/png' });
}

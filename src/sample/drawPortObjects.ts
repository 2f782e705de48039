// Drawing of the objects that sit on the ground or water of the synthetic port (containers, ships,
// cranes, rail cars, trucks). Split from renderPortScene.ts to keep both files short. Shadows all
// fall towards the lower right (sun in the north-west) and grow with height, which is what makes a
// flat drawing read as a view from above.
import type { ContainerElement, ContainerGrid, CraneElement, Point, RailCarElement, ShipElement, StackElement, VehicleElement } from './portScene';
import { gridSize, shipHull, shipLayout } from './portScene';

export type Ctx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

const SHADOW = 'rgba(8, 12, 14, 0.38)';
/** Shadow offset in image pixels per pixel of height. */
const SUN = { x: 0.8, y: 1.0 };

/** Scales a #rrggbb colour's brightness; used to light higher containers more than lower ones. */
export function shade(hex: string, factor: number): string {
  const n = parseInt(hex.slice(1), 16);
  const c = (v: number) => Math.max(0, Math.min(255, Math.round(v * factor)));
  return `rgb(${c((n >> 16) & 255)}, ${c((n >> 8) & 255)}, ${c(n & 255)})`;
}

export function tracePolygon(ctx: Ctx, points: readonly Point[]): void {
  ctx.beginPath();
  points.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
  ctx.closePath();
}

/** The world shadow direction expressed in a frame rotated by `rotation` degrees. */
function localShadow(rotation: number, height: number): Point {
  const a = (-rotation * Math.PI) / 180;
  const dx = SUN.x * height;
  const dy = SUN.y * height;
  return { x: dx * Math.cos(a) - dy * Math.sin(a), y: dx * Math.sin(a) + dy * Math.cos(a) };
}

/** One container roof: base colour, a sunlit upper edge, a darker lower edge. */
function containerRoof(ctx: Ctx, x: number, y: number, l: number, w: number, color: string): void {
  ctx.fillStyle = color;
  ctx.fillRect(x, y, l, w);
  ctx.fillStyle = 'rgba(255, 255, 255, 0.16)';
  ctx.fillRect(x, y, l, 1);
  ctx.fillStyle = 'rgba(0, 0, 0, 0.22)';
  ctx.fillRect(x, y + w - 1, l, 1);
}

/**
 * A grid of containers with its top-left at (x0, y0). Cells are drawn lowest tier first, each
 * tier's shadows before its roofs, so taller stacks cast shadows over lower neighbours.
 */
function drawGrid(ctx: Ctx, g: ContainerGrid, x0: number, y0: number, tierHeight: number): void {
  const pitchX = g.containerLength + g.gapAlong;
  const pitchY = g.containerWidth + g.gapAcross;
  const maxTier = Math.max(0, ...g.tiers);
  for (let tier = 1; tier <= maxTier; tier++) {
    const cells: { x: number; y: number; color: string }[] = [];
    g.colors.forEach((color, i) => {
      if (!color || g.tiers[i] !== tier) return;
      cells.push({ x: x0 + (i % g.cols) * pitchX, y: y0 + Math.floor(i / g.cols) * pitchY, color });
    });
    const off = tier * tierHeight;
    ctx.fillStyle = SHADOW;
    for (const c of cells) ctx.fillRect(c.x - 1, c.y - 1, g.containerLength + 2 + off * SUN.x, g.containerWidth + 2 + off * SUN.y);
    for (const c of cells) containerRoof(ctx, c.x, c.y, g.containerLength, g.containerWidth, shade(c.color, 0.78 + tier * 0.07));
  }
}

export function drawStack(ctx: Ctx, s: StackElement): void {
  const { width, height } = gridSize(s.grid);
  // Painted slot markings on the ground, visible around and between the stacks.
  ctx.strokeStyle = 'rgba(255, 255, 250, 0.35)';
  ctx.lineWidth = 1;
  ctx.strokeRect(s.x - 3.5, s.y - 3.5, width + 7, height + 7);
  drawGrid(ctx, s.grid, s.x, s.y, 2.4);
}

export function drawContainer(ctx: Ctx, c: ContainerElement): void {
  ctx.save();
  ctx.translate(c.cx, c.cy);
  ctx.rotate((c.rotation * Math.PI) / 180);
  const sh = localShadow(c.rotation, 3);
  ctx.fillStyle = SHADOW;
  ctx.fillRect(-c.length / 2 + sh.x, -c.width / 2 + sh.y, c.length, c.width);
  containerRoof(ctx, -c.length / 2, -c.width / 2, c.length, c.width, shade(c.color, 0.9));
  ctx.restore();
}

function drawWake(ctx: Ctx, s: ShipElement): void {
  const hl = s.length / 2;
  const hb = s.beam / 2;
  const reach = Math.max(s.length * 1.3, 90);
  const fade = (alpha: number, from: number, to: number) => {
    const grad = ctx.createLinearGradient(from, 0, to, 0);
    grad.addColorStop(0, `rgba(215, 235, 235, ${alpha})`);
    grad.addColorStop(1, 'rgba(215, 235, 235, 0)');
    return grad;
  };
  // Turbulent trail behind the stern: nested, widening bands give it a soft edge without a blur.
  for (const [widen, alpha] of [[1.5, 0.07], [1.1, 0.09], [0.7, 0.12]] as const) {
    ctx.fillStyle = fade(alpha, -hl, -hl - reach * 0.7);
    ctx.beginPath();
    ctx.moveTo(-hl + 2, -hb * 0.55 * widen);
    ctx.lineTo(-hl - reach * 0.7, -hb * 1.4 * widen);
    ctx.lineTo(-hl - reach * 0.7, hb * 1.4 * widen);
    ctx.lineTo(-hl + 2, hb * 0.55 * widen);
    ctx.closePath();
    ctx.fill();
  }
  // Kelvin wake: two arms from the bow opening at about 19.5 degrees on each side.
  const spread = Math.tan((19.5 * Math.PI) / 180);
  ctx.strokeStyle = fade(0.16, hl * 0.6, hl - reach);
  ctx.lineWidth = Math.max(1.5, hb * 0.12);
  ctx.beginPath();
  for (const side of [-1, 1]) {
    for (const off of [0, 5]) {
      ctx.moveTo(hl * 0.9, side * (hb + off * 0.3));
      ctx.lineTo(hl - reach - off * 4, side * (hb + off + (reach + off * 4) * spread));
    }
  }
  ctx.stroke();
  // Bow wave: a bright line hugging the stem.
  const { bowLength } = shipLayout(s);
  ctx.strokeStyle = 'rgba(230, 245, 245, 0.35)';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(hl - bowLength * 1.3, -hb - 2);
  ctx.lineTo(hl - bowLength, -hb - 2);
  ctx.lineTo(hl + 2, 0);
  ctx.lineTo(hl - bowLength, hb + 2);
  ctx.lineTo(hl - bowLength * 1.3, hb + 2);
  ctx.stroke();
}

function drawDeckGear(ctx: Ctx, s: ShipElement): void {
  const { bridgeStart, bridgeEnd, cargoStart, cargoEnd } = shipLayout(s);
  const hb = s.beam / 2;
  if (s.type === 'container' && s.cargo) {
    const g = s.cargo;
    const { width, height } = gridSize(g);
    drawGrid(ctx, g, cargoStart + (cargoEnd - cargoStart - width) / 2, -height / 2, 0.8);
  } else if (s.type === 'bulk') {
    const n = 7;
    const pitch = (cargoEnd - cargoStart) / n;
    for (let i = 0; i < n; i++) {
      ctx.fillStyle = i % 2 ? '#5d6b70' : '#66757a';
      ctx.fillRect(cargoStart + i * pitch + 3, -hb * 0.55, pitch - 6, hb * 1.1);
    }
  } else if (s.type === 'tanker') {
    ctx.strokeStyle = '#c9c9bd';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(cargoStart, 0);
    ctx.lineTo(cargoEnd, 0);
    const mid = (cargoStart + cargoEnd) / 2;
    ctx.moveTo(mid, -hb * 0.8);
    ctx.lineTo(mid, hb * 0.8);
    ctx.stroke();
  }
  // Superstructure: a white block that stands well above the deck, hence its long shadow.
  const bw = s.type === 'tug' ? s.beam * 0.6 : s.beam * 0.92;
  const sh = localShadow(s.rotation, s.type === 'tug' ? 4 : 14);
  ctx.fillStyle = SHADOW;
  ctx.fillRect(bridgeStart + sh.x, -bw / 2 + sh.y, bridgeEnd - bridgeStart, bw);
  ctx.fillStyle = '#e4e3dc';
  ctx.fillRect(bridgeStart, -bw / 2, bridgeEnd - bridgeStart, bw);
  ctx.fillStyle = 'rgba(0, 0, 0, 0.18)';
  ctx.fillRect(bridgeStart, -bw / 2, (bridgeEnd - bridgeStart) * 0.35, bw);
}

export function drawShip(ctx: Ctx, s: ShipElement): void {
  const hull = shipHull(s);
  const rad = (s.rotation * Math.PI) / 180;
  const sh = localShadow(s.rotation, s.type === 'tug' ? 3 : 7);
  ctx.save();
  ctx.translate(s.cx, s.cy);
  ctx.rotate(rad);
  if (s.underway) drawWake(ctx, s);
  ctx.fillStyle = SHADOW;
  tracePolygon(ctx, hull.map((p) => ({ x: p.x + sh.x, y: p.y + sh.y })));
  ctx.fill();
  ctx.fillStyle = s.hull;
  tracePolygon(ctx, hull);
  ctx.fill();
  // The deck is the hull outline shrunk by a few pixels, leaving the dark hull as a rim.
  const inset = Math.max(2, s.beam * 0.06);
  const sx = (s.length / 2 - inset) / (s.length / 2);
  const sy = (s.beam / 2 - inset) / (s.beam / 2);
  ctx.fillStyle = s.deck;
  tracePolygon(ctx, hull.map((p) => ({ x: p.x * sx - inset * 0.5, y: p.y * sy })));
  ctx.fill();
  drawDeckGear(ctx, s);
  ctx.restore();
}

export function drawCrane(ctx: Ctx, c: CraneElement): void {
  const { gantry: g, boom } = c;
  const lift = c.type === 'quay' ? 30 : 12;
  // Shadows first: a quay crane is tall, so its shadow lands far from its footprint.
  ctx.fillStyle = 'rgba(8, 12, 14, 0.28)';
  for (const r of boom ? [g, boom] : [g]) {
    if (r === boom) ctx.fillRect(r.x + lift * SUN.x, r.y + lift * SUN.y, r.width, r.height);
    else ctx.fillRect(r.x + lift * 0.6 * SUN.x, r.y + lift * 0.6 * SUN.y, r.width, r.height);
  }
  ctx.strokeStyle = shade(c.color, 0.85);
  ctx.lineWidth = 4;
  ctx.strokeRect(g.x + 2, g.y + 2, g.width - 4, g.height - 4);
  ctx.fillStyle = shade(c.color, 0.55);
  for (const [lx, ly] of [[g.x, g.y], [g.x + g.width - 6, g.y], [g.x, g.y + g.height - 6], [g.x + g.width - 6, g.y + g.height - 6]] as const) ctx.fillRect(lx, ly, 6, 6);
  if (!boom) {
    ctx.fillStyle = '#3a3f44';
    ctx.fillRect(g.x + 4, g.y + g.height / 2 - 5, g.width - 8, 10);
    return;
  }
  ctx.fillStyle = c.color;
  ctx.fillRect(boom.x, boom.y, boom.width, boom.height);
  // Lattice of the boom as a zigzag, drawn along its long axis.
  const vertical = boom.height > boom.width;
  const len = vertical ? boom.height : boom.width;
  ctx.strokeStyle = shade(c.color, 0.6);
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let t = 0; t <= len; t += 8) {
    const across = (t / 8) % 2 ? 2 : (vertical ? boom.width : boom.height) - 2;
    if (vertical) ctx.lineTo(boom.x + across, boom.y + t);
    else ctx.lineTo(boom.x + t, boom.y + across);
  }
  ctx.stroke();
  // Machinery house at the landward end, trolley out on the boom.
  ctx.fillStyle = '#ecebe4';
  if (vertical) ctx.fillRect(boom.x - 3, boom.y + boom.height - 22, boom.width + 6, 20);
  else ctx.fillRect(boom.x + boom.width - 22, boom.y - 3, 20, boom.height + 6);
  ctx.fillStyle = '#2d3136';
  if (vertical) ctx.fillRect(boom.x + 2, boom.y + 40, boom.width - 4, 9);
  else ctx.fillRect(boom.x + 40, boom.y + 2, 9, boom.height - 4);
}

export function drawRailCar(ctx: Ctx, c: RailCarElement): void {
  const r = c.rect;
  ctx.fillStyle = SHADOW;
  ctx.fillRect(r.x + 3, r.y + 4, r.width, r.height);
  ctx.fillStyle = c.color;
  ctx.fillRect(r.x, r.y, r.width, r.height);
  const l = c.load.length === 1 ? 40 : 27;
  c.load.forEach((color, i) => {
    const x = c.load.length === 1 ? r.x + (r.width - l) / 2 : r.x + 2 + i * (l + 2);
    containerRoof(ctx, x, r.y + 1.5, l, r.height - 3, shade(color, 0.9));
  });
}

export function drawVehicle(ctx: Ctx, v: VehicleElement): void {
  const hl = v.length / 2;
  const hw = v.width / 2;
  const sh = localShadow(v.rotation, 3);
  ctx.save();
  ctx.translate(v.cx, v.cy);
  ctx.rotate((v.rotation * Math.PI) / 180);
  ctx.fillStyle = SHADOW;
  ctx.fillRect(-hl + sh.x, -hw + sh.y, v.length, v.width);
  ctx.fillStyle = '#2b2b2d';
  ctx.fillRect(-hl, -hw + 1, v.length * 0.78, v.width - 2);
  if (v.load) containerRoof(ctx, -hl, -hw, v.length * 0.76, v.width, shade(v.load, 0.9));
  ctx.fillStyle = v.cab;
  ctx.fillRect(hl - v.length * 0.18, -hw, v.length * 0.18, v.width);
  ctx.fillStyle = 'rgba(20, 30, 40, 0.8)';
  ctx.fillRect(hl - 3, -hw + 1, 2, v.width - 2);
  ctx.restore();
}

// The synthetic port scene behind the built-in sample case. Pure data: no DOM, so the layout and
// the example boxes can be unit-tested and drawn anywhere (renderPortScene.ts). Everything comes
// from one seeded PRNG, so the same seed always gives the same image and the same boxes.
import type { BoxGeometry } from '../model/geometry';
import { roundGeometry } from '../model/geometry';
import type { BoxAttributes } from '../model/records';

export const DEFAULT_SEED = 2023;
export const SCENE_WIDTH = 2400;
export const SCENE_HEIGHT = 1600;
export const SAMPLE_TITLE = 'Synthetic port scene (generated sample, not real imagery)';

export type SampleLabel = 'ship' | 'container' | 'container stack' | 'crane' | 'vehicle' | 'rail car' | 'other';
export interface SampleAnnotation {
  label: SampleLabel;
  geometry: BoxGeometry;
  attributes?: Pick<BoxAttributes, 'note' | 'count' | 'name'>;
}
export interface Point { x: number; y: number }
export interface Rect { x: number; y: number; width: number; height: number }
interface Annotated { annotation?: SampleAnnotation }

/** Containers seen from above, long side along the grid's columns; row-major cells, null = empty slot. */
export interface ContainerGrid {
  rows: number;
  cols: number;
  containerLength: number;
  containerWidth: number;
  gapAlong: number;
  gapAcross: number;
  colors: (string | null)[];
  /** Containers stacked in each cell (0 for an empty slot). */
  tiers: number[];
}
export type ShipType = 'container' | 'bulk' | 'tanker' | 'tug';

export interface WaterElement { kind: 'water'; rect: Rect }
export interface LandElement { kind: 'land'; points: Point[]; surface: 'concrete' | 'rock' }
/** A quay edge segment; `water` says on which side of the segment the water lies. */
export interface BerthElement { kind: 'berth'; name: string; from: Point; to: Point; water: 'north' | 'west' }
export interface RoadElement { kind: 'road'; points: Point[]; width: number }
export interface RailElement { kind: 'rail'; from: Point; to: Point }
export interface BuildingElement { kind: 'building'; rect: Rect; roof: string }
export interface StackElement extends Annotated { kind: 'containerStack'; x: number; y: number; grid: ContainerGrid }
export interface ContainerElement extends Annotated { kind: 'container'; cx: number; cy: number; length: number; width: number; rotation: number; color: string }
/** Ship in its own frame: bow towards local +x, rotated clockwise by `rotation` degrees about (cx, cy). */
export interface ShipElement extends Annotated {
  kind: 'ship';
  type: ShipType;
  cx: number;
  cy: number;
  length: number;
  beam: number;
  rotation: number;
  hull: string;
  deck: string;
  cargo: ContainerGrid | null;
  underway: boolean;
}
/** Seen from above a crane is axis-aligned: a gantry (legs and portal) and, for quay cranes, a boom. */
export interface CraneElement extends Annotated { kind: 'crane'; type: 'quay' | 'yard'; gantry: Rect; boom: Rect | null; color: string }
export interface RailCarElement extends Annotated { kind: 'railCar'; rect: Rect; color: string; load: string[] }
export interface VehicleElement extends Annotated { kind: 'vehicle'; cx: number; cy: number; length: number; width: number; rotation: number; cab: string; load: string | null }

/** In drawing order: later elements are painted over earlier ones. */
export type SceneElement =
  | WaterElement | LandElement | BerthElement | RoadElement | RailElement | BuildingElement | StackElement
  | ContainerElement | ShipElement | CraneElement | RailCarElement | VehicleElement;

export interface PortScene { width: number; height: number; seed: number; title: string; description: string; elements: SceneElement[] }

/** mulberry32: tiny, fast and good enough for scenery; the renderer uses it too for texture. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Where the bow, bridge and cargo sit along a ship's local x axis; shared with the renderer. */
export function shipLayout(ship: Pick<ShipElement, 'length' | 'beam' | 'type'>) {
  const half = ship.length / 2;
  const bowLength = Math.min(ship.length * 0.16, ship.beam * 1.6);
  const bridgeStart = -half + ship.length * (ship.type === 'tug' ? 0.3 : 0.05);
  const bridgeEnd = bridgeStart + ship.length * (ship.type === 'tug' ? 0.3 : 0.07);
  return { bowLength, bridgeStart, bridgeEnd, cargoStart: bridgeEnd + 4, cargoEnd: half - bowLength - 2 };
}

/** Hull outline in the ship's local frame; it exactly fills length x beam, so the box is tight. */
export function shipHull(ship: Pick<ShipElement, 'length' | 'beam' | 'type'>): Point[] {
  const hl = ship.length / 2;
  const hb = ship.beam / 2;
  const { bowLength } = shipLayout(ship);
  const c = Math.min(hb * 0.5, 8); // chamfered stern corners
  return [
    { x: -hl, y: -hb + c }, { x: -hl + c, y: -hb }, { x: hl - bowLength, y: -hb }, { x: hl, y: 0 },
    { x: hl - bowLength, y: hb }, { x: -hl + c, y: hb }, { x: -hl, y: hb - c },
  ];
}

export function gridSize(g: ContainerGrid): { width: number; height: number } {
  return {
    width: g.cols * g.containerLength + (g.cols - 1) * g.gapAlong,
    height: g.rows * g.containerWidth + (g.rows - 1) * g.gapAcross,
  };
}

export function containerCount(g: ContainerGrid): number {
  return g.tiers.reduce((sum, t) => sum + t, 0);
}

/**
 * The box of an object of size length x width centred at (cx, cy) and rotated. A box is symmetric,
 * so the rotation is folded into (-90, 90], and quarter turns become plain axis-aligned boxes.
 */
export function orientedBox(cx: number, cy: number, length: number, width: number, rotation: number): BoxGeometry {
  let r = (((rotation % 180) + 180) % 180);
  if (r > 90) r -= 180;
  if (r === 90) return roundGeometry({ x: cx - width / 2, y: cy - length / 2, width, height: length, rotation: 0 });
  return roundGeometry({ x: cx - length / 2, y: cy - width / 2, width: length, height: width, rotation: r });
}

function rectBox(r: Rect): BoxGeometry {
  return roundGeometry({ ...r, rotation: 0 });
}

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

// Container roof colours as they look from orbit: many reds and blues, some white, few others.
const CONTAINER_COLORS = ['#a8432d', '#b5523a', '#1f5a9e', '#2c6fb5', '#d6d4cc', '#c9c6bc', '#2f7a4b', '#d27a2c', '#5f6e7c', '#7f2c35', '#2b8ea3', '#c4a63a'];

function makeRandom(seed: number) {
  const rnd = mulberry32(seed);
  const range = (a: number, b: number) => a + (b - a) * rnd();
  const int = (a: number, b: number) => Math.floor(range(a, b + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  return { rnd, range, int, pick };
}
type Random = ReturnType<typeof makeRandom>;

/** A grid whose outer ring is always occupied, so a box around the grid stays tight. */
function makeGrid(r: Random, rows: number, cols: number, maxTier: number, fill: number, cell = { l: 24, w: 8 }): ContainerGrid {
  const colors: (string | null)[] = [];
  const tiers: number[] = [];
  for (let row = 0; row < rows; row++) {
    // Rows are often loaded for one line, which shows as colour streaks in real yards.
    const rowColor = r.rnd() < 0.4 ? r.pick(CONTAINER_COLORS) : null;
    for (let col = 0; col < cols; col++) {
      const edge = row === 0 || col === 0 || row === rows - 1 || col === cols - 1;
      const empty = !edge && r.rnd() > fill;
      colors.push(empty ? null : rowColor && r.rnd() < 0.7 ? rowColor : r.pick(CONTAINER_COLORS));
      tiers.push(empty ? 0 : r.int(1, maxTier));
    }
  }
  return { rows, cols, containerLength: cell.l, containerWidth: cell.w, gapAlong: 3, gapAcross: 1, colors, tiers };
}

const QUAY_Y = 1080; // north edge of the main terminal
const PIER_X = 1900; // west edge of the pier
const PIER_TOP = 300;

function makeShip(r: Random, type: ShipType, cx: number, cy: number, length: number, beam: number, rotation: number, underway: boolean): ShipElement {
  const hull = type === 'tug' ? '#2a2d33' : r.pick(['#23272e', '#4a1e1c', '#1d2a44', '#2e3a2f']);
  const deck = type === 'tanker' ? '#4d5e4c' : type === 'bulk' ? '#7a3b2b' : '#5c6066';
  const ship: ShipElement = { kind: 'ship', type, cx, cy, length, beam, rotation, hull, deck, cargo: null, underway };
  if (type === 'container') {
    const { cargoStart, cargoEnd } = shipLayout(ship);
    const cols = Math.floor((cargoEnd - cargoStart + 3) / 27);
    const rows = Math.floor((beam - 8) / 9);
    ship.cargo = makeGrid(r, rows, cols, 1, r.range(0.6, 0.95));
  }
  return ship;
}

export function generatePortScene(seed = DEFAULT_SEED): PortScene {
  const r = makeRandom(seed);
  const W = SCENE_WIDTH;
  const H = SCENE_HEIGHT;
  const elements: SceneElement[] = [{ kind: 'water', rect: { x: 0, y: 0, width: W, height: H } }];
  const jitter = (n: number) => Math.round(r.range(-n, n));

  // Terrain: the main terminal along the south, a pier to the east, a rock breakwater to the north.
  elements.push({ kind: 'land', surface: 'concrete', points: [{ x: 0, y: QUAY_Y }, { x: PIER_X, y: QUAY_Y }, { x: PIER_X, y: PIER_TOP }, { x: W, y: PIER_TOP }, { x: W, y: H }, { x: 0, y: H }] });
  elements.push({ kind: 'land', surface: 'rock', points: [{ x: W, y: 58 }, { x: 1580, y: 112 }, { x: 1560, y: 128 }, { x: 1580, y: 144 }, { x: W, y: 96 }] });
  elements.push(
    { kind: 'berth', name: 'B1', from: { x: 20, y: QUAY_Y }, to: { x: 1040, y: QUAY_Y }, water: 'north' },
    { kind: 'berth', name: 'B2', from: { x: 1060, y: QUAY_Y }, to: { x: 1880, y: QUAY_Y }, water: 'north' },
    { kind: 'berth', name: 'B3', from: { x: PIER_X, y: PIER_TOP + 20 }, to: { x: PIER_X, y: QUAY_Y - 20 }, water: 'west' },
  );
  const roadInner: Point[] = [{ x: 0, y: 1222 }, { x: 2044, y: 1222 }, { x: 2044, y: PIER_TOP + 20 }];
  const roadOuter: Point[] = [{ x: 0, y: 1477 }, { x: 2350, y: 1477 }, { x: 2350, y: PIER_TOP + 20 }];
  elements.push({ kind: 'road', points: roadInner, width: 28 }, { kind: 'road', points: roadOuter, width: 28 });
  elements.push({ kind: 'rail', from: { x: 0, y: 1525 }, to: { x: W, y: 1525 } }, { kind: 'rail', from: { x: 0, y: 1562 }, to: { x: W, y: 1562 } });
  for (const [x, y, w, h] of [[1835, 1262, 200, 120], [2075, 1262, 110, 70], [2210, 1262, 115, 185], [1835, 1400, 180, 52], [2075, 1360, 110, 86]] as const) {
    elements.push({ kind: 'building', rect: { x, y, width: w, height: h }, roof: r.pick(['#9aa3a8', '#b8bcbc', '#7d8a94', '#a9a08f']) });
  }

  // Yard blocks: two bands on the terminal, one column of blocks on the pier.
  const stacks: StackElement[] = [];
  for (const y of [1260, 1362]) for (let i = 0; i < 7; i++) stacks.push({ kind: 'containerStack', x: 70 + i * 250 + jitter(6), y, grid: makeGrid(r, r.int(6, 9), r.int(6, 8), 5, 0.9) });
  for (let i = 0; i < 7; i++) stacks.push({ kind: 'containerStack', x: 2085, y: 340 + i * 102, grid: makeGrid(r, r.int(7, 9), r.int(7, 9), 4, 0.85) });
  const stackNotes = ['Count = containers estimated from stack heights', 'Export block', 'Pier block'];
  [stacks[1], stacks[11], stacks[16]].forEach((s, i) => {
    if (!s) return;
    const count = containerCount(s.grid);
    const { width, height } = gridSize(s.grid);
    s.annotation = { label: 'container stack', geometry: rectBox({ x: s.x, y: s.y, width, height }), attributes: { count, note: `${stackNotes[i]} (${s.grid.rows} rows x ${s.grid.cols} bays, up to ${Math.max(...s.grid.tiers)} high)` } };
  });
  elements.push(...stacks);

  // Loose containers on the apron and a train of flat cars carrying containers.
  for (let i = 0; i < 6; i++) elements.push({ kind: 'container', cx: 1090 + i * 31 + jitter(3), cy: 1178 + jitter(3), length: 24, width: 8, rotation: 90 + jitter(8), color: r.pick(CONTAINER_COLORS) });
  const cars: RailCarElement[] = [];
  const firstCar = 240 + jitter(60);
  for (let i = 0; i < 16; i++) {
    const load = r.rnd() < 0.15 ? [] : r.rnd() < 0.3 ? [r.pick(CONTAINER_COLORS)] : [r.pick(CONTAINER_COLORS), r.pick(CONTAINER_COLORS)];
    cars.push({ kind: 'railCar', rect: { x: firstCar + i * 64, y: 1519, width: 60, height: 12 }, color: '#3b3430', load });
  }
  const car = cars.find((c) => c.load.length === 2) ?? cars[0];
  if (car) car.annotation = { label: 'rail car', geometry: rectBox(car.rect), attributes: { note: 'Flat car with two containers' } };
  elements.push(...cars);

  const trucks: VehicleElement[] = [];
  const truck = (cx: number, cy: number, rotation: number) => trucks.push({ kind: 'vehicle', cx, cy, length: 38, width: 9, rotation, cab: r.pick(['#d8d8d8', '#b23a2a', '#2e5ea8', '#e0b43a']), load: r.rnd() < 0.75 ? r.pick(CONTAINER_COLORS) : null });
  for (let i = 0; i < 5; i++) truck(150 + i * 370 + jitter(80), 1229, 0);
  for (let i = 0; i < 4; i++) truck(300 + i * 480 + jitter(90), 1215, 180);
  for (let i = 0; i < 3; i++) truck(2051, 420 + i * 230 + jitter(40), -90);
  for (let i = 0; i < 4; i++) truck(380 + i * 500 + jitter(100), 1470, 180);
  const t0 = trucks[1];
  if (t0) t0.annotation = { label: 'vehicle', geometry: orientedBox(t0.cx, t0.cy, t0.length, t0.width, t0.rotation), attributes: { note: 'Truck carrying a container' } };
  elements.push(...trucks);

  // Ships: two moored at the terminal, one at the pier, one approaching, one leaving, two tugs.
  const shipA = makeShip(r, 'container', 700 + jitter(40), QUAY_Y - 44, 560, 80, 0, false);
  const feeder = makeShip(r, 'container', 1330 + jitter(40), QUAY_Y - 28, 300, 48, 180, false);
  const shipB = makeShip(r, 'container', PIER_X - 37, 640 + jitter(40), 460, 66, -90, false);
  const shipC = makeShip(r, 'container', 930 + jitter(30), 470 + jitter(30), 400, 60, Math.round(r.range(14, 28) * 10) / 10, true);
  const shipD = makeShip(r, r.pick(['bulk', 'tanker'] as const), 360 + jitter(30), 270 + jitter(20), 380, 58, Math.round(r.range(150, 165) * 10) / 10, true);
  const tugs = [
    makeShip(r, 'tug', shipC.cx + 250, shipC.cy + 130, 44, 16, shipC.rotation + jitter(10), true),
    makeShip(r, 'tug', 1500 + jitter(60), 800 + jitter(60), 40, 15, r.range(-180, 180), true),
  ];
  const shipNotes: [ShipElement, SampleAnnotation['attributes']][] = [
    [shipA, { name: 'SYNTHETIC VESSEL A', note: 'Moored at berth B1, deck cargo of containers' }],
    [shipB, { note: 'Moored along the pier (berth B3)' }],
    [shipC, { note: 'Underway, approaching the port; box rotated with the hull' }],
    [shipD, { note: `Outbound ${shipD.type === 'bulk' ? 'bulk carrier' : 'tanker'}; box rotated with the hull` }],
  ];
  for (const [s, attributes] of shipNotes) s.annotation = { label: 'ship', geometry: orientedBox(s.cx, s.cy, s.length, s.beam, s.rotation), attributes };
  elements.push(shipA, feeder, shipB, shipC, shipD, ...tugs);

  // Quay cranes stand on the apron with booms out over the berths; yard cranes straddle blocks.
  const cranes: CraneElement[] = [];
  const color = r.pick(['#e3a21a', '#ee7d1c']);
  for (const x of [500, 660, 830, 1290, 1610]) {
    const gantry = { x: x + jitter(15), y: QUAY_Y + 6, width: 40, height: 64 };
    cranes.push({ kind: 'crane', type: 'quay', gantry, boom: { x: gantry.x + 13, y: QUAY_Y - 130, width: 14, height: 130 + 6 + 64 + 40 }, color });
  }
  for (const y of [480, 720]) {
    const gantry = { x: PIER_X + 6, y: y + jitter(15), width: 64, height: 40 };
    cranes.push({ kind: 'crane', type: 'quay', gantry, boom: { x: PIER_X - 130, y: gantry.y + 13, width: 130 + 6 + 64 + 40, height: 14 }, color });
  }
  for (const s of [stacks[2], stacks[5], stacks[9]]) {
    if (!s) continue;
    const { width, height } = gridSize(s.grid);
    cranes.push({ kind: 'crane', type: 'yard', gantry: { x: s.x + r.range(0.2, 0.7) * width, y: s.y - 8, width: 18, height: height + 16 }, boom: null, color: '#d9d2c0' });
  }
  const craneNotes = ['Ship-to-shore crane working berth B1', 'Ship-to-shore crane on the pier'];
  [cranes[1], cranes[6]].forEach((c, i) => {
    if (c) c.annotation = { label: 'crane', geometry: rectBox(c.boom ? union(c.gantry, c.boom) : c.gantry), attributes: { note: craneNotes[i] } };
  });
  elements.push(...cranes);

  return {
    width: W,
    height: H,
    seed,
    title: SAMPLE_TITLE,
    description:
      `Generated by this app's own code from seed ${seed}. It is a drawing, not a photograph: it depicts no real place, ` +
      'vessel or event, and exists only to show how boxes, labels and notes work. Delete this case whenever you like.',
    elements,
  };
}

/** The example boxes of a scene: the annotations attached to its elements, in drawing order. */
export function sampleAnnotations(scene: PortScene): SampleAnnotation[] {
  return scene.elements.flatMap((e) => ('annotation' in e && e.annotation ? [e.annotation] : []));
}

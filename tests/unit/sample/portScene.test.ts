// The sample scene is pure data, so its promises can be checked without drawing: same seed, same
// scene; every example box inside the image, with an app label, and tight around what it marks.
import { describe, expect, it } from 'vitest';
import { validateAttributes } from '../../../src/model/boxAttributes';
import { boxCorners, type BoxGeometry } from '../../../src/model/geometry';
import { DEFAULT_LABELS } from '../../../src/model/labels';
import {
  containerCount,
  generatePortScene,
  gridSize,
  mulberry32,
  orientedBox,
  sampleAnnotations,
  shipHull,
  type Point,
  type SceneElement,
} from '../../../src/sample/portScene';

const SEEDS = [2023, 1, 7, 42, 99_999, 0xdeadbeef];
const LABEL_NAMES = DEFAULT_LABELS.map((l) => l.name);

/** A point expressed in the box's own frame (centre origin, unrotated axes). */
function toBoxFrame(box: BoxGeometry, p: Point): Point {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const a = (-box.rotation * Math.PI) / 180;
  const dx = p.x - cx;
  const dy = p.y - cy;
  return { x: dx * Math.cos(a) - dy * Math.sin(a), y: dx * Math.sin(a) + dy * Math.cos(a) };
}

const rectPoints = (x: number, y: number, w: number, h: number): Point[] => [
  { x, y }, { x: x + w, y }, { x: x + w, y: y + h }, { x, y: y + h },
];

const rotated = (cx: number, cy: number, deg: number, pts: Point[]): Point[] => {
  const a = (deg * Math.PI) / 180;
  return pts.map((p) => ({ x: cx + p.x * Math.cos(a) - p.y * Math.sin(a), y: cy + p.x * Math.sin(a) + p.y * Math.cos(a) }));
};

/** The outline of what an annotated element shows, in image pixels. */
function footprint(e: SceneElement): Point[] {
  switch (e.kind) {
    case 'ship': return rotated(e.cx, e.cy, e.rotation, shipHull(e));
    case 'containerStack': {
      const { width, height } = gridSize(e.grid);
      return rectPoints(e.x, e.y, width, height);
    }
    case 'crane': return [...rectPoints(e.gantry.x, e.gantry.y, e.gantry.width, e.gantry.height), ...(e.boom ? rectPoints(e.boom.x, e.boom.y, e.boom.width, e.boom.height) : [])];
    case 'railCar': return rectPoints(e.rect.x, e.rect.y, e.rect.width, e.rect.height);
    case 'vehicle':
    case 'container': return rotated(e.cx, e.cy, e.rotation, rectPoints(-e.length / 2, -e.width / 2, e.length, e.width));
    default: throw new Error(`no footprint for ${e.kind}`);
  }
}

const annotated = (seed: number) => generatePortScene(seed).elements.filter((e) => 'annotation' in e && e.annotation);

describe('generatePortScene', () => {
  it('is deterministic for a seed and defaults to seed 2023', () => {
    expect(JSON.stringify(generatePortScene(5))).toBe(JSON.stringify(generatePortScene(5)));
    expect(generatePortScene()).toEqual(generatePortScene(2023));
  });

  it('gives different scenes and boxes for different seeds', () => {
    expect(JSON.stringify(generatePortScene(1))).not.toBe(JSON.stringify(generatePortScene(2)));
    expect(sampleAnnotations(generatePortScene(1))).not.toEqual(sampleAnnotations(generatePortScene(2)));
  });

  it('is 2400 x 1600 and says plainly that it is synthetic, naming its seed', () => {
    const scene = generatePortScene(314);
    expect([scene.width, scene.height]).toEqual([2400, 1600]);
    expect(scene.title).toBe('Synthetic port scene (generated sample, not real imagery)');
    expect(scene.description).toContain('seed 314');
    expect(scene.description).toMatch(/no real place/);
  });

  it('has water first and the kinds of things a port has', () => {
    const scene = generatePortScene();
    expect(scene.elements[0]?.kind).toBe('water');
    const kinds = new Set(scene.elements.map((e) => e.kind));
    for (const k of ['land', 'berth', 'road', 'rail', 'containerStack', 'container', 'ship', 'crane', 'railCar', 'vehicle'] as const) expect(kinds).toContain(k);
  });
});

describe.each(SEEDS)('sampleAnnotations (seed %i)', (seed) => {
  const scene = generatePortScene(seed);
  const boxes = sampleAnnotations(scene);

  it('gives 8 to 12 boxes with app labels and valid attributes', () => {
    expect(boxes.length).toBeGreaterThanOrEqual(8);
    expect(boxes.length).toBeLessThanOrEqual(12);
    for (const b of boxes) {
      expect(LABEL_NAMES).toContain(b.label);
      expect(validateAttributes(b.attributes ?? {}).ok).toBe(true);
    }
  });

  it('keeps every rotated corner inside the image', () => {
    for (const b of boxes) {
      expect(b.geometry.width).toBeGreaterThan(1);
      expect(b.geometry.height).toBeGreaterThan(1);
      for (const c of boxCorners(b.geometry)) {
        expect(c.x).toBeGreaterThanOrEqual(0);
        expect(c.y).toBeGreaterThanOrEqual(0);
        expect(c.x).toBeLessThanOrEqual(scene.width);
        expect(c.y).toBeLessThanOrEqual(scene.height);
      }
    }
  });

  it('fits each box tightly around the element it marks', () => {
    for (const e of annotated(seed)) {
      const box = (e as { annotation: { geometry: BoxGeometry } }).annotation.geometry;
      const local = footprint(e).map((p) => toBoxFrame(box, p));
      const maxX = Math.max(...local.map((p) => Math.abs(p.x)));
      const maxY = Math.max(...local.map((p) => Math.abs(p.y)));
      // Geometry is rounded to 1/100 px, so allow a few hundredths.
      expect(maxX, `${e.kind} along`).toBeCloseTo(box.width / 2, 1);
      expect(maxY, `${e.kind} across`).toBeCloseTo(box.height / 2, 1);
      for (const p of local) {
        expect(Math.abs(p.x)).toBeLessThanOrEqual(box.width / 2 + 0.02);
        expect(Math.abs(p.y)).toBeLessThanOrEqual(box.height / 2 + 0.02);
      }
    }
  });

  it('shows ships, one of them named and one rotated with its hull', () => {
    const ships = boxes.filter((b) => b.label === 'ship');
    expect(ships.length).toBeGreaterThanOrEqual(3);
    expect(ships.some((s) => s.attributes?.name === 'SYNTHETIC VESSEL A')).toBe(true);
    expect(ships.some((s) => s.geometry.rotation % 90 !== 0)).toBe(true);
    for (const b of boxes) {
      expect(b.geometry.rotation).toBeGreaterThan(-90);
      expect(b.geometry.rotation).toBeLessThanOrEqual(90);
    }
  });

  it('counts the containers of each stack it marks', () => {
    const stacks = annotated(seed).filter((e) => e.kind === 'containerStack');
    expect(stacks.length).toBeGreaterThanOrEqual(3);
    for (const s of stacks) {
      const count = s.annotation?.attributes?.count ?? 0;
      expect(Number.isInteger(count)).toBe(true);
      expect(count).toBe(containerCount(s.grid));
      expect(count).toBeGreaterThanOrEqual(s.grid.rows * s.grid.cols);
    }
    expect(boxes.filter((b) => b.label === 'crane')).toHaveLength(2);
    expect(boxes.some((b) => b.label === 'vehicle' || b.label === 'rail car')).toBe(true);
  });

  it('never repeats a box', () => {
    const keys = boxes.map((b) => JSON.stringify([b.geometry.x, b.geometry.y, b.geometry.width, b.geometry.height, b.geometry.rotation]));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('helpers', () => {
  it('folds box rotations into (-90, 90] and turns quarter turns into upright boxes', () => {
    expect(orientedBox(100, 50, 40, 10, 180)).toEqual({ x: 80, y: 45, width: 40, height: 10, rotation: 0 });
    expect(orientedBox(100, 50, 40, 10, -90)).toEqual({ x: 95, y: 30, width: 10, height: 40, rotation: 0 });
    expect(orientedBox(100, 50, 40, 10, 160).rotation).toBe(-20);
    expect(orientedBox(100, 50, 40, 10, -100).rotation).toBe(80);
  });

  it('has a repeatable PRNG in [0, 1)', () => {
    const a = mulberry32(9);
    const b = mulberry32(9);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(new Set(xs).size).toBeGreaterThan(990);
  });
});

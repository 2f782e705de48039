// @vitest-environment jsdom
// While the selection is dragged away from its place, the boxes under it are drawn from levels
// without the selected boxes (made once for the drag), so the moved boxes leave no ghost.
import 'vitest-canvas-mock';
import type Konva from 'konva';
import { describe, expect, it } from 'vitest';
import { BoxLevels } from '../../../src/canvas/boxLevels';
import { CanvasController } from '../../../src/canvas/canvasController';
import { NO_MARKS } from '../../../src/canvas/drawBoxes';
import { DEFAULT_LABELS } from '../../../src/model/labels';
import type { Annotation } from '../../../src/model/records';

const box = (i: number): Annotation =>
  ({ id: `b${i}`, imageId: 'img', caseId: 'c', label: 'ship', author: 'ana', geometry: { x: i, y: i, width: 10, height: 10, rotation: 0 }, attributes: {}, createdAt: '', updatedAt: '', revision: 1 }) as Annotation;

/** A stand-in for the selection's Konva group: only its position matters here. */
const group = (at: { x: number; y: number }) => ({ x: () => at.x, y: () => at.y }) as unknown as Konva.Group;

function controllerWith(at: { x: number; y: number }) {
  const c = new CanvasController();
  const levels = BoxLevels.of(Array.from({ length: 2000 }, (_, i) => box(i)), DEFAULT_LABELS, NO_MARKS, { width: 4000, height: 4000 });
  c.scene = { ...c.scene, boxLevels: levels, selected: new Set(['b1', 'b2']), selection: group(at) };
  return { c, levels };
}

describe('the box levels a canvas draws', () => {
  it('are the scene’s own while the selection is in its place', () => {
    const { c, levels } = controllerWith({ x: 0, y: 0 });
    expect(c.boxLevels()).toBe(levels);
  });

  it('leave the selected boxes out while they are dragged, made once for the drag', () => {
    const at = { x: 0, y: 0 };
    const { c, levels } = controllerWith(at);
    at.x = 12;
    const moving = c.boxLevels()!;
    expect(moving).not.toBe(levels);
    expect(moving.boxes.map((b) => b.id)).not.toContain('b1');
    expect(moving.boxes).toHaveLength(1998);
    at.y = 5;
    expect(c.boxLevels()).toBe(moving);
    // Back in place (the move saved or undone): the scene's levels again.
    at.x = 0;
    at.y = 0;
    expect(c.boxLevels()).toBe(levels);
  });
});

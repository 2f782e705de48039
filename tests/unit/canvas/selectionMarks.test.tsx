// @vitest-environment jsdom
// A selected box carries the claim marks too: a box just linked stays selected, and a box opened
// from a claim's crop arrives selected, so without them the link would not show where it matters.
import 'vitest-canvas-mock';
import { cleanup, render } from '@testing-library/react';
import type Konva from 'konva';
import { createRef } from 'react';
import { Stage } from 'react-konva';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_MARKS, type BoxMarks } from '../../../src/canvas/drawBoxes';
import { MAX_HANDLED_SELECTION, SelectionLayer } from '../../../src/canvas/SelectionLayer';
import { DEFAULT_LABELS } from '../../../src/model/labels';
import type { Annotation } from '../../../src/model/records';

afterEach(cleanup);

const HALO = 'rgba(255, 236, 61, 0.55)';
const BADGE = '#ffec3d';

const box = (i: number): Annotation =>
  ({ id: `b${i}`, imageId: 'img', caseId: 'c', label: 'ship', author: 'ana', geometry: { x: 10 + i, y: 20, width: 100, height: 50, rotation: 0 }, attributes: {}, createdAt: '', updatedAt: '', revision: 1 }) as Annotation;

interface CanvasEvent {
  type: string;
  props: { value?: string; x?: number; y?: number };
}

/** Shows the selection layer; `draw` paints it afresh and reads back what it painted. */
function mount(selected: readonly Annotation[], marks: BoxMarks): { stage: Konva.Stage; draw(): CanvasEvent[] } {
  const stage = createRef<Konva.Stage>();
  render(
    <Stage ref={stage} width={400} height={300}>
      <SelectionLayer selected={selected} labels={DEFAULT_LABELS} marks={marks} editable groupRef={createRef()} draftRef={createRef()} onTransform={() => {}} />
    </Stage>,
  );
  const layer = stage.current!.getLayers()[0]!;
  const ctx = layer.getContext()._context as unknown as { __clearEvents(): void; __getEvents(): CanvasEvent[] };
  const draw = () => {
    ctx.__clearEvents();
    layer.draw();
    return ctx.__getEvents();
  };
  return { stage: stage.current!, draw };
}

const paint = (selected: readonly Annotation[], marks: BoxMarks) => mount(selected, marks).draw();

/** The strokes and fills painted in the given colour. */
function paintedIn(events: readonly CanvasEvent[], color: string): string[] {
  const style: Record<string, string | undefined> = {};
  const painted: string[] = [];
  for (const e of events) {
    if (e.type === 'strokeStyle' || e.type === 'fillStyle') style[e.type] = e.props.value;
    if (e.type === 'stroke' && style.strokeStyle === color) painted.push('stroke');
    if (e.type === 'fill' && style.fillStyle === color) painted.push('fill');
  }
  return painted;
}

/** Where badges were drawn: the centres of the arcs. */
const arcs = (events: readonly CanvasEvent[]) => events.filter((e) => e.type === 'arc').map((e) => ({ x: e.props.x, y: e.props.y }));

describe('the selection layer', () => {
  it('draws the halo and the badge of a selected box linked to the chosen claim', () => {
    const events = paint([box(0), box(1)], { linked: new Set(['b0']), highlighted: new Set(['b0']) });
    expect(paintedIn(events, HALO)).toEqual(['stroke']);
    expect(paintedIn(events, BADGE)).toEqual(['fill']);
    // At the top-right corner of b0 only.
    expect(arcs(events)).toEqual([{ x: 110, y: 20 }]);
  });

  it('draws a badge without a halo for a box linked to another claim, and neither for an unlinked one', () => {
    const linkedElsewhere = paint([box(0)], { linked: new Set(['b0']), highlighted: new Set() });
    expect(paintedIn(linkedElsewhere, HALO)).toEqual([]);
    expect(arcs(linkedElsewhere)).toHaveLength(1);
    cleanup();
    const unlinked = paint([box(0)], NO_MARKS);
    expect(paintedIn(unlinked, HALO)).toEqual([]);
    expect(arcs(unlinked)).toEqual([]);
  });

  it('keeps the badge on its box while the Transformer resizes it', () => {
    const { stage, draw } = mount([box(0)], { linked: new Set(['b0']), highlighted: new Set() });
    // The node sits at the box's centre (60, 45); stretched to twice the width, its right side is at 160.
    stage.findOne('.selected-box')!.scaleX(2);
    expect(arcs(draw())).toEqual([{ x: 160, y: 20 }]);
  });

  it('marks the boxes of a selection too large for handles as well', () => {
    const many = Array.from({ length: MAX_HANDLED_SELECTION + 1 }, (_, i) => box(i));
    const events = paint(many, { linked: new Set(['b0', 'b7']), highlighted: new Set(['b7']) });
    expect(paintedIn(events, HALO)).toEqual(['stroke']);
    expect(arcs(events)).toEqual([
      { x: 110, y: 20 },
      { x: 117, y: 20 },
    ]);
  });
});

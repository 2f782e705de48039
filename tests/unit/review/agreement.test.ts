import { describe, expect, test } from 'vitest';
import { agreementFigures, cohensKappa, sumAgreement } from '../../../src/model/review/agreement';
import type { BoxMatch, MatchResult, ReviewBox } from '../../../src/model/review/matchBoxes';

const geometry = { x: 0, y: 0, width: 10, height: 10, rotation: 0 };
const boxes = (side: string, labels: readonly string[]): ReviewBox[] => labels.map((label, i) => ({ id: `${side}${i}`, label, geometry }));
const match = (aLabel: string, bLabel: string, iou: number, i: number): BoxMatch => ({ aId: `a${i}`, bId: `b${i}`, iou, aLabel, bLabel });
const result = (matches: BoxMatch[], aOnly: string[] = [], bOnly: string[] = []): MatchResult => ({ threshold: 0.5, matches, aOnly, bOnly });

describe('agreement figures for one image', () => {
  test('by hand', () => {
    // A: 5 boxes; B: 4. Three same-label pairs, one label disagreement, one A-only box.
    const a = boxes('a', ['ship', 'ship', 'container', 'ship', 'container']);
    const b = boxes('b', ['ship', 'ship', 'container', 'tug']);
    const figures = agreementFigures(
      a,
      b,
      result([match('ship', 'ship', 0.9, 0), match('ship', 'ship', 0.8, 1), match('container', 'container', 0.7, 2), match('ship', 'tug', 0.95, 3)], ['a4']),
    );
    expect(figures).toMatchObject({
      matchedPairs: 4,
      sameLabelPairs: 3,
      labelDisagreements: 1,
      aOnly: 1,
      bOnly: 0,
      precision: 3 / 4,
      recall: 3 / 5,
      f1: (2 * 3) / (5 + 4),
    });
    expect(figures.meanIoU).toBeCloseTo(0.8, 12); // the 0.95 label disagreement is left out
    expect(figures.labelCounts).toEqual([
      { label: 'container', a: 2, b: 1, difference: -1 },
      { label: 'ship', a: 3, b: 2, difference: -1 },
      { label: 'tug', a: 0, b: 1, difference: 1 },
    ]);
    expect(figures.labelPairs).toEqual([
      { aLabel: 'container', bLabel: 'container', pairs: 1 },
      { aLabel: 'ship', bLabel: 'ship', pairs: 2 },
      { aLabel: 'ship', bLabel: 'tug', pairs: 1 },
    ]);
    // Kappa over the 4 pairs: po = 3/4; rows ship 3, container 1; columns ship 2, container 1,
    // tug 1; pe = (3·2 + 1·1) / 16 = 7/16; kappa = (3/4 − 7/16) / (1 − 7/16) = 5/9.
    expect(figures.kappa).toBeCloseTo(5 / 9, 12);
  });

  test('ratios with nothing to divide by are null', () => {
    expect(agreementFigures([], [], result([]))).toMatchObject({
      matchedPairs: 0,
      meanIoU: null,
      precision: null,
      recall: null,
      f1: null,
      kappa: null,
      kappaUndefined: 'no-pairs',
      labelCounts: [],
    });
    // B drew boxes where A drew none: precision and F1 are 0, recall is undefined.
    expect(agreementFigures([], boxes('b', ['ship']), result([], [], ['b0']))).toMatchObject({ precision: 0, recall: null, f1: 0, meanIoU: null });
  });
});

describe("Cohen's kappa", () => {
  test('a 2 × 2 table by hand', () => {
    // 50 pairs: 20 ship/ship, 5 ship/tug, 10 tug/ship, 15 tug/tug. po = 35/50 = 0.7;
    // rows 25, 25; columns 30, 20; pe = (25·30 + 25·20) / 2500 = 0.5; kappa = 0.2 / 0.5 = 0.4.
    const table = [
      { aLabel: 'ship', bLabel: 'ship', pairs: 20 },
      { aLabel: 'ship', bLabel: 'tug', pairs: 5 },
      { aLabel: 'tug', bLabel: 'ship', pairs: 10 },
      { aLabel: 'tug', bLabel: 'tug', pairs: 15 },
    ];
    expect(cohensKappa(table)).toEqual({ kappa: 0.4, kappaUndefined: null });
  });

  test('the same table from a match result', () => {
    const cells: [string, string, number][] = [
      ['ship', 'ship', 20],
      ['ship', 'tug', 5],
      ['tug', 'ship', 10],
      ['tug', 'tug', 15],
    ];
    const matches = cells.flatMap(([aLabel, bLabel, n]) => Array.from({ length: n }, () => [aLabel, bLabel] as const)).map(([x, y], i) => match(x, y, 0.9, i));
    const a = boxes('a', matches.map((m) => m.aLabel));
    const b = boxes('b', matches.map((m) => m.bLabel));
    expect(agreementFigures(a, b, result(matches)).kappa).toBeCloseTo(0.4, 12);
  });

  test('undefined when every pair is one and the same label; 0 when the sides never agree', () => {
    expect(cohensKappa([{ aLabel: 'ship', bLabel: 'ship', pairs: 7 }])).toEqual({ kappa: null, kappaUndefined: 'one-label' });
    expect(cohensKappa([])).toEqual({ kappa: null, kappaUndefined: 'no-pairs' });
    expect(cohensKappa([{ aLabel: 'ship', bLabel: 'tug', pairs: 3 }])).toEqual({ kappa: 0, kappaUndefined: null });
    // Perfect agreement over two labels is 1.
    expect(
      cohensKappa([
        { aLabel: 'ship', bLabel: 'ship', pairs: 3 },
        { aLabel: 'tug', bLabel: 'tug', pairs: 1 },
      ]).kappa,
    ).toBe(1);
  });
});

describe('case figures', () => {
  test('are recomputed from summed counts, not averaged', () => {
    // Image 1: one pair (IoU 0.9), precision 1. Image 2: two pairs (0.6, 0.6) and two extra B
    // boxes, precision 0.5. The case: precision 3/5, not the mean 0.75.
    const one = agreementFigures(boxes('a', ['ship']), boxes('b', ['ship']), result([match('ship', 'ship', 0.9, 0)]));
    const two = agreementFigures(
      boxes('a', ['ship', 'tug']),
      boxes('b', ['ship', 'tug', 'ship', 'tug']),
      result([match('ship', 'ship', 0.6, 0), match('tug', 'tug', 0.6, 1)], [], ['b2', 'b3']),
    );
    expect(two.precision).toBe(0.5);
    const total = sumAgreement([one, two]);
    expect(total).toMatchObject({ matchedPairs: 3, sameLabelPairs: 3, aOnly: 0, bOnly: 2, precision: 3 / 5, recall: 1, f1: 6 / 8 });
    expect(total.meanIoU).toBeCloseTo(2.1 / 3, 12); // not (0.9 + 0.6) / 2
    expect(total.labelCounts).toEqual([
      { label: 'ship', a: 2, b: 3, difference: 1 },
      { label: 'tug', a: 1, b: 2, difference: 1 },
    ]);
    expect(total.labelPairs).toEqual([
      { aLabel: 'ship', bLabel: 'ship', pairs: 2 },
      { aLabel: 'tug', bLabel: 'tug', pairs: 1 },
    ]);
    // Image 1 alone has one label (kappa undefined); the case has two.
    expect(one.kappaUndefined).toBe('one-label');
    expect(total.kappa).toBe(1);
  });

  test('of no images', () => {
    expect(sumAgreement([])).toMatchObject({ matchedPairs: 0, precision: null, kappaUndefined: 'no-pairs' });
  });
});

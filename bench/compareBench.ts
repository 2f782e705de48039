// Comparison benchmark (issue #5): two authors with 2,000 boxes each on one 10,000 × 10,000 image,
// compared in full (matching, figures, difference list). B is A jittered by a few pixels, with
// some boxes deleted, added, relabelled and turned. Prints the median of 9 timed runs after 3
// warm-up runs, and fails above the 200 ms the issue allows.
// Usage: npm run bench:compare
import { expect, test } from 'vitest';
import type { BoxGeometry } from '../src/model/geometry';
import { agreementFigures } from '../src/model/review/agreement';
import { listDifferences } from '../src/model/review/differences';
import { matchBoxes, type ReviewBox } from '../src/model/review/matchBoxes';
import { pick, seededRandom } from '../tests/fixtures/seededRandom';

const IMAGE = 10_000;
const BOXES = 2_000;
const LABELS = ['ship', 'container', 'tug', 'crane'];

/** Ships scattered with some turned, and containers in tight rows where neighbours almost touch. */
function authorA(random: () => number): ReviewBox[] {
  const boxes: ReviewBox[] = [];
  while (boxes.length < BOXES) {
    if (random() < 0.5) {
      const width = 60 + random() * 200;
      const height = 15 + random() * 40;
      const geometry = { x: random() * (IMAGE - width), y: random() * (IMAGE - height), width, height, rotation: random() < 0.4 ? (random() - 0.5) * 180 : 0 };
      boxes.push({ id: `a${boxes.length}`, label: pick(random, ['ship', 'ship', 'tug', 'crane']), geometry });
    } else {
      // A row of up to 10 containers 12 × 25 px with 1 px gaps.
      const x0 = random() * (IMAGE - 200);
      const y0 = random() * (IMAGE - 30);
      for (let k = 0; k < 10 && boxes.length < BOXES; k += 1) {
        boxes.push({ id: `a${boxes.length}`, label: 'container', geometry: { x: x0 + k * 13, y: y0, width: 12, height: 25, rotation: 0 } });
      }
    }
  }
  return boxes;
}

function authorB(random: () => number, a: readonly ReviewBox[]): ReviewBox[] {
  const jitter = (v: number, by: number) => v + (random() - 0.5) * 2 * by;
  const b: ReviewBox[] = [];
  for (const box of a) {
    if (random() < 0.03) continue; // deleted
    const g = box.geometry;
    const geometry: BoxGeometry = {
      x: jitter(g.x, 2),
      y: jitter(g.y, 2),
      width: Math.max(4, jitter(g.width, 1.5)),
      height: Math.max(4, jitter(g.height, 1.5)),
      rotation: random() < 0.05 ? g.rotation + jitter(0, 8) : g.rotation,
    };
    const label = random() < 0.04 ? pick(random, LABELS) : box.label;
    b.push({ id: `b${b.length}`, label, geometry });
  }
  while (b.length < BOXES) {
    const size = 20 + random() * 80;
    b.push({ id: `b${b.length}`, label: pick(random, LABELS), geometry: { x: random() * (IMAGE - size), y: random() * (IMAGE - size), width: size, height: size / 2, rotation: 0 } });
  }
  return b;
}

function compare(a: readonly ReviewBox[], b: readonly ReviewBox[]) {
  const result = matchBoxes(a, b);
  return { result, figures: agreementFigures(a, b, result), differences: listDifferences(a, b, result) };
}

test('compares two authors with 2,000 boxes each on one image', () => {
  const random = seededRandom(2024);
  const a = authorA(random);
  const b = authorB(random, a);
  for (let i = 0; i < 3; i += 1) compare(a, b);
  const times: number[] = [];
  let last = compare(a, b);
  for (let i = 0; i < 9; i += 1) {
    const start = performance.now();
    last = compare(a, b);
    times.push(performance.now() - start);
  }
  times.sort((x, y) => x - y);
  const median = times[Math.floor(times.length / 2)]!;
  const { figures, differences } = last;
  const ms = (t: number) => `${t.toFixed(1)} ms`;
  console.log(
    [
      `compare ${a.length} × ${b.length} boxes on a ${IMAGE} × ${IMAGE} image (9 runs after 3 warm-up)`,
      `  median ${ms(median)}, min ${ms(times[0]!)}, max ${ms(times.at(-1)!)}`,
      `  same-label pairs ${figures.sameLabelPairs}, label disagreements ${figures.labelDisagreements}, A-only ${figures.aOnly}, B-only ${figures.bOnly}`,
      `  mean IoU ${figures.meanIoU?.toFixed(3)}, precision ${figures.precision?.toFixed(3)}, recall ${figures.recall?.toFixed(3)}, F1 ${figures.f1?.toFixed(3)}, kappa ${figures.kappa?.toFixed(3)}`,
      `  differences listed ${differences.length}`,
    ].join('\n'),
  );
  expect(median).toBeLessThan(200);
});

import { describe, expect, it } from 'vitest';
import { boxFromCorners, dotaCategory, readDota, writeDota } from '../../../src/bundle/formats/dota';
import type { FormatImage } from '../../../src/bundle/formats/types';
import type { BoxGeometry } from '../../../src/model/geometry';
import { imagePoint } from '../../../src/model/geometry';

const image = (boxes: FormatImage['boxes']): FormatImage => ({ fileName: 'busan.png', width: 1042, height: 699, boxes });
const box = (geometry: BoxGeometry, label = 'ship') => ({ label, geometry });

function expectClose(actual: BoxGeometry | undefined, expected: BoxGeometry, tolerance = 1e-6) {
  expect(actual).toBeDefined();
  for (const key of ['x', 'y', 'width', 'height', 'rotation'] as const) {
    expect(Math.abs((actual?.[key] ?? NaN) - expected[key]), `${key}: ${actual?.[key]} vs ${expected[key]}`).toBeLessThanOrEqual(tolerance);
  }
}

describe('writeDota', () => {
  it('writes the true corners clockwise from the unrotated top-left, then category and difficult 0', () => {
    const text = writeDota(
      image([
        box({ x: 1.5, y: 2.25, width: 10, height: 4, rotation: 0 }),
        // Centre (30, 25); turned a quarter clockwise, the top-left corner lands at the top right.
        box({ x: 10, y: 20, width: 40, height: 10, rotation: 90 }, 'container stack'),
      ]),
    );
    expect(text).toBe('1.5 2.25 11.5 2.25 11.5 6.25 1.5 6.25 ship 0\n35 5 35 45 25 45 25 5 container-stack 0\n');
  });

  it('writes nothing for an image without boxes', () => {
    expect(writeDota(image([]))).toBe('');
  });

  it('turns whitespace in a label into single dashes', () => {
    expect(dotaCategory(' rail  car\tyard ')).toBe('rail-car-yard');
    expect(dotaCategory('ship')).toBe('ship');
  });
});

describe('DOTA round trip', () => {
  for (const rotation of [0, 17.5, -45, 90, 179]) {
    it(`keeps a box rotated by ${rotation}° exactly`, () => {
      const original: BoxGeometry = { x: 123.45, y: 67.89, width: 31.2, height: 7.5, rotation };
      const read = readDota(writeDota(image([box(original, 'container stack')])), 'busan.png', ['ship', 'container stack']);
      expect(read.problems).toEqual([]);
      expect(read.images).toHaveLength(1);
      expect(read.images[0]?.fileName).toBe('busan.png');
      expect(read.images[0]?.boxes[0]?.label).toBe('container stack');
      expectClose(read.images[0]?.boxes[0]?.geometry, original);
    });
  }
});

describe('readDota', () => {
  it('skips the imagesource and gsd header lines and blank lines, and accepts a missing difficult flag', () => {
    const text = 'imagesource:GoogleEarth\r\ngsd:0.146343590398\r\n\r\n35 5 35 45 25 45 25 5 large-vehicle\r\n';
    expect(readDota(text, 'p0001.png')).toEqual({
      images: [{ fileName: 'p0001.png', boxes: [{ label: 'large-vehicle', geometry: { x: 10, y: 20, width: 40, height: 10, rotation: 90 } }] }],
      problems: [],
    });
  });

  it('maps a dashed category back to the case label it came from, and keeps it when there is none', () => {
    const line = '0 0 10 0 10 5 0 5 container-stack 0\n';
    expect(readDota(line, 'a.png', ['container stack']).images[0]?.boxes[0]?.label).toBe('container stack');
    expect(readDota(line, 'a.png', ['ship']).images[0]?.boxes[0]?.label).toBe('container-stack');
    expect(readDota(line, 'a.png').images[0]?.boxes[0]?.label).toBe('container-stack');
    // A label that is itself dashed wins over a spaced one.
    expect(readDota(line, 'a.png', ['container stack', 'container-stack']).images[0]?.boxes[0]?.label).toBe('container-stack');
  });

  it('reads corners listed anticlockwise as the same box', () => {
    const read = readDota('0 0 0 5 10 5 10 0 ship 0\n', 'a.png');
    expect(read.images[0]?.boxes[0]?.geometry).toEqual({ x: 0, y: 0, width: 10, height: 5, rotation: 0 });
  });

  it('reports each bad line by number and keeps the good ones', () => {
    const text = ['0 0 10 0 10 5 0 5 ship 0', '0 0 10 0 10 5 0 5', '0 0 ten 0 10 5 0 5 ship 0', '1 1 1 1 1 1 1 1 ship 0', '0 0 10 0 10 5 0 9 ship 0'].join('\n');
    const read = readDota(text, 'a.png');
    expect(read.problems).toEqual([
      'a.png, line 2: expected 8 corner coordinates, a category and a difficult flag, found 8 fields; the line was skipped.',
      'a.png, line 3: "ten" is not a number; the line was skipped.',
      'a.png, line 4: the four corners enclose no area; the line was skipped.',
      'a.png, line 5: the corners are not a rectangle (off by up to 3 px); it was read as a rotated box that approximates it.',
    ]);
    expect(read.images[0]?.boxes).toHaveLength(2);
  });

  it('refuses text over 50 MB without reading it', () => {
    const read = readDota('x'.repeat(50 * 1024 * 1024 + 1), 'a.png');
    expect(read.images).toEqual([]);
    expect(read.problems[0]).toMatch(/larger than 50 MB/);
  });
});

describe('boxFromCorners', () => {
  it('returns null for fewer than four corners', () => {
    expect(boxFromCorners([imagePoint(0, 0), imagePoint(1, 0), imagePoint(1, 1)])).toBeNull();
  });
});

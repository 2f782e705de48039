import { describe, expect, it } from 'vitest';
import type { FormatImage } from '../../../src/bundle/formats/types';
import { labelOrder } from '../../../src/bundle/formats/types';
import { readYolo, readYoloClasses, writeYolo, writeYoloClasses } from '../../../src/bundle/formats/yolo';
import { boxBounds } from '../../../src/model/geometry';

const SIZE = { width: 200, height: 100 };
const IMAGE: FormatImage = {
  fileName: 'a.png',
  ...SIZE,
  boxes: [
    { label: 'ship', geometry: { x: 10, y: 20, width: 40, height: 10, rotation: 0 } },
    { label: 'container stack', geometry: { x: 10, y: 20, width: 40, height: 10, rotation: 90 } },
    { label: 'ship', geometry: { x: 190, y: 90, width: 20, height: 20, rotation: 0 } },
  ],
};

describe('writeYolo', () => {
  it('writes class and normalised centre and size of the axis-aligned bounds, clipped to the image, 6 decimals', () => {
    expect(writeYolo(IMAGE, ['ship', 'container stack'])).toBe(
      '0 0.150000 0.250000 0.200000 0.100000\n1 0.150000 0.250000 0.050000 0.400000\n0 0.975000 0.950000 0.050000 0.100000\n',
    );
  });

  it('refuses a box whose label is not in the class list rather than drop it', () => {
    expect(() => writeYolo(IMAGE, ['ship'])).toThrow('The box label "container stack" is not in the YOLO class list.');
    expect(() => writeYolo(IMAGE, labelOrder(['ship'], [IMAGE]))).not.toThrow();
  });

  it('writes classes.txt one name per line', () => {
    expect(writeYoloClasses(['ship', 'container stack'])).toBe('ship\ncontainer stack\n');
    expect(readYoloClasses('\uFEFFship\r\ncontainer stack \r\n\r\n')).toEqual(['ship', 'container stack']);
  });
});

describe('readYolo', () => {
  it('reads lines into pixel boxes of the image size', () => {
    expect(readYolo('0 0.15 0.25 0.2 0.1\r\n\r\n1 0.5 0.5 1 1', ['ship', 'crane'], SIZE, 'a.png')).toEqual({
      images: [
        {
          fileName: 'a.png',
          width: 200,
          height: 100,
          boxes: [
            { label: 'ship', geometry: { x: 10, y: 20, width: 40, height: 10, rotation: 0 } },
            { label: 'crane', geometry: { x: 0, y: 0, width: 200, height: 100, rotation: 0 } },
          ],
        },
      ],
      problems: [],
    });
  });

  for (const rotation of [17.5, -45, 90]) {
    it(`gives a box rotated by ${rotation}° its bounding box`, () => {
      const geometry = { x: 80.25, y: 30.5, width: 30, height: 8, rotation };
      const text = writeYolo({ ...IMAGE, boxes: [{ label: 'ship', geometry }] }, ['ship']);
      const g = readYolo(text, ['ship'], SIZE, 'a.png').images[0]?.boxes[0]?.geometry;
      const b = boxBounds(geometry);
      // Six decimals of a 200 px side: each edge is within 0.0002 px.
      expect(g?.rotation).toBe(0);
      expect(g?.x).toBeCloseTo(b.minX, 3);
      expect(g?.y).toBeCloseTo(b.minY, 3);
      expect((g?.x ?? NaN) + (g?.width ?? NaN)).toBeCloseTo(b.maxX, 3);
      expect((g?.y ?? NaN) + (g?.height ?? NaN)).toBeCloseTo(b.maxY, 3);
    });
  }

  it('reports each bad line by number and keeps the good ones', () => {
    const text = ['0 0.5 0.5 0.1 0.1', '0 0.5 0.5 0.1', '9 0.5 0.5 0.1 0.1', 'ship 0.5 0.5 0.1 0.1', '0 0.5 half 0.1 0.1', '0 0.5 0.5 0 0.1', '0 320 240 50 20', '0 0.1 0.1 0.2 0.1 0.2 0.2 0.1 0.2'].join('\n');
    const read = readYolo(text, ['ship'], SIZE, 'a.png');
    expect(read.problems).toEqual([
      'a.png, line 2: expected 5 values (class cx cy w h), found 4; the line was skipped.',
      'a.png, line 3: class 9 is not in classes.txt (it lists 1); the line was skipped.',
      'a.png, line 4: class "ship" is not a class number; the line was skipped.',
      'a.png, line 5: "half" is not a number; the line was skipped.',
      'a.png, line 6: the width and height must be above 0; the line was skipped.',
      'a.png, line 7: the values must be fractions of the image size (0 to 1); these look like pixels; the line was skipped.',
      'a.png, line 8: expected 5 values (class cx cy w h), found 9 (segmentation and oriented-box lines are not read); the line was skipped.',
    ]);
    expect(read.images[0]?.boxes).toHaveLength(1);
  });

  it('needs the image size', () => {
    expect(readYolo('0 0.5 0.5 0.1 0.1', ['ship'], { width: 0, height: 0 }, 'a.png')).toEqual({
      images: [],
      problems: ["a.png: the image size is unknown, so YOLO's fractions cannot be turned into pixels. Nothing was imported."],
    });
  });
});

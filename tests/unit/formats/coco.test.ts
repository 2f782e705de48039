import { describe, expect, it } from 'vitest';
import { COCO_DESCRIPTION, readCoco, writeCoco } from '../../../src/bundle/formats/coco';
import type { FormatImage } from '../../../src/bundle/formats/types';
import type { BoxGeometry } from '../../../src/model/geometry';
import { boxBounds } from '../../../src/model/geometry';

const IMAGES: FormatImage[] = [
  {
    fileName: 'a.png',
    width: 100,
    height: 50,
    boxes: [
      { label: 'container stack', geometry: { x: 10, y: 20, width: 40, height: 10, rotation: 90 }, attributes: { name: 'MV X', count: 3 } },
      { label: 'ship', geometry: { x: 1, y: 2, width: 3, height: 4, rotation: 0 } },
    ],
  },
  { fileName: 'b.png', width: 10, height: 10, boxes: [{ label: 'old label', geometry: { x: 0, y: 0, width: 2, height: 2, rotation: 0 } }] },
];

/** A minimal COCO document around the given annotations (one category, "vessel"). */
const coco = (images: unknown[], annotations: unknown[]) =>
  JSON.stringify({ images, annotations, categories: [{ id: 1, name: 'vessel', supercategory: '' }] });
const ann = (id: number, imageId: unknown, bbox: number[], extra: object = {}) => ({ id, image_id: imageId, category_id: 1, bbox, iscrowd: 0, ...extra });

describe('writeCoco', () => {
  it('writes images, every label as a category in the case order, and bounds as bbox with the rotated box alongside', () => {
    const text = writeCoco(IMAGES, ['ship', 'container stack', 'crane']);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual({
      info: { description: COCO_DESCRIPTION },
      images: [
        { id: 1, file_name: 'a.png', width: 100, height: 50 },
        { id: 2, file_name: 'b.png', width: 10, height: 10 },
      ],
      categories: [
        { id: 1, name: 'ship', supercategory: '' },
        { id: 2, name: 'container stack', supercategory: '' },
        { id: 3, name: 'crane', supercategory: '' },
        { id: 4, name: 'old label', supercategory: '' },
      ],
      annotations: [
        {
          id: 1,
          image_id: 1,
          category_id: 2,
          bbox: [25, 5, 10, 40],
          area: 400,
          segmentation: [[35, 5, 35, 45, 25, 45, 25, 5]],
          iscrowd: 0,
          attributes: { rotation: 90, name: 'MV X', count: 3 },
        },
        { id: 2, image_id: 1, category_id: 1, bbox: [1, 2, 3, 4], area: 12, segmentation: [[1, 2, 4, 2, 4, 6, 1, 6]], iscrowd: 0, attributes: { rotation: 0 } },
        { id: 3, image_id: 2, category_id: 4, bbox: [0, 0, 2, 2], area: 4, segmentation: [[0, 0, 2, 0, 2, 2, 0, 2]], iscrowd: 0, attributes: { rotation: 0 } },
      ],
    });
  });
});

describe('COCO round trip', () => {
  for (const rotation of [0, 17.5, -45, 45, 90, 179]) {
    it(`writes the bounds of a box rotated by ${rotation}° as bbox and reads the rotated box back`, () => {
      const geometry: BoxGeometry = { x: 200.5, y: 40.25, width: 30, height: 8, rotation };
      const text = writeCoco([{ fileName: 'a.png', width: 400, height: 300, boxes: [{ label: 'ship', geometry }] }], ['ship']);
      const b = boxBounds(geometry);
      const [x = NaN, y = NaN, w = NaN, h = NaN] = (JSON.parse(text) as { annotations: { bbox: number[] }[] }).annotations[0]?.bbox ?? [];
      for (const [got, want] of [[x, b.minX], [y, b.minY], [x + w, b.maxX], [y + h, b.maxY]] as const) expect(got).toBeCloseTo(want, 8);
      const read = readCoco(text);
      expect(read.problems).toEqual([]);
      const back = read.images[0]?.boxes[0]?.geometry;
      for (const key of ['x', 'y', 'width', 'height', 'rotation'] as const) expect(back?.[key]).toBeCloseTo(geometry[key], 6);
    });
  }

  it('keeps labels and the name, count and note attributes', () => {
    const read = readCoco(writeCoco([{ ...IMAGES[0]!, boxes: [{ ...IMAGES[0]!.boxes[0]!, attributes: { name: 'MV X', count: 3, note: 'n' } }] }], []));
    expect(read.images[0]?.boxes[0]).toMatchObject({ label: 'container stack', attributes: { name: 'MV X', count: 3, note: 'n' } });
  });
});

describe('readCoco', () => {
  it('reads bbox as an unrotated box, the category name as label, and file names without folders', () => {
    const text = coco([{ id: 7, file_name: 'train/busan.png', width: 1042, height: 699 }], [ann(1, 7, [479, 425, 7, 6], { attributes: { occluded: false } })]);
    expect(readCoco(text)).toEqual({
      images: [{ fileName: 'busan.png', width: 1042, height: 699, boxes: [{ label: 'vessel', geometry: { x: 479, y: 425, width: 7, height: 6, rotation: 0 } }] }],
      problems: [],
    });
  });

  it('does not apply a rotation that no four-corner segmentation supports (bbox could be bounds or the unrotated box)', () => {
    const text = coco([{ id: 1, file_name: 'a.png' }], [ann(5, 1, [10, 10, 20, 5], { attributes: { rotation: 30 }, segmentation: [] })]);
    const read = readCoco(text);
    expect(read.images[0]?.boxes[0]?.geometry).toEqual({ x: 10, y: 10, width: 20, height: 5, rotation: 0 });
    expect(read.problems).toEqual([
      'annotation 5: attributes.rotation is 30°, but no four-corner segmentation agrees with it and the bbox, so the box was read unrotated from its bbox.',
    ]);
  });

  it('does not apply a rotation whose polygon does not match the bbox', () => {
    const written = JSON.parse(writeCoco([{ fileName: 'a.png', width: 99, height: 99, boxes: [{ label: 'ship', geometry: { x: 10, y: 10, width: 20, height: 5, rotation: 30 } }] }], [])) as {
      annotations: { bbox: number[] }[];
    };
    written.annotations[0]!.bbox = [0, 0, 5, 5];
    const read = readCoco(JSON.stringify(written));
    expect(read.images[0]?.boxes[0]?.geometry).toEqual({ x: 0, y: 0, width: 5, height: 5, rotation: 0 });
    expect(read.problems[0]).toMatch(/^annotation 1: attributes\.rotation is 30°/);
  });

  it('takes a half turn as it is, since its bounds are the box under either reading', () => {
    const read = readCoco(coco([{ id: 1, file_name: 'a.png' }], [ann(1, 1, [1, 2, 3, 4], { attributes: { rotation: -180 } })]));
    expect(read).toEqual({ images: [{ fileName: 'a.png', boxes: [{ label: 'vessel', geometry: { x: 1, y: 2, width: 3, height: 4, rotation: 180 } }] }], problems: [] });
  });

  it('places annotations with an unlisted image_id on the only listed image, and says so', () => {
    const read = readCoco(coco([{ id: 1, file_name: 'a.png' }], [ann(17, 3, [0, 0, 1, 1]), ann(18, 1, [0, 0, 2, 2])]));
    expect(read.problems).toEqual(['Annotation 17 refers to image_id 3, which the file does not list; it was placed on a.png, the only image the file lists.']);
    expect(read.images[0]?.boxes).toHaveLength(2);
  });

  it('places them on the one listed image that is in the case when the file lists several', () => {
    const text = coco(
      [
        { id: 1, file_name: 'ndwi.png' },
        { id: 2, file_name: 'rgb.png' },
      ],
      [1, 2, 3, 4, 5, 6].map((id) => ann(id, 13, [0, 0, 1, 1])),
    );
    const read = readCoco(text, { caseFileNames: ['rgb.png', 'other.png'] });
    expect(read.problems).toEqual([
      "6 annotations (1, 2, 3, … 6) refer to image_id 13, which the file does not list; they were placed on rgb.png, the only image of the file's list that is in the case.",
    ]);
    expect(read.images.map((im) => [im.fileName, im.boxes.length])).toEqual([
      ['ndwi.png', 0],
      ['rgb.png', 6],
    ]);
  });

  it('imports nothing it would have to guess: several listed images in the case, or several unlisted image_ids', () => {
    const images = [
      { id: 1, file_name: 'ndwi.png' },
      { id: 2, file_name: 'rgb.png' },
    ];
    const both = readCoco(coco(images, [ann(1, 13, [0, 0, 1, 1])]), { caseFileNames: ['ndwi.png', 'rgb.png'] });
    expect(both.problems).toEqual([
      'Annotation 1 refers to image_id 13, which the file does not list; the file lists 2 images (ndwi.png, rgb.png) and 2 of them are in the case, so it was not imported.',
    ]);
    expect(both.images.every((im) => im.boxes.length === 0)).toBe(true);
    const two = readCoco(coco([images[1]], [ann(1, 13, [0, 0, 1, 1]), ann(2, 14, [0, 0, 1, 1])]));
    expect(two.problems).toEqual([
      'Annotation 1 refers to image_id 13, which the file does not list; several image_ids are missing from the file, so which image it belongs to is unclear and it was not imported.',
      'Annotation 2 refers to image_id 14, which the file does not list; several image_ids are missing from the file, so which image it belongs to is unclear and it was not imported.',
    ]);
  });

  it('reports malformed JSON, missing lists, bad entries and unknown categories instead of throwing', () => {
    expect(readCoco('{"images": [').problems[0]).toMatch(/^The COCO file is not valid JSON \(.+\); nothing was imported\.$/);
    expect(readCoco('[]')).toEqual({ images: [], problems: ['The file is not COCO detection JSON: it needs an "images" list and an "annotations" list; nothing was imported.'] });
    expect(readCoco('{"images": []}').problems).toHaveLength(1);
    const text = JSON.stringify({
      images: [{ id: 1, file_name: 'a.png' }, { id: 1, file_name: 'b.png' }, { file_name: 'c.png' }, { id: 4, file_name: 'dir\\a.png' }],
      categories: [{ id: 1, name: 'ship' }, { id: 2 }],
      annotations: [ann(1, 1, [0, 0, 0, 5]), 'x', { id: 3, image_id: 1, category_id: 9, bbox: [0, 0, 1, 1] }, ann(4, 4, [1, 1, 1, 1]), { id: 5, image_id: 1, category_id: 1, bbox: [0, 0, 1] }],
    });
    const read = readCoco(text);
    expect(read.problems).toEqual([
      'Image id 1 is listed twice; its second entry (b.png) was ignored.',
      'images[2] needs an id and a file_name; it was skipped.',
      'Images 1 and 4 both name a.png; their boxes were put together.',
      'categories[1] needs an id and a name; it was skipped.',
      'annotation 1: bbox must be [x, y, width, height] with a positive width and height; it was skipped.',
      'annotations[1] is not an object; it was skipped.',
      'annotation 5: bbox must be [x, y, width, height] with a positive width and height; it was skipped.',
      '1 annotation refers to category_id 9, which the file does not list; skipped.',
    ]);
    expect(read.images).toEqual([{ fileName: 'a.png', boxes: [{ label: 'ship', geometry: { x: 1, y: 1, width: 1, height: 1, rotation: 0 } }] }]);
  });

  it('refuses text over 50 MB', () => {
    expect(readCoco(' '.repeat(50 * 1024 * 1024 + 1)).problems).toEqual(['The COCO file is larger than 50 MB, so it was not read; nothing was imported.']);
  });
});

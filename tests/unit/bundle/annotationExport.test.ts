import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { caseFileStem, exportAnnotations, rotatedBoxNotice } from '../../../src/bundle/annotationExport';
import { exportFiles } from '../../../src/bundle/exportFiles';
import { readDota } from '../../../src/bundle/formats/dota';
import { readVoc } from '../../../src/bundle/formats/voc';
import { DEFAULT_LABELS } from '../../../src/model/labels';
import { emptySource, type Annotation, type CaseSnapshot, type ImageRecord } from '../../../src/model/records';

const image = (id: string, fileName: string): ImageRecord => ({
  id, caseId: 'c', fileName, mediaType: 'image/png', byteLength: 1, width: 200, height: 100, sha256: id.repeat(64).slice(0, 64),
  source: emptySource(), releasedAt: '', capturedAt: '', gsdMeters: null, notes: '', addedAt: '', addedBy: 'a',
});
const box = (id: string, imageId: string, label: string, rotation: number): Annotation => ({
  id, imageId, caseId: 'c', label, geometry: { x: 20, y: 30, width: 40, height: 10, rotation }, attributes: {}, author: 'a', createdAt: '', updatedAt: '', revision: 1,
});

const snapshot: CaseSnapshot = {
  case: { id: 'c', name: 'Rajin quay, Oct 2023', description: '', labels: DEFAULT_LABELS.map((l) => ({ ...l })), createdAt: '', updatedAt: '' },
  images: [image('a', 'rajin.png'), image('b', 'rajin.png'), image('e', 'empty.png')],
  annotations: [box('1', 'a', 'container stack', 33), box('2', 'b', 'ship', 0), box('3', 'a', 'ship', -120.5), box('4', 'b', 'ship', 360)],
  claims: [],
  links: [],
  reviews: [],
};
const labels = snapshot.case.labels.map((l) => l.name);
const imageA = { kind: 'image', imageId: 'a' } as const;
const imageB = { kind: 'image', imageId: 'b' } as const;
const wholeCase = { kind: 'case' } as const;
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bundleFile = (path: string) => exportFiles(snapshot).find((f) => f.path === `exports/${path}`)!.bytes;

describe('exporting annotations', () => {
  it('writes COCO for the whole case as one file named after the case, and says rotated boxes became bounds', () => {
    const out = exportAnnotations(snapshot, 'coco', wholeCase);
    expect(out.fileName).toBe('Rajin-quay-Oct-2023-coco.json');
    expect(out.mediaType).toBe('application/json');
    expect(out.boxes).toBe(4);
    expect(JSON.parse(decode(out.bytes)).annotations).toHaveLength(4);
    expect(out.notice).toBe(
      "2 rotated boxes are written as their axis-aligned bounding boxes in COCO JSON (each annotation's segmentation also holds the four corners); DOTA, CSV and bundles keep their true corners.",
    );
  });

  it('writes the very bytes a bundle holds', () => {
    expect(exportAnnotations(snapshot, 'coco', wholeCase).bytes).toEqual(bundleFile('coco.json'));
    expect(exportAnnotations(snapshot, 'csv', wholeCase).bytes).toEqual(bundleFile('annotations.csv'));
    const yolo = unzipSync(exportAnnotations(snapshot, 'yolo', wholeCase).bytes);
    expect(yolo['yolo/classes.txt']).toEqual(bundleFile('yolo/classes.txt'));
    expect(yolo['yolo/rajin-b.txt']).toEqual(bundleFile('yolo/rajin-b.txt'));
  });

  it('writes one image as a single VOC file named after it, counting only its rotated boxes', () => {
    const out = exportAnnotations(snapshot, 'voc', imageA);
    expect(out.fileName).toBe('rajin.xml');
    expect(out.mediaType).toBe('application/xml');
    expect(readVoc(decode(out.bytes)).images[0]!.boxes).toHaveLength(2);
    expect(out.notice).toBe('2 rotated boxes are written as their axis-aligned bounding boxes in Pascal VOC XML; DOTA, CSV and bundles keep their true corners.');
    // A box turned a whole turn is not rotated.
    expect(exportAnnotations(snapshot, 'voc', imageB).notice).toBeNull();
    expect(rotatedBoxNotice({ ...snapshot, annotations: [box('1', 'a', 'ship', 10)] }, 'yolo', imageA)).toBe(
      '1 rotated box is written as its axis-aligned bounding box in YOLO; DOTA, CSV and bundles keep their true corners.',
    );
  });

  it('keeps rotated boxes exactly through DOTA, with no notice', () => {
    const out = exportAnnotations(snapshot, 'dota', imageA);
    expect(out.fileName).toBe('rajin.txt');
    expect(out.notice).toBeNull();
    const read = readDota(decode(out.bytes), 'rajin.png', labels);
    expect(read.problems).toEqual([]);
    const [first, second] = read.images[0]!.boxes;
    expect(first!.label).toBe('container stack');
    for (const [got, want] of [[first!.geometry, snapshot.annotations[0]!.geometry], [second!.geometry, snapshot.annotations[2]!.geometry]] as const) {
      expect(got.rotation).toBeCloseTo(want.rotation, 6);
      expect(got.x).toBeCloseTo(want.x, 6);
      expect(got.y).toBeCloseTo(want.y, 6);
      expect(got.width).toBeCloseTo(want.width, 6);
      expect(got.height).toBeCloseTo(want.height, 6);
    }
  });

  it('zips DOTA for the whole case, one file per image and the README', () => {
    const out = exportAnnotations(snapshot, 'dota', wholeCase, new Date('2024-01-02T03:04:05Z'));
    expect(out.fileName).toBe('Rajin-quay-Oct-2023-dota.zip');
    expect(out.mediaType).toBe('application/zip');
    const files = unzipSync(out.bytes);
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'dota/empty.txt', 'dota/rajin-b.txt', 'dota/rajin.txt']);
    expect(strFromU8(files['README.txt']!)).toContain('dota/ and annotations.csv carry each box\'s true corners');
    expect(strFromU8(files['README.txt']!)).toContain('the DOTA files only');
    expect(files['dota/rajin.txt']).toEqual(bundleFile('dota/rajin.txt'));
  });

  it('zips YOLO even for one image, as its label file needs classes.txt', () => {
    const out = exportAnnotations(snapshot, 'yolo', imageB);
    expect(out.fileName).toBe('rajin-b-yolo.zip');
    const files = unzipSync(out.bytes);
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'yolo/classes.txt', 'yolo/rajin-b.txt']);
    expect(strFromU8(files['README.txt']!)).toContain('for the image rajin.png');
    expect(strFromU8(files['yolo/rajin-b.txt']!).trim().split('\n')).toHaveLength(2);
  });

  it('writes the CSV for one image with true corners and no notice', () => {
    const out = exportAnnotations(snapshot, 'csv', imageA);
    expect(out.fileName).toBe('rajin-boxes.csv');
    expect(out.notice).toBeNull();
    expect(decode(out.bytes).trim().split('\r\n')).toHaveLength(3);
  });

  it('refuses an image the case does not hold', () => {
    expect(() => exportAnnotations(snapshot, 'coco', { kind: 'image', imageId: 'gone' })).toThrow('no longer in this case');
  });

  it('names files from the case name with letters, digits and dashes only', () => {
    expect(caseFileStem('Sample: synthetic port (not real imagery)')).toBe('Sample-synthetic-port-not-real-imagery');
    expect(caseFileStem('  ***  ')).toBe('case');
  });
});

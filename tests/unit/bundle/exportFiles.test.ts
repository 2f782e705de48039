import { describe, expect, it } from 'vitest';
import { exportFiles } from '../../../src/bundle/exportFiles';
import { readDota } from '../../../src/bundle/formats/dota';
import { DEFAULT_LABELS } from '../../../src/model/labels';
import { emptySource, type Annotation, type CaseSnapshot, type ImageRecord } from '../../../src/model/records';

const image = (id: string, fileName: string): ImageRecord => ({
  id, caseId: 'c', fileName, mediaType: 'image/png', byteLength: 1, width: 200, height: 100, sha256: id.repeat(64).slice(0, 64),
  source: emptySource(), releasedAt: '', capturedAt: '', gsdMeters: null, notes: '', addedAt: '', addedBy: 'a',
});
const box = (id: string, imageId: string, label: string, rotation: number): Annotation => ({
  id, imageId, caseId: 'c', label, geometry: { x: 20, y: 30, width: 40, height: 10, rotation }, attributes: {}, author: 'a', createdAt: '', updatedAt: '', revision: 1,
});

describe('the exports folder', () => {
  const snapshot: CaseSnapshot = {
    case: { id: 'c', name: 'c', description: '', labels: DEFAULT_LABELS.map((l) => ({ ...l })), createdAt: '', updatedAt: '' },
    images: [image('a', 'rajin.png'), image('b', 'rajin.png')],
    annotations: [box('1', 'a', 'container stack', 33), box('2', 'b', 'ship', 0)],
    claims: [],
    links: [],
    reviews: [],
  };
  const files = exportFiles(snapshot);
  const text = (path: string) => new TextDecoder().decode(files.find((f) => f.path === path)!.bytes);

  it('writes every format, one file per image even when two images share a name', () => {
    expect(files.map((f) => f.path).sort()).toEqual([
      'exports/README.txt', 'exports/annotations.csv', 'exports/coco.json',
      'exports/dota/rajin-b.txt', 'exports/dota/rajin.txt',
      'exports/voc/rajin-b.xml', 'exports/voc/rajin.xml',
      'exports/yolo/classes.txt', 'exports/yolo/rajin-b.txt', 'exports/yolo/rajin.txt',
    ]);
  });

  it('keeps the rotated box exactly in DOTA', () => {
    const read = readDota(text('exports/dota/rajin.txt'), 'rajin.png', snapshot.case.labels.map((l) => l.name));
    const g = read.images[0]!.boxes[0]!;
    expect(g.label).toBe('container stack');
    expect(g.geometry.rotation).toBeCloseTo(33, 6);
    expect(g.geometry.x).toBeCloseTo(20, 6);
    expect(g.geometry.width).toBeCloseTo(40, 6);
  });

  it('says which formats carry only bounding boxes', () => {
    expect(text('exports/README.txt')).toContain('a rotated box appears there as its bounding box');
    expect(JSON.parse(text('exports/coco.json')).annotations).toHaveLength(2);
  });
});

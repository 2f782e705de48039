import { describe, expect, it } from 'vitest';
import { boxesByCaseImage, bundleImageMatch, comparisonSources, sourceKey } from '../../../src/model/review/comparisonSources';
import { emptySource, type Annotation, type ImageRecord } from '../../../src/model/records';

const image = (id: string, sha256: string, fileName = `${id}.png`): ImageRecord => ({
  id, caseId: 'c', fileName, mediaType: 'image/png', byteLength: 1, width: 100, height: 100, sha256,
  source: emptySource(), releasedAt: '', capturedAt: '', gsdMeters: null, notes: '', addedAt: '', addedBy: 'ana',
});
const box = (id: string, imageId: string, author: string): Annotation => ({
  id, caseId: 'c', imageId, author, label: 'ship', geometry: { x: 0, y: 0, width: 10, height: 10, rotation: 0 }, attributes: {}, createdAt: '', updatedAt: '', revision: 1,
}) as Annotation;

describe('the sides of a comparison', () => {
  const caseImages = [image('rajin', 'aaa'), image('nampo', 'bbb')];
  const caseBoxes = [box('1', 'rajin', 'ana'), box('2', 'nampo', 'ana'), box('3', 'rajin', 'ben')];
  // The bundle calls the Rajin picture by another name and id; the same name on other bytes is not it.
  const bundle = {
    images: [image('b-rajin', 'aaa', 'photo.png'), image('b-other', 'ccc', 'rajin.png')],
    annotations: [box('b1', 'b-rajin', 'cho'), box('b2', 'b-other', 'cho'), box('b3', 'b-rajin', 'dan')],
  };

  it('lists the case authors, then the bundle authors', () => {
    expect(comparisonSources(caseBoxes, bundle).map((s) => s.key)).toEqual(['case:ana', 'case:ben', 'bundle:cho', 'bundle:dan']);
    expect(comparisonSources(caseBoxes, null).map((s) => s.key)).toEqual(['case:ana', 'case:ben']);
  });

  it("groups a case author's boxes by image", () => {
    const byImage = boxesByCaseImage({ key: sourceKey(false, 'ana'), author: 'ana', fromBundle: false }, caseImages, caseBoxes, bundle);
    expect(Object.fromEntries([...byImage].map(([k, v]) => [k, v.map((b) => b.id)]))).toEqual({ rajin: ['1'], nampo: ['2'] });
  });

  it("places a bundle author's boxes on the case image with the same SHA-256, never by name", () => {
    const byImage = boxesByCaseImage({ key: sourceKey(true, 'cho'), author: 'cho', fromBundle: true }, caseImages, caseBoxes, bundle);
    expect(Object.fromEntries([...byImage].map(([k, v]) => [k, v.map((b) => b.id)]))).toEqual({ rajin: ['b1'] });
    expect(bundleImageMatch(caseImages, bundle)).toEqual({ shared: 1, elsewhere: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { readAnnotationFiles } from '../../../src/bundle/readAnnotationFiles';
import { listAnnotations } from '../../../src/db/annotations';
import { addImage } from '../../../src/db/images';
import { emptySource, type ImageRecord } from '../../../src/model/records';
import { createCase } from '../../../src/state/documentCommands';
import { importAnnotations } from '../../../src/state/importAnnotations';
import { commandContext } from '../db/helpers';

async function caseWith(...names: string[]) {
  const ctx = commandContext();
  const c = await createCase(ctx, 'case');
  const images: ImageRecord[] = [];
  for (const [i, fileName] of names.entries()) {
    const image: ImageRecord = {
      id: `img-${i}`, caseId: c.id, fileName, mediaType: 'image/png', byteLength: 1, width: 200, height: 100, sha256: String(i).repeat(64),
      source: emptySource(), releasedAt: '', capturedAt: '', gsdMeters: null, notes: '', addedAt: String(i), addedBy: 'ana',
    };
    await addImage(ctx.db, image, new Blob([new Uint8Array([i])]), { thumbnail: new Blob([]), preview: null });
    images.push(image);
  }
  return { ctx, caseId: c.id, images };
}

describe('importing annotation files', () => {
  it('tells the formats apart and places boxes by file name, adding unknown labels to the case, in one undo step', async () => {
    const { ctx, caseId, images } = await caseWith('port.png', 'twin.png', 'twin.png');
    const files = [
      { name: 'port.txt', text: '10 10 50 10 50 30 10 30 container-stack 0\n' },
      { name: 'coco.json', text: JSON.stringify({ images: [{ id: 1, file_name: 'port.png', width: 200, height: 100 }, { id: 2, file_name: 'gone.png' }], categories: [{ id: 1, name: 'barge' }], annotations: [{ id: 1, image_id: 1, category_id: 1, bbox: [5, 5, 20, 10] }, { id: 2, image_id: 2, category_id: 1, bbox: [1, 1, 2, 2] }] }) },
      { name: 'twin.xml', text: '<annotation><filename>twin.png</filename><object><name>ship</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>9</xmax><ymax>9</ymax></bndbox></object></annotation>' },
      { name: 'port-yolo.txt', text: '0 0.5 0.5 0.1 0.1\n' },
    ];
    const readings = readAnnotationFiles(files, images, ['ship', 'container stack']);
    expect(readings.map((r) => r.format)).toEqual(['DOTA', 'COCO', 'Pascal VOC', 'YOLO']);
    expect(readings[3]!.problems[0]).toContain('needs its classes.txt');

    const reports = await importAnnotations(ctx, caseId, readings);
    expect(reports[0]).toMatchObject({ matched: [{ fileName: 'port.png', boxes: 1 }], absent: [] });
    expect(reports[1]).toMatchObject({ matched: [{ fileName: 'port.png', boxes: 1 }], absent: ['gone.png (1 box)'] });
    expect(reports[2]).toMatchObject({ matched: [], absent: ['twin.png (the case holds 2 images of that name)'] });
    const placed = await listAnnotations(ctx.db, 'img-0');
    expect(placed.map((a) => a.label).sort()).toEqual(['barge', 'container stack']);
    expect(placed.every((a) => a.author === 'ana')).toBe(true);
    expect((await ctx.db.cases.get(caseId))!.labels.map((l) => l.name)).toContain('barge');

    await ctx.history.undo();
    expect(await listAnnotations(ctx.db, 'img-0')).toEqual([]);
    expect((await ctx.db.cases.get(caseId))!.labels.map((l) => l.name)).not.toContain('barge');
  });
});

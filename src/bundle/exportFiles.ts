// The exports/ folder of a bundle: the case's boxes in the formats the rest of the field reads.
// Axis-aligned formats (COCO bbox, VOC, YOLO) carry a rotated box's bounding box; DOTA and the
// CSV carry its true corners; case.json stays the lossless record.
import type { CaseSnapshot, ImageRecord } from '../model/records';
import type { ExtraFile } from './writeBundle';
import { writeBoxesCsv } from './formats/csvBoxes';
import { writeCoco } from './formats/coco';
import { writeDota } from './formats/dota';
import { labelOrder, type FormatImage } from './formats/types';
import { writeVoc } from './formats/voc';
import { writeYolo, writeYoloClasses } from './formats/yolo';

const encoder = new TextEncoder();
const text = (path: string, mediaType: string, body: string): ExtraFile => ({ path, mediaType, bytes: encoder.encode(body) });

export const EXPORTS_README = `These files carry the case's boxes in common interchange formats.
coco.json, voc/ and yolo/ are axis-aligned formats: a rotated box appears there as its bounding box
(coco.json also keeps the rotated outline in each annotation's segmentation and attributes).
dota/ and annotations.csv carry each box's true corners. case.json at the bundle's root is the
lossless record of every box, claim and link.
`;

/**
 * Names for each image's export files: the file name without extension or anything a file
 * system or archive tool would misread; an image sharing its name with an earlier one gets its
 * id appended, so no two files collide.
 */
export function exportStems(images: readonly Pick<ImageRecord, 'fileName' | 'id'>[]): Map<string, string> {
  const taken = new Set<string>();
  return new Map(
    images.map((image) => {
      const base = image.fileName.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_') || image.id;
      const name = taken.has(base) ? `${base}-${image.id.slice(0, 8)}` : base;
      taken.add(name);
      return [image.id, name];
    }),
  );
}

export function exportFiles(snapshot: CaseSnapshot): ExtraFile[] {
  const formatImages = snapshot.images.map(
    (image): FormatImage & { record: ImageRecord } => ({
      record: image,
      fileName: image.fileName,
      width: image.width,
      height: image.height,
      sha256: image.sha256,
      boxes: snapshot.annotations.filter((a) => a.imageId === image.id).map((a) => ({ label: a.label, geometry: a.geometry, attributes: a.attributes })),
    }),
  );
  const labels = labelOrder(snapshot.case.labels.map((l) => l.name), formatImages);
  const stems = exportStems(snapshot.images);
  const perImage = formatImages.map((fi) => ({ fi, name: stems.get(fi.record.id)! }));
  return [
    text('exports/README.txt', 'text/plain', EXPORTS_README),
    text('exports/coco.json', 'application/json', writeCoco(formatImages, labels)),
    text('exports/yolo/classes.txt', 'text/plain', writeYoloClasses(labels)),
    ...perImage.flatMap(({ fi, name }) => [
      text(`exports/voc/${name}.xml`, 'application/xml', writeVoc(fi)),
      text(`exports/yolo/${name}.txt`, 'text/plain', writeYolo(fi, labels)),
      text(`exports/dota/${name}.txt`, 'text/plain', writeDota(fi)),
    ]),
    text(
      'exports/annotations.csv',
      'text/csv',
      writeBoxesCsv(
        formatImages.map((fi) => ({
          image: fi,
          boxes: snapshot.annotations
            .filter((a) => a.imageId === fi.record.id)
            .map((a) => ({ id: a.id, author: a.author, createdAt: a.createdAt, label: a.label, geometry: a.geometry, attributes: a.attributes })),
        })),
      ),
    ),
  ];
}

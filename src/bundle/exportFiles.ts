// The case's boxes in the formats the rest of the field reads: one function per format, shared by
// a bundle's exports/ folder and "Export annotations" (annotationExport.ts), so both write the
// same bytes. Axis-aligned formats (COCO bbox, VOC, YOLO) carry a rotated box's bounding box;
// DOTA and the CSV carry its true corners; case.json stays the lossless record.
import type { Annotation, CaseSnapshot, Id, ImageRecord } from '../model/records';
import type { ExtraFile } from './writeBundle';
import { writeBoxesCsv } from './formats/csvBoxes';
import { writeCoco } from './formats/coco';
import { writeDota } from './formats/dota';
import { labelOrder, type FormatImage } from './formats/types';
import { writeVoc } from './formats/voc';
import { writeYolo, writeYoloClasses } from './formats/yolo';

export type AnnotationFormat = 'coco' | 'voc' | 'yolo' | 'dota' | 'csv';

/** A format's file; `imageId` when it holds one image's boxes only. */
export interface FormatFile extends ExtraFile {
  imageId?: Id;
}

const encoder = new TextEncoder();
const text = (path: string, mediaType: string, body: string, imageId?: Id): FormatFile => ({
  path,
  mediaType,
  bytes: encoder.encode(body),
  ...(imageId === undefined ? {} : { imageId }),
});

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

/**
 * The files `format` yields for `images` (some or all of the case's, in case order), with the
 * paths they have under a bundle's exports/ folder: coco.json, voc/<stem>.xml, yolo/classes.txt
 * and yolo/<stem>.txt, dota/<stem>.txt, annotations.csv. Stems are taken over the whole case, so
 * an image's file has the same name whichever images are exported with it.
 */
export function formatFiles(snapshot: CaseSnapshot, format: AnnotationFormat, images: readonly ImageRecord[] = snapshot.images): FormatFile[] {
  const boxesOf = groupByImage(snapshot.annotations);
  const stems = exportStems(snapshot.images);
  const entries = images.map((record) => {
    const boxes = boxesOf.get(record.id) ?? [];
    const fi: FormatImage = {
      fileName: record.fileName,
      width: record.width,
      height: record.height,
      sha256: record.sha256,
      boxes: boxes.map((a) => ({ label: a.label, geometry: a.geometry, attributes: a.attributes })),
    };
    return { id: record.id, stem: stems.get(record.id)!, fi, boxes };
  });
  const formatImages = entries.map((e) => e.fi);
  const labels = () => labelOrder(snapshot.case.labels.map((l) => l.name), formatImages);
  switch (format) {
    case 'coco':
      return [text('coco.json', 'application/json', writeCoco(formatImages, labels()))];
    case 'voc':
      return entries.map((e) => text(`voc/${e.stem}.xml`, 'application/xml', writeVoc(e.fi), e.id));
    case 'yolo': {
      const classes = labels();
      return [text('yolo/classes.txt', 'text/plain', writeYoloClasses(classes)), ...entries.map((e) => text(`yolo/${e.stem}.txt`, 'text/plain', writeYolo(e.fi, classes), e.id))];
    }
    case 'dota':
      return entries.map((e) => text(`dota/${e.stem}.txt`, 'text/plain', writeDota(e.fi), e.id));
    case 'csv':
      return [
        text(
          'annotations.csv',
          'text/csv',
          writeBoxesCsv(
            entries.map((e) => ({
              image: e.fi,
              boxes: e.boxes.map((a) => ({ id: a.id, author: a.author, createdAt: a.createdAt, label: a.label, geometry: a.geometry, attributes: a.attributes })),
            })),
          ),
        ),
      ];
  }
}

/** The exports/ folder of a bundle: every format for every image. */
export function exportFiles(snapshot: CaseSnapshot): ExtraFile[] {
  const [coco, voc, yolo, dota, csv] = [formatFiles(snapshot, 'coco'), formatFiles(snapshot, 'voc'), formatFiles(snapshot, 'yolo'), formatFiles(snapshot, 'dota'), formatFiles(snapshot, 'csv')];
  const ofImage = new Map<Id | undefined, FormatFile[]>();
  for (const f of [...voc, ...yolo, ...dota]) ofImage.set(f.imageId, [...(ofImage.get(f.imageId) ?? []), f]);
  // Case-wide files first, then each image's VOC, YOLO and DOTA files together, CSV last: the
  // order bundles have always had, so their bytes (and manifests) stay as they were.
  const files = [
    text('README.txt', 'text/plain', EXPORTS_README),
    ...coco,
    ...(ofImage.get(undefined) ?? []),
    ...snapshot.images.flatMap((image) => ofImage.get(image.id) ?? []),
    ...csv,
  ];
  return files.map((f) => ({ path: `exports/${f.path}`, mediaType: f.mediaType, bytes: f.bytes }));
}

function groupByImage(annotations: readonly Annotation[]): Map<Id, Annotation[]> {
  const byImage = new Map<Id, Annotation[]>();
  for (const a of annotations) {
    const list = byImage.get(a.imageId);
    if (list) list.push(a);
    else byImage.set(a.imageId, [a]);
  }
  return byImage;
}

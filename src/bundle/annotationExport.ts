// "Export annotations": the case's boxes in one interchange format, for one image or the whole
// case, as the one file to save. The files are the very ones a bundle's exports/ folder holds
// (formatFiles); a format that yields several files is saved as a .zip with the exports README.
import { zipSync, type Zippable } from 'fflate';
import { normalizeRotation } from '../model/geometry';
import type { CaseSnapshot, Id, ImageRecord } from '../model/records';
import { EXPORTS_README, exportStems, formatFiles, type AnnotationFormat } from './exportFiles';

export type { AnnotationFormat } from './exportFiles';

export const ANNOTATION_FORMATS: readonly AnnotationFormat[] = ['coco', 'voc', 'yolo', 'dota', 'csv'];

export const FORMAT_NAMES: Record<AnnotationFormat, string> = {
  coco: 'COCO JSON',
  voc: 'Pascal VOC XML',
  yolo: 'YOLO',
  dota: 'DOTA',
  csv: 'CSV',
};

/** Formats whose boxes are axis-aligned: a rotated box is written as its bounding box. */
const AXIS_ALIGNED: ReadonlySet<AnnotationFormat> = new Set(['coco', 'voc', 'yolo']);

export type ExportScope = { kind: 'image'; imageId: Id } | { kind: 'case' };

export interface AnnotationExport {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
  /** Boxes written. */
  boxes: number;
  /** Set when rotated boxes lose their rotation in this format (say so before and after saving). */
  notice: string | null;
}

/**
 * What to save for `format` over `scope`: one file when the format yields one (COCO, CSV, and
 * VOC or DOTA for one image), else a .zip of the files under the folders a bundle's exports/ uses
 * (YOLO, whose classes.txt goes with every label file, and VOC or DOTA for the whole case).
 * Throws when the scoped image is not in the case.
 */
export function exportAnnotations(snapshot: CaseSnapshot, format: AnnotationFormat, scope: ExportScope, at = new Date()): AnnotationExport {
  const images = scopedImages(snapshot, scope);
  const files = formatFiles(snapshot, format, images);
  const stem = scope.kind === 'image' ? exportStems(snapshot.images).get(scope.imageId)! : caseFileStem(snapshot.case.name);
  const boxes = countBoxes(snapshot, images, () => true);
  const notice = rotatedBoxNotice(snapshot, format, scope);
  // For the whole case, per-image files are zipped even when the case has one image: the same
  // choice always gives the same kind of file.
  const file = files.length === 1 && (scope.kind === 'image' || files[0]!.imageId === undefined) ? files[0]! : null;
  if (file) {
    return { fileName: singleFileName(format, stem, file.path), mediaType: file.mediaType, bytes: file.bytes, boxes, notice };
  }
  const readme = `${EXPORTS_README}\nThis archive holds the ${FORMAT_NAMES[format]} files only, written by "Export annotations" for ${
    scope.kind === 'image' ? `the image ${images[0]!.fileName}` : `the case "${snapshot.case.name}"`
  }. "Export bundle" saves the whole case, case.json included.\n`;
  const entries: Zippable = { 'README.txt': new TextEncoder().encode(readme) };
  for (const f of files) entries[f.path] = f.bytes;
  return { fileName: `${stem}-${format}.zip`, mediaType: 'application/zip', bytes: zipSync(entries, { level: 6, mtime: at }), boxes, notice };
}

/**
 * The warning to show when `format` is axis-aligned and some boxes in `scope` are rotated, or
 * null. It names the formats that keep the corners, so the analyst can pick one instead.
 */
export function rotatedBoxNotice(snapshot: CaseSnapshot, format: AnnotationFormat, scope: ExportScope): string | null {
  if (!AXIS_ALIGNED.has(format)) return null;
  const rotated = countBoxes(snapshot, scopedImages(snapshot, scope), (r) => normalizeRotation(r) !== 0);
  if (!rotated) return null;
  const what = rotated === 1 ? '1 rotated box is written as its axis-aligned bounding box' : `${rotated} rotated boxes are written as their axis-aligned bounding boxes`;
  const coco = format === 'coco' ? ' (each annotation\'s segmentation also holds the four corners)' : '';
  return `${what} in ${FORMAT_NAMES[format]}${coco}; DOTA, CSV and bundles keep their true corners.`;
}

/** A file-name stem from the case name: letters, digits, dashes. */
export function caseFileStem(caseName: string): string {
  return caseName.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'case';
}

function scopedImages(snapshot: CaseSnapshot, scope: ExportScope): ImageRecord[] {
  if (scope.kind === 'case') return snapshot.images;
  const image = snapshot.images.find((i) => i.id === scope.imageId);
  if (!image) throw new Error('The image to export is no longer in this case, so nothing was exported.');
  return [image];
}

function countBoxes(snapshot: CaseSnapshot, images: readonly ImageRecord[], counts: (rotation: number) => boolean): number {
  const ids = new Set(images.map((i) => i.id));
  return snapshot.annotations.filter((a) => ids.has(a.imageId) && counts(a.geometry.rotation)).length;
}

/**
 * A lone VOC or DOTA file is named after its image (photo.xml, photo.txt), as those formats
 * expect and as "Import annotations" matches them; COCO and CSV name their case or image.
 */
function singleFileName(format: AnnotationFormat, stem: string, path: string): string {
  if (format === 'voc' || format === 'dota') return path.slice(path.lastIndexOf('/') + 1);
  return format === 'coco' ? `${stem}-coco.json` : `${stem}-boxes.csv`;
}

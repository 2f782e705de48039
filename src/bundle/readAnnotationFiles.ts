// Reads annotation files of the field's formats, told apart by name and content: COCO (.json),
// Pascal VOC (.xml), DOTA (.txt with eight coordinates a line) and YOLO (.txt beside a
// classes.txt). Images are identified by file name; sizes come from the case's own images.
import { readCoco } from './formats/coco';
import { readDota } from './formats/dota';
import type { ReadResult } from './formats/types';
import { readVoc } from './formats/voc';
import { readYolo, readYoloClasses } from './formats/yolo';

export interface AnnotationFile {
  name: string;
  text: string;
}

export interface FileReading extends ReadResult {
  file: string;
  format: 'COCO' | 'Pascal VOC' | 'DOTA' | 'YOLO' | 'unknown';
}

const stem = (name: string) => name.replace(/\.[^.]*$/, '');
const looksLikeDota = (text: string) =>
  text
    .split(/\r?\n/)
    .filter((l) => l.trim() && !/^(imagesource|gsd):/i.test(l))
    .slice(0, 5)
    .every((l) => l.trim().split(/\s+/).slice(0, 8).every((t) => Number.isFinite(Number(t))) && l.trim().split(/\s+/).length >= 9);

export function readAnnotationFiles(
  files: readonly AnnotationFile[],
  caseImages: readonly { fileName: string; width: number; height: number }[],
  labels: readonly string[],
): FileReading[] {
  const classesFile = files.find((f) => f.name.toLowerCase() === 'classes.txt');
  const classes = classesFile ? readYoloClasses(classesFile.text) : null;
  const caseFileNames = caseImages.map((i) => i.fileName);
  return files
    .filter((f) => f !== classesFile)
    .map((f): FileReading => {
      const lower = f.name.toLowerCase();
      if (lower.endsWith('.json')) return { file: f.name, format: 'COCO', ...readCoco(f.text, { caseFileNames }) };
      if (lower.endsWith('.xml')) return { file: f.name, format: 'Pascal VOC', ...readVoc(f.text, f.name) };
      if (lower.endsWith('.txt') && looksLikeDota(f.text)) {
        const image = caseImages.find((i) => stem(i.fileName) === stem(f.name));
        return { file: f.name, format: 'DOTA', ...readDota(f.text, image?.fileName ?? `${stem(f.name)}.png`, labels) };
      }
      if (lower.endsWith('.txt')) {
        const image = caseImages.find((i) => stem(i.fileName) === stem(f.name));
        if (!classes) return { file: f.name, format: 'YOLO', images: [], problems: [`${f.name} looks like YOLO, which needs its classes.txt: choose it together with the .txt files.`] };
        if (!image) return { file: f.name, format: 'YOLO', images: [{ fileName: `${stem(f.name)}.*`, boxes: [] }], problems: [] };
        return { file: f.name, format: 'YOLO', ...readYolo(f.text, classes, image, image.fileName) };
      }
      return { file: f.name, format: 'unknown', images: [], problems: [`${f.name} is not a COCO (.json), Pascal VOC (.xml), DOTA or YOLO (.txt) file.`] };
    });
}

// YOLO detection labels (https://docs.ultralytics.com/datasets/detect/): one text file per image,
// one line per box, `class cx cy w h`, all four as fractions of the image's width and height,
// with the class names, one per line, in classes.txt. YOLO boxes are axis-aligned, so each line
// is the BOUNDS of a (possibly rotated) box (issue 4, item 5).
import { boxBounds, clampRect } from '../../model/geometry';
import { capProblems, oversizeProblem } from './types';
import type { FormatBox, FormatImage, ReadResult } from './types';

/**
 * Label lines for one image. `labels` is the class list (build it with `labelOrder` so every
 * box's label is in it). Bounds are clipped to the image first: trainers such as Ultralytics
 * reject values outside 0..1, and a rotated box near the edge can reach past it. A box whose
 * label is not in `labels` is a caller's mistake and throws rather than silently vanish.
 */
export function writeYolo(image: FormatImage, labels: string[]): string {
  const classOf = new Map(labels.map((l, i) => [l, i]));
  const f = (v: number) => v.toFixed(6);
  return image.boxes
    .map((box) => {
      const index = classOf.get(box.label);
      if (index === undefined) throw new Error(`The box label "${box.label}" is not in the YOLO class list.`);
      const r = clampRect(boxBounds(box.geometry), image);
      const w = r.maxX - r.minX;
      const h = r.maxY - r.minY;
      if (!(w > 0 && h > 0)) return '';
      return `${index} ${f((r.minX + w / 2) / image.width)} ${f((r.minY + h / 2) / image.height)} ${f(w / image.width)} ${f(h / image.height)}\n`;
    })
    .join('');
}

/** classes.txt: one name per line, line n (from 0) naming class n. */
export function writeYoloClasses(labels: string[]): string {
  return labels.map((l) => `${l.replace(/[\r\n]+/g, ' ')}\n`).join('');
}

/** The class names of a classes.txt (or obj.names): one per line, blank lines at the end ignored. */
export function readYoloClasses(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).map((l) => l.trim());
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

// Normalised values may overshoot 0..1 by rounding in other tools; beyond this they are refused.
const SLACK = 1e-6;

/**
 * Reads one YOLO label file for the image `fileName` of `size` pixels. `classes` is the
 * classes.txt list. Lines with more than five values (segmentation or oriented-box variants)
 * are reported, not guessed at.
 */
export function readYolo(text: string, classes: string[], size: { width: number; height: number }, fileName: string): ReadResult {
  const oversize = oversizeProblem(text, 'YOLO file');
  if (oversize) return { images: [], problems: [oversize] };
  if (!(size.width > 0 && size.height > 0)) {
    return { images: [], problems: [`${fileName}: the image size is unknown, so YOLO's fractions cannot be turned into pixels. Nothing was imported.`] };
  }
  const boxes: FormatBox[] = [];
  const problems: string[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === '') return;
      const box = readLine(line, classes, size);
      if (typeof box === 'string') problems.push(`${fileName}, line ${i + 1}: ${box}; the line was skipped.`);
      else boxes.push(box);
    });
  return { images: [{ fileName, width: size.width, height: size.height, boxes }], problems: capProblems(problems) };
}

function readLine(line: string, classes: string[], size: { width: number; height: number }): FormatBox | string {
  const fields = line.split(/\s+/);
  if (fields.length !== 5) {
    return `expected 5 values (class cx cy w h), found ${fields.length}${fields.length > 5 ? ' (segmentation and oriented-box lines are not read)' : ''}`;
  }
  const [classField = '', ...rest] = fields;
  const classIndex = Number(classField);
  if (!Number.isInteger(classIndex) || classIndex < 0) return `class "${classField}" is not a class number`;
  const label = classes[classIndex];
  if (label === undefined) return `class ${classIndex} is not in classes.txt (it lists ${classes.length})`;
  const values = rest.map(Number);
  const bad = rest.find((_field, k) => !Number.isFinite(values[k]));
  if (bad !== undefined) return `"${bad}" is not a number`;
  const [cx = NaN, cy = NaN, w = NaN, h = NaN] = values;
  if (!(w > 0 && h > 0)) return 'the width and height must be above 0';
  if (values.some((v) => v < -SLACK || v > 1 + SLACK)) return 'the values must be fractions of the image size (0 to 1); these look like pixels';
  const width = w * size.width;
  const height = h * size.height;
  return { label, geometry: { x: cx * size.width - width / 2, y: cy * size.height - height / 2, width, height, rotation: 0 } };
}

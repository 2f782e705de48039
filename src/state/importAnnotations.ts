// Boxes from other tools' annotation files, placed on the case's images matched by file name,
// in one undoable step. Labels the case does not have yet are added to it in the same step.
import type { FileReading } from '../bundle/readAnnotationFiles';
import type { DocChange } from '../db/changes';
import { getCase } from '../db/cases';
import { listImages } from '../db/images';
import { roundGeometry } from '../model/geometry';
import { FALLBACK_COLOR } from '../model/labels';
import type { Annotation, Id } from '../model/records';
import type { CommandContext } from './annotationCommands';

export interface AnnotationImportReport {
  file: string;
  format: FileReading['format'];
  /** Image file name → boxes placed on it. */
  matched: { fileName: string; boxes: number }[];
  /** Images the file refers to that the case does not hold (or holds more than once). */
  absent: string[];
  problems: string[];
}

export async function importAnnotations(ctx: CommandContext, caseId: Id, readings: readonly FileReading[]): Promise<AnnotationImportReport[]> {
  const images = await listImages(ctx.db, caseId);
  const byName = new Map<string, typeof images>();
  for (const i of images) byName.set(i.fileName, [...(byName.get(i.fileName) ?? []), i]);
  const now = new Date().toISOString();
  const boxes: Annotation[] = [];
  const reports = readings.map((reading): AnnotationImportReport => {
    const report: AnnotationImportReport = { file: reading.file, format: reading.format, matched: [], absent: [], problems: [...reading.problems] };
    for (const read of reading.images) {
      const candidates = byName.get(read.fileName) ?? [];
      if (candidates.length !== 1) {
        const why = candidates.length ? `the case holds ${candidates.length} images of that name` : `${read.boxes.length} ${read.boxes.length === 1 ? 'box' : 'boxes'}`;
        report.absent.push(`${read.fileName} (${why})`);
        continue;
      }
      const image = candidates[0]!;
      for (const b of read.boxes) {
        boxes.push({
          id: crypto.randomUUID(), imageId: image.id, caseId, label: b.label, geometry: roundGeometry(b.geometry), attributes: { ...b.attributes },
          author: ctx.author(), createdAt: now, updatedAt: now, revision: 1,
        });
      }
      if (read.boxes.length) report.matched.push({ fileName: image.fileName, boxes: read.boxes.length });
    }
    return report;
  });
  if (boxes.length) {
    await ctx.history.run(async () => {
      const before = await getCase(ctx.db, caseId);
      if (!before) return null;
      const known = new Set(before.labels.map((l) => l.name));
      const added = [...new Set(boxes.map((b) => b.label))].filter((l) => !known.has(l));
      const caseChange: DocChange[] = added.length
        ? [{ table: 'cases', id: caseId, caseId, before, after: { ...before, labels: [...before.labels, ...added.map((name) => ({ name, color: FALLBACK_COLOR }))], updatedAt: now } }]
        : [];
      return { label: 'Import annotations', changes: [...caseChange, ...boxes.map((a): DocChange => ({ table: 'annotations', id: a.id, caseId, before: null, after: a }))] };
    });
  }
  return reports;
}

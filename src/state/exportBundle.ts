// Exporting a case as a bundle: a consistent read of the case, pictures for readers without the
// app (drawn by an injected renderer, as drawing needs a browser), then the bundle streamed to a
// sink.
import { APP_INFO } from '../appInfo';
import type { Manifest } from '../bundle/bundleFormat';
import { exportFiles, exportStems } from '../bundle/exportFiles';
import { writeBundle, type BundleSink, type ExtraFile, type WriteOptions } from '../bundle/writeBundle';
import { readCaseRecords } from '../db/caseRecords';
import { imageBytes } from '../db/images';
import type { LabelDef } from '../model/labels';
import type { Annotation, CaseSnapshot, Id } from '../model/records';
import type { CommandContext } from './annotationCommands';

/** Draws the overlays and crops; the web build passes one, tests may leave it out. */
export interface EvidenceRenderer {
  overlay(original: Blob, boxes: readonly Annotation[], labels: readonly LabelDef[]): Promise<Uint8Array>;
  crops(original: Blob, boxes: readonly Annotation[], labels: readonly LabelDef[]): Promise<Map<Id, string>>;
}

export async function exportCaseBundle(
  ctx: Pick<CommandContext, 'db' | 'author'>,
  caseId: Id,
  sink: BundleSink,
  options: WriteOptions = {},
  renderer?: EvidenceRenderer,
): Promise<Manifest> {
  const { caseJson, audit } = await readCaseRecords(ctx.db, caseId);
  const original = (sha: string) => imageBytes(ctx.db, sha);
  const extraFiles = [...exportFiles(caseJson), ...(renderer ? await overlays(caseJson, original, renderer) : [])];
  return writeBundle({ caseJson, audit, original, exportedBy: ctx.author(), app: APP_INFO, extraFiles }, sink, options);
}

async function overlays(snapshot: CaseSnapshot, original: (sha: string) => Promise<Blob | undefined>, renderer: EvidenceRenderer): Promise<ExtraFile[]> {
  const files: ExtraFile[] = [];
  const stems = exportStems(snapshot.images);
  for (const image of snapshot.images) {
    const boxes = snapshot.annotations.filter((a) => a.imageId === image.id);
    const blob = await original(image.sha256);
    if (!boxes.length || !blob) continue;
    files.push({ path: `overlays/${stems.get(image.id)}.jpg`, mediaType: 'image/jpeg', bytes: await renderer.overlay(blob, boxes, snapshot.case.labels) });
  }
  return files;
}

/** A file name for the bundle from the case name: letters, digits, dashes. */
export function bundleFileName(caseName: string, at = new Date()): string {
  const stem = caseName.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'case';
  return `${stem}-${at.toISOString().slice(0, 10)}.evidence.zip`;
}

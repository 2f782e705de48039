// Exporting a case as a bundle: a consistent read of the case, pictures for readers without the
// app (drawn by an injected renderer, as drawing needs a browser), then the bundle streamed to a
// sink by an injected writer (the app's runs in a worker; tests write in place).
import { APP_INFO } from '../appInfo';
import { PATHS, type Manifest } from '../bundle/bundleFormat';
import { renderReport } from '../bundle/report';
import { caseFileStem } from '../bundle/annotationExport';
import { exportFiles, exportStems } from '../bundle/exportFiles';
import { writeBundle, type BundleSink, type ExtraFile, type WriteOptions } from '../bundle/writeBundle';
import type { BundleWriter } from '../bundle/writeBundleInWorker';
import { readCaseRecords } from '../db/caseRecords';
import { imageBytes } from '../db/images';
import { recordExport } from '../db/exportRecords';
import type { LabelDef } from '../model/labels';
import type { Annotation, CaseSnapshot, Id } from '../model/records';
import type { CommandContext } from './annotationCommands';

/** Draws the overlays and crops; the web build passes one, tests may leave it out. */
export interface EvidenceRenderer {
  overlay(original: Blob, boxes: readonly Annotation[], labels: readonly LabelDef[]): Promise<Uint8Array>;
  crops(original: Blob, boxes: readonly Annotation[], labels: readonly LabelDef[]): Promise<Map<Id, string>>;
}

export interface ExportTools {
  renderer?: EvidenceRenderer;
  /** writeBundle in this thread unless another writer is given. */
  write?: BundleWriter;
}

export async function exportCaseBundle(
  ctx: Pick<CommandContext, 'db' | 'author'>,
  caseId: Id,
  sink: BundleSink,
  options: WriteOptions = {},
  { renderer, write = writeBundle }: ExportTools = {},
): Promise<Manifest> {
  const { caseJson, audit } = await readCaseRecords(ctx.db, caseId);
  const original = (sha: string) => imageBytes(ctx.db, sha);
  const pictures = renderer ? await drawPictures(caseJson, original, renderer) : { files: [], overlays: new Map(), crops: new Map() };
  const createdAt = new Date().toISOString();
  const exportedBy = ctx.author();
  const report = renderReport({
    snapshot: caseJson,
    createdAt,
    exportedBy,
    app: APP_INFO,
    auditHead: audit.at(-1)?.hash ?? '',
    auditRecords: audit.length,
    crops: pictures.crops,
    overlays: pictures.overlays,
  });
  const extraFiles: ExtraFile[] = [...exportFiles(caseJson), ...pictures.files, { path: PATHS.report, mediaType: 'text/html', bytes: new TextEncoder().encode(report) }];
  return write({ caseJson, audit, original, exportedBy, app: APP_INFO, extraFiles, createdAt }, sink, options);
}

/** The audit record of a finished bundle export: its file, and the manifest facts that pin it down. */
export function recordBundleExport(ctx: Pick<CommandContext, 'db' | 'author'>, caseId: Id, manifest: Manifest, file: string): Promise<void> {
  const { createdAt, auditHead, counts, files } = manifest;
  return recordExport(ctx.db, caseId, ctx.author(), { kind: 'bundle', file, createdAt, auditHead, counts, files: files.length });
}

/** overlays/ (every annotated image with its boxes) and the crops of linked boxes for the report. */
async function drawPictures(snapshot: CaseSnapshot, original: (sha: string) => Promise<Blob | undefined>, renderer: EvidenceRenderer) {
  const files: ExtraFile[] = [];
  const overlays = new Map<Id, string>();
  const crops = new Map<Id, string>();
  const stems = exportStems(snapshot.images);
  const linked = new Set(snapshot.links.map((l) => l.annotationId));
  for (const image of snapshot.images) {
    const boxes = snapshot.annotations.filter((a) => a.imageId === image.id);
    const blob = await original(image.sha256);
    if (!boxes.length || !blob) continue;
    const path = `overlays/${stems.get(image.id)}.jpg`;
    files.push({ path, mediaType: 'image/jpeg', bytes: await renderer.overlay(blob, boxes, snapshot.case.labels) });
    overlays.set(image.id, path);
    const toCrop = boxes.filter((b) => linked.has(b.id));
    for (const [id, uri] of await renderer.crops(blob, toCrop, snapshot.case.labels)) crops.set(id, uri);
  }
  return { files, overlays, crops };
}

/** A file name for the bundle from the case name: letters, digits, dashes. */
export function bundleFileName(caseName: string, at = new Date()): string {
  return `${caseFileStem(caseName)}-${at.toISOString().slice(0, 10)}.evidence.zip`;
}

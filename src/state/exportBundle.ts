// Exporting a case as a bundle: a consistent read of the case, then the bundle streamed to a sink.
import { APP_INFO } from '../appInfo';
import type { Manifest } from '../bundle/bundleFormat';
import { exportFiles } from '../bundle/exportFiles';
import { writeBundle, type BundleSink, type WriteOptions } from '../bundle/writeBundle';
import { readCaseRecords } from '../db/caseRecords';
import { imageBytes } from '../db/images';
import type { Id } from '../model/records';
import type { CommandContext } from './annotationCommands';

export async function exportCaseBundle(ctx: Pick<CommandContext, 'db' | 'author'>, caseId: Id, sink: BundleSink, options: WriteOptions = {}): Promise<Manifest> {
  const { caseJson, audit } = await readCaseRecords(ctx.db, caseId);
  const extraFiles = exportFiles(caseJson);
  return writeBundle({ caseJson, audit, original: (sha) => imageBytes(ctx.db, sha), exportedBy: ctx.author(), app: APP_INFO, extraFiles }, sink, options);
}

/** A file name for the bundle from the case name: letters, digits, dashes. */
export function bundleFileName(caseName: string, at = new Date()): string {
  const stem = caseName.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'case';
  return `${stem}-${at.toISOString().slice(0, 10)}.evidence.zip`;
}

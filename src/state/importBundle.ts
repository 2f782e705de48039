// Importing a bundle: read and verify it (nothing is trusted), plan what would change, and on
// the user's word write it in one transaction.
import type { Manifest } from '../bundle/bundleFormat';
import { planImport, type ImportPlan } from '../bundle/importPlan';
import { readBundle } from '../bundle/readBundle';
import { applyImport } from '../db/applyImport';
import { localRecordsFor } from '../db/importTargets';
import type { DerivedImages } from '../model/derivedImages';
import type { AuditRecord, CaseSnapshot, Id } from '../model/records';
import type { CommandContext } from './annotationCommands';
import { switchCase, type SessionContext } from './caseSession';
import type { ImageDeriver } from './importImages';

/** A bundle that passed every check of the reader. */
export interface VerifiedBundle {
  manifest: Manifest;
  caseJson: CaseSnapshot;
  audit: AuditRecord[];
  images: ReadonlyMap<string, Blob>;
}

export type ImportTarget = { kind: 'own' } | { kind: 'into'; caseId: Id };

/** Reads and verifies a chosen file; a refusal names the file and the problem. */
export async function checkBundleFile(
  file: Blob & { name: string },
  onProgress?: (done: number, total: number) => void,
): Promise<{ ok: true; bundle: VerifiedBundle } | { ok: false; message: string }> {
  const read = await readBundle(file, { onProgress });
  if (!read.ok) return { ok: false, message: `${file.name}: ${read.error}` };
  return { ok: true, bundle: { manifest: read.manifest, caseJson: read.caseJson, audit: read.audit, images: read.images } };
}

export async function planBundleImport(ctx: Pick<CommandContext, 'db'>, bundle: VerifiedBundle, target: ImportTarget): Promise<ImportPlan> {
  const targetCaseId = target.kind === 'own' ? bundle.caseJson.case.id : target.caseId;
  return planImport(bundle.caseJson, targetCaseId, await localRecordsFor(ctx.db, bundle.caseJson, targetCaseId));
}

/** Writes the plan; refuses (writing nothing) when a new image cannot be decoded. */
export async function commitBundleImport(ctx: Pick<CommandContext, 'db' | 'author'>, bundle: VerifiedBundle, plan: ImportPlan, deriveImages: ImageDeriver): Promise<void> {
  const derived = new Map<string, DerivedImages>();
  for (const r of plan.records) {
    if (r.table !== 'images' || r.outcome !== 'added') continue;
    const image = r.record as CaseSnapshot['images'][number];
    try {
      derived.set(image.sha256, await deriveImages(bundle.images.get(image.sha256)!));
    } catch {
      throw new Error(`${image.fileName} in this bundle is not an image this app can read. Nothing was imported.`);
    }
  }
  const m = bundle.manifest;
  const summary = { createdAt: m.createdAt, exportedBy: m.exportedBy, app: m.app, caseId: m.case.id, caseName: m.case.name, auditHead: m.auditHead, files: m.files.length };
  await applyImport(ctx.db, plan, { bundle: summary, audit: bundle.audit, originals: bundle.images, derived }, ctx.author());
}

/** Writes the plan, opens the case it went into, and says what happened. */
export async function importAndOpen(ctx: SessionContext, bundle: VerifiedBundle, plan: ImportPlan, fileName: string, deriveImages: ImageDeriver): Promise<string> {
  await commitBundleImport(ctx, bundle, plan, deriveImages);
  await switchCase(ctx, plan.targetCaseId);
  const { added, present, conflict } = plan.counts;
  if (!added) return `Nothing to import: everything in ${fileName} is already here.`;
  return `Imported ${added} records from ${fileName}${present ? `; ${present} were already here` : ''}${conflict ? `; ${conflict} conflicts kept as they were here` : ''}.`;
}

// Commands over cases and image records. Creating a case is audited but not undoable (it is
// not a gesture on the document); renames, label edits and provenance edits are.
import { applyChanges, type DocChange } from '../db/changes';
import { newCaseRecord } from '../db/cases';
import type { LabelDef } from '../model/labels';
import type { CaseRecord, Id, ImageRecord } from '../model/records';
import type { CommandContext } from './annotationCommands';
import type { Command } from './history';

export async function createCase(ctx: CommandContext, name: string, description = ''): Promise<CaseRecord> {
  const record = newCaseRecord(name, description);
  await applyChanges(ctx.db, [{ table: 'cases', id: record.id, caseId: record.id, before: null, after: record }], ctx.author());
  return record;
}

function updateCase(ctx: CommandContext, caseId: Id, label: string, edit: (c: CaseRecord) => Partial<CaseRecord>, extra: (c: CaseRecord) => Promise<DocChange[]> = async () => []) {
  return ctx.history.run(async (): Promise<Command | null> => {
    const before = await ctx.db.cases.get(caseId);
    if (!before) return null;
    const after = { ...before, ...edit(before), updatedAt: new Date().toISOString() };
    return { label, changes: [{ table: 'cases', id: caseId, caseId, before, after }, ...(await extra(before))] };
  });
}

export function renameCase(ctx: CommandContext, caseId: Id, name: string) {
  return updateCase(ctx, caseId, 'Rename case', () => ({ name }));
}

/**
 * Replaces the case's label set. `renamed` maps old names to new ones; boxes carrying a renamed
 * label are relabelled in the same command, so one undo restores both.
 */
export function setCaseLabels(ctx: CommandContext, caseId: Id, labels: LabelDef[], renamed: ReadonlyMap<string, string> = new Map()) {
  return updateCase(
    ctx,
    caseId,
    'Edit labels',
    () => ({ labels }),
    async () => {
      if (renamed.size === 0) return [];
      const now = new Date().toISOString();
      const boxes = await ctx.db.annotations.where('caseId').equals(caseId).filter((a) => renamed.has(a.label)).toArray();
      return boxes.map((before) => ({
        table: 'annotations' as const,
        id: before.id,
        caseId,
        before,
        after: { ...before, label: renamed.get(before.label)!, updatedAt: now, revision: before.revision + 1 },
      }));
    },
  );
}

export type ImageMetadata = Pick<ImageRecord, 'source' | 'releasedAt' | 'capturedAt' | 'notes'>;

export function updateImageMetadata(ctx: CommandContext, imageId: Id, metadata: ImageMetadata) {
  return ctx.history.run(async (): Promise<Command | null> => {
    const before = await ctx.db.images.get(imageId);
    if (!before) return null;
    const after = { ...before, ...metadata };
    if (JSON.stringify(after) === JSON.stringify(before)) return null;
    return { label: 'Edit provenance', changes: [{ table: 'images', id: imageId, caseId: before.caseId, before, after }] };
  });
}

// Commands over boxes. Each reads the current records when it runs (inside the history queue),
// so quick repeated gestures always build on the latest saved state.
import { getAnnotations } from '../db/annotations';
import { linksOfBoxes } from '../db/claims';
import type { DocChange } from '../db/changes';
import type { EvidenceDatabase } from '../db/database';
import { reviewsOfBoxes } from '../db/reviews';
import { roundGeometry, translateWithin, type BoxGeometry } from '../model/geometry';
import type { Annotation, BoxAttributes, Id, ImageRecord } from '../model/records';
import type { Command, History } from './history';
import type { ClipboardBox } from './session';

export interface CommandContext {
  db: EvidenceDatabase;
  history: History;
  author: () => string;
}

export interface NewBox {
  label: string;
  geometry: BoxGeometry;
  attributes?: BoxAttributes;
}

const changeOf = (before: Annotation | null, after: Annotation | null): DocChange => {
  const r = (after ?? before)!;
  return { table: 'annotations', id: r.id, caseId: r.caseId, before, after };
};

export function createBoxes(ctx: CommandContext, image: ImageRecord, boxes: readonly NewBox[], label = 'Draw box'): Promise<Annotation[]> {
  const now = new Date().toISOString();
  const created: Annotation[] = boxes.map((b) => ({
    id: crypto.randomUUID(),
    imageId: image.id,
    caseId: image.caseId,
    label: b.label,
    geometry: roundGeometry(b.geometry),
    attributes: { ...b.attributes },
    author: ctx.author(),
    createdAt: now,
    updatedAt: now,
    revision: 1,
  }));
  return ctx.history.run(async () => ({ label, changes: created.map((a) => changeOf(null, a)) })).then(() => created);
}

/** Applies `edit` to each box; boxes it returns unchanged are left out of the command. */
export function updateBoxes(
  ctx: CommandContext,
  ids: readonly Id[],
  label: string,
  edit: (a: Annotation) => { label?: string; geometry?: BoxGeometry; attributes?: BoxAttributes },
): Promise<Command | null> {
  return ctx.history.run(async () => {
    const now = new Date().toISOString();
    const changes = (await getAnnotations(ctx.db, ids)).flatMap((before) => {
      const patch = edit(before);
      const after: Annotation = {
        ...before,
        ...patch,
        geometry: patch.geometry ? roundGeometry(patch.geometry) : before.geometry,
        updatedAt: now,
        revision: before.revision + 1,
      };
      const same =
        after.label === before.label &&
        JSON.stringify(after.geometry) === JSON.stringify(before.geometry) &&
        JSON.stringify(after.attributes) === JSON.stringify(before.attributes);
      return same ? [] : [changeOf(before, after)];
    });
    return { label, changes };
  });
}

/**
 * Deletes boxes with their links to claims and the reviewers' verdicts that name them, in one
 * step (undo restores all three). A verdict rules on a difference made of its boxes: without
 * them it has nothing to stand on, and a bundle carrying it would be refused.
 */
export function deleteBoxes(ctx: CommandContext, ids: readonly Id[]): Promise<Command | null> {
  return ctx.history.run(async () => {
    const boxes = await getAnnotations(ctx.db, ids);
    return {
      label: ids.length === 1 ? 'Delete box' : `Delete ${ids.length} boxes`,
      changes: [
        ...(await reviewsOfBoxes(ctx.db, boxes)).map((r): DocChange => ({ table: 'reviews', id: r.id, caseId: r.caseId, before: r, after: null })),
        ...(await linksOfBoxes(ctx.db, ids)).map((l): DocChange => ({ table: 'links', id: l.id, caseId: l.caseId, before: l, after: null })),
        ...boxes.map((a) => changeOf(a, null)),
      ],
    };
  });
}

export function moveBoxes(ctx: CommandContext, image: ImageRecord, ids: readonly Id[], dx: number, dy: number): Promise<Command | null> {
  return updateBoxes(ctx, ids, 'Move', (a) => ({ geometry: translateWithin(a.geometry, dx, dy, image) }));
}

export async function copyBoxes(ctx: CommandContext, ids: readonly Id[]): Promise<ClipboardBox[]> {
  return (await getAnnotations(ctx.db, ids)).map((a) => ({ label: a.label, geometry: a.geometry, attributes: a.attributes, sourceImageId: a.imageId }));
}

/** Pastes boxes: offset by 10 px on their own image so the copies are visible, in place elsewhere. */
export function pasteBoxes(ctx: CommandContext, image: ImageRecord, boxes: readonly ClipboardBox[], label = 'Paste'): Promise<Annotation[]> {
  return createBoxes(
    ctx,
    image,
    boxes.map((b) => {
      const offset = b.sourceImageId === image.id ? 10 : 0;
      return { label: b.label, attributes: b.attributes, geometry: translateWithin(b.geometry, offset, offset, image) };
    }),
    label,
  );
}

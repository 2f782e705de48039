// Commands over reviewers' verdicts (issue #5): undoable and audited like every document change
// (they go through the same history and change path).
import { getAnnotations } from '../db/annotations';
import type { DocChange } from '../db/changes';
import type { EvidenceDatabase } from '../db/database';
import { getImage } from '../db/images';
import { reviewsOfImage } from '../db/reviews';
import type { Id, ReviewRecord, Verdict } from '../model/records';
import { sameDifference, verdictBoxesProblem } from '../model/review/verdicts';
import type { CommandContext } from './annotationCommands';

export interface VerdictInput {
  caseId: Id;
  imageId: Id;
  authorA: string;
  authorB: string;
  kind: ReviewRecord['kind'];
  aBoxId: Id | null;
  bBoxId: Id | null;
  verdict: Verdict;
  comment: string;
}

const reviewChange = (before: ReviewRecord | null, after: ReviewRecord | null): DocChange => {
  const r = (after ?? before)!;
  return { table: 'reviews', id: r.id, caseId: r.caseId, before, after };
};

/** Creates the verdict on this difference, or updates the one already recorded (same image, authors and boxes). One undoable, audited command. */
export function recordVerdict(ctx: CommandContext, input: VerdictInput): Promise<void> {
  const run = ctx.history.run(async () => {
    // Refused here rather than stored: a bundle carrying such a verdict would be refused on import.
    const problem = verdictBoxesProblem(input.kind, input.aBoxId, input.bBoxId) ?? (await targetProblem(ctx.db, input));
    if (problem) throw new Error(`the verdict does not fit what is stored (${problem})`);
    const existing = (await reviewsOfImage(ctx.db, input.imageId)).find((r) => sameDifference(r, input));
    const now = new Date().toISOString();
    const { kind, verdict, comment } = input;
    if (existing) {
      if (existing.verdict === verdict && existing.comment === comment && existing.kind === kind) return null;
      return { label: 'Change verdict', changes: [reviewChange(existing, { ...existing, kind, verdict, comment, reviewer: ctx.author(), updatedAt: now })] };
    }
    const { caseId, imageId, authorA, authorB, aBoxId, bBoxId } = input;
    const created: ReviewRecord = { id: crypto.randomUUID(), caseId, imageId, authorA, authorB, kind, aBoxId, bBoxId, verdict, comment, reviewer: ctx.author(), createdAt: now, updatedAt: now };
    return { label: 'Record verdict', changes: [reviewChange(null, created)] };
  });
  return run.then(() => undefined);
}

/** Removes a verdict (undoable). */
export function clearVerdict(ctx: CommandContext, reviewId: Id): Promise<void> {
  const run = ctx.history.run(async () => {
    const before = await ctx.db.reviews.get(reviewId);
    return before ? { label: 'Clear verdict', changes: [reviewChange(before, null)] } : null;
  });
  return run.then(() => undefined);
}

/** The image must be the case's and each named box on that image, drawn by its side's author. */
async function targetProblem(db: EvidenceDatabase, input: VerdictInput): Promise<string | null> {
  const image = await getImage(db, input.imageId);
  if (!image || image.caseId !== input.caseId) return `image ${input.imageId} is not stored in this case`;
  const boxes = new Map((await getAnnotations(db, [input.aBoxId, input.bBoxId].filter((id) => id !== null))).map((b) => [b.id, b]));
  for (const [side, id, author] of [['A', input.aBoxId, input.authorA], ['B', input.bBoxId, input.authorB]] as const) {
    if (id === null) continue;
    const box = boxes.get(id);
    if (!box) return `box ${id} of side ${side} is no longer stored`;
    if (box.imageId !== input.imageId) return `box ${id} of side ${side} is on another image`;
    if (box.author !== author) return `box ${id} of side ${side} was drawn by ${box.author}, not ${author}`;
  }
  return null;
}

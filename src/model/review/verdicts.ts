// What makes a stored verdict well formed (issue #5). Shared by the command that records verdicts
// and the bundle reader that checks them, so the app never stores a verdict it would refuse to
// import.
import type { Id, ReviewRecord, Verdict } from '../records';
import type { DifferenceKind } from './differences';

/** A verdict in words, as the report and the review view show it. */
export const VERDICT_WORDS: Record<Verdict, string> = {
  'accept-a': 'accept A',
  'accept-b': 'accept B',
  'both-wrong': 'both wrong',
  discuss: 'needs discussion',
};

/** The fields that name the difference a verdict rules on; one verdict per difference. */
export type DifferenceRef = Pick<ReviewRecord, 'imageId' | 'authorA' | 'authorB' | 'aBoxId' | 'bBoxId'>;

export function sameDifference(a: DifferenceRef, b: DifferenceRef): boolean {
  return a.imageId === b.imageId && a.authorA === b.authorA && a.authorB === b.authorB && a.aBoxId === b.aBoxId && a.bBoxId === b.bBoxId;
}

/**
 * Why the box ids do not fit the kind of difference (an a-only difference has a box on side A
 * only, a b-only one on side B only, a pair on both), or null when they fit.
 */
export function verdictBoxesProblem(kind: DifferenceKind, aBoxId: Id | null, bBoxId: Id | null): string | null {
  for (const [side, id, wanted] of [['A', aBoxId, kind !== 'b-only'], ['B', bBoxId, kind !== 'a-only']] as const) {
    if (wanted && id === null) return `the difference is ${kind}, so it needs a box on side ${side}, but none is named`;
    if (!wanted && id !== null) return `the difference is ${kind}, so it has no box on side ${side}, but box ${id} is named`;
  }
  return null;
}

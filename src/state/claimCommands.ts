// Commands over claims and links: undoable and audited like box changes (they go through the
// same history and change path).
import { getAnnotations } from '../db/annotations';
import { getClaim, getLinks, linksOfBoxes, linksOfClaim } from '../db/claims';
import type { DocChange } from '../db/changes';
import type { ClaimFields } from '../model/claimInput';
import type { ClaimRecord, Id, LinkRecord, Relation } from '../model/records';
import type { CommandContext } from './annotationCommands';
import type { Command } from './history';

const claimChange = (before: ClaimRecord | null, after: ClaimRecord | null): DocChange => {
  const r = (after ?? before)!;
  return { table: 'claims', id: r.id, caseId: r.caseId, before, after };
};
const linkChange = (before: LinkRecord | null, after: LinkRecord | null): DocChange => {
  const r = (after ?? before)!;
  return { table: 'links', id: r.id, caseId: r.caseId, before, after };
};

function newClaim(caseId: Id, fields: ClaimFields): ClaimRecord {
  const now = new Date().toISOString();
  return { ...fields, id: crypto.randomUUID(), caseId, createdAt: now, updatedAt: now };
}

export async function createClaims(ctx: CommandContext, caseId: Id, claims: readonly ClaimFields[], label?: string): Promise<ClaimRecord[]> {
  const created = claims.map((fields) => newClaim(caseId, fields));
  const command = await ctx.history.run(async () => ({
    label: label ?? (created.length === 1 ? 'New claim' : `Import ${created.length} claims`),
    changes: created.map((c) => claimChange(null, c)),
  }));
  return command ? created : [];
}

export function updateClaim(ctx: CommandContext, id: Id, fields: ClaimFields): Promise<Command | null> {
  return ctx.history.run(async () => {
    const before = await getClaim(ctx.db, id);
    if (!before) return null;
    const after = { ...before, ...fields, updatedAt: new Date().toISOString() };
    return { label: 'Edit claim', changes: [claimChange(before, after)] };
  });
}

/** Deletes a claim with its links in one step. */
export function deleteClaim(ctx: CommandContext, id: Id): Promise<Command | null> {
  return ctx.history.run(async () => {
    const claim = await getClaim(ctx.db, id);
    if (!claim) return null;
    const links = await linksOfClaim(ctx.db, id);
    return { label: 'Delete claim', changes: [...links.map((l) => linkChange(l, null)), claimChange(claim, null)] };
  });
}

/**
 * Links boxes to a claim. A box already linked to the claim keeps one link, whose relation and
 * note are updated; boxes no longer stored are skipped.
 */
export function linkBoxes(ctx: CommandContext, annotationIds: readonly Id[], claimId: Id, relation: Relation, note: string): Promise<Command | null> {
  return ctx.history.run(async () => {
    const claim = await getClaim(ctx.db, claimId);
    if (!claim) return null;
    const boxes = await getAnnotations(ctx.db, annotationIds);
    const existing = new Map((await linksOfBoxes(ctx.db, annotationIds)).filter((l) => l.claimId === claimId).map((l) => [l.annotationId, l]));
    const now = new Date().toISOString();
    const changes = boxes.flatMap((box): DocChange[] => {
      const before = existing.get(box.id);
      if (before) return before.relation === relation && before.note === note ? [] : [linkChange(before, { ...before, relation, note })];
      const link: LinkRecord = { id: crypto.randomUUID(), caseId: claim.caseId, annotationId: box.id, claimId, relation, note, author: ctx.author(), createdAt: now };
      return [linkChange(null, link)];
    });
    return { label: boxes.length === 1 ? 'Link to claim' : `Link ${boxes.length} boxes to claim`, changes };
  });
}

export function unlink(ctx: CommandContext, linkIds: readonly Id[]): Promise<Command | null> {
  return ctx.history.run(async () => {
    const links = await getLinks(ctx.db, linkIds);
    return { label: 'Unlink', changes: links.map((l) => linkChange(l, null)) };
  });
}

// Reading claims and the links that tie boxes to them.
import type { ClaimRecord, Id, LinkRecord } from '../model/records';
import type { EvidenceDatabase } from './database';

export function listClaims(db: EvidenceDatabase, caseId: Id): Promise<ClaimRecord[]> {
  return db.claims.where('caseId').equals(caseId).toArray();
}

export function getClaim(db: EvidenceDatabase, id: Id): Promise<ClaimRecord | undefined> {
  return db.claims.get(id);
}

export function linksOfCase(db: EvidenceDatabase, caseId: Id): Promise<LinkRecord[]> {
  return db.links.where('caseId').equals(caseId).toArray();
}

export function linksOfClaim(db: EvidenceDatabase, claimId: Id): Promise<LinkRecord[]> {
  return db.links.where('claimId').equals(claimId).toArray();
}

export function linksOfBoxes(db: EvidenceDatabase, annotationIds: readonly Id[]): Promise<LinkRecord[]> {
  return db.links.where('annotationId').anyOf([...annotationIds]).toArray();
}

export async function getLinks(db: EvidenceDatabase, ids: readonly Id[]): Promise<LinkRecord[]> {
  return (await db.links.bulkGet([...ids])).filter((l): l is LinkRecord => l !== undefined);
}

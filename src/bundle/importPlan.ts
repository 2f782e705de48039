// What importing a bundle would change, worked out before anything is written. Records keep
// their ids when the bundle's case comes in as itself; merged into another case they get ids
// derived from that case and their own (so importing the same bundle twice into the same case
// finds them again, and into two cases never collides). Images are matched by SHA-256.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from '../model/canonicalJson';
import type { CaseSnapshot, DocumentTable, Id, ImageRecord } from '../model/records';

export interface LocalRecords {
  /** The target case as stored, if it exists. */
  case: CaseSnapshot['case'] | undefined;
  images: readonly ImageRecord[];
  /** Stored records with the ids the plan would write, wherever they are. */
  byId: ReadonlyMap<Id, unknown>;
}

export type Outcome = 'added' | 'present' | 'conflict';

export interface PlannedRecord<T = unknown> {
  table: Exclude<DocumentTable, 'cases'> | 'cases';
  record: T;
  outcome: Outcome;
}

export interface ImportPlan {
  targetCaseId: Id;
  /** The bundle's case becomes a case of its own (true) or merges into an existing one. */
  asOwnCase: boolean;
  records: PlannedRecord[];
  /** Bundle image id → the image id it lands on (an existing image with the same bytes, or its own). */
  imageIds: ReadonlyMap<Id, Id>;
  counts: Record<Outcome, number>;
}

/** A stable id for a record merged into another case: the same inputs always give the same id. */
export function mergedId(targetCaseId: Id, id: Id): Id {
  const h = bytesToHex(sha256(utf8ToBytes(`${targetCaseId}:${id}`)));
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The ids the plan would write, for reading the stored records to compare against. */
export function plannedIds(snapshot: CaseSnapshot, targetCaseId: Id): Id[] {
  const map = (id: Id) => (targetCaseId === snapshot.case.id ? id : mergedId(targetCaseId, id));
  return [snapshot.images, snapshot.annotations, snapshot.claims, snapshot.links, snapshot.reviews].flatMap((rs) => rs.map((r) => map(r.id)));
}

export function planImport(snapshot: CaseSnapshot, targetCaseId: Id, local: LocalRecords): ImportPlan {
  const asOwnCase = targetCaseId === snapshot.case.id;
  const map = (id: Id) => (asOwnCase ? id : mergedId(targetCaseId, id));
  const bySha = new Map(local.images.map((i) => [i.sha256, i]));
  const imageIds = new Map(snapshot.images.map((i) => [i.id, bySha.get(i.sha256)?.id ?? map(i.id)]));
  const records: PlannedRecord[] = [];
  const judge = (table: PlannedRecord['table'], record: { id: Id }, stored: unknown) =>
    records.push({ table, record, outcome: stored === undefined ? 'added' : canonicalJson(stored) === canonicalJson(record) ? 'present' : 'conflict' });

  if (asOwnCase) judge('cases', snapshot.case, local.case);
  for (const image of snapshot.images) {
    const existing = bySha.get(image.sha256);
    // The same bytes are already in the case: that image stands for this one, whatever its record says.
    if (existing) records.push({ table: 'images', record: existing, outcome: 'present' });
    else {
      const record = { ...image, id: imageIds.get(image.id)!, caseId: targetCaseId };
      judge('images', record, local.byId.get(record.id));
    }
  }
  for (const a of snapshot.annotations) {
    const record = { ...a, id: map(a.id), caseId: targetCaseId, imageId: imageIds.get(a.imageId) ?? map(a.imageId) };
    judge('annotations', record, local.byId.get(record.id));
  }
  for (const c of snapshot.claims) {
    const record = { ...c, id: map(c.id), caseId: targetCaseId };
    judge('claims', record, local.byId.get(record.id));
  }
  for (const l of snapshot.links) {
    const record = { ...l, id: map(l.id), caseId: targetCaseId, annotationId: map(l.annotationId), claimId: map(l.claimId) };
    judge('links', record, local.byId.get(record.id));
  }
  for (const r of snapshot.reviews) {
    const mapBox = (id: Id | null) => (id === null ? null : map(id));
    const record = { ...r, id: map(r.id), caseId: targetCaseId, imageId: imageIds.get(r.imageId) ?? map(r.imageId), aBoxId: mapBox(r.aBoxId), bBoxId: mapBox(r.bBoxId) };
    judge('reviews', record, local.byId.get(record.id));
  }
  const counts = { added: 0, present: 0, conflict: 0 };
  for (const r of records) counts[r.outcome] += 1;
  return { targetCaseId, asOwnCase, records, imageIds, counts };
}

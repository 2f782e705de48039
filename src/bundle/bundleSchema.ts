// The shapes a bundle's JSON files must have, checked before a record is trusted.
// Validation only: readers keep the parsed JSON exactly as it was.
import { z } from 'zod';
import { CONFIDENCES, DIFFERENCE_KINDS, DOCUMENT_TABLES, QUANTITY_QUALIFIERS, RELATIONS, VERDICTS, type DocumentTable } from '../model/records';
import { BUNDLE_FORMAT } from './bundleFormat';

const str = z.string();
const id = z.string().min(1);
const count = z.number().int().nonnegative();
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in lower-case hex');

export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.number().int().positive(),
  app: z.object({ name: str, version: str }),
  createdAt: str,
  exportedBy: str,
  case: z.object({ id, name: str, description: str }),
  counts: z.object({ images: count, annotations: count, claims: count, links: count, reviews: count, auditRecords: count }),
  auditHead: z.union([z.literal(''), hex64]),
  files: z.array(z.object({ path: z.string().min(1), sha256: hex64, bytes: count, mediaType: str })),
});

export const caseSchema = z.object({
  case: z.object({ id, name: str, description: str, labels: z.array(z.object({ name: str, color: str })), createdAt: str, updatedAt: str }),
  images: z.array(
    z.object({
      id, caseId: id, fileName: str, mediaType: z.enum(['image/png', 'image/jpeg', 'image/webp']), byteLength: count,
      width: z.number().int().positive(), height: z.number().int().positive(), sha256: hex64,
      source: z.object({ title: str, publisher: str, url: str, credit: str, licence: str }),
      releasedAt: str, capturedAt: str, gsdMeters: z.number().nonnegative().nullable(), notes: str, addedAt: str, addedBy: str,
    }),
  ),
  annotations: z.array(
    z.object({
      id, imageId: id, caseId: id, label: str,
      geometry: z.object({ x: z.number(), y: z.number(), width: z.number().nonnegative(), height: z.number().nonnegative(), rotation: z.number() }),
      attributes: z.object({ note: str.optional(), confidence: z.enum(CONFIDENCES).optional(), count: z.number().optional(), name: str.optional() }),
      author: str, createdAt: str, updatedAt: str, revision: count,
    }),
  ),
  claims: z.array(
    z.object({
      id, caseId: id, statement: str, claimant: str, role: str, claimedAt: str, period: z.object({ from: str, to: str }),
      source: z.object({ title: str, publisher: str, url: str, accessedAt: str }),
      quantity: z.object({ value: z.number(), unit: str, qualifier: z.enum(QUANTITY_QUALIFIERS) }).nullable(),
      tags: z.array(str), notes: str, createdAt: str, updatedAt: str,
    }),
  ),
  links: z.array(z.object({ id, caseId: id, annotationId: id, claimId: id, relation: z.enum(RELATIONS), note: str, author: str, createdAt: str })),
  reviews: z.array(
    z.object({
      id, caseId: id, imageId: id, authorA: str, authorB: str, kind: z.enum(DIFFERENCE_KINDS), aBoxId: id.nullable(), bBoxId: id.nullable(),
      verdict: z.enum(VERDICTS), comment: str, reviewer: str, createdAt: str, updatedAt: str,
    }),
  ),
});

export const auditSchema = z.object({
  seq: z.number().int().optional(), at: str, author: str, action: z.enum(['create', 'update', 'delete', 'import', 'export']),
  entity: z.enum(DOCUMENT_TABLES as readonly [DocumentTable, ...DocumentTable[]]), entityId: id, caseId: id, before: z.unknown(), after: z.unknown(), prevHash: hex64, hash: hex64,
});

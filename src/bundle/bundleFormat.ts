// Bundle format v1 (DESIGN.md "Bundle format v1"; docs/bundle-format.md): a plain .zip that any
// tool can open and verify. These are the shapes of its JSON files and its fixed paths.
import type { AuditRecord, CaseSnapshot, ImageRecord } from '../model/records';

export const BUNDLE_FORMAT = 'evidence-bundle';
export const BUNDLE_FORMAT_VERSION = 1;

export const PATHS = {
  manifest: 'manifest.json',
  sums: 'SHA256SUMS',
  caseJson: 'case.json',
  audit: 'audit.jsonl',
  report: 'report.html',
} as const;

/** Originals are stored under their hash, so the same file is never stored twice. */
export const imagePath = (image: Pick<ImageRecord, 'sha256' | 'mediaType'>) => `images/${image.sha256}.${extensionOf(image.mediaType)}`;

export function extensionOf(mediaType: string): string {
  return mediaType === 'image/jpeg' ? 'jpg' : mediaType === 'image/webp' ? 'webp' : mediaType === 'image/png' ? 'png' : 'bin';
}

export interface ManifestFile {
  /** Forward slashes, relative to the bundle's root. */
  path: string;
  sha256: string;
  bytes: number;
  mediaType: string;
}

export interface Manifest {
  format: typeof BUNDLE_FORMAT;
  formatVersion: number;
  app: { name: string; version: string };
  createdAt: string;
  exportedBy: string;
  case: { id: string; name: string; description: string };
  counts: { images: number; annotations: number; claims: number; links: number; reviews: number; auditRecords: number };
  /** Hash of the last audit record in audit.jsonl ('' when there is none). */
  auditHead: string;
  /** Every file of the bundle except manifest.json itself. */
  files: ManifestFile[];
}

/** case.json: the lossless native records of one case. */
export type CaseJson = CaseSnapshot;

/** audit.jsonl: one AuditRecord per line, in chain order. */
export type AuditLine = AuditRecord;

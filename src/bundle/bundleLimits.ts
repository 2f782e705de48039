// The limits the bundle reader enforces (docs/bundle-format.md "Importing"). They bound what a
// hostile or damaged archive can make the app allocate or compute before it is refused. Tests
// pass smaller limits to readBundle instead of building 20,000-entry or 4 GiB archives.

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

/** Most entries (files and folders) an archive may hold: a case of some 3,000 images with their exports and overlays. */
export const MAX_ENTRIES = 20_000;

/** Largest central directory read into memory: about 3 KiB per entry at the entry limit. */
export const MAX_DIRECTORY_BYTES = 64 * MiB;

/** Most bytes all entries together may unpack to, declared and as actually inflated. */
export const MAX_TOTAL_BYTES = 4 * GiB;

/** Most bytes one entry may unpack to: twice the largest image the app imports (MAX_IMAGE_BYTES), for overlays. */
export const MAX_ENTRY_BYTES = 1 * GiB;

/** Largest output/input ratio while inflating. Deflate reaches ~1,030:1 on runs of one byte; JSON rarely passes 30:1. */
export const MAX_COMPRESSION_RATIO = 200;

/** The ratio is only judged past this much output, where a small, very regular file is not yet a threat. */
export const RATIO_CHECK_FROM_BYTES = 1 * MiB;

/** manifest.json holds one line per file; 20,000 of them fit in a few MiB at most. */
export const MAX_MANIFEST_BYTES = 1 * MiB;

/** case.json: every record of a case; 20,000 boxes on an image come to about 10 MiB. */
export const MAX_CASE_JSON_BYTES = 64 * MiB;

/** audit.jsonl: every change, with the whole record before and after it. */
export const MAX_AUDIT_BYTES = 256 * MiB;

/** SHA256SUMS: one ~100-byte line per file. */
export const MAX_SUMS_BYTES = 8 * MiB;

/** Deepest nesting accepted in a JSON file, so that walking and hashing it cannot exhaust the stack. */
export const MAX_JSON_DEPTH = 64;

export interface BundleLimits {
  maxEntries: number;
  maxDirectoryBytes: number;
  maxTotalBytes: number;
  maxEntryBytes: number;
  maxCompressionRatio: number;
  ratioCheckFromBytes: number;
  maxManifestBytes: number;
  maxCaseJsonBytes: number;
  maxAuditBytes: number;
  maxSumsBytes: number;
  maxJsonDepth: number;
}

export const BUNDLE_LIMITS: Readonly<BundleLimits> = {
  maxEntries: MAX_ENTRIES,
  maxDirectoryBytes: MAX_DIRECTORY_BYTES,
  maxTotalBytes: MAX_TOTAL_BYTES,
  maxEntryBytes: MAX_ENTRY_BYTES,
  maxCompressionRatio: MAX_COMPRESSION_RATIO,
  ratioCheckFromBytes: RATIO_CHECK_FROM_BYTES,
  maxManifestBytes: MAX_MANIFEST_BYTES,
  maxCaseJsonBytes: MAX_CASE_JSON_BYTES,
  maxAuditBytes: MAX_AUDIT_BYTES,
  maxSumsBytes: MAX_SUMS_BYTES,
  maxJsonDepth: MAX_JSON_DEPTH,
};

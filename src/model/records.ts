// The document's records as stored (DESIGN.md "Records"). Pure types: no Dexie here.
import type { BoxGeometry } from './geometry';
import type { LabelDef } from './labels';

export type Id = string;
/** ISO-8601 UTC timestamp. */
export type Timestamp = string;

export interface CaseRecord {
  id: Id;
  name: string;
  description: string;
  labels: LabelDef[];
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ImageSource {
  title: string;
  publisher: string;
  url: string;
  credit: string;
  licence: string;
}

export type ImageMediaType = 'image/png' | 'image/jpeg' | 'image/webp';

export interface ImageRecord {
  id: Id;
  caseId: Id;
  fileName: string;
  mediaType: ImageMediaType;
  byteLength: number;
  width: number;
  height: number;
  /** SHA-256 (hex) of the original bytes, computed before any decoding. */
  sha256: string;
  source: ImageSource;
  /** Partial dates ("2023", "2023-10", "2023-10-13") or '' when unknown. */
  releasedAt: string;
  capturedAt: string;
  gsdMeters: number | null;
  notes: string;
  addedAt: Timestamp;
  addedBy: string;
}

export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export interface BoxAttributes {
  note?: string;
  confidence?: Confidence;
  /** For example the number of containers in a stack. */
  count?: number;
  /** For example a ship's name or IMO number. */
  name?: string;
}

export interface Annotation {
  id: Id;
  imageId: Id;
  caseId: Id;
  label: string;
  geometry: BoxGeometry;
  attributes: BoxAttributes;
  author: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  revision: number;
}

export interface BlobRecord {
  sha256: string;
  bytes: Blob;
}

export interface ThumbnailRecord {
  sha256: string;
  bytes: Blob;
}

/** A large original scaled down to PREVIEW_MAX_SIDE (model/derivedImages.ts), shown first when it opens. */
export interface PreviewRecord {
  sha256: string;
  bytes: Blob;
}

/** One tile of a large image's pyramid (model/tilePyramid.ts): PNG bytes, derived like previews. */
export interface TileRecord {
  sha256: string;
  level: number;
  col: number;
  row: number;
  bytes: Blob;
}

/** Written once every tile of an image's pyramid is stored: until then its tiles are not drawn. */
export interface TileSetRecord {
  sha256: string;
  tiles: number;
}

export const QUANTITY_QUALIFIERS = ['about', 'more-than', 'fewer-than', 'exactly'] as const;
export type QuantityQualifier = (typeof QUANTITY_QUALIFIERS)[number];

export interface Quantity {
  value: number;
  /** What is counted, as the claim says it ("containers", "artillery shells"). */
  unit: string;
  qualifier: QuantityQualifier;
}

export interface ClaimSource {
  title: string;
  publisher: string;
  url: string;
  /** Partial date the analyst last read the source, or ''. */
  accessedAt: string;
}

/** A dated public statement the investigation is about. */
export interface ClaimRecord {
  id: Id;
  caseId: Id;
  statement: string;
  claimant: string;
  /** Role or affiliation of the claimant at the time. */
  role: string;
  /** Partial date ("2023", "2023-10", "2023-10-13") or '' when unknown. */
  claimedAt: string;
  /** The period the claim is about; either end may be open (''). */
  period: { from: string; to: string };
  source: ClaimSource;
  quantity: Quantity | null;
  tags: string[];
  notes: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export const RELATIONS = ['supports', 'contradicts', 'context'] as const;
export type Relation = (typeof RELATIONS)[number];

/** A box's bearing on a claim. A box may link to many claims, once each. */
export interface LinkRecord {
  id: Id;
  caseId: Id;
  annotationId: Id;
  claimId: Id;
  relation: Relation;
  note: string;
  author: string;
  createdAt: Timestamp;
}

export const VERDICTS = ['accept-a', 'accept-b', 'both-wrong', 'discuss'] as const;
/** A reviewer's ruling on one difference: A is right, B is right, neither, or talk it over. */
export type Verdict = (typeof VERDICTS)[number];

/** What kind of difference a verdict rules on (see model/review/differences.ts). */
export const DIFFERENCE_KINDS = ['a-only', 'b-only', 'label-mismatch', 'low-iou'] as const;

/**
 * A reviewer's verdict on one difference between two annotators' boxes on an image. The
 * difference is named by its boxes (one of them null for a box on one side only), so the verdict
 * stays attached to it for as long as those boxes exist.
 */
export interface ReviewRecord {
  id: Id;
  caseId: Id;
  imageId: Id;
  /** The authors whose boxes are sides A and B. */
  authorA: string;
  authorB: string;
  kind: (typeof DIFFERENCE_KINDS)[number];
  aBoxId: Id | null;
  bBoxId: Id | null;
  verdict: Verdict;
  comment: string;
  reviewer: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export type AuditAction = 'create' | 'update' | 'delete' | 'import' | 'export';

/** One hash-chained record of the audit log; `hash` covers every other field but `seq`. */
export interface AuditRecord {
  seq?: number;
  at: Timestamp;
  author: string;
  action: AuditAction;
  entity: DocumentTable;
  entityId: Id;
  caseId: Id;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

/** The tables whose records are the document (and so are audited and undoable). */
export type DocumentTable = 'cases' | 'images' | 'annotations' | 'claims' | 'links' | 'reviews';

export interface DocumentRecordOf {
  cases: CaseRecord;
  images: ImageRecord;
  annotations: Annotation;
  claims: ClaimRecord;
  links: LinkRecord;
  reviews: ReviewRecord;
}

export const DOCUMENT_TABLES: readonly DocumentTable[] = ['cases', 'images', 'annotations', 'claims', 'links', 'reviews'];

export const emptySource = (): ImageSource => ({ title: '', publisher: '', url: '', credit: '', licence: '' });

/** Everything one case holds, as records (what a bundle's case.json carries). */
export interface CaseSnapshot {
  case: CaseRecord;
  images: ImageRecord[];
  annotations: Annotation[];
  claims: ClaimRecord[];
  links: LinkRecord[];
  reviews: ReviewRecord[];
}

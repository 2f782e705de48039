// The one door to IndexedDB (STYLE.md 7). Keep every old version block: upgrades run from any
// earlier schema a user may still have.
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { BoxCountRecord } from './boxCounts';
import type { BoxSnapshotRecord } from './boxSnapshots';
import type { Annotation, AuditRecord, BlobRecord, CaseRecord, ClaimRecord, ImageRecord, LinkRecord, PreviewRecord, ReviewRecord, ThumbnailRecord, TileRecord, TileSetRecord } from '../model/records';

export interface SettingRecord {
  key: string;
  value: unknown;
}

export class EvidenceDatabase extends Dexie {
  cases!: EntityTable<CaseRecord, 'id'>;
  images!: EntityTable<ImageRecord, 'id'>;
  blobs!: EntityTable<BlobRecord, 'sha256'>;
  thumbnails!: EntityTable<ThumbnailRecord, 'sha256'>;
  previews!: EntityTable<PreviewRecord, 'sha256'>;
  tiles!: Table<TileRecord, [string, number, number, number]>;
  tileSets!: EntityTable<TileSetRecord, 'sha256'>;
  annotations!: EntityTable<Annotation, 'id'>;
  claims!: EntityTable<ClaimRecord, 'id'>;
  links!: EntityTable<LinkRecord, 'id'>;
  reviews!: EntityTable<ReviewRecord, 'id'>;
  boxSnapshots!: EntityTable<BoxSnapshotRecord, 'imageId'>;
  boxCounts!: EntityTable<BoxCountRecord, 'imageId'>;
  audit!: Table<AuditRecord, number>;
  settings!: EntityTable<SettingRecord, 'key'>;

  constructor(name = 'evidence-annotator') {
    // Strict durability: a change shown as saved has reached the disk, not only the OS cache.
    super(name, { chromeTransactionDurability: 'strict' });
    // v1. Blob fields are never indexed; reviews arrive with their issue.
    this.version(1).stores({
      cases: 'id, updatedAt',
      images: 'id, caseId, &[caseId+sha256], sha256',
      blobs: 'sha256',
      thumbnails: 'sha256',
      annotations: 'id, imageId, caseId, [imageId+author]',
      claims: 'id, caseId, claimedAt',
      links: 'id, caseId, annotationId, claimId, [annotationId+claimId]',
      audit: '++seq, caseId, entityId',
      settings: 'key',
    });
    // v2 (issue #5): reviewers' verdicts. A new, empty table: nothing stored before needs changing.
    this.version(2).stores({
      reviews: 'id, caseId, imageId',
    });
    // v3 (issue #6): reduced previews of large images, derived data like thumbnails. A new, empty
    // table; images stored before it have none and are drawn from their originals (no backfill).
    // And an index of the labels a case's boxes use, read from keys alone at 100,000 boxes.
    this.version(3).stores({
      previews: 'sha256',
      annotations: 'id, imageId, caseId, [imageId+author], [caseId+label]',
    });
    // v4 (issue #6): each large image's boxes as one record, read far faster than box by box
    // (boxSnapshots.ts). A new, empty table: snapshots are made as images are opened.
    this.version(4).stores({
      boxSnapshots: 'imageId',
    });
    // v5 (issue #6): each image's box count (boxCounts.ts), counted here for the boxes already
    // stored. And the audit log indexed by case and sequence: the head of a case's chain is then
    // one step away (IndexedDB walks every entry of a case to read the last of an index on caseId
    // alone: a thirtieth of a second per 100,000 records, at every change).
    this.version(5)
      .stores({
        boxCounts: 'imageId',
        audit: '++seq, caseId, entityId, [caseId+seq]',
      })
      .upgrade(async (tx) => {
        const imageIds = (await tx.table('images').toCollection().primaryKeys()) as string[];
        for (const imageId of imageIds) {
          const count = await tx.table('annotations').where('imageId').equals(imageId).count();
          if (count > 0) await tx.table('boxCounts').add({ imageId, count });
        }
      });
    // v6 (issue #6): the tile pyramids of large images (tiles.ts), derived data keyed by SHA-256
    // like previews. New, empty tables: a pyramid is made when its image is imported or opened.
    this.version(6).stores({
      tiles: '[sha256+level+col+row], sha256',
      tileSets: 'sha256',
    });
  }
}

/**
 * The tables that hold the document (DOCUMENT_TABLES), for transactions that touch all of them;
 * callers add audit, blobs, thumbnails, previews or what is derived from boxes (a write of boxes
 * must include derivedBoxStores: derivedBoxData.ts) as they need.
 */
export function documentStores(db: EvidenceDatabase) {
  return [db.cases, db.images, db.annotations, db.claims, db.links, db.reviews] as const;
}

let instance: EvidenceDatabase | null = null;

/** The app's database (tests make their own with a fresh name). */
export function appDatabase(): EvidenceDatabase {
  instance ??= new EvidenceDatabase();
  return instance;
}

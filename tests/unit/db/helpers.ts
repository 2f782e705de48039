// A fresh database per test, and a command context around it.
import { EvidenceDatabase } from '../../../src/db/database';
import { addImage } from '../../../src/db/images';
import { emptySource, type ImageRecord } from '../../../src/model/records';
import { createCase } from '../../../src/state/documentCommands';
import type { CommandContext } from '../../../src/state/annotationCommands';
import { History } from '../../../src/state/history';

export function freshDatabase(): EvidenceDatabase {
  return new EvidenceDatabase(`test-${crypto.randomUUID()}`);
}

export function commandContext(db = freshDatabase(), author = 'ana'): CommandContext {
  return { db, author: () => author, history: new History(db, () => author) };
}

/** A case with one stored image (a stand-in byte for the original), ready for commands. */
export async function caseWithImage(patch: Partial<ImageRecord> = {}) {
  const ctx = commandContext();
  const c = await createCase(ctx, 'case');
  const image: ImageRecord = {
    id: 'img-1', caseId: c.id, fileName: 'p.png', mediaType: 'image/png', byteLength: 1, width: 200, height: 100, sha256: 'e'.repeat(64),
    source: emptySource(), releasedAt: '', capturedAt: '', gsdMeters: null, notes: '', addedAt: '2026-01-01T00:00:00.000Z', addedBy: 'ana',
    ...patch,
  };
  await addImage(ctx.db, image, new Blob([new Uint8Array([1])]), { thumbnail: new Blob([]), preview: null });
  return { ctx, image, caseId: c.id };
}

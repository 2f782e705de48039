// Start-up, run once per services object even when React mounts twice (StrictMode): persistent
// storage is asked for, the database is checked against its marker (model/databaseMarker.ts),
// and the session opens. Housekeeping waits until the page is idle after the session has opened,
// so it never delays the first view.
import { dropOrphanedBytes } from '../../db/images';
import type { MarkerCheck } from '../../model/databaseMarker';
import { deriveImages } from '../../platform/deriveImages';
import { askPersistentStorage, type StorageDurability } from '../../platform/persistentStorage';
import { renderPortScenePng } from '../../sample/renderPortScene';
import { startSession } from '../../state/caseSession';
import { checkDatabase, rememberDatabase } from '../../state/databaseGuard';
import { messageOf } from '../../model/errorMessage';
import type { Services } from './services';

/** What the window shows about storage: whether it is persistent, and whether data was lost. */
export interface StartReport {
  storage: StorageDurability;
  database: MarkerCheck;
  /** Why the marker could not be read or written (the app works on; the loss check does not). */
  markerProblem: string | null;
}

const started = new WeakMap<Services, Promise<StartReport>>();

async function start(services: Services): Promise<StartReport> {
  let markerProblem: string | null = null;
  const noted = (error: unknown) => void (markerProblem = messageOf(error));
  const [storage, database] = await Promise.all([
    askPersistentStorage(),
    checkDatabase(services.db, services.platform.marker).catch((error: unknown): MarkerCheck => (noted(error), { kind: 'new' })),
  ]);
  const lost = database.kind === 'lost';
  await startSession(services, renderPortScenePng, deriveImages, !lost);
  // A lost database's marker is kept until the analyst has read the notice (LostDatabaseNotice).
  if (!lost) await rememberDatabase(services.db, services.platform.marker).catch(noted);
  return { storage, database, markerProblem };
}

export function bootstrap(services: Services): Promise<StartReport> {
  let run = started.get(services);
  if (!run) {
    run = start(services);
    // Bytes of an import undone in a session that ended before it was redone (design note 24).
    void run.then(() => requestIdleCallback(() => void dropOrphanedBytes(services.db), { timeout: 10_000 }));
    started.set(services, run);
  }
  return run;
}

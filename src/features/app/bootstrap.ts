// Start-up, run once per services object even when React mounts twice (StrictMode). Housekeeping
// waits until the page is idle after the session has opened, so it never delays the first view.
import { dropOrphanedBytes } from '../../db/images';
import { deriveImages } from '../../platform/deriveImages';
import { renderPortScenePng } from '../../sample/renderPortScene';
import { startSession } from '../../state/caseSession';
import type { Services } from './services';

const started = new WeakMap<Services, Promise<void>>();

export function bootstrap(services: Services): Promise<void> {
  let run = started.get(services);
  if (!run) {
    run = startSession(services, renderPortScenePng, deriveImages);
    // Bytes of an import undone in a session that ended before it was redone (design note 24).
    void run.then(() => requestIdleCallback(() => void dropOrphanedBytes(services.db), { timeout: 10_000 }));
    started.set(services, run);
  }
  return run;
}

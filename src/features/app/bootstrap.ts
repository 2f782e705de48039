// Start-up, run once per services object even when React mounts twice (StrictMode).
import { deriveImages } from '../../platform/deriveImages';
import { renderPortScenePng } from '../../sample/renderPortScene';
import { startSession } from '../../state/caseSession';
import type { Services } from './services';

const started = new WeakMap<Services, Promise<void>>();

export function bootstrap(services: Services): Promise<void> {
  let run = started.get(services);
  if (!run) {
    run = startSession(services, renderPortScenePng, deriveImages);
    started.set(services, run);
  }
  return run;
}

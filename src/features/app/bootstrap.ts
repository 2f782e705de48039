// Start-up: read settings, create the sample case on the very first run, reopen the last case.
// Runs once per services object even when React mounts twice.
import { listCases } from '../../db/cases';
import { getSetting, setSetting, SETTING } from '../../db/settings';
import { makeThumbnail } from '../../platform/thumbnail';
import { renderPortScenePng } from '../../sample/renderPortScene';
import { createSampleCase } from '../../state/sampleCase';
import type { Services } from './services';

const started = new WeakMap<Services, Promise<void>>();

export function bootstrap(services: Services): Promise<void> {
  let run = started.get(services);
  if (!run) {
    run = start(services);
    started.set(services, run);
  }
  return run;
}

async function start(services: Services): Promise<void> {
  const { db, session } = services;
  session.getState().setAnalystName((await getSetting<string>(db, SETTING.analystName)) ?? '');
  let lastCaseId = await getSetting<string>(db, SETTING.lastCaseId);
  if (!(await getSetting<boolean>(db, SETTING.sampleCreated)) && (await db.cases.count()) === 0) {
    const sample = await createSampleCase(services, renderPortScenePng, makeThumbnail);
    await setSetting(db, SETTING.sampleCreated, true);
    lastCaseId = sample.id;
  }
  const cases = await listCases(db);
  const open = cases.find((c) => c.id === lastCaseId) ?? cases[0];
  session.getState().openCase(open?.id ?? null);
}

// Session-level actions that write settings or whole cases: switching case (remembered for the
// next start), deleting a case, the analyst's name, and start-up.
import { deleteCase, listCases } from '../db/cases';
import { getSetting, setSetting, SETTING } from '../db/settings';
import type { Id } from '../model/records';
import type { PortScene } from '../sample/portScene';
import type { CommandContext } from './annotationCommands';
import type { ImageDeriver } from './importImages';
import { createSampleCase } from './sampleCase';
import type { SessionStore } from './session';

export type SessionContext = CommandContext & { session: SessionStore };

/** Opens a case (or none); undo history belongs to the case left behind and is cleared. */
export async function switchCase(ctx: SessionContext, caseId: Id | null): Promise<void> {
  ctx.history.clear();
  ctx.session.getState().openCase(caseId);
  await setSetting(ctx.db, SETTING.lastCaseId, caseId);
}

/** Deletes a case with all it holds and opens another one, if any is left. */
export async function removeCase(ctx: SessionContext, caseId: Id): Promise<void> {
  await deleteCase(ctx.db, caseId, ctx.author());
  if (ctx.session.getState().caseId === caseId) await switchCase(ctx, (await listCases(ctx.db))[0]?.id ?? null);
}

export async function setAnalystName(ctx: SessionContext, name: string): Promise<void> {
  await setSetting(ctx.db, SETTING.analystName, name);
  ctx.session.getState().setAnalystName(name);
}

/**
 * Reads the settings, makes the sample case on the very first run, reopens the last case.
 * `firstRun` is false when the database was emptied behind the app's back: then the sample
 * would only hide that the analyst's own cases are gone.
 */
export async function startSession(ctx: SessionContext, renderSample: (scene: PortScene) => Promise<Blob>, deriveImages: ImageDeriver, firstRun = true): Promise<void> {
  const { db, session } = ctx;
  session.getState().setAnalystName((await getSetting<string>(db, SETTING.analystName)) ?? '');
  let lastCaseId = await getSetting<string>(db, SETTING.lastCaseId);
  let cases = await listCases(db);
  if (firstRun && !(await getSetting<boolean>(db, SETTING.sampleCreated)) && cases.length === 0) {
    lastCaseId = (await createSampleCase(ctx, renderSample, deriveImages)).id;
    await setSetting(db, SETTING.sampleCreated, true);
    cases = await listCases(db);
  }
  // The sample's own import is not an analyst's step to undo.
  ctx.history.clear();
  session.getState().openCase((cases.find((c) => c.id === lastCaseId) ?? cases[0])?.id ?? null);
}

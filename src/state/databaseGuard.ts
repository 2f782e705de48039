// Noticing a database emptied or replaced behind the app's back (model/databaseMarker.ts): the
// check at start-up, and writing the marker once the database is known to be the right one.
import { getSetting, setSetting, SETTING } from '../db/settings';
import type { EvidenceDatabase } from '../db/database';
import { checkMarker, parseMarker, type MarkerCheck } from '../model/databaseMarker';
import type { MarkerStore } from '../platform/platform';

export async function checkDatabase(db: EvidenceDatabase, marker: MarkerStore): Promise<MarkerCheck> {
  return checkMarker(parseMarker(await marker.read()), (await getSetting<string>(db, SETTING.databaseId)) ?? null);
}

/** Gives the database an id if it has none, and writes the marker naming it with what it holds now. */
export async function rememberDatabase(db: EvidenceDatabase, marker: MarkerStore): Promise<void> {
  let databaseId = await getSetting<string>(db, SETTING.databaseId);
  if (!databaseId) {
    databaseId = crypto.randomUUID();
    await setSetting(db, SETTING.databaseId, databaseId);
  }
  const [cases, images] = await Promise.all([db.cases.count(), db.images.count()]);
  await marker.write(JSON.stringify({ databaseId, cases, images, seenAt: new Date().toISOString() }));
}

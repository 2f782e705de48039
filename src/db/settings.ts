// Small per-installation settings. The analyst's name is stamped on every change; databaseId
// names this database in the marker kept outside it (model/databaseMarker.ts).
import type { EvidenceDatabase } from './database';

export const SETTING = { analystName: 'analystName', lastCaseId: 'lastCaseId', sampleCreated: 'sampleCreated', databaseId: 'databaseId' } as const;
type SettingKey = (typeof SETTING)[keyof typeof SETTING];

export async function getSetting<T>(db: EvidenceDatabase, key: SettingKey): Promise<T | undefined> {
  return (await db.settings.get(key))?.value as T | undefined;
}

export async function setSetting(db: EvidenceDatabase, key: SettingKey, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

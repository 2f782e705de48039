// A small note kept outside IndexedDB (web: localStorage; Electron: a file in the user-data
// folder) naming the database the app last used. When the browser evicts or someone deletes the
// database, the note outlives it, and the next start can say so instead of silently starting
// anew as if nothing had been there.
export interface DatabaseMarker {
  /** A random id stored in the database's settings when the marker was first written. */
  databaseId: string;
  cases: number;
  images: number;
  /** When the app last started on this database. */
  seenAt: string;
}

export type MarkerCheck = { kind: 'new' } | { kind: 'same' } | { kind: 'lost'; marker: DatabaseMarker };

const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The marker in `text`, or null when there is none or it is not one (never trusted blindly). */
export function parseMarker(text: string | null): DatabaseMarker | null {
  if (!text) return null;
  try {
    const m = JSON.parse(text) as Partial<DatabaseMarker> | null;
    if (typeof m?.databaseId !== 'string' || !m.databaseId || !isCount(m.cases) || !isCount(m.images) || typeof m.seenAt !== 'string') return null;
    return { databaseId: m.databaseId, cases: m.cases!, images: m.images!, seenAt: m.seenAt };
  } catch {
    return null;
  }
}

/**
 * `databaseId` is the id the open database holds (null when it holds none: a new or emptied
 * database). Without a marker there is nothing to compare, so the database is taken as it is.
 */
export function checkMarker(marker: DatabaseMarker | null, databaseId: string | null): MarkerCheck {
  if (!marker) return { kind: 'new' };
  if (marker.databaseId === databaseId) return { kind: 'same' };
  return { kind: 'lost', marker };
}

const count = (n: number, one: string) => `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

export function lostDatabaseMessage(marker: DatabaseMarker): string {
  return (
    `This app's database is not the one it used before: when the app last started, on ${marker.seenAt.slice(0, 16).replace('T', ' ')} UTC, ` +
    `it held ${count(marker.cases, 'case')} and ${count(marker.images, 'image')}, and they are not here. ` +
    'The browser may have cleared its storage, or the data folder was removed or replaced. ' +
    'Restore your cases from your latest bundles with "Import bundle". Nothing has been written since this start.'
  );
}

// The database marker (src/model/databaseMarker.ts) as a file in the user-data folder, beside but
// outside the renderer's IndexedDB, so it outlives a database deleted or replaced behind the app.
// Main only stores the text: the renderer parses it and trusts nothing in it.
import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_MARKER_BYTES, type Result } from '../src/platform/contract';
import { reasonOf } from './fileSaves';

export const MARKER_FILE = 'database-marker.json';

export async function readMarker(folder: string): Promise<Result<string | null>> {
  try {
    const text = await readFile(path.join(folder, MARKER_FILE), 'utf8');
    return { ok: true, value: text.length > MAX_MARKER_BYTES ? null : text };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, value: null };
    return { ok: false, error: `the database marker could not be read (${reasonOf(error)})` };
  }
}

export const isMarkerText = (value: unknown): value is string => typeof value === 'string' && Buffer.byteLength(value, 'utf8') <= MAX_MARKER_BYTES;

/** Written beside the marker, then renamed onto it: a crash leaves the old marker or the new, never half of one. */
export async function writeMarker(folder: string, text: string): Promise<Result<null>> {
  const target = path.join(folder, MARKER_FILE);
  const partial = `${target}.${randomBytes(6).toString('hex')}.partial`;
  try {
    await writeFile(partial, text, { encoding: 'utf8', flag: 'wx' });
    await rename(partial, target);
    return { ok: true, value: null };
  } catch (error) {
    await unlink(partial).catch(() => undefined);
    return { ok: false, error: `the database marker could not be written (${reasonOf(error)})` };
  }
}

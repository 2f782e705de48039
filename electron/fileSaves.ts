// In-progress file saves, by random token. Bytes go to `<destination>.<random>.partial` in the
// destination's folder; finish renames that onto the destination (same folder, so atomic), abort
// deletes it. A token only works for the web contents that began the save, so a token leaked to
// another renderer is worthless. Every method returns a Result and never throws.
import { randomBytes, randomUUID } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { MAX_SAVE_CHUNK_BYTES, type Result } from '../src/platform/contract';

/** Largest file one save may produce. */
export const MAX_SAVE_BYTES = 16 * 1024 ** 3;

interface OpenSave {
  senderId: number;
  destination: string;
  partial: string;
  handle: FileHandle;
  written: number;
  /** Operations on one save run one after another, in the order they arrived. */
  queue: Promise<unknown>;
  /** Set once the save left the map (finished, aborted or failed); queued writes then stop. */
  closed: boolean;
}

const UNKNOWN_TOKEN = 'refused: unknown save token';

/** "ENOSPC" for file-system errors, else the message: short enough for a clause. */
export const reasonOf = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
};

export class FileSaves {
  private readonly saves = new Map<string, OpenSave>();

  constructor(private readonly maxBytes = MAX_SAVE_BYTES) {}

  get size(): number {
    return this.saves.size;
  }

  async begin(destination: string, senderId: number): Promise<Result<string>> {
    if (!path.isAbsolute(destination)) return { ok: false, error: 'refused: the destination is not an absolute path' };
    const partial = path.join(path.dirname(destination), `${path.basename(destination)}.${randomBytes(6).toString('hex')}.partial`);
    let handle: FileHandle;
    try {
      handle = await open(partial, 'wx');
    } catch (error) {
      return { ok: false, error: `could not create the file (${reasonOf(error)})` };
    }
    const token = randomUUID();
    this.saves.set(token, { senderId, destination, partial, handle, written: 0, queue: Promise.resolve(), closed: false });
    return { ok: true, value: token };
  }

  chunk(token: string, senderId: number, bytes: Uint8Array): Promise<Result<null>> {
    const save = this.lookup(token, senderId);
    if (!save) return Promise.resolve({ ok: false, error: UNKNOWN_TOKEN });
    if (!(bytes instanceof Uint8Array)) return Promise.resolve({ ok: false, error: 'refused: a chunk must be a Uint8Array' });
    if (bytes.byteLength > MAX_SAVE_CHUNK_BYTES) return Promise.resolve({ ok: false, error: 'refused: the chunk is too large' });
    // Counted now, not when the write runs, so queued chunks cannot overshoot the cap together.
    if (save.written + bytes.byteLength > this.maxBytes) {
      // Outside the queue, so waiting for the partial file to go cannot deadlock.
      return this.discard(token, save).then(() => ({ ok: false, error: 'refused: the file is too large' }));
    }
    save.written += bytes.byteLength;
    return this.enqueue(save, async (): Promise<Result<null>> => {
      if (save.closed) return { ok: false, error: 'refused: the save was already closed' };
      try {
        let offset = 0;
        while (offset < bytes.byteLength) {
          const { bytesWritten } = await save.handle.write(bytes, offset, bytes.byteLength - offset);
          offset += bytesWritten;
        }
        return { ok: true, value: null };
      } catch (error) {
        // The save is unusable now: drop it and its partial file rather than leave it half-written.
        void this.discard(token, save);
        return { ok: false, error: `could not write the file (${reasonOf(error)})` };
      }
    });
  }

  finish(token: string, senderId: number): Promise<Result<null>> {
    const save = this.lookup(token, senderId);
    if (!save) return Promise.resolve({ ok: false, error: UNKNOWN_TOKEN });
    this.saves.delete(token);
    return this.enqueue(save, async (): Promise<Result<null>> => {
      if (save.closed) return { ok: false, error: 'refused: the save was already closed' };
      save.closed = true;
      try {
        await save.handle.close();
        await rename(save.partial, save.destination);
        return { ok: true, value: null };
      } catch (error) {
        await unlink(save.partial).catch(() => undefined);
        return { ok: false, error: `could not complete the file (${reasonOf(error)})` };
      }
    });
  }

  async abort(token: string, senderId: number): Promise<Result<null>> {
    const save = this.lookup(token, senderId);
    if (!save) return { ok: false, error: UNKNOWN_TOKEN };
    await this.discard(token, save);
    return { ok: true, value: null };
  }

  /**
   * Aborts every open save (app quit, window closed). The partial files are unlinked synchronously,
   * so they are gone even if the process exits before the returned promise (closing handles) settles.
   */
  abortAll(): Promise<void> {
    const closing: Promise<unknown>[] = [];
    for (const [token, save] of this.saves) {
      this.saves.delete(token);
      save.closed = true;
      try {
        unlinkSync(save.partial);
      } catch {
        // Already gone, or the OS refuses while open: the async pass below retries.
      }
      closing.push(this.closeAndUnlink(save));
    }
    return Promise.all(closing).then(() => undefined);
  }

  private lookup(token: unknown, senderId: number): OpenSave | undefined {
    if (typeof token !== 'string') return undefined;
    const save = this.saves.get(token);
    return save && save.senderId === senderId ? save : undefined;
  }

  private enqueue<T>(save: OpenSave, op: () => Promise<T>): Promise<T> {
    const run = save.queue.then(op);
    save.queue = run.catch(() => undefined);
    return run;
  }

  private discard(token: string, save: OpenSave): Promise<unknown> {
    this.saves.delete(token);
    save.closed = true;
    return this.closeAndUnlink(save);
  }

  /** After whatever is queued settles: close, then delete the partial. Never rejects. */
  private closeAndUnlink(save: OpenSave): Promise<unknown> {
    const done = save.queue.then(async () => {
      await save.handle.close().catch(() => undefined);
      await unlink(save.partial).catch(() => undefined);
    });
    save.queue = done;
    return done;
  }
}

export const fileSaves = new FileSaves();

/** Aborts every open save; call on app quit and when the main window closes. */
export const abortAll = (): Promise<void> => fileSaves.abortAll();

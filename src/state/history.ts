// Undo/redo over document changes. A command is the list of record changes one gesture made;
// undo applies its inverse through the same audited path. Commands run strictly one after
// another so that a burst of key presses cannot interleave.
import { applyChanges, invertChanges, type DocChange } from '../db/changes';
import type { EvidenceDatabase } from '../db/database';
import { storageFailure } from '../model/storageErrors';

export interface Command {
  label: string;
  changes: DocChange[];
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  /** Why the latest change could not be saved (nothing of it was written), until the next success. */
  failure: string | null;
}

export class History {
  private done: Command[] = [];
  private undone: Command[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private listeners = new Set<() => void>();
  private failure: string | null = null;
  private snapshot: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null, failure: null };

  constructor(
    private readonly db: EvidenceDatabase,
    private readonly author: () => string,
    private readonly limit = 500,
  ) {}

  /**
   * Runs `build` after every earlier command has finished, so it reads fresh records, then
   * applies and records what it returns. Returns the command, or null when nothing changed.
   */
  run(build: () => Promise<Command | null>): Promise<Command | null> {
    const next = this.queue.then(async () => {
      const command = await build();
      if (!command || command.changes.length === 0) return null;
      await applyChanges(this.db, command.changes, this.author());
      this.done.push(command);
      if (this.done.length > this.limit) this.done.shift();
      this.undone = [];
      this.changed();
      return command;
    });
    return this.settle(next);
  }

  undo(): Promise<Command | null> {
    return this.step(this.done, this.undone, (c) => invertChanges(c.changes));
  }

  redo(): Promise<Command | null> {
    return this.step(this.undone, this.done, (c) => c.changes);
  }

  /** The command Undo would revert next (to show the user where it happens first). */
  nextUndo(): Command | undefined {
    return this.done.at(-1);
  }

  nextRedo(): Command | undefined {
    return this.undone.at(-1);
  }

  clear(): void {
    this.done = [];
    this.undone = [];
    this.changed();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): HistoryState => this.snapshot;

  private step(from: Command[], to: Command[], changesOf: (c: Command) => DocChange[]): Promise<Command | null> {
    const next = this.queue.then(async () => {
      const command = from.at(-1);
      if (!command) return null;
      await applyChanges(this.db, changesOf(command), this.author());
      from.pop();
      to.push(command);
      this.changed();
      return command;
    });
    return this.settle(next);
  }

  /** Keeps the queue going after a failure and reports it; callers get null, never a rejection. */
  private settle(next: Promise<Command | null>): Promise<Command | null> {
    const settled = next.then(
      (command) => {
        if (command && this.failure) {
          this.failure = null;
          this.changed();
        }
        return command;
      },
      (error: unknown) => {
        this.failure = describeFailure(error);
        this.changed();
        return null;
      },
    );
    this.queue = settled;
    return settled;
  }

  private changed(): void {
    this.snapshot = {
      canUndo: this.done.length > 0,
      canRedo: this.undone.length > 0,
      undoLabel: this.done.at(-1)?.label ?? null,
      redoLabel: this.undone.at(-1)?.label ?? null,
      failure: this.failure,
    };
    for (const l of this.listeners) l();
  }
}

function describeFailure(error: unknown): string {
  return `The change could not be saved: ${storageFailure(error)}. Nothing of it was written.`;
}

/** The image whose boxes a command changes, if it changes boxes of exactly one image. */
export function imageOfCommand(command: Command | undefined): string | null {
  const images = new Set(command?.changes.flatMap((c) => (c.table === 'annotations' ? [(c.after ?? c.before)!.imageId] : [])));
  return images.size === 1 ? [...images][0]! : null;
}

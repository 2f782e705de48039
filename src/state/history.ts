// Undo/redo over document changes. A command is the list of record changes one gesture made;
// undo applies its inverse through the same audited path. Commands run strictly one after
// another so that a burst of key presses cannot interleave.
import { applyChanges, invertChanges, type DocChange } from '../db/changes';
import type { EvidenceDatabase } from '../db/database';
import { storageFailure } from '../model/storageErrors';

export interface Command {
  label: string;
  changes: DocChange[];
  /** The long gesture this step belongs to (see History.remember). */
  gesture?: Gesture;
}

/** One long gesture, such as importing several files, whose steps undo as one. */
export interface Gesture {
  readonly generation: number;
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
  /** Grows with every clear(), so a gesture begun before it adds nothing after it. */
  private generation = 0;
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
      this.push(command);
      this.undone = [];
      this.changed();
      return command;
    });
    return this.settle(next);
  }

  /** Begins a long gesture whose steps are remembered one by one as they are written. */
  beginGesture(): Gesture {
    return { generation: this.generation };
  }

  /**
   * Remembers changes already written in their own audited transaction (an import stores bytes
   * that only its own transaction can) as a step to undo, in order with the commands run. Steps
   * of the same gesture with nothing done in between join one step; a gesture begun before the
   * history was cleared (another case opened) adds nothing.
   */
  remember(command: Command): Promise<Command | null> {
    const next = this.queue.then(() => {
      if (command.gesture && command.gesture.generation !== this.generation) return null;
      const top = this.done.at(-1);
      if (command.gesture && top?.gesture === command.gesture) this.done[this.done.length - 1] = { ...top, changes: [...top.changes, ...command.changes] };
      else this.push(command);
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
    this.generation += 1;
    this.changed();
  }

  private push(command: Command): void {
    this.done.push(command);
    if (this.done.length > this.limit) this.done.shift();
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

/** The images a command brings into the case (an import's); undoing it takes them out. */
export function imagesAddedBy(command: Command | null | undefined): string[] {
  return command?.changes.flatMap((c) => (c.table === 'images' && !c.before && c.after ? [c.id] : [])) ?? [];
}

// Async actions that must run one after another in the order they were asked for, even when each
// awaits something before it reaches a queue of its own (see useAnnotateActions).
export class InOrder {
  private tail: Promise<unknown> = Promise.resolve();

  /** The action, made to start only once every action wrapped before it has ended. */
  wrap<A extends unknown[], R>(action: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
    return (...args) => {
      const run = this.tail.then(() => action(...args));
      this.tail = run.catch(() => undefined);
      return run;
    };
  }
}

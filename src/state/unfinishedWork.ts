// Work that closing the window would cut short: imports and exports under way. While any runs,
// the window asks before it closes (web: the browser's leave-page question; Electron: main asks
// with a native dialog), so an analyst never quits halfway through by accident.
export class UnfinishedWork {
  private running = 0;

  /** Runs `work`, counted as unfinished until it settles. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
    }
  }

  get count(): number {
    return this.running;
  }
}

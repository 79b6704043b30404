/** Runs at most one task per key at a time; callers for a busy key share its promise. */
export class SingleFlight {
  private readonly running = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const busy = this.running.get(key) as Promise<T> | undefined;
    if (busy) return busy;
    const p = task().finally(() => this.running.delete(key));
    this.running.set(key, p);
    return p;
  }

  /** Resolves when every task running now has finished (whether it succeeded or not). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.running.values()]);
  }
}

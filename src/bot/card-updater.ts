/**
 * Coalesces refreshes of shared cards: at most one update per card per interval, and after a
 * burst the last update always runs, so the card ends showing the final state. Each update
 * renders from the store when it runs, never from a queued copy.
 */
export interface CardUpdaterOptions {
  intervalMs: number;
  onError: (key: string, err: unknown) => void;
  now?: () => number;
}

/** An update may ask to be run again later, e.g. when another instance holds the card. */
export type UpdateJob = () => Promise<void | { retryInMs: number }>;

interface Slot {
  job: UpdateJob;
  pending: boolean;
  running: boolean;
  timer?: NodeJS.Timeout;
  /** Forgets an idle slot once its interval has passed. */
  expiry?: NodeJS.Timeout;
  /** When the last update finished; the next may start intervalMs after it. */
  lastDone: number;
  /** Set by a job that asked to be retried. */
  notBefore: number;
}

export class CardUpdater {
  private readonly slots = new Map<string, Slot>();
  private readonly now: () => number;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly opts: CardUpdaterOptions) {
    this.now = opts.now ?? Date.now;
  }

  request(key: string, job: UpdateJob): void {
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { job, pending: false, running: false, lastDone: -Infinity, notBefore: -Infinity };
      this.slots.set(key, slot);
    }
    if (slot.expiry) clearTimeout(slot.expiry);
    slot.expiry = undefined;
    slot.job = job;
    slot.pending = true;
    this.schedule(key, slot);
  }

  /** Runs every pending update now (on shutdown) and resolves when all are done. */
  async flush(): Promise<void> {
    const runs: Promise<void>[] = [];
    for (const [key, slot] of this.slots) {
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = undefined;
      if (slot.pending && !slot.running) runs.push(this.run(key, slot));
    }
    await Promise.all(runs);
    await this.idle();
  }

  /** Resolves when no update is pending or running. */
  idle(): Promise<void> {
    if (!this.busy()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private busy(): boolean {
    for (const slot of this.slots.values()) if (slot.pending || slot.running) return true;
    return false;
  }

  private schedule(key: string, slot: Slot): void {
    if (slot.running || slot.timer) return;
    const wait = Math.max(0, slot.lastDone + this.opts.intervalMs - this.now(), slot.notBefore - this.now());
    slot.timer = setTimeout(() => {
      slot.timer = undefined;
      void this.run(key, slot);
    }, wait);
  }

  private async run(key: string, slot: Slot): Promise<void> {
    if (!slot.pending) return;
    slot.pending = false;
    slot.running = true;
    try {
      const result = await slot.job();
      if (result) {
        slot.pending = true;
        slot.notBefore = this.now() + result.retryInMs;
      } else {
        slot.lastDone = this.now();
      }
    } catch (err) {
      this.opts.onError(key, err);
      slot.lastDone = this.now();
    } finally {
      slot.running = false;
    }
    if (slot.pending) {
      this.schedule(key, slot);
      return;
    }
    slot.expiry = setTimeout(() => {
      if (!slot.pending && !slot.running && this.slots.get(key) === slot) this.slots.delete(key);
    }, this.opts.intervalMs);
    slot.expiry.unref();
    if (!this.busy()) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      waiters.forEach((w) => w());
    }
  }
}

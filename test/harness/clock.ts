import type { Clock } from '../../src/app/ports';

/** A clock the test moves; nothing sleeps. */
export class TestClock implements Clock {
  constructor(private t: Date) {}
  now(): Date {
    return new Date(this.t);
  }
  set(iso: string): void {
    this.t = new Date(iso);
  }
}

/**
 * Real time, moved ahead when a test needs to be later (after a meeting has started) while
 * everything that waits in real time (delivery, retries) still sees time pass.
 */
export class ShiftedClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  /** Moves the clock so that it now reads at least `iso`; never back. */
  atLeast(iso: string): void {
    const ahead = new Date(iso).getTime() - Date.now();
    if (ahead > this.offsetMs) this.offsetMs = ahead;
  }
}

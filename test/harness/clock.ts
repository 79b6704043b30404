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

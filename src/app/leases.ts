import type { Logger, Store } from './ports';

/**
 * How long a lease lasts without renewal. A holder renews it every RENEW_MS while it works, so
 * a process killed with -9 blocks its work for at most this long (the recovery bound); a clean
 * shutdown releases its leases at once.
 */
export const LEASE_MS = 8_000;
export const RENEW_MS = 2_000;

/** A lease this instance holds: renewed in the background until released. */
export interface HeldLease {
  /** False once a renewal found another owner (this one stalled past LEASE_MS): stop before the next step. */
  readonly held: boolean;
  /** Renews now; false when the lease was lost. */
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

export type TakeResult = { ok: true; lease: HeldLease } | { ok: false; untilMs: number };

/**
 * The leases of one service instance, named by owner (the instance id). Work shared across
 * instances (a card delivery, an archive, the scheduler) runs under one; `releaseAll` gives
 * them up on shutdown so another instance resumes at once.
 */
export class Leases {
  /** Leases held here, and those being taken (so two tasks of this instance never share one). */
  private readonly mine = new Map<string, Held | 'taking'>();

  constructor(private readonly deps: { store: Store; instanceId: string; now: () => number; log: Logger; leaseMs?: number; renewMs?: number }) {}

  async take(tenantId: string, name: string): Promise<TakeResult> {
    const key = `${tenantId}\u0000${name}`;
    // Held by other work in this instance: the store would say yes to the same owner, so ask here.
    if (this.mine.has(key)) return { ok: false, untilMs: this.deps.now() + (this.deps.renewMs ?? RENEW_MS) };
    this.mine.set(key, 'taking');
    let result: { ok: true } | { ok: false; untilMs: number };
    try {
      result = await this.tryLease(tenantId, name);
    } catch (err) {
      this.mine.delete(key);
      throw err;
    }
    if (!result.ok) {
      this.mine.delete(key);
      return { ok: false, untilMs: result.untilMs };
    }
    const lease = new Held(this, tenantId, name, () => this.mine.delete(key), this.deps.renewMs ?? RENEW_MS);
    this.mine.set(key, lease);
    return { ok: true, lease };
  }

  /** Gives up every lease this instance holds (a clean shutdown). */
  async releaseAll(): Promise<void> {
    await Promise.all([...this.mine.values()].map((l) => (l === 'taking' ? undefined : l.release())));
  }

  /** @internal */
  async tryLease(tenantId: string, name: string): Promise<{ ok: true } | { ok: false; untilMs: number }> {
    const now = this.deps.now();
    const r = await this.deps.store.tryLease(tenantId, name, this.deps.instanceId, now + (this.deps.leaseMs ?? LEASE_MS), now);
    return r.ok ? { ok: true } : { ok: false, untilMs: r.untilMs };
  }

  /** @internal */
  async free(tenantId: string, name: string): Promise<void> {
    await this.deps.store.releaseLease(tenantId, name, this.deps.instanceId).catch((err: unknown) => this.deps.log.warn({ err, lease: name }, 'could not release a lease'));
  }
}

class Held implements HeldLease {
  held = true;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly leases: Leases,
    private readonly tenantId: string,
    private readonly name: string,
    private readonly forget: () => void,
    renewMs: number,
  ) {
    this.timer = setInterval(() => void this.renew().catch(() => undefined), renewMs);
    this.timer.unref();
  }

  async renew(): Promise<boolean> {
    if (!this.held) return false;
    const r = await this.leases.tryLease(this.tenantId, this.name);
    if (!r.ok) this.drop();
    return r.ok;
  }

  async release(): Promise<void> {
    if (!this.held) return;
    this.drop();
    await this.leases.free(this.tenantId, this.name);
  }

  private drop(): void {
    this.held = false;
    clearInterval(this.timer);
    this.forget();
  }
}

import type { CardRef } from '../domain/meeting';
import type { HeldLease, Leases } from './leases';
import { NO_METRICS, type Delivery, type DeliveryKind, type Logger, type Metrics, type Store } from './ports';
import { SingleFlight } from './single-flight';

/** Cards that live in a channel and are updated in place: one outbox row each, rendered when delivered. */
export type SharedCardKind = Extract<DeliveryKind, 'checkinCard' | 'agendaCard' | 'justeringCard'>;
/** Messages made once: a post in a channel, a card in someone's personal chat, a fixed card put in place of another. */
export type MessageKind = Exclude<DeliveryKind, SharedCardKind>;

/** What Teams took. For a shared card: where it is (posted now when it had no place yet) and, for the agenda, the version it shows. */
export interface DeliverySent {
  card?: { ref: CardRef; posted: boolean; shows?: number };
}

/** A send Teams did not take: `permanent` when trying again cannot help (403, 404); `retryAfterMs` when Teams said how long to wait (capped). */
export class DeliveryFailed extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DeliveryFailed';
  }
}

/** The Teams side: sends one delivery, rendering a shared card from the store as it is now. */
export interface DeliveryTransport {
  send(delivery: Delivery): Promise<DeliverySent>;
}

export interface SharedCard {
  tenantId: string;
  networkId: string;
  meetingId: string;
  kind: SharedCardKind;
}

export interface Message {
  tenantId: string;
  networkId: string;
  meetingId: string;
  kind: MessageKind;
  /** Deterministic per intended message, so asking again (a retried request, another instance) sends nothing new. */
  id: string;
  /** The channel conversation, or the person's Teams user id (personal). */
  to: string;
  /** The activity a `replace` puts its card in place of. */
  activityId?: string;
  card: object;
}

const FIRST_BACKOFF_MS = 1_000;
/** Transient failures are retried forever, at least this often (Retry-After aside). */
const MAX_BACKOFF_MS = 30_000;
const POLL_MS = 2_000;
const BATCH = 100;
/** How long a stop waits for the sends under way. */
const STOP_WAIT_MS = 5_000;

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The one way a card reaches Teams. Every send is first recorded in the store (the outbox):
 * a shared card is one row per card whose request count is bumped on each change, a message
 * is one row per intended message. A worker delivers due rows under a lease per row (so one
 * instance at a time, each message once), retries transient failures with capped back-off
 * honouring Retry-After until Teams takes them, and records failures Teams refuses for good.
 * A shared card's update renders what is stored when it is sent, and a change requested
 * while it was sent leaves the row pending: the card always ends on the latest state, at most
 * one update per card per interval. Time here is wall time: it paces Teams, not the domain.
 */
export class CardDelivery {
  private readonly attempts = new SingleFlight();
  private readonly writes = new Map<string, { again: boolean; done: Promise<void> }>();
  private readonly wakes = new Map<string, { at: number; timer: NodeJS.Timeout }>();
  private poller?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;
  private readonly now: () => number;
  private readonly metrics: Metrics;

  constructor(
    private readonly deps: {
      store: Store;
      log: Logger;
      leases: Leases;
      transport: DeliveryTransport;
      /** At most one update per shared card per this many milliseconds. */
      intervalMs: number;
      pollMs?: number;
      now?: () => number;
      metrics?: Metrics;
    },
  ) {
    this.now = deps.now ?? Date.now;
    this.metrics = deps.metrics ?? NO_METRICS;
  }

  /** Asks for a shared card to show the stored state; `create` posts it when it has no row yet (else nothing happens). Resolves once recorded. */
  requestCard(card: SharedCard, opts: { create: boolean }): Promise<void> {
    const id = sharedCardId(card);
    const key = `${card.tenantId}/${id}`;
    const busy = this.writes.get(key);
    if (busy) {
      // A write for this card is under way: one more after it stands for every request meanwhile.
      busy.again = true;
      return busy.done;
    }
    const entry = { again: false, done: Promise.resolve() };
    entry.done = (async () => {
      // After the current turn: the caller's answer goes out first, and requests made meanwhile join this write.
      await new Promise((resolve) => setImmediate(resolve));
      try {
        do {
          entry.again = false;
          await this.bump(card, id, opts.create);
        } while (entry.again);
      } finally {
        this.writes.delete(key);
      }
    })();
    this.writes.set(key, entry);
    return entry.done;
  }

  /** Records a message to send once; asking again with the same id changes nothing. Resolves once recorded. */
  async send(message: Message): Promise<void> {
    const now = this.now();
    const row: Delivery = {
      tenantId: message.tenantId,
      id: message.id,
      kind: message.kind,
      networkId: message.networkId,
      meetingId: message.meetingId,
      to: message.to,
      ...(message.activityId ? { activityId: message.activityId } : {}),
      card: JSON.stringify(message.card),
      requested: 1,
      delivered: 0,
      state: 'pending',
      dueAt: iso(now),
      attempts: 0,
      createdAt: iso(now),
    };
    if (await this.deps.store.saveDelivery(row, undefined)) this.wake(row.tenantId, row.id, now);
  }

  /** Waits up to `ms` for this instance's attempt at a shared card; returns the row as it is then. */
  async settle(card: SharedCard, ms: number): Promise<Delivery | undefined> {
    const id = sharedCardId(card);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.attempt(card.tenantId, id), new Promise<void>((r) => (timer = setTimeout(r, ms)))]);
    if (timer) clearTimeout(timer);
    return (await this.deps.store.getDelivery(card.tenantId, id))?.delivery;
  }

  start(): void {
    this.stopped = false;
    const tick = (): void => void this.runDue().catch((err: unknown) => this.deps.log.error({ err }, 'card delivery failed'));
    tick();
    this.poller = setInterval(tick, this.deps.pollMs ?? POLL_MS);
    this.poller.unref();
  }

  /** Stops polling and waits for the sends under way; what is pending stays in the store for the next instance. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poller) clearInterval(this.poller);
    for (const w of this.wakes.values()) clearTimeout(w.timer);
    this.wakes.clear();
    await Promise.allSettled([...this.writes.values()].map((w) => w.done));
    await this.running?.catch(() => undefined);
    // A send Teams hangs on does not hold up the stop for long: its row stays pending for the next instance.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.attempts.settled(), new Promise<void>((r) => (timer = setTimeout(r, STOP_WAIT_MS)))]);
    clearTimeout(timer);
    await this.deps.leases.releaseAll();
  }

  /** How many rows wait to be sent (pending, due now or later), counted up to `cap`: the outbox's depth. */
  async depth(cap = 1000): Promise<number> {
    return (await this.deps.store.dueDeliveries('9999-12-31T23:59:59.999Z', cap)).length;
  }

  /** Delivers what is due now; resolves with how many rows were delivered. Calls do not overlap. */
  runDue(): Promise<number> {
    this.running ??= (async () => {
      const due = await this.deps.store.dueDeliveries(iso(this.now()), BATCH);
      const results = await Promise.all(due.map((d) => this.attempt(d.tenantId, d.id)));
      return results.filter(Boolean).length;
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private attempt(tenantId: string, id: string): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false);
    return this.attempts.run(`${tenantId}/${id}`, () => this.deliver(tenantId, id)).catch((err: unknown) => {
      this.deps.log.error({ err, delivery: id }, 'card delivery failed');
      this.wake(tenantId, id, this.now() + MAX_BACKOFF_MS);
      return false;
    });
  }

  /** One attempt at one row, under its lease; returns whether Teams took it. */
  private async deliver(tenantId: string, id: string): Promise<boolean> {
    const taken = await this.deps.leases.take(tenantId, `delivery/${id}`);
    if (!taken.ok) {
      // Another instance is sending it; look again when its lease would have run out.
      this.wake(tenantId, id, taken.untilMs + 50);
      return false;
    }
    try {
      return await this.deliverHeld(tenantId, id, taken.lease);
    } finally {
      await taken.lease.release();
    }
  }

  private async deliverHeld(tenantId: string, id: string, lease: HeldLease): Promise<boolean> {
    const { store, transport, log } = this.deps;
    const found = await store.getDelivery(tenantId, id);
    if (!found || found.delivery.state !== 'pending') return false;
    const d = found.delivery;
    const dueMs = Date.parse(d.dueAt);
    if (dueMs > this.now()) {
      this.wake(tenantId, id, dueMs);
      return false;
    }
    let sent: DeliverySent;
    try {
      sent = await transport.send(d);
    } catch (err) {
      await this.failed(d, err);
      return false;
    }
    this.metrics.deliveryAttempted(d.kind, 'delivered');
    await this.recordPlace(d, sent);
    if (!lease.held) log.warn({ delivery: id }, 'the delivery lease ran out while sending');
    await this.delivered(d);
    return true;
  }

  /** Where a shared card landed, so the next update goes to it (and the agenda version it shows). */
  private async recordPlace(d: Delivery, sent: DeliverySent): Promise<void> {
    const card = sent.card;
    if (!card) return;
    const { store } = this.deps;
    if (d.kind === 'checkinCard' && card.posted) await store.setMeetingCard(d.tenantId, d.meetingId, card.ref);
    if (d.kind === 'justeringCard' && card.posted) await store.setJusteringCard(d.tenantId, d.meetingId, card.ref);
    if (d.kind === 'agendaCard' && card.shows !== undefined) await store.setAgendaCard(d.tenantId, d.meetingId, { ...card.ref, version: card.shows });
  }

  private async delivered(sent: Delivery): Promise<void> {
    const { intervalMs } = this.deps;
    await this.change(sent, (d, now) => {
      const more = d.requested > sent.requested;
      const { lastError: _e, ...rest } = d;
      return { ...rest, delivered: sent.requested, attempts: 0, lastSentAt: iso(now), state: more ? 'pending' : 'delivered', dueAt: more ? iso(now + intervalMs) : d.dueAt };
    });
  }

  private async failed(tried: Delivery, err: unknown): Promise<void> {
    const permanent = err instanceof DeliveryFailed && err.permanent;
    const message = err instanceof Error ? err.message : String(err);
    const attempts = tried.attempts + 1;
    const backoff = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.min(tried.attempts, 10)) * (0.8 + Math.random() * 0.4);
    const waitMs = err instanceof DeliveryFailed && err.retryAfterMs !== undefined ? err.retryAfterMs : Math.round(backoff);
    const context = { delivery: tried.id, tenantId: tried.tenantId, kind: tried.kind, attempts, error: message };
    this.metrics.deliveryAttempted(tried.kind, permanent ? 'failed' : 'retry');
    if (permanent) this.deps.log.error(context, 'Teams refused a card for good; it is recorded as failed');
    else this.deps.log.warn({ ...context, retryInMs: waitMs }, 'Teams did not take a card; it will be sent again');
    await this.change(tried, (d, now) =>
      permanent ? { ...d, attempts, lastError: message, state: 'failed' } : { ...d, attempts, lastError: message, dueAt: iso(now + waitMs) },
    );
  }

  /** Read-modify-write of a row under its ETag (requests may bump it meanwhile); wakes this instance when it stays pending. */
  private async change(row: Delivery, next: (d: Delivery, now: number) => Delivery): Promise<void> {
    const { store } = this.deps;
    for (let attempt = 0; attempt < 20; attempt++) {
      const found = await store.getDelivery(row.tenantId, row.id);
      if (!found) return;
      const changed = next(found.delivery, this.now());
      if (await store.saveDelivery(changed, found.etag)) {
        if (changed.state === 'pending') this.wake(changed.tenantId, changed.id, Date.parse(changed.dueAt));
        return;
      }
    }
    throw new Error(`delivery ${row.id} kept changing under its ETag`);
  }

  /** Bumps a shared card's request count (creating its row when asked to); a row already waiting keeps its due time (interval, back-off). */
  private async bump(card: SharedCard, id: string, create: boolean): Promise<void> {
    const { store, intervalMs } = this.deps;
    for (let attempt = 0; attempt < 50; attempt++) {
      const now = this.now();
      const found = await store.getDelivery(card.tenantId, id);
      let next: Delivery;
      if (!found) {
        if (!create) return;
        next = { ...card, id, requested: 1, delivered: 0, state: 'pending', dueAt: iso(now), attempts: 0, createdAt: iso(now) };
      } else {
        const d = found.delivery;
        const earliest = Math.max(now, d.lastSentAt ? Date.parse(d.lastSentAt) + intervalMs : now);
        next = { ...d, requested: d.requested + 1, state: 'pending', dueAt: d.state === 'pending' ? d.dueAt : iso(earliest), attempts: d.state === 'failed' ? 0 : d.attempts };
      }
      if (await store.saveDelivery(next, found?.etag)) {
        this.wake(card.tenantId, id, Date.parse(next.dueAt));
        return;
      }
    }
    throw new Error(`could not record a request for card ${id}`);
  }

  /** Attempts the row in this instance at `atMs` (the earliest wake per row wins); the poll finds it anyway. */
  private wake(tenantId: string, id: string, atMs: number): void {
    if (this.stopped) return;
    const key = `${tenantId}/${id}`;
    const seen = this.wakes.get(key);
    if (seen && seen.at <= atMs) return;
    if (seen) clearTimeout(seen.timer);
    const timer = setTimeout(() => {
      this.wakes.delete(key);
      void this.attempt(tenantId, id);
    }, Math.max(0, atMs - this.now()));
    timer.unref();
    this.wakes.set(key, { at: atMs, timer });
  }
}

/** A shared card's outbox id: one row per card. */
export function sharedCardId(card: Pick<SharedCard, 'kind' | 'meetingId'>): string {
  return `${card.kind}/${card.meetingId}`;
}

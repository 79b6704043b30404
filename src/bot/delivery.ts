import type { DeliverySent, DeliveryTransport, SharedCardKind } from '../app/delivery';
import { DeliveryFailed } from '../app/delivery';
import type { Delivery, Logger, Store } from '../app/ports';
import type { AdaptiveCard } from '../cards';
import type { CardRef } from '../domain/meeting';
import { retryAfterWait } from '../retry-after';
import type { TeamsMessenger } from './teams-messenger';

/** A call Teams does not answer within this long counts as failed (and is tried again); the conversation's next send goes on. */
const SEND_TIMEOUT_MS = 30_000;

/** A shared card as it should look now, and where it is (none yet: it is posted in `channelId`). */
export interface RenderedCard {
  card: AdaptiveCard;
  place: CardRef | undefined;
  channelId: string;
  /** The agenda version the card shows. */
  shows?: number;
}

/** Renders one kind of shared card from the store; undefined when there is nothing to show. */
export interface SharedCardRenderer {
  render(delivery: Delivery): Promise<RenderedCard | undefined>;
}

/**
 * The outbox's Teams transport: sends one delivery through the Bot Connector. Sends to one
 * conversation start at most `sendsPerSecond` a second (Teams allows 7), and Teams' answers
 * become DeliveryFailed: 4xx other than 408/412/429 are permanent, the rest are retried, after
 * Retry-After (capped) when Teams gave one.
 */
export class TeamsDelivery implements DeliveryTransport {
  private readonly renderers = new Map<SharedCardKind, SharedCardRenderer>();
  private readonly pacer: ConversationPacer;

  constructor(private readonly deps: { store: Store; messenger: TeamsMessenger; log: Logger; sendsPerSecond: number }) {
    this.pacer = new ConversationPacer(deps.sendsPerSecond);
  }

  /** The shared cards' renderers live with their channels; they register here. */
  register(kind: SharedCardKind, renderer: SharedCardRenderer): void {
    this.renderers.set(kind, renderer);
  }

  async send(d: Delivery): Promise<DeliverySent> {
    const network = await this.deps.store.getNetwork(d.tenantId, d.networkId);
    if (!network) throw new DeliveryFailed('the network is gone', true);
    const { messenger } = this.deps;
    const address = network.address;
    try {
      if (d.kind === 'post' || d.kind === 'personal' || d.kind === 'replace') {
        const card = JSON.parse(d.card ?? 'null') as AdaptiveCard | null;
        if (!card || !d.to) throw new DeliveryFailed('the delivery has no card or no recipient', true);
        const to = d.to;
        if (d.kind === 'post') {
          await this.pacer.run(to, () => messenger.post(address, d.tenantId, to, card));
        } else if (d.kind === 'personal') {
          await this.pacer.run(`personal/${to}`, () => messenger.sendPersonal(address, d.tenantId, to, card));
        } else {
          const activityId = d.activityId;
          if (!activityId) throw new DeliveryFailed('a replacement without the activity it replaces', true);
          await this.pacer.run(to, () => messenger.update(address, d.tenantId, { conversationId: to, activityId }, card));
        }
        return {};
      }
      const renderer = this.renderers.get(d.kind);
      if (!renderer) throw new DeliveryFailed(`no renderer for ${d.kind}`, true);
      const shown = await renderer.render(d);
      if (!shown) return {};
      const extra = shown.shows === undefined ? {} : { shows: shown.shows };
      const place = shown.place;
      if (place) {
        await this.pacer.run(place.conversationId, () => messenger.update(address, d.tenantId, place, shown.card));
        return { card: { ref: place, posted: false, ...extra } };
      }
      const ref = await this.pacer.run(shown.channelId, () => messenger.post(address, d.tenantId, shown.channelId, shown.card));
      return { card: { ref, posted: true, ...extra } };
    } catch (err) {
      throw this.failure(err);
    }
  }

  private failure(err: unknown): DeliveryFailed {
    if (err instanceof DeliveryFailed) return err;
    const status = statusOf(err);
    const message = `${status ?? 'no answer'}: ${err instanceof Error ? err.message : String(err)}`;
    const permanent = status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 412 && status !== 429;
    return new DeliveryFailed(message, permanent, retryAfterOf(err, this.deps.log));
  }
}

/**
 * Sends to one conversation (a channel's thread and its replies are one) one at a time, each
 * starting a gap after the one before, and never more than `perSecond` within a second: a
 * send starts only a second after the one `perSecond` places earlier finished, so however
 * long a call takes, Teams never sees more than that many in any second.
 */
class ConversationPacer {
  private readonly lanes = new Map<string, { tail: Promise<unknown>; starts: number[]; ends: number[] }>();
  private readonly gapMs: number;
  private readonly window: number;

  constructor(perSecond: number) {
    this.gapMs = 1000 / perSecond;
    this.window = Math.max(1, Math.floor(perSecond));
  }

  run<T>(conversationId: string, send: () => Promise<T>): Promise<T> {
    const key = conversationId.split(';')[0] ?? conversationId;
    const lane = this.lanes.get(key) ?? { tail: Promise.resolve(), starts: [], ends: [] };
    this.lanes.set(key, lane);
    const run = lane.tail.then(async () => {
      const lastStart = lane.starts.at(-1) ?? -Infinity;
      const windowEnd = lane.ends.length >= this.window ? (lane.ends[lane.ends.length - this.window] ?? -Infinity) + 1000 : -Infinity;
      const wait = Math.max(lastStart + this.gapMs, windowEnd) - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      lane.starts = [...lane.starts.slice(-this.window), Date.now()];
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DeliveryFailed(`no answer from Teams within ${SEND_TIMEOUT_MS / 1000} s`, false)), SEND_TIMEOUT_MS);
        timer.unref();
      });
      try {
        return await Promise.race([send(), timeout]);
      } finally {
        clearTimeout(timer);
        lane.ends = [...lane.ends.slice(-this.window), Date.now()];
      }
    });
    const tail = run.catch(() => undefined);
    lane.tail = tail;
    void tail.then(() => {
      // An idle lane is forgotten once its last second has passed.
      setTimeout(() => {
        if (lane.tail === tail) this.lanes.delete(key);
      }, 1000).unref();
    });
    return run;
  }
}

export function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { statusCode?: unknown; status?: unknown };
  const s = e.statusCode ?? e.status;
  return typeof s === 'number' ? s : undefined;
}

/** Retry-After from a Bot Connector error (botbuilder's RestError keeps the response headers), capped. */
export function retryAfterOf(err: unknown, log?: Logger, nowMs = Date.now()): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const headers = (err as { response?: { headers?: { get?: (n: string) => string | undefined } } }).response?.headers;
  return retryAfterWait(typeof headers?.get === 'function' ? headers.get('retry-after') : undefined, 'teams', log, nowMs);
}

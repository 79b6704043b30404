import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { CardDelivery, DeliveryFailed, type DeliverySent, type DeliveryTransport } from '../../src/app/delivery';
import { Leases } from '../../src/app/leases';
import type { Delivery, Logger, Store } from '../../src/app/ports';
import { TeamsDelivery } from '../../src/bot/delivery';
import { TeamsMessenger } from '../../src/bot/teams-messenger';
import type { Network } from '../../src/domain/network';
import { RETRY_AFTER_CAP_MS } from '../../src/retry-after';
import { SqliteStore } from '../../src/store/sqlite-store';
import { ConnectorEmulator, maxUpdatesInAnySecond } from '../harness/connector-emulator';
import { eventually } from '../harness/service';

const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const CARD = { tenantId: 't-1', networkId: 'n-1', meetingId: 'm-1', kind: 'checkinCard' as const };

/** Stands for Teams behind the outbox: records what it was given, fails as told. */
class RecordingTransport implements DeliveryTransport {
  readonly sends: { at: number; id: string; state: number }[] = [];
  failures: DeliveryFailed[] = [];
  /** What the stored state is "now": a shared card renders it when sent. */
  state = 0;

  async send(d: Delivery): Promise<DeliverySent> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sends.push({ at: Date.now(), id: d.id, state: this.state });
    await sleep(5);
    return {};
  }
}

function outbox(store: Store, transport: DeliveryTransport, intervalMs: number, instanceId = 'instance-a'): CardDelivery {
  return new CardDelivery({ store, log: silent, leases: new Leases({ store, instanceId, now: Date.now, log: silent }), transport, intervalMs, pollMs: 50 });
}

describe('the delivery outbox', () => {
  let store: Store;
  const running: CardDelivery[] = [];
  beforeEach(() => {
    store = new SqliteStore(':memory:');
  });
  afterEach(async () => {
    for (const d of running.splice(0)) await d.stop();
    await store.close();
  });

  test('coalesces a burst for one card: updates at least the interval apart, the last showing the final state', async () => {
    const interval = 200;
    const transport = new RecordingTransport();
    const delivery = outbox(store, transport, interval);
    running.push(delivery);
    delivery.start();
    for (let i = 1; i <= 50; i++) {
      transport.state = i;
      void delivery.requestCard(CARD, { create: true });
      await sleep(10);
    }
    await eventually(async () => (await store.getDelivery('t-1', 'checkinCard/m-1'))?.delivery.state === 'delivered' || undefined, 5000, 'the card delivered');
    expect(transport.sends.length).toBeGreaterThanOrEqual(2);
    expect(transport.sends.length).toBeLessThan(10);
    expect(transport.sends.at(-1)?.state).toBe(50);
    for (let i = 1; i < transport.sends.length; i++) expect((transport.sends[i]?.at ?? 0) - (transport.sends[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(interval);
  });

  test('two instances over one store: still at most one update per interval, ending on the final state', async () => {
    const interval = 200;
    const transport = new RecordingTransport();
    const a = outbox(store, transport, interval, 'instance-a');
    const b = outbox(store, transport, interval, 'instance-b');
    running.push(a, b);
    a.start();
    b.start();
    for (let i = 1; i <= 40; i++) {
      transport.state = i;
      void (i % 2 ? a : b).requestCard(CARD, { create: true });
      await sleep(10);
    }
    await eventually(async () => (await store.getDelivery('t-1', 'checkinCard/m-1'))?.delivery.state === 'delivered' || undefined, 5000, 'the card delivered');
    expect(transport.sends.at(-1)?.state).toBe(40);
    for (let i = 1; i < transport.sends.length; i++) expect((transport.sends[i]?.at ?? 0) - (transport.sends[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(interval);
  });

  test('a message is sent once however often it is asked for', async () => {
    const transport = new RecordingTransport();
    const a = outbox(store, transport, 100, 'instance-a');
    const b = outbox(store, transport, 100, 'instance-b');
    running.push(a, b);
    const message = { tenantId: 't-1', networkId: 'n-1', meetingId: 'm-1', kind: 'post' as const, id: 'reminder/m-1/7', to: '19:c@thread', card: { type: 'AdaptiveCard' } };
    await Promise.all([a.send(message), b.send(message), a.send(message)]);
    await Promise.all([a.runDue(), b.runDue()]);
    await a.runDue();
    expect(transport.sends.map((s) => s.id)).toEqual(['reminder/m-1/7']);
  });

  test('transient failures are retried (well past five attempts) until Teams takes the card; a permanent refusal is recorded as failed', async () => {
    const transport = new RecordingTransport();
    transport.failures = Array.from({ length: 8 }, (_, i) => new DeliveryFailed(i % 2 ? '503' : '429', false, 20));
    const delivery = outbox(store, transport, 100);
    running.push(delivery);
    delivery.start();
    await delivery.requestCard(CARD, { create: true });
    await eventually(async () => (await store.getDelivery('t-1', 'checkinCard/m-1'))?.delivery.state === 'delivered' || undefined, 5000, 'the card delivered');
    expect(transport.sends).toHaveLength(1);
    expect(transport.failures).toHaveLength(0);

    transport.failures = [new DeliveryFailed('403 Forbidden', true)];
    const message = { tenantId: 't-1', networkId: 'n-1', meetingId: 'm-1', kind: 'personal' as const, id: 'ask/m-1/1/p', to: '29:p', card: { type: 'AdaptiveCard' } };
    await delivery.send(message);
    const failed = await eventually(async () => {
      const d = (await store.getDelivery('t-1', 'ask/m-1/1/p'))?.delivery;
      return d?.state === 'failed' ? d : undefined;
    }, 5000, 'the refusal recorded');
    expect(failed).toMatchObject({ attempts: 1, lastError: '403 Forbidden' });
    expect(await store.dueDeliveries(new Date(Date.now() + 3_600_000).toISOString(), 10)).toEqual([]);
  });
});

describe('the Teams transport', () => {
  const connector = new ConnectorEmulator();
  let store: Store;
  let transport: TeamsDelivery;
  const network = (serviceUrl: string): Network => ({
    tenantId: 't-1',
    id: 'n-1',
    name: 'IM-nätverket',
    channels: [],
    address: { serviceUrl, botId: '28:bot', botName: 'Justera' },
    installedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  });
  const post = (id: string): Delivery => ({
    tenantId: 't-1', networkId: 'n-1', meetingId: 'm-1', kind: 'post', id, to: '19:c@thread.tacv2', card: JSON.stringify({ type: 'AdaptiveCard', version: '1.5', body: [] }),
    requested: 1, delivered: 0, state: 'pending', dueAt: new Date().toISOString(), attempts: 0, createdAt: new Date().toISOString(),
  });

  beforeAll(async () => {
    await connector.start();
    store = new SqliteStore(':memory:');
    await store.upsertNetwork(network(connector.url));
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' }));
    transport = new TeamsDelivery({ store, messenger: new TeamsMessenger(adapter, ''), log: silent, sendsPerSecond: 3 });
  });
  afterAll(async () => {
    await store.close();
    await connector.stop();
  });

  test('at most 3 sends a second to one conversation', async () => {
    await Promise.all(Array.from({ length: 7 }, (_, i) => transport.send(post(`p-${i}`))));
    const posts = connector.sent.filter((s) => s.kind === 'post');
    expect(posts).toHaveLength(7);
    expect(maxUpdatesInAnySecond(posts)).toBeLessThanOrEqual(3);
  });

  test("Teams' answers: 429 waits Retry-After capped at 120 s, 5xx is retried, 403 and 404 are permanent", async () => {
    const failureOf = async (status: number, retryAfter?: string): Promise<DeliveryFailed> => {
      connector.failNext(1, status, retryAfter);
      try {
        await transport.send(post(`f-${status}`));
      } catch (err) {
        if (err instanceof DeliveryFailed) return err;
        throw err;
      }
      throw new Error('expected a failure');
    };
    expect(await failureOf(429, '86400')).toMatchObject({ permanent: false, retryAfterMs: RETRY_AFTER_CAP_MS });
    expect(await failureOf(429, '2')).toMatchObject({ permanent: false, retryAfterMs: 2000 });
    expect(await failureOf(503)).toMatchObject({ permanent: false });
    expect(await failureOf(500)).toMatchObject({ permanent: false });
    expect(await failureOf(403)).toMatchObject({ permanent: true });
    expect(await failureOf(404)).toMatchObject({ permanent: true });
  });

  test('a refused update or personal card is a failure too, never taken for delivered', async () => {
    for (const kind of ['replace', 'personal'] as const) {
      connector.failNext(2, 503);
      const d: Delivery = { ...post(`${kind}-1`), kind, to: kind === 'personal' ? '29:person' : '19:c@thread.tacv2', activityId: 'act-1' };
      await expect(transport.send(d)).rejects.toMatchObject({ permanent: false, message: expect.stringContaining('503') });
    }
  });
});

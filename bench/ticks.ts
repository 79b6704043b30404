/**
 * What a delivery tick reads from Table Storage as the outbox grows: for each size, that many
 * cards already delivered (in five tenants) and two due, then 20 ticks (`dueDeliveries`, as the
 * delivery worker asks every poll) through a recording proxy in front of Azurite (started here).
 * Prints one JSON line per size: requests and rows returned per tick, the $filter of each query
 * sent, and p50 ms of a tick. A tick that reads the queue's key range stays flat as the table grows.
 *
 *   npm run bench:ticks [-- --rows 1000,10000]
 */
import type { Delivery } from '../src/app/ports';
import { TablesStore } from '../src/store/tables-store';
import { startAzurite } from '../test/harness/azurite';
import { startTablesProxy } from '../test/harness/tables-proxy';

const i = process.argv.indexOf('--rows');
const SIZES = (i >= 0 ? (process.argv[i + 1] ?? '') : '1000,10000').split(',').map(Number);
const TICKS = 20;

const at = (minutes: number): string => new Date(Date.UTC(2030, 0, 1, 0, minutes)).toISOString();
const card = (tenantId: string, id: string, dueAt: string, state: Delivery['state']): Delivery => ({
  tenantId, id, kind: 'checkinCard', networkId: 'n-1', meetingId: 'm-1', requested: 1, delivered: state === 'delivered' ? 1 : 0, state, dueAt, attempts: 0, createdAt: dueAt,
});

async function main(): Promise<void> {
  const azurite = await startAzurite();
  const proxy = await startTablesProxy(azurite);
  try {
    for (const size of SIZES) {
      const store = await TablesStore.open({ connectionString: proxy.connectionString, tablePrefix: `tick${size}x${Date.now().toString(36)}` });
      const sent = Array.from({ length: size }, (_, n) => card(`t-${n % 5}`, `sent/${n}`, at(n % 1000), 'delivered'));
      for (let n = 0; n < sent.length; n += 50) await Promise.all(sent.slice(n, n + 50).map((d) => store.saveDelivery(d, undefined)));
      await store.saveDelivery(card('t-1', 'due/a', at(100), 'pending'), undefined);
      await store.saveDelivery(card('t-2', 'due/b', at(101), 'pending'), undefined);
      // An instance's first tick looks once for work from before the queue.
      await store.dueDeliveries(at(0), 50);
      proxy.reset();
      const times: number[] = [];
      for (let t = 0; t < TICKS; t++) {
        const t0 = performance.now();
        const due = await store.dueDeliveries(at(2000), 50);
        times.push(performance.now() - t0);
        if (due.length !== 2) throw new Error(`a tick found ${due.length} cards due, not 2`);
      }
      times.sort((a, b) => a - b);
      console.log(
        JSON.stringify({
          deliveries: size + 2,
          requestsPerTick: proxy.requests.length / TICKS,
          rowsPerTick: proxy.requests.reduce((sum, r) => sum + r.rows, 0) / TICKS,
          queries: [...new Set(proxy.requests.flatMap((r) => (r.filter === undefined ? [] : [r.filter])))],
          p50ms: Math.round((times[Math.floor(TICKS / 2)] ?? 0) * 10) / 10,
        }),
      );
    }
  } finally {
    await proxy.stop();
    await azurite.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

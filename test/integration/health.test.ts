import fs from 'node:fs';
import { startAzurite, type Azurite } from '../harness/azurite';
import { spawnService, type RunningService } from '../harness/process';
import { eventually, startTestService } from '../harness/service';
import type { Service } from '../../src/service';

interface Answer {
  status: number;
  cache: string | null;
  body: { status?: string; store?: string };
}

async function probe(url: string, route: '/healthz' | '/readyz'): Promise<Answer> {
  const res = await fetch(url + route);
  return { status: res.status, cache: res.headers.get('cache-control'), body: (await res.json()) as Answer['body'] };
}

/**
 * Liveness (/healthz: the process answers) and readiness (/readyz: it reaches its store) are
 * different questions. App Service's health check asks the first (infra/main.bicep), so a
 * storage hiccup, which every instance sees at once, takes no instance out of the load balancer.
 */
describe('liveness and readiness', () => {
  test('/healthz answers for the process without the store; /readyz answers for the store', async () => {
    const svc: Service & { dataDir: string } = await startTestService();
    try {
      expect(await probe(svc.url, '/healthz')).toEqual({ status: 200, cache: 'no-store', body: { status: 'ok' } });
      expect(await probe(svc.url, '/readyz')).toEqual({ status: 200, cache: 'no-store', body: { status: 'ok', store: 'sqlite ok' } });
      // The database closes under the running service: not ready, still alive.
      await svc.store.close();
      const ready = await probe(svc.url, '/readyz');
      expect({ status: ready.status, cache: ready.cache, body: ready.body.status }).toEqual({ status: 503, cache: 'no-store', body: 'unavailable' });
      expect(ready.body.store).toMatch(/^sqlite: /);
      expect(await probe(svc.url, '/healthz')).toEqual({ status: 200, cache: 'no-store', body: { status: 'ok' } });
    } finally {
      await svc.stop();
      fs.rmSync(svc.dataDir, { recursive: true, force: true });
    }
  });

  describe('two instances on one Table Storage', () => {
    let azurite: Azurite;
    const instances: RunningService[] = [];

    beforeAll(async () => {
      azurite = await startAzurite();
      const env = { STORE: 'tables', TABLES_CONNECTION_STRING: azurite.connectionString, TABLES_PREFIX: `health${Date.now().toString(36)}`, PLAYGROUND: 'off', LOG_LEVEL: 'warn' };
      instances.push(await spawnService(env), await spawnService(env));
    }, 60000);

    afterAll(async () => {
      for (const i of instances) if (i.proc.exitCode === null) await i.interrupt();
      await azurite?.stop();
    });

    test('when the storage is gone, every instance says it is not ready and stays alive; when it is back, they are ready again', async () => {
      for (const i of instances) expect(await probe(i.url, '/readyz')).toEqual({ status: 200, cache: 'no-store', body: { status: 'ok', store: 'tables ok' } });

      await azurite.stop();
      const probes = await Promise.all(instances.map(async (i) => Promise.all([probe(i.url, '/healthz'), probe(i.url, '/readyz')])));
      for (const [live, ready] of probes) {
        expect(live).toEqual({ status: 200, cache: 'no-store', body: { status: 'ok' } });
        expect({ status: ready.status, body: ready.body.status }).toEqual({ status: 503, body: 'unavailable' });
        expect(ready.body.store).toMatch(/^(tables|store): /);
      }

      azurite = await startAzurite({ port: azurite.port });
      for (const i of instances) {
        await eventually(async () => (await probe(i.url, '/readyz')).status === 200 || undefined, 30000, `instance ${i.url} ready again`);
      }
      for (const i of instances) expect(i.proc.exitCode).toBeNull();
    }, 90000);
  });
});

import type restify from 'restify';
import type { Store } from '../app/ports';
import type { AppLogger } from '../log';

/** How long /readyz waits for the store before it says the instance is not ready. */
export const READY_TIMEOUT_MS = 5000;

/**
 * Two questions, two routes:
 * - `/healthz` (liveness): is this process alive and serving? It answers without touching
 *   anything else, so it fails only when the instance itself is broken (a blocked event loop,
 *   a server that no longer listens). App Service's health check uses it (infra/main.bicep):
 *   restarting or replacing such an instance helps.
 * - `/readyz` (readiness): can this instance do its work, that is, reach its store? The store
 *   is shared by every instance, so when it fails it fails for all of them at once; taking
 *   them all out of the load balancer would turn a storage hiccup into an outage, which is
 *   why the platform's health check does not use this one. It is for monitoring, for a
 *   deployment's smoke check, and for tests that wait until the service can work.
 */
export function registerHealth(server: restify.Server, store: Store, log: AppLogger): void {
  server.get('/healthz', (_req, res, next) => {
    res.header('cache-control', 'no-store');
    res.json(200, { status: 'ok' });
    next();
  });

  server.get('/readyz', async (req, res) => {
    const health = await withinTimeout(store.health(), READY_TIMEOUT_MS).catch((err: unknown) => ({
      ok: false,
      detail: `store: ${err instanceof Error ? err.message : String(err)}`,
    }));
    if (!health.ok) log.warn({ reqId: req.getId(), store: health.detail }, 'not ready');
    res.header('cache-control', 'no-store');
    res.json(health.ok ? 200 : 503, { status: health.ok ? 'ok' : 'unavailable', store: health.detail });
  });
}

function withinTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the store did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

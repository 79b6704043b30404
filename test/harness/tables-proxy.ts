import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Azurite } from './azurite';

/** One request a store sent to Table Storage, and how many rows its answer held. */
export interface TablesRequest {
  method: string;
  /** The table (or the table and a row's keys) the request names, prefix included. */
  resource: string;
  /** A query's $filter, decoded. */
  filter?: string;
  rows: number;
}

export interface TablesProxy {
  /** Azurite's connection string, through the proxy. */
  connectionString: string;
  /** Every request since the last `reset`. */
  requests: TablesRequest[];
  reset(): void;
  stop(): Promise<void>;
}

/**
 * A recording proxy in front of Azurite (test harness only), in this process: it passes every
 * request on unchanged (a shared-key signature does not cover the host) and notes what was asked
 * and how many rows came back, so a test can see what a store call reads.
 */
export async function startTablesProxy(azurite: Azurite): Promise<TablesProxy> {
  const requests: TablesRequest[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const forward = http.request({ host: '127.0.0.1', port: azurite.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        const body = Buffer.concat(chunks);
        let rows = 0;
        if (req.method === 'GET' && (answer.statusCode ?? 500) < 300 && /json/.test(String(answer.headers['content-type']))) {
          const parsed = JSON.parse(body.toString('utf8')) as { value?: unknown[] };
          rows = Array.isArray(parsed.value) ? parsed.value.length : 1;
        }
        const filter = url.searchParams.get('$filter') ?? undefined;
        requests.push({ method: req.method ?? '', resource: decodeURIComponent(url.pathname.split('/').slice(2).join('/')), ...(filter === undefined ? {} : { filter }), rows });
        res.writeHead(answer.statusCode ?? 500, answer.headers);
        res.end(body);
      });
    });
    forward.on('error', (err) => res.destroy(err));
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    connectionString: azurite.connectionString.replace(`127.0.0.1:${azurite.port}/`, `127.0.0.1:${port}/`),
    requests,
    reset: () => void requests.splice(0),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

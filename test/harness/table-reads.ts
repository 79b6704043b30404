import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Azurite } from './azurite';

/** One request the store sent to Table Storage: its table (without the prefix), what it read. */
export interface TableRead {
  table: string;
  /** A point read of one row (PartitionKey and RowKey in the address). */
  point: boolean;
  /** A query: its $filter ('' for none). */
  filter?: string;
  /** Entities the answer held. */
  entities: number;
}

export interface TableReads {
  /** A connection string that reaches Azurite through the counter. */
  connectionString: string;
  /** The reads since the last `take`, and a fresh start. */
  take(): TableRead[];
  stop(): Promise<void>;
}

/**
 * An in-process counter between a store and Azurite: it passes every request on as it is and
 * notes each read (GET) of an entity table with what the answer held, so a test sees what a
 * store call read, not only what it returned. Shared-key signatures name the account and path,
 * not the port, so they hold through it.
 */
export async function countTableReads(azurite: Azurite, tablePrefix: string): Promise<TableReads> {
  let reads: TableRead[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const upstream = http.request({ host: '127.0.0.1', port: azurite.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
        const body: Buffer[] = [];
        up.on('data', (c: Buffer) => body.push(c));
        up.on('end', () => {
          const text = Buffer.concat(body).toString('utf8');
          noteRead(req.method ?? '', req.url ?? '', up.statusCode ?? 0, text);
          res.writeHead(up.statusCode ?? 500, up.headers);
          res.end(text);
        });
      });
      upstream.on('error', (err) => {
        res.writeHead(502);
        res.end(String(err));
      });
      upstream.end(Buffer.concat(chunks));
    });
  });
  const noteRead = (method: string, url: string, status: number, text: string): void => {
    if (method !== 'GET') return;
    const u = new URL(url, 'http://local');
    const m = /^\/[^/]+\/([^/(]+)\((.*)\)$/.exec(decodeURIComponent(u.pathname));
    if (!m?.[1] || m[1] === 'Tables' || !m[1].startsWith(tablePrefix)) return;
    const table = m[1].slice(tablePrefix.length);
    const point = (m[2] ?? '') !== '';
    let entities = 0;
    if (status === 200) {
      const json = JSON.parse(text) as { value?: unknown[] };
      entities = point ? 1 : (json.value?.length ?? 0);
    }
    reads.push(point ? { table, point, entities } : { table, point, filter: u.searchParams.get('$filter') ?? '', entities });
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    connectionString: azurite.connectionString.replace(`127.0.0.1:${azurite.port}`, `127.0.0.1:${port}`),
    take: () => {
      const out = reads;
      reads = [];
      return out;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

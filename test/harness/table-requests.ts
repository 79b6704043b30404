/**
 * Counts the HTTP requests this process sends to Table Storage, by table: those to tables named
 * with a counter's prefix (counted under the name without it) and the service's own (Tables,
 * $batch). Requests elsewhere (Teams) are not the store's. Also counts the entities Table
 * Storage hands back to those tables' clients (rows of query pages and point reads): the rows
 * the store reads. Several counters may count at once (bench:archive has a store per size).
 * Counted, not timed: what the check-in bench (bench/count-round-trips.ts, in each service process), bench:archive and the round-trip tests count.
 */
import http from 'node:http';
import { TableClient } from '@azure/data-tables';

export interface TableRequests {
  /** Requests so far, by table. */
  readonly byTable: Readonly<Record<string, number>>;
  total(): number;
  /** Entities received so far (query rows and point reads). */
  rows(): number;
  /** Stops this counter (http.request is put back when none is left). */
  stop(): void;
}

interface Counter {
  prefix: string;
  byTable: Record<string, number>;
  rows: number;
  onCount?: (byTable: Readonly<Record<string, number>>) => void;
}

const counters = new Set<Counter>();
const send = http.request;

/** The client's two ways of reading entities: a page of a query (every query's pages go through it) and a point read. */
interface Reads {
  tableName: string;
  _listEntities(...args: unknown[]): Promise<unknown[]>;
  getEntity(...args: unknown[]): Promise<unknown>;
}
const reads = TableClient.prototype as unknown as Reads;
const listPage = reads._listEntities;
const getOne = reads.getEntity;
const received = (table: string, n: number): void => {
  for (const c of counters) if (table.startsWith(c.prefix)) c.rows += n;
};
reads._listEntities = async function (this: Reads, ...args: unknown[]): Promise<unknown[]> {
  const page = await listPage.apply(this, args);
  received(this.tableName, page.length);
  return page;
};
reads.getEntity = async function (this: Reads, ...args: unknown[]): Promise<unknown> {
  const found = await getOne.apply(this, args);
  received(this.tableName, 1);
  return found;
};

function counted(...args: Parameters<typeof http.request>): http.ClientRequest {
  const [first, second] = args;
  const opts = typeof first === 'object' && !(first instanceof URL) ? first : typeof second === 'object' && second !== null ? second : {};
  const path = first instanceof URL ? first.pathname : typeof first === 'string' ? new URL(first).pathname : String((opts as http.RequestOptions).path ?? '');
  // /account/<prefix><table>(…): the table's name without the prefix.
  const name = (path.split('/')[2] ?? '').replace(/[(?].*$/, '');
  for (const c of counters) {
    if (name.startsWith(c.prefix) || name === 'Tables' || name === '$batch') {
      const table = name.slice(name.startsWith(c.prefix) ? c.prefix.length : 0);
      c.byTable[table] = (c.byTable[table] ?? 0) + 1;
      c.onCount?.(c.byTable);
    }
  }
  return send(...args);
}

export function countTableRequests(prefix: string, onCount?: (byTable: Readonly<Record<string, number>>) => void): TableRequests {
  const counter: Counter = { prefix, byTable: {}, rows: 0, ...(onCount ? { onCount } : {}) };
  counters.add(counter);
  http.request = counted as typeof http.request;
  return {
    byTable: counter.byTable,
    total: () => Object.values(counter.byTable).reduce((n, x) => n + x, 0),
    rows: () => counter.rows,
    stop: () => {
      counters.delete(counter);
      if (counters.size === 0) http.request = send;
    },
  };
}

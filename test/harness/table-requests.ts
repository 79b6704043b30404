/**
 * Counts the HTTP requests this process sends to Table Storage, by table: what a test or the
 * check-in bench (bench/count-round-trips.ts) asserts or prints as a store's round trips.
 * Counted at node:http, under every client the Azure SDK makes; requests elsewhere (Teams, the
 * floor) are not the store's. Counted, not timed.
 */
import http from 'node:http';

export interface TableRequests {
  /** Requests so far, by table (without the prefix); a batch transaction counts under `$batch`. */
  readonly byTable: Readonly<Record<string, number>>;
  total(): number;
  /** Stops counting (node:http as it was). */
  stop(): void;
}

/** Counts from now on the requests to the tables named with `prefix`; `onRequest` is told after each. */
export function countTableRequests(prefix: string, onRequest?: (byTable: Readonly<Record<string, number>>) => void): TableRequests {
  const byTable: Record<string, number> = {};
  const send = http.request;
  const counted = (...args: Parameters<typeof http.request>): http.ClientRequest => {
    const [first, second] = args;
    const opts = typeof first === 'object' && !(first instanceof URL) ? first : typeof second === 'object' && second !== null ? second : {};
    const path = first instanceof URL ? first.pathname : typeof first === 'string' ? new URL(first).pathname : String((opts as http.RequestOptions).path ?? '');
    // /account/<prefix><table>(…): the table's name without the prefix.
    const name = (path.split('/')[2] ?? '').replace(/\(.*$/, '');
    if (name.startsWith(prefix) || name === 'Tables' || name === '$batch') {
      const table = name.slice(name.startsWith(prefix) ? prefix.length : 0);
      byTable[table] = (byTable[table] ?? 0) + 1;
      onRequest?.(byTable);
    }
    return send.apply(http, args);
  };
  http.request = counted as typeof http.request;
  return {
    byTable,
    total: () => Object.values(byTable).reduce((n, x) => n + x, 0),
    stop: () => {
      if (http.request === counted) http.request = send;
    },
  };
}

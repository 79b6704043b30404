/**
 * Preloaded into a service by bench:checkin --count-round-trips (node --require): counts the HTTP
 * requests the process sends to Table Storage (tables named with TABLES_PREFIX) and writes the count, by table, to
 * ROUND_TRIPS_FILE on each request, so the bench can take it before and after a burst. Counted, not timed.
 */
import fs from 'node:fs';
import http from 'node:http';

const file = process.env.ROUND_TRIPS_FILE;
const prefix = process.env.TABLES_PREFIX ?? '';
if (file && prefix) {
  const byTable: Record<string, number> = {};
  const send = http.request.bind(http);
  const counted = (...args: Parameters<typeof http.request>): http.ClientRequest => {
    const [first, second] = args;
    const opts = typeof first === 'object' && !(first instanceof URL) ? first : typeof second === 'object' && second !== null ? second : {};
    const path = first instanceof URL ? first.pathname : typeof first === 'string' ? new URL(first).pathname : String((opts as http.RequestOptions).path ?? '');
    // /account/<prefix><table>(…): the table's name without the prefix; requests elsewhere (Teams) are not the store's.
    const name = (path.split('/')[2] ?? '').replace(/\(.*$/, '');
    if (name.startsWith(prefix) || name === 'Tables' || name === '$batch') {
      const table = name.slice(name.startsWith(prefix) ? prefix.length : 0);
      byTable[table] = (byTable[table] ?? 0) + 1;
      // Whole or not at all, for the bench reading it meanwhile.
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(byTable));
      fs.renameSync(`${file}.tmp`, file);
    }
    return send(...args);
  };
  http.request = counted as typeof http.request;
}

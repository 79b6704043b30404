/**
 * Preloaded into a service by bench:checkin --count-round-trips (node --require): counts the HTTP
 * requests the process sends to Table Storage (tables named with TABLES_PREFIX) and writes the count, by table, to
 * ROUND_TRIPS_FILE on each request, so the bench can take it before and after a burst. Counted, not timed.
 */
import fs from 'node:fs';
import { countTableRequests } from '../test/harness/table-requests';

const file = process.env.ROUND_TRIPS_FILE;
const prefix = process.env.TABLES_PREFIX ?? '';
if (file && prefix) {
  countTableRequests(prefix, (byTable) => {
    // Whole or not at all, for the bench reading it meanwhile.
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(byTable));
    fs.renameSync(`${file}.tmp`, file);
  });
}

/**
 * What reading open action items costs as history grows: builds 1× and 10× history (years of
 * approved minutes in a few networks, the older items marked done) in both stores and prints one
 * JSON line per store and scale: rows read and milliseconds per network read, by the rebuild from
 * every approved protocol (as before action records) and by the records.
 *
 *   npm run bench:history [-- --years 1,10 --networks 3 --store sqlite|tables|both]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Store } from '../src/app/ports';
import { actionsOf } from '../src/domain/minutes';
import { approveHistory, buildJobs, buildMeetings, NOW, pastMeetingsPerNetwork, ROSTER_NETWORKS, TENANT, timed, UPCOMING } from './history-builder';
import { latestApproved } from '../src/store/action-records';
import { SqliteStore } from '../src/store/sqlite-store';
import { TablesStore } from '../src/store/tables-store';
import { startAzurite } from '../test/harness/azurite';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const YEARS = arg('years', '1,10').split(',').map(Number);
const NETWORKS = Number(arg('networks', '3'));
const WHICH = arg('store', 'both');
const RUNS = 20;

/** As "Mina uppdrag" read a network before records: every approved version in full, then the marks. */
async function rebuild(store: Store, networkId: string): Promise<{ rows: number; bytes: number; open: number }> {
  const approved = await store.listApprovedMinutes(TENANT, networkId);
  const done = await store.listActionsDone(TENANT, networkId);
  const open = latestApproved(approved).flatMap(actionsOf).filter((a) => !done[a.action.id]).length;
  return { rows: approved.length + Object.keys(done).length, bytes: JSON.stringify(approved).length + JSON.stringify(done).length, open };
}

async function records(store: Store, networkId: string): Promise<{ rows: number; bytes: number; open: number }> {
  const doneSince = new Date(NOW.getTime() - 30 * 86_400_000).toISOString();
  const list = await store.listActions(TENANT, networkId, { doneSince });
  return { rows: list.length, bytes: JSON.stringify(list).length, open: list.filter((a) => !a.done).length };
}

async function time(f: () => Promise<unknown>): Promise<number> {
  return (await timed(RUNS, f)).p50;
}

/** "Mina möten" as the store is asked for it: the person's networks, then each one's meetings from today. */
async function myMeetings(store: Store): Promise<{ rows: number; meetings: number }> {
  const today = NOW.toISOString().slice(0, 10);
  const mine = await store.listMemberships(TENANT, 'p-me');
  let meetings = 0;
  for (const m of mine) meetings += (await store.listMeetings(TENANT, m.networkId, today)).length;
  return { rows: mine.length + meetings, meetings };
}

/** As it was before the indexes: a look-up of the person in every network, then each of theirs. */
async function myMeetingsBefore(store: Store): Promise<{ roundTrips: number; meetings: number }> {
  const today = NOW.toISOString().slice(0, 10);
  let roundTrips = 1;
  let meetings = 0;
  for (const n of await store.listNetworks(TENANT)) {
    roundTrips++;
    if (await store.getMember(TENANT, n.id, 'p-me')) {
      roundTrips++;
      meetings += (await store.listMeetings(TENANT, n.id, today)).length;
    }
  }
  return { roundTrips, meetings };
}

async function measure(name: string, store: Store, years: number): Promise<void> {
  await approveHistory(store, { networks: NETWORKS, years });
  await buildMeetings(store, years);
  await buildJobs(store, NETWORKS, years);
  const tickNow = NOW.toISOString();
  console.log(
    JSON.stringify({
      store: name,
      years,
      jobsEver: NETWORKS * (pastMeetingsPerNetwork(years) + UPCOMING) * 3,
      schedulerTick: { due: (await store.dueJobs(tickNow, 100)).length, p50ms: await time(() => store.dueJobs(tickNow, 100)) },
      archiveTick: { due: (await store.dueArchives(tickNow, 20)).length, p50ms: await time(() => store.dueArchives(tickNow, 20)) },
    }),
  );
  const mm = await myMeetings(store);
  const mmBefore = await myMeetingsBefore(store);
  console.log(
    JSON.stringify({
      store: name,
      years,
      networks: ROSTER_NETWORKS,
      meetingsPerNetwork: pastMeetingsPerNetwork(years) + UPCOMING,
      myMeetings: { meetings: mm.meetings, storeCalls: 1 + (await store.listMemberships(TENANT, 'p-me')).length, p50ms: await time(() => myMeetings(store)) },
      myMeetingsPerNetworkLookUp: { meetings: mmBefore.meetings, storeCalls: mmBefore.roundTrips, p50ms: await time(() => myMeetingsBefore(store)) },
    }),
  );
  const networkId = '19:net-0@thread.tacv2';
  const before = await rebuild(store, networkId);
  const after = await records(store, networkId);
  const line = {
    store: name,
    years,
    networks: NETWORKS,
    approvedVersionsPerNetwork: pastMeetingsPerNetwork(years),
    rebuild: { rowsRead: before.rows, bytesRead: before.bytes, open: before.open, p50ms: await time(() => rebuild(store, networkId)) },
    records: { rowsRead: after.rows, bytesRead: after.bytes, open: after.open, p50ms: await time(() => records(store, networkId)) },
  };
  console.log(JSON.stringify(line));
}

async function main(): Promise<void> {
  if (WHICH !== 'tables') {
    for (const years of YEARS) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'justera-bench-history-'));
      const store = new SqliteStore(path.join(dir, 'justera.db'));
      try {
        await measure('sqlite', store, years);
      } finally {
        await store.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  if (WHICH !== 'sqlite') {
    const azurite = await startAzurite();
    try {
      for (const years of YEARS) {
        const store = await TablesStore.open({ connectionString: azurite.connectionString, tablePrefix: `h${years}x${Date.now().toString(36)}` });
        await measure('tables', store, years);
      }
    } finally {
      await azurite.stop();
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

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
import { actionsOf, newVersion, type MinutesDraft, type MinutesVersion } from '../src/domain/minutes';
import type { LegacyMinutesContent } from '../src/domain/minutes-legacy-model';
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
const MEETINGS_PER_YEAR = 8;
const RUNS = 20;
const TENANT = 't-bench';
const NOW = new Date('2031-01-01T00:00:00.000Z');

function version(networkId: string, meetingId: string, date: string): MinutesVersion {
  const items = Array.from({ length: 6 }, (_, i) => ({
    id: `i-${i}`,
    title: `Punkt ${i + 1}`,
    notes: 'Anteckningar om överlämning, elevhälsa och samverkan mellan kommunerna. '.repeat(40),
    decisions: ['Nätverket beslutade att gå vidare.'],
    tabled: false,
    actions: [0, 1].map((k) => ({ id: `${meetingId}-a${i}${k}`, text: `Uppdrag ${i}.${k}`, owner: { kind: 'named' as const, name: 'Karin' } })),
  }));
  const content: LegacyMinutesContent = {
    networkName: 'IM-nätverket',
    meeting: { date, start: '13:00', end: '15:00', place: 'Falköping', mode: 'onsite' },
    justerare: [{ kind: 'member', memberId: 'j-1', name: 'Jonas' }],
    attendees: [],
    items,
    nextMeetings: [],
  };
  const draft: MinutesDraft = { tenantId: TENANT, networkId, meetingId, content, updatedAt: `${date}T15:00:00.000Z` };
  return { ...newVersion(draft, 1, { memberId: 's-1', name: 'Karin' }, `${date}T16:00:00.000Z`), state: 'approved', approvedAt: `${date}T17:00:00.000Z` };
}

async function build(store: Store, years: number): Promise<void> {
  for (let n = 0; n < NETWORKS; n++) {
    const networkId = `19:net-${n}@thread.tacv2`;
    for (let y = 0; y < years; y++) {
      for (let m = 0; m < MEETINGS_PER_YEAR; m++) {
        const year = NOW.getUTCFullYear() - years + y;
        const date = `${year}-${String(m + 2).padStart(2, '0')}-10`;
        const v = version(networkId, `m-${n}-${year}-${m}`, date);
        await store.saveMinutesVersion(v, undefined);
        // Items of earlier years are done (marked two weeks after the meeting); the last year's are open.
        if (y < years - 1) {
          for (const a of actionsOf(v)) await store.setActionDone(TENANT, networkId, a.action.id, { by: 'Karin', at: `${year}-${String(m + 2).padStart(2, '0')}-24T08:00:00.000Z` });
        }
      }
    }
  }
}

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
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor(RUNS / 2)] ?? 0) * 100) / 100;
}

/** Every network of the tenant has a roster and its meetings (years of them, and two ahead); the person is in two networks of many. */
const ROSTER_NETWORKS = 15;
async function buildMeetings(store: Store, years: number): Promise<void> {
  for (let n = 0; n < ROSTER_NETWORKS; n++) {
    const networkId = `19:net-${n}@thread.tacv2`;
    await store.upsertNetwork({ tenantId: TENANT, id: networkId, name: `Nätverk ${n}`, channels: [], address: { serviceUrl: 'https://smba.example/', botId: '28:bot', botName: 'Justera' }, installedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
    const people = Array.from({ length: 20 }, (_, i) => `p-${n}-${i}`).concat(n < 2 ? ['p-me'] : []);
    await store.upsertMembers(people.map((id) => ({ tenantId: TENANT, networkId, id, teamsUserId: `29:${id}`, name: id, email: `${id}@skovde.se`, municipality: 'Skövde', municipalitySource: 'domain' as const })));
    for (let y = 0; y <= years; y++) {
      const year = NOW.getUTCFullYear() - years + y;
      // The last "year" is the one ahead: two upcoming meetings.
      for (let m = 0; m < (y === years ? 2 : MEETINGS_PER_YEAR); m++) {
        await store.createMeeting({
          id: `mt-${n}-${year}-${m}`, tenantId: TENANT, networkId, networkName: `Nätverk ${n}`, channelId: '19:general@thread.tacv2',
          date: `${year}-${String(m + 2).padStart(2, '0')}-10`, start: '13:00', end: '15:00', place: 'Falköping', mode: 'onsite',
          createdBy: { id: 'p-me', name: 'Karin' }, locale: 'sv', attendanceClosed: false, createdAt: '2026-01-01T00:00:00.000Z',
        });
      }
    }
  }
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

/** Three reminders per meeting of the history, each done when it ran, and three for each meeting ahead. */
async function buildJobs(store: Store, years: number): Promise<void> {
  for (let n = 0; n < NETWORKS; n++) {
    for (let y = 0; y <= years; y++) {
      const year = NOW.getUTCFullYear() - years + y;
      for (let m = 0; m < (y === years ? 2 : MEETINGS_PER_YEAR); m++) {
        for (const k of [7, 2, 1]) {
          const dueAt = `${year}-${String(m + 2).padStart(2, '0')}-0${k}T07:00:00.000Z`;
          const job = { tenantId: TENANT, id: `agenda-reminder/${n}-${year}-${m}/${k}`, kind: 'agendaReminder' as const, meetingId: `mt-${n}-${year}-${m}`, dueAt };
          await store.scheduleJob(job);
          if (y < years) await store.updateJob({ ...job, claimedAt: dueAt, doneAt: dueAt, outcome: 'posted' });
        }
      }
    }
  }
}

async function measure(name: string, store: Store, years: number): Promise<void> {
  await build(store, years);
  await buildMeetings(store, years);
  await buildJobs(store, years);
  const tickNow = NOW.toISOString();
  console.log(
    JSON.stringify({
      store: name,
      years,
      jobsEver: NETWORKS * (years * MEETINGS_PER_YEAR + 2) * 3,
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
      meetingsPerNetwork: years * MEETINGS_PER_YEAR + 2,
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
    approvedVersionsPerNetwork: years * MEETINGS_PER_YEAR,
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

/**
 * What the whole archive costs as history grows: builds 1× (one year) and 10× = full history
 * (10 years × 15 networks = 1,200 meetings with rosters, approved minutes, action records and the
 * search index) in both stores (Azurite for Table Storage, started here) and prints one JSON line
 * per store: p50/p95 in ms of a search, an archive page, "Mina möten", "Mina uppdrag" and a
 * check-in at each size, through the app services; the rows each background tick reads; and the
 * time to read each fixture protocol (../shared/fixtures/protocols).
 *
 *   npm run bench:archive [-- --years 1,10 --store sqlite|tables|both]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Clock, Logger, Store } from '../src/app/ports';
import { ActionItems } from '../src/app/action-items';
import { PastMinutes } from '../src/app/past-minutes';
import { Access, type Caller } from '../src/app/policy';
import { SearchService } from '../src/app/search';
import { TabQueries } from '../src/app/tab-queries';
import { readUpload } from '../src/importer/upload';
import { SqliteStore } from '../src/store/sqlite-store';
import { TablesStore } from '../src/store/tables-store';
import { startAzurite } from '../test/harness/azurite';
import { approveHistory, buildJobs, buildMeetings, NOW, ROSTER_NETWORKS, TENANT, timed } from './history-builder';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const YEARS = arg('years', '1,10').split(',').map(Number);
const WHICH = arg('store', 'both');
const RUNS = 40;
const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'protocols');
/** The first item's title of a meeting's minutes: one topic in twelve is the one searched for. */
const TOPICS = ['Upphandling av skolskjutsar', 'Elevhälsa', 'Studie- och yrkesvägledning', 'Introduktionsprogrammen', 'Frånvaro', 'Lärlingsutbildning', 'Praktik', 'Nyanlända elever', 'Gymnasieantagning', 'Kompetensutveckling', 'Budget', 'Statistik'];
const QUERY = 'upphandlingen';

const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const clock: Clock = { now: () => NOW };
const me: Caller = { tenantId: TENANT, userId: 'p-me', name: 'Karin' };
const netId = (n: number): string => `19:net-${n}@thread.tacv2`;

/** The history: rosters and meetings, each past meeting's minutes approved (bench/history-builder.ts) and indexed for search. */
async function build(store: Store, years: number): Promise<number> {
  await buildMeetings(store, years);
  await buildJobs(store, ROSTER_NETWORKS, years);
  const search = new SearchService({ store, log: silent });
  return approveHistory(store, { networks: ROSTER_NETWORKS, years, topic: (n, i) => TOPICS[(n + i) % TOPICS.length], onApproved: (v) => search.index(v) });
}

interface SizeFigures {
  years: number;
  meetings: number;
  buildS: number;
  searchMs: { p50: number; p95: number; results: number };
  archivePageMs: { p50: number; p95: number; meetings: number; p95PerMeeting: number };
  myMeetingsMs: { p50: number; p95: number; meetings: number };
  myActionsMs: { p50: number; p95: number; actions: number };
  checkinMs: { p50: number; p95: number };
  /** What each background tick reads from its queue of due work (rows returned: the queue holds only what is due). */
  tickRows: { scheduler: number; archive: number; delivery: number };
}

async function measure(store: Store, years: number): Promise<SizeFigures> {
  const t0 = performance.now();
  const approved = await build(store, years);
  const buildS = Math.round((performance.now() - t0) / 100) / 10;
  const search = new SearchService({ store, log: silent });
  const past = new PastMinutes({ store, clock, timeZone: 'Europe/Stockholm' });
  const queries = new TabQueries({ store, clock, timeZone: 'Europe/Stockholm' });
  const actions = new ActionItems({ store, clock });
  const access = new Access(store);
  // A check-in on the next meeting of the person's network: the access check, the answer written, the attendance it shows.
  const upcoming = `mt-0-${NOW.getUTCFullYear()}-0`;
  const checkin = async (): Promise<void> => {
    await access.meeting(me, upcoming, 'checkIn');
    await store.putAttendance({ tenantId: TENANT, meetingId: upcoming, personId: 'p-me', name: 'Karin', municipality: 'Skövde', guest: false, status: 'onsite', updatedAt: NOW.toISOString() });
    await store.listAttendance(TENANT, upcoming);
  };
  const found = await search.search(me, { q: QUERY });
  const page = await past.pastMeetings(me, netId(0));
  const mine = await queries.myMeetings(me);
  const myActions = await actions.myActions(me);
  const tick = NOW.toISOString();
  return {
    years,
    meetings: approved,
    buildS,
    searchMs: { ...(await timed(RUNS, () => search.search(me, { q: QUERY }))), results: found.results.length },
    archivePageMs: await (async () => {
      const t = await timed(RUNS, () => past.pastMeetings(me, netId(0)));
      return { ...t, meetings: page.meetings.length, p95PerMeeting: Math.round((t.p95 / Math.max(1, page.meetings.length)) * 1000) / 1000 };
    })(),
    myMeetingsMs: { ...(await timed(RUNS, () => queries.myMeetings(me))), meetings: mine.length },
    myActionsMs: { ...(await timed(RUNS, () => actions.myActions(me))), actions: myActions.length },
    checkinMs: await timed(RUNS, checkin),
    tickRows: {
      scheduler: (await store.dueJobs(tick, 100)).length,
      archive: (await store.dueArchives(tick, 20)).length,
      delivery: (await store.dueDeliveries(tick, 50)).length,
    },
  };
}

/** Reading each fixture protocol into a draft (the import's reader), ms. */
async function importTimes(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of fs.readdirSync(FIXTURES).filter((f) => /\.(txt|docx|pdf)$/.test(f)).sort()) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
    await readUpload({ name, bytes }, {});
    const t0 = performance.now();
    const read = await readUpload({ name, bytes }, {});
    if (!read.ok) throw new Error(`${name}: ${read.error.en}`);
    out[name] = Math.round((performance.now() - t0) * 100) / 100;
  }
  return out;
}

/** Each figure at full history against one year's: the targets are search p95 under the store's bound and every other ratio at most 1.5. */
function ratios(sizes: SizeFigures[]): Record<string, number> {
  const first = sizes[0];
  const last = sizes.at(-1);
  if (!first || !last || first === last) return {};
  const r = (a: number, b: number): number => Math.round((b / Math.max(a, 0.01)) * 100) / 100;
  return {
    // A page holds fewer meetings while the history is short: per meeting.
    archivePageP95PerMeeting: r(first.archivePageMs.p95PerMeeting, last.archivePageMs.p95PerMeeting),
    myMeetingsP95: r(first.myMeetingsMs.p95, last.myMeetingsMs.p95),
    myActionsP95: r(first.myActionsMs.p95, last.myActionsMs.p95),
    checkinP95: r(first.checkinMs.p95, last.checkinMs.p95),
  };
}

async function run(name: 'sqlite' | 'tables', open: (years: number) => Promise<{ store: Store; done: () => Promise<void> }>, imports: Record<string, number>): Promise<void> {
  const sizes: SizeFigures[] = [];
  for (const years of YEARS) {
    const { store, done } = await open(years);
    try {
      sizes.push(await measure(store, years));
    } finally {
      await done();
    }
  }
  const full = sizes.at(-1);
  const bound = name === 'sqlite' ? 50 : 150;
  console.log(JSON.stringify({ store: name, networks: ROSTER_NETWORKS, sizes, fullHistoryRatio: ratios(sizes), searchP95TargetMs: bound, searchP95Met: full ? full.searchMs.p95 <= bound : false, importMs: imports }));
}

async function main(): Promise<void> {
  const imports = await importTimes();
  if (WHICH !== 'tables') {
    await run(
      'sqlite',
      async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'justera-bench-archive-'));
        const store = new SqliteStore(path.join(dir, 'justera.db'));
        return {
          store,
          done: async () => {
            await store.close();
            fs.rmSync(dir, { recursive: true, force: true });
          },
        };
      },
      imports,
    );
  }
  if (WHICH !== 'sqlite') {
    const azurite = await startAzurite();
    try {
      await run('tables', async (years) => ({ store: await TablesStore.open({ connectionString: azurite.connectionString, tablePrefix: `a${years}x${Date.now().toString(36)}` }), done: async () => undefined }), imports);
    } finally {
      await azurite.stop();
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

/**
 * bench:checkin — N members check in concurrently through real HTTP invokes.
 *   npm run bench:checkin -- --members 140 [--meetings 1] [--rounds 5] [--concurrency 500]
 *                            [--store sqlite|tables] [--instances 1] [--count-round-trips]
 * Each round bursts the do-nothing floor server and then the service (on new meetings); the
 * figures are medians over the rounds, p99_ratio the median of each round's ratio.
 * With --store tables the service instances share Azure Table Storage (Azurite, started here).
 * With --count-round-trips (and --store tables) each instance counts its requests to Table Storage,
 * and round_trips_per_checkin says how many a check-in made (median over rounds, by table too).
 * Prints figures; the last line is one JSON object.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../src/app/ports';
import { SqliteStore } from '../src/store/sqlite-store';
import { TablesStore } from '../src/store/tables-store';
import { startAzurite, type Azurite } from '../test/harness/azurite';
import { maxUpdatesInAnySecond } from '../test/harness/connector-emulator';
import { Journey, texts } from '../test/harness/journey';
import { spawnService, type RunningService } from '../test/harness/process';
import { eventually, tempDir } from '../test/harness/service';
import { cardAction, postActivity, TENANT, type TeamsUser } from '../test/harness/teams';
import { arg, round } from './figures';

function option(name: string, allowed: readonly string[], fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] ?? '' : fallback;
  if (!allowed.includes(v)) throw new Error(`--${name} must be one of ${allowed.join(', ')}`);
  return v;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

interface Invoke {
  user: TeamsUser;
  cardId: string;
  data: Record<string, unknown>;
}

/** Sends the invokes with at most `concurrency` in flight; returns each one's latency and whether it was acknowledged. */
async function burst(urls: string | string[], serviceUrl: string, invokes: Invoke[], concurrency: number, acked: (body: unknown) => boolean) {
  const targets = Array.isArray(urls) ? urls : [urls];
  const results: { ms: number; ok: boolean; user: TeamsUser; meetingId: string }[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < invokes.length; i = next++) {
      const inv = invokes[i];
      if (!inv) continue;
      const body = cardAction(serviceUrl, inv.user, inv.cardId, inv.data);
      const t0 = performance.now();
      let ok = false;
      try {
        const reply = await postActivity(targets[i % targets.length] ?? '', body);
        ok = reply.status === 200 && acked(reply.body);
      } catch {
        ok = false;
      }
      results.push({ ms: performance.now() - t0, ok, user: inv.user, meetingId: String(inv.data.meetingId ?? '') });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, invokes.length) }, worker));
  return results;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux); NaN elsewhere. */
function cpuMs(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

/** The median of a list of figures. */
function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

async function main(): Promise<void> {
  const members = arg('members', 140);
  const meetingCount = arg('meetings', 1);
  const rounds = arg('rounds', 5);
  const concurrency = arg('concurrency', Math.min(members * meetingCount, 500));
  const storeKind = option('store', ['sqlite', 'tables'], 'sqlite');
  const countRoundTrips = process.argv.includes('--count-round-trips');
  const instanceCount = arg('instances', 1);
  if (storeKind === 'sqlite' && instanceCount > 1) throw new Error('several instances need --store tables (SQLite is one file on one machine)');
  const mainJs = path.join(__dirname, '..', 'src', 'main.js');
  const floorJs = path.join(__dirname, 'floor-server.js');
  const warmup = 30;

  const j = await new Journey().startTeam({ members: members + warmup });
  const users = j.members.slice(0, members);
  const warmUsers = j.members.slice(members);
  const dataDir = tempDir('justera-bench-');
  let services: RunningService[] = [];
  let floor: RunningService | undefined;
  let azurite: Azurite | undefined;
  const tablePrefix = `bench${Date.now().toString(36)}`;
  try {
    // The floor: same client, same invoke bodies, a handler that does nothing.
    floor = await spawnService({}, { main: floorJs, readyPath: '/healthz' });
    const floorUrl = floor.url;
    const floorInvokes = (list: TeamsUser[]): Invoke[] => list.map((user) => ({ user, cardId: 'floor', data: { action: 'checkin', meetingId: 'floor', status: 'onsite' } }));
    await burst(floorUrl, j.serviceUrl, floorInvokes(warmUsers), concurrency, () => true);

    const env: Record<string, string> = { DATA_DIR: dataDir, PLAYGROUND: 'off', LOG_LEVEL: process.env.BENCH_LOG ?? 'warn' };
    // e.g. BENCH_NODE_OPTIONS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile the service under the burst.
    if (process.env.BENCH_NODE_OPTIONS) env.NODE_OPTIONS = process.env.BENCH_NODE_OPTIONS;
    if (storeKind === 'tables') {
      azurite = await startAzurite();
      Object.assign(env, { STORE: 'tables', TABLES_CONNECTION_STRING: azurite.connectionString, TABLES_PREFIX: tablePrefix });
    }
    const countFiles = Array.from({ length: instanceCount }, (_, i) => path.join(dataDir, `round-trips-${i}.json`));
    const roundTrips = (): Record<string, number> => {
      const total: Record<string, number> = {};
      for (const f of countFiles) {
        const counts = fs.existsSync(f) ? (JSON.parse(fs.readFileSync(f, 'utf8')) as Record<string, number>) : {};
        for (const [table, n] of Object.entries(counts)) total[table] = (total[table] ?? 0) + n;
      }
      return total;
    };
    for (let i = 0; i < instanceCount; i++) {
      const counting: Record<string, string> = countRoundTrips
        ? { NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --require ${path.join(__dirname, 'count-round-trips.js')}`.trim(), ROUND_TRIPS_FILE: countFiles[i] ?? '' }
        : {};
      services.push(await spawnService({ ...env, ...counting }, { main: mainJs }));
    }
    const urls = services.map((x) => x.url);
    j.botUrl = urls[0] ?? '';
    await j.install();
    const warm = await j.createMeeting();
    const isAck = (body: unknown): boolean => texts(body).includes('Din närvaro: På plats');
    await burst(urls, j.serviceUrl, warmUsers.map((user) => ({ user, cardId: warm.post.activityId, data: { action: 'checkin', meetingId: warm.meetingId, status: 'onsite' } })), concurrency, isAck);

    // Rounds of the floor and the service in turn, each service round on meetings of its own (every
    // member checks in afresh): the ratio is taken per round, so a burst of other work on the
    // machine shakes one round, not the figure.
    type Round = {
      floor: number[];
      run: Awaited<ReturnType<typeof burst>>;
      meetings: { cardId: string; meetingId: string }[];
      burstMs: number;
      cpuMs: number;
      floorCpuMs: number;
      roundTrips: Record<string, number>;
    };
    const done: Round[] = [];
    for (let r = 0; r < rounds; r++) {
      const meetings: { cardId: string; meetingId: string }[] = [];
      for (let i = 0; i < meetingCount; i++) {
        const m = await j.createMeeting({ date: `${2030 + r}-0${1 + (i % 9)}-1${i % 10}` });
        meetings.push({ cardId: m.post.activityId, meetingId: m.meetingId });
      }
      const floorCpu0 = cpuMs(floor.proc.pid);
      // Like for like: the floor gets as many invokes as the service (each member on each meeting).
      const floorRun = await burst(floorUrl, j.serviceUrl, floorInvokes(meetings.flatMap(() => users)), concurrency, () => true);
      const floorCpuMs = cpuMs(floor.proc.pid) - floorCpu0;
      const invokes: Invoke[] = [];
      for (const user of users) for (const m of meetings) invokes.push({ user, cardId: m.cardId, data: { action: 'checkin', meetingId: m.meetingId, status: 'onsite' } });
      const cpu0 = services.map((x) => cpuMs(x.proc.pid));
      const trips0 = roundTrips();
      const t0 = performance.now();
      const run = await burst(urls, j.serviceUrl, invokes, concurrency, isAck);
      const burstMs = performance.now() - t0;
      // What the service itself spent on the burst: less shaken by other work on the machine than latency.
      const cpuBurstMs = services.reduce((n, x, i) => n + cpuMs(x.proc.pid) - (cpu0[i] ?? NaN), 0);
      const trips1 = roundTrips();
      const tripsInBurst = Object.fromEntries(Object.entries(trips1).map(([table, n]) => [table, n - (trips0[table] ?? 0)]));
      done.push({ floor: floorRun.map((x) => x.ms).sort((a, b) => a - b), run, meetings, burstMs, cpuMs: cpuBurstMs, floorCpuMs, roundTrips: tripsInBurst });
    }
    await floor.interrupt();

    // Let the coalesced card updates settle on the final state.
    const finalText = `${members} på plats`;
    const allMeetings = done.flatMap((d) => d.meetings);
    const settled = await eventually(
      () => allMeetings.every((m) => texts(j.connector.updatesOf(m.cardId).at(-1)?.activity ?? {}).includes(finalText)) || undefined,
      20000 + allMeetings.length * 2000,
      'the final card state',
    ).then(() => true, () => false);
    if (process.env.BENCH_LOG) fs.writeFileSync(process.env.BENCH_LOG_FILE ?? '/tmp/bench-service.log', services.map((x) => x.output()).join(''));
    for (const x of services) await x.interrupt();
    services = [];

    const reader: Store =
      storeKind === 'tables' && azurite
        ? await TablesStore.open({ connectionString: azurite.connectionString, tablePrefix })
        : new SqliteStore(path.join(dataDir, 'justera.db'));
    let stored = 0;
    let lost = 0;
    for (const d of done) {
      for (const m of d.meetings) {
        const ids = new Set((await reader.listAttendance(TENANT, m.meetingId)).map((r) => r.personId));
        stored += ids.size;
        lost += d.run.filter((r) => r.ok && r.meetingId === m.meetingId && !ids.has(r.user.aadObjectId)).length;
      }
    }
    await reader.close();

    const perRound = done.map((d) => {
      const lat = d.run.map((r) => r.ms).sort((a, b) => a - b);
      return { p50: percentile(lat, 50), p99: percentile(lat, 99), floorP50: percentile(d.floor, 50), floorP99: percentile(d.floor, 99) };
    });
    const updates = allMeetings.map((m) => j.connector.updatesOf(m.cardId));
    const result = {
      members,
      meetings: meetingCount,
      rounds,
      store: storeKind,
      instances: instanceCount,
      invokes: done.reduce((n, d) => n + d.run.length, 0),
      concurrency,
      acknowledged: done.reduce((n, d) => n + d.run.filter((r) => r.ok).length, 0),
      stored,
      lost,
      // Medians over the rounds.
      p50_ms: round(median(perRound.map((x) => x.p50))),
      p99_ms: round(median(perRound.map((x) => x.p99))),
      floor_p50_ms: round(median(perRound.map((x) => x.floorP50))),
      floor_p99_ms: round(median(perRound.map((x) => x.floorP99))),
      p99_ratio: round(median(perRound.map((x) => x.p99 / x.floorP99))),
      p99_ratio_by_round: perRound.map((x) => round(x.p99 / x.floorP99)),
      p99_ms_by_round: perRound.map((x) => round(x.p99)),
      floor_p99_ms_by_round: perRound.map((x) => round(x.floorP99)),
      service_cpu_ms_by_round: done.map((d) => round(d.cpuMs)),
      burst_ms: round(median(done.map((d) => d.burstMs))),
      service_cpu_ms: round(median(done.map((d) => d.cpuMs))),
      floor_cpu_ms: round(median(done.map((d) => d.floorCpuMs))),
      card_updates: updates.reduce((n, u) => n + u.length, 0),
      max_card_updates_in_any_second: Math.max(...updates.map(maxUpdatesInAnySecond)),
      final_card_shows_all: settled,
      ...(countRoundTrips
        ? {
            // Requests to the store sent during each burst (the outbox's card updates included), per check-in.
            round_trips_per_checkin: round(median(done.map((d) => Object.values(d.roundTrips).reduce((n, x) => n + x, 0) / d.run.length))),
            round_trips_per_checkin_by_table: Object.fromEntries(
              [...new Set(done.flatMap((d) => Object.keys(d.roundTrips)))].sort().map((t) => [t, round(median(done.map((d) => (d.roundTrips[t] ?? 0) / d.run.length)))]),
            ),
          }
        : {}),
    };
    process.stdout.write(`check-in latency p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms (floor ${result.floor_p50_ms} / ${result.floor_p99_ms} ms); p99 ratio by round ${result.p99_ratio_by_round.join(', ')}\n`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    for (const x of services) if (x.proc.exitCode === null) await x.interrupt();
    await azurite?.stop();
    if (floor && floor.proc.exitCode === null) await floor.interrupt();
    await j.connector.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:checkin failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});

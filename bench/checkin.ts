/**
 * bench:checkin — N members check in concurrently through real HTTP invokes.
 *   npm run bench:checkin -- --members 140 [--meetings 1] [--concurrency 500]
 *                            [--store sqlite|tables] [--instances 1]
 * With --store tables the service instances share Azure Table Storage (Azurite, started here).
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

async function main(): Promise<void> {
  const members = arg('members', 140);
  const meetingCount = arg('meetings', 1);
  const concurrency = arg('concurrency', Math.min(members * meetingCount, 500));
  const storeKind = option('store', ['sqlite', 'tables'], 'sqlite');
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
    floor = await spawnService({}, { main: floorJs });
    const floorInvokes = (list: TeamsUser[]): Invoke[] => list.map((user) => ({ user, cardId: 'floor', data: { action: 'checkin', meetingId: 'floor', status: 'onsite' } }));
    await burst(floor.url, j.serviceUrl, floorInvokes(warmUsers), concurrency, () => true);
    const floorCpu0 = cpuMs(floor.proc.pid);
    const floorRun = await burst(floor.url, j.serviceUrl, floorInvokes(users), concurrency, () => true);
    const floorCpuMs = cpuMs(floor.proc.pid) - floorCpu0;
    await floor.interrupt();

    const env: Record<string, string> = { DATA_DIR: dataDir, PLAYGROUND: 'off', LOG_LEVEL: process.env.BENCH_LOG ?? 'warn' };
    if (storeKind === 'tables') {
      azurite = await startAzurite();
      Object.assign(env, { STORE: 'tables', TABLES_CONNECTION_STRING: azurite.connectionString, TABLES_PREFIX: tablePrefix });
    }
    for (let i = 0; i < instanceCount; i++) services.push(await spawnService(env, { main: mainJs }));
    const urls = services.map((x) => x.url);
    j.botUrl = urls[0] ?? '';
    await j.install();
    const warm = await j.createMeeting();
    const meetings: { cardId: string; meetingId: string }[] = [];
    for (let i = 0; i < meetingCount; i++) {
      const m = await j.createMeeting({ date: `2030-0${1 + (i % 9)}-1${i % 10}` });
      meetings.push({ cardId: m.post.activityId, meetingId: m.meetingId });
    }
    const isAck = (body: unknown): boolean => texts(body).includes('Din närvaro: På plats');
    await burst(urls, j.serviceUrl, warmUsers.map((user) => ({ user, cardId: warm.post.activityId, data: { action: 'checkin', meetingId: warm.meetingId, status: 'onsite' } })), concurrency, isAck);
    const invokes: Invoke[] = [];
    for (const user of users) for (const m of meetings) invokes.push({ user, cardId: m.cardId, data: { action: 'checkin', meetingId: m.meetingId, status: 'onsite' } });
    const cpu0 = services.map((x) => cpuMs(x.proc.pid));
    const t0 = performance.now();
    const run = await burst(urls, j.serviceUrl, invokes, concurrency, isAck);
    const burstMs = performance.now() - t0;
    // What the service itself spent on the burst: less shaken by other work on the machine than latency.
    const cpuBurstMs = services.reduce((n, x, i) => n + cpuMs(x.proc.pid) - (cpu0[i] ?? NaN), 0);

    // Let the coalesced card updates settle on the final state.
    const finalText = `${members} på plats`;
    const settled = await eventually(
      () => meetings.every((m) => texts(j.connector.updatesOf(m.cardId).at(-1)?.activity ?? {}).includes(finalText)) || undefined,
      20000 + meetingCount * 2000,
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
    for (const m of meetings) {
      const ids = new Set((await reader.listAttendance(TENANT, m.meetingId)).map((r) => r.personId));
      stored += ids.size;
      lost += run.filter((r) => r.ok && r.meetingId === m.meetingId && !ids.has(r.user.aadObjectId)).length;
    }
    await reader.close();

    const lat = run.map((r) => r.ms).sort((a, b) => a - b);
    const floorLat = floorRun.map((r) => r.ms).sort((a, b) => a - b);
    const updates = meetings.map((m) => j.connector.updatesOf(m.cardId));
    const result = {
      members,
      meetings: meetingCount,
      store: storeKind,
      instances: instanceCount,
      invokes: invokes.length,
      concurrency,
      acknowledged: run.filter((r) => r.ok).length,
      stored,
      lost,
      p50_ms: round(percentile(lat, 50)),
      p99_ms: round(percentile(lat, 99)),
      floor_p50_ms: round(percentile(floorLat, 50)),
      floor_p99_ms: round(percentile(floorLat, 99)),
      p99_ratio: round(percentile(lat, 99) / percentile(floorLat, 99)),
      burst_ms: round(burstMs),
      service_cpu_ms: round(cpuBurstMs),
      floor_cpu_ms: round(floorCpuMs),
      card_updates: updates.reduce((n, u) => n + u.length, 0),
      max_card_updates_in_any_second: Math.max(...updates.map(maxUpdatesInAnySecond)),
      final_card_shows_all: settled,
    };
    process.stdout.write(`check-in latency p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms (floor ${result.floor_p50_ms} / ${result.floor_p99_ms} ms)\n`);
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

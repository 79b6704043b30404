/**
 * The history the benches build (bench/history.ts, bench/archive.ts): a tenant of networks with
 * rosters and years of meetings, and approved minutes for them.
 */
import type { Store } from '../src/app/ports';
import { actionsOf, newVersion, type MinutesDraft, type MinutesVersion } from '../src/domain/minutes';
import type { LegacyMinutesContent } from '../src/domain/minutes-legacy-model';

export const MEETINGS_PER_YEAR = 8;
export const TENANT = 't-bench';
export const NOW = new Date('2031-01-01T00:00:00.000Z');

/** An approved version of a meeting's minutes: six items of notes, a decision and two action items each; `topic` titles the first item. */
export function version(networkId: string, meetingId: string, date: string, topic?: string): MinutesVersion {
  const items = Array.from({ length: 6 }, (_, i) => ({
    id: `i-${i}`,
    title: i === 0 && topic ? topic : `Punkt ${i + 1}`,
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

/** Every network of the tenant has a roster and its meetings (years of them, and two ahead); the person is in two networks of many. */
export const ROSTER_NETWORKS = 15;
export async function buildMeetings(store: Store, years: number): Promise<void> {
  await eachNetwork(ROSTER_NETWORKS, async (n) => {
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
  });
}

/**
 * Approved minutes for the history's past meetings (those of bench `buildMeetings`, `mt-…`): the
 * items of earlier years marked done two weeks after the meeting, the last year's open. `topic`
 * titles a meeting's first item; `onApproved` is told of each version (to index it for search).
 */
export async function approveHistory(
  store: Store,
  opts: { networks: number; years: number; topic?: (n: number, meetingOfHistory: number) => string | undefined; onApproved?: (v: MinutesVersion) => Promise<void> },
): Promise<number> {
  let approved = 0;
  await eachNetwork(opts.networks, async (n) => {
    const networkId = `19:net-${n}@thread.tacv2`;
    for (let y = 0; y < opts.years; y++) {
      const year = NOW.getUTCFullYear() - opts.years + y;
      for (let m = 0; m < MEETINGS_PER_YEAR; m++) {
        const month = String(m + 2).padStart(2, '0');
        const v = version(networkId, `mt-${n}-${year}-${m}`, `${year}-${month}-10`, opts.topic?.(n, y * MEETINGS_PER_YEAR + m));
        await store.saveMinutesVersion(v, undefined);
        await opts.onApproved?.(v);
        approved++;
        if (y < opts.years - 1) {
          for (const a of actionsOf(v)) await store.setActionDone(TENANT, networkId, a.action.id, { by: 'Karin', at: `${year}-${month}-24T08:00:00.000Z` });
        }
      }
    }
  });
  return approved;
}

/** Three reminders per meeting of the history, each done when it ran, and three for each meeting ahead. */
export async function buildJobs(store: Store, networks: number, years: number): Promise<void> {
  await eachNetwork(networks, async (n) => {
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
  });
}

/** p50 and p95 in ms of `runs` calls of `f`, after one to warm up. */
export async function timed(runs: number, f: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0) * 100) / 100;
  return { p50: at(0.5), p95: at(0.95) };
}

/** The networks' history is built side by side (Table Storage is slow one request at a time). */
async function eachNetwork(networks: number, build: (n: number) => Promise<void>): Promise<void> {
  await Promise.all(Array.from({ length: networks }, (_, n) => build(n)));
}

/**
 * The history the benches build (bench/history.ts, bench/archive.ts): a tenant of networks with
 * rosters and years of meetings (a fraction of a year too: a proportional number of meetings,
 * at least one per network), and for each meeting what the service leaves behind: attendance,
 * a published agenda, minutes and their approved version (archived), the reminders done and
 * the cards delivered.
 */
import type { Delivery, Store } from '../src/app/ports';
import { sharedCardId } from '../src/app/delivery';
import { addItem, publishAgenda, templateAgenda, type Agenda } from '../src/domain/agenda';
import type { AttendanceStatus } from '../src/domain/attendance';
import { actionsOf, newVersion, type MinutesDraft, type MinutesVersion } from '../src/domain/minutes';
import type { LegacyMinutesContent } from '../src/domain/minutes-legacy-model';

export const MEETINGS_PER_YEAR = 8;
export const TENANT = 't-bench';
export const NOW = new Date('2031-01-01T00:00:00.000Z');
/** The meetings ahead of each network (in NOW's year). */
export const UPCOMING = 2;

export const networkIdOf = (n: number): string => `19:net-${n}@thread.tacv2`;
export const meetingIdOf = (n: number, m: HistoryMeeting): string => `mt-${n}-${m.year}-${m.m}`;
const dateOf = (m: HistoryMeeting): string => `${m.year}-${String(m.m + 2).padStart(2, '0')}-10`;

/** A meeting of a network's history: its year, its number in the year (0–7, February to September) and whether it is past. */
export interface HistoryMeeting {
  year: number;
  m: number;
  past: boolean;
}

/** How many meetings each network has had in `years` of history (a fraction of a year: a proportional number, at least one). */
export function pastMeetingsPerNetwork(years: number): number {
  return Math.max(1, Math.round(years * MEETINGS_PER_YEAR));
}

/** A network's meetings, oldest first: the past ones (the latest in the year before NOW), then the ones ahead. */
export function historyMeetings(years: number): HistoryMeeting[] {
  const past = pastMeetingsPerNetwork(years);
  const out: HistoryMeeting[] = [];
  for (let back = past - 1; back >= 0; back--) {
    out.push({ year: NOW.getUTCFullYear() - 1 - Math.floor(back / MEETINGS_PER_YEAR), m: MEETINGS_PER_YEAR - 1 - (back % MEETINGS_PER_YEAR), past: true });
  }
  for (let m = 0; m < UPCOMING; m++) out.push({ year: NOW.getUTCFullYear(), m, past: false });
  return out;
}

/** An approved version of a meeting's minutes: six items of notes, a decision and two action items each (the first item's first the person's, `p-me`); `topic` titles the first item. */
export function version(networkId: string, meetingId: string, date: string, topic?: string): MinutesVersion {
  const items = Array.from({ length: 6 }, (_, i) => ({
    id: `i-${i}`,
    title: i === 0 && topic ? topic : `Punkt ${i + 1}`,
    notes: 'Anteckningar om överlämning, elevhälsa och samverkan mellan kommunerna. '.repeat(40),
    decisions: ['Nätverket beslutade att gå vidare.'],
    tabled: false,
    actions: [0, 1].map((k) => ({ id: `${meetingId}-a${i}${k}`, text: `Uppdrag ${i}.${k}`, owner: i === 0 && k === 0 ? { kind: 'member' as const, memberId: 'p-me', name: 'Karin' } : { kind: 'named' as const, name: 'Karin' } })),
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
const ROSTER = 20;
const rosterOf = (n: number): string[] => Array.from({ length: ROSTER }, (_, i) => `p-${n}-${i}`).concat(n < 2 ? ['p-me'] : []);
export async function buildMeetings(store: Store, years: number): Promise<void> {
  await eachNetwork(ROSTER_NETWORKS, async (n) => {
    const networkId = networkIdOf(n);
    await store.upsertNetwork({ tenantId: TENANT, id: networkId, name: `Nätverk ${n}`, channels: [], address: { serviceUrl: 'https://smba.example/', botId: '28:bot', botName: 'Justera' }, installedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
    await store.upsertMembers(rosterOf(n).map((id) => ({ tenantId: TENANT, networkId, id, teamsUserId: `29:${id}`, name: id, email: `${id}@skovde.se`, municipality: 'Skövde', municipalitySource: 'domain' as const })));
    for (const hm of historyMeetings(years)) {
      await store.createMeeting({
        id: meetingIdOf(n, hm), tenantId: TENANT, networkId, networkName: `Nätverk ${n}`, channelId: '19:general@thread.tacv2',
        date: dateOf(hm), start: '13:00', end: '15:00', place: 'Falköping', mode: 'onsite',
        createdBy: { id: 'p-me', name: 'Karin' }, locale: 'sv', attendanceClosed: false, createdAt: '2026-01-01T00:00:00.000Z',
      });
    }
  });
}

/**
 * Who answered the check-in of each meeting: 14 of a network's 20 on each past meeting (a different
 * 14 each time, the person among them in their networks), half the roster on the next meeting.
 */
export async function buildAttendance(store: Store, years: number): Promise<number> {
  let rows = 0;
  const statuses: readonly AttendanceStatus[] = ['onsite', 'onsite', 'online', 'apologies'];
  await eachNetwork(ROSTER_NETWORKS, async (n) => {
    const roster = rosterOf(n);
    const meetings = historyMeetings(years);
    for (const [k, hm] of meetings.entries()) {
      if (!hm.past && hm.m > 0) continue;
      const answered = hm.past ? roster.filter((_, i) => (i + k) % roster.length < 14 || roster[i] === 'p-me') : roster.slice(0, ROSTER / 2);
      await Promise.all(
        answered.map((personId, i) =>
          store.putAttendance({ tenantId: TENANT, meetingId: meetingIdOf(n, hm), personId, name: personId, municipality: 'Skövde', guest: false, status: statuses[(i + k) % statuses.length] ?? 'onsite', updatedAt: `${dateOf(hm)}T11:00:00.000Z` }),
        ),
      );
      rows += answered.length;
    }
  });
  return rows;
}

/** A published agenda for every meeting (the standard frame and three topics), its published version kept. */
export async function buildAgendas(store: Store, years: number): Promise<number> {
  let agendas = 0;
  await eachNetwork(ROSTER_NETWORKS, async (n) => {
    for (const hm of historyMeetings(years)) {
      const meetingId = meetingIdOf(n, hm);
      let next = 0;
      let agenda: Agenda = templateAgenda({ tenantId: TENANT, meetingId }, () => `${meetingId}-ag${next++}`);
      for (const title of ['Aktuellt från kommunerna', 'Elevhälsa', 'Gymnasieantagning']) {
        const added = addItem(agenda, `${meetingId}-ag${next++}`, { title, durationMin: 20, kind: 'diskussion' });
        if (!added.ok) throw new Error(`agenda of ${meetingId}: ${JSON.stringify(added.problems)}`);
        agenda = added.value;
      }
      const published = publishAgenda(agenda, `${dateOf(hm)}T08:00:00.000Z`);
      if (!published.ok) throw new Error(`agenda of ${meetingId}: ${JSON.stringify(published.problems)}`);
      await store.saveAgenda(published.value, undefined);
      await store.keepAgendaVersion(published.value);
      agendas++;
    }
  });
  return agendas;
}

/**
 * The outbox rows the history left, all delivered: each meeting's check-in, agenda and (once past)
 * justering card, and the request to justera sent to the justerare.
 */
export async function buildDeliveries(store: Store, years: number): Promise<number> {
  let rows = 0;
  await eachNetwork(ROSTER_NETWORKS, async (n) => {
    const networkId = networkIdOf(n);
    for (const hm of historyMeetings(years)) {
      const meetingId = meetingIdOf(n, hm);
      const at = `${dateOf(hm)}T09:00:00.000Z`;
      const delivered = { tenantId: TENANT, networkId, meetingId, requested: 3, delivered: 3, state: 'delivered' as const, dueAt: at, attempts: 0, lastSentAt: at, createdAt: at };
      const kinds = hm.past ? (['checkinCard', 'agendaCard', 'justeringCard'] as const) : (['checkinCard', 'agendaCard'] as const);
      const list: Delivery[] = kinds.map((kind) => ({ ...delivered, id: sharedCardId({ kind, meetingId }), kind }));
      if (hm.past) list.push({ ...delivered, id: `personal/justera/${meetingId}/j-1`, kind: 'personal', to: '29:j-1', card: '{}', requested: 1, delivered: 1 });
      for (const d of list) await store.saveDelivery(d, undefined);
      rows += list.length;
    }
  });
  return rows;
}

/**
 * The work due at NOW, the same at every size: in each network a justering reminder and the
 * next meeting's check-in card waiting to go out (what the scheduler and the outbox tick find).
 * The archive's due work is the latest approved version (approveHistory `archivePendingAt`).
 */
export async function buildDueWork(store: Store): Promise<void> {
  const dueAt = new Date(NOW.getTime() - 60_000).toISOString();
  await eachNetwork(ROSTER_NETWORKS, async (n) => {
    const networkId = networkIdOf(n);
    const next = historyMeetings(0).find((m) => !m.past);
    if (!next) return;
    const meetingId = meetingIdOf(n, next);
    await store.scheduleJob({ tenantId: TENANT, id: `justering-reminder/due-${n}`, kind: 'justeringReminder', meetingId, version: 1, dueAt });
    const row: Delivery = { tenantId: TENANT, networkId, meetingId, id: sharedCardId({ kind: 'checkinCard', meetingId }), kind: 'checkinCard', requested: 4, delivered: 3, state: 'pending', dueAt, attempts: 0, createdAt: dueAt };
    const found = await store.getDelivery(TENANT, row.id);
    if (!(await store.saveDelivery(row, found?.etag))) throw new Error(`could not queue ${row.id}`);
  });
}

/**
 * Minutes for the history's past meetings (those of bench `buildMeetings`, `mt-…`): the draft, and
 * its version sent and approved, archived the day after. The items of meetings before the last
 * year are marked done two weeks after the meeting, the last year's open. `topic` titles a
 * meeting's first item; `onApproved` is told of each version (to index it for search). With
 * `archivePendingAt` each network's latest version still waits to be archived, due then.
 */
export async function approveHistory(
  store: Store,
  opts: { networks: number; years: number; topic?: (n: number, meetingOfHistory: number) => string | undefined; onApproved?: (v: MinutesVersion) => Promise<void>; archivePendingAt?: string },
): Promise<number> {
  let approved = 0;
  await eachNetwork(opts.networks, async (n) => {
    const networkId = networkIdOf(n);
    const past = historyMeetings(opts.years).filter((hm) => hm.past);
    for (const [i, hm] of past.entries()) {
      const date = dateOf(hm);
      const v = version(networkId, meetingIdOf(n, hm), date, opts.topic?.(n, i));
      const latest = i === past.length - 1;
      const archive = latest && opts.archivePendingAt
        ? { state: 'pending' as const, attempts: 0, nextAttemptAt: opts.archivePendingAt, documents: [] }
        : { state: 'done' as const, attempts: 1, nextAttemptAt: `${date}T17:00:00.000Z`, documents: [{ kind: 'pdf' as const, name: `Protokoll ${date}.pdf`, webUrl: `https://sharepoint.example/${v.meetingId}.pdf`, itemId: `item-${v.meetingId}` }], doneAt: `${date}T17:01:00.000Z`, minutesCardPosted: true };
      await store.saveMinutes({ tenantId: TENANT, networkId, meetingId: v.meetingId, content: v.content, sentVersion: v.number, sentHash: v.hash, attendeesEdited: true, itemsEdited: true, updatedAt: `${date}T15:00:00.000Z` }, undefined);
      const saved = { ...v, archive };
      await store.saveMinutesVersion(saved, undefined);
      await opts.onApproved?.(saved);
      approved++;
      if (hm.year < NOW.getUTCFullYear() - 1) {
        for (const a of actionsOf(v)) await store.setActionDone(TENANT, networkId, a.action.id, { by: 'Karin', at: `${date.slice(0, 8)}24T08:00:00.000Z` });
      }
    }
  });
  return approved;
}

/** Three reminders per meeting of the history, each done when it ran, and three for each meeting ahead. */
export async function buildJobs(store: Store, networks: number, years: number): Promise<void> {
  await eachNetwork(networks, async (n) => {
    for (const hm of historyMeetings(years)) {
      for (const k of [7, 2, 1]) {
        const dueAt = `${dateOf(hm).slice(0, 8)}0${k}T07:00:00.000Z`;
        const job = { tenantId: TENANT, id: `agenda-reminder/${n}-${hm.year}-${hm.m}/${k}`, kind: 'agendaReminder' as const, meetingId: meetingIdOf(n, hm), dueAt };
        await store.scheduleJob(job);
        if (hm.past) await store.updateJob({ ...job, claimedAt: dueAt, doneAt: dueAt, outcome: 'posted' });
      }
    }
  });
}

/** p50 and p95 in ms of `runs` calls of `f`, after one to warm up. */
export async function timed(runs: number, f: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const [t] = await timedTogether(runs, [f]);
  return t ?? { p50: NaN, p95: NaN };
}

/**
 * p50 and p95 in ms of `runs` calls of each of `fs`, after one each to warm up, taken in turns
 * (each round calls every one once, starting with the next each round): other work on the
 * machine then shakes them alike, and the figures compare.
 */
export async function timedTogether(runs: number, fs: readonly (() => Promise<unknown>)[]): Promise<{ p50: number; p95: number }[]> {
  for (const f of fs) await f();
  const times: number[][] = fs.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < fs.length; k++) {
      const j = (i + k) % fs.length;
      const t0 = performance.now();
      await fs[j]?.();
      times[j]?.push(performance.now() - t0);
    }
  }
  return times.map((list) => {
    list.sort((a, b) => a - b);
    const at = (q: number): number => Math.round((list[Math.min(list.length - 1, Math.floor(q * list.length))] ?? 0) * 100) / 100;
    return { p50: at(0.5), p95: at(0.95) };
  });
}

/** The networks' history is built side by side (Table Storage is slow one request at a time). */
async function eachNetwork(networks: number, build: (n: number) => Promise<void>): Promise<void> {
  await Promise.all(Array.from({ length: networks }, (_, n) => build(n)));
}

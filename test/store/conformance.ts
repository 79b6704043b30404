import type { Delivery, Job, Store } from '../../src/app/ports';
import type { Proposal } from '../../src/domain/proposal';
import type { AttendanceRecord } from '../../src/domain/attendance';
import type { Meeting } from '../../src/domain/meeting';
import type { Member, Network } from '../../src/domain/network';
import type { LegacyMinutesContent } from '../../src/domain/minutes-legacy-model';
import { newVersion, type MinutesDraft, type MinutesVersion } from '../../src/domain/minutes';
import type { SearchDocument } from '../../src/domain/search/document';

/** How a suite gets a fresh, empty store; `reopen` closes it and opens the same data again. */
export interface StoreUnderTest {
  store: Store;
  reopen(): Promise<Store>;
  cleanup(): Promise<void>;
}

/** Ids as Teams makes them, with characters some stores cannot use in keys. */
const TEAM = '19:abc/def#x?y\\z@thread.tacv2';
const OTHER_TENANT = 'tenant-2';
export const TEAM_ID = TEAM;

/** A pending card delivery due at `dueAt`. */
export const delivery = (tenantId: string, id: string, dueAt: string, over: Partial<Delivery> = {}): Delivery => ({
  tenantId,
  id,
  kind: 'checkinCard',
  networkId: TEAM,
  meetingId: 'm-1',
  requested: 1,
  delivered: 0,
  state: 'pending',
  dueAt,
  attempts: 0,
  createdAt: '2030-01-01T00:00:00.000Z',
  ...over,
});

export const network = (tenantId = 't-1', id = TEAM): Network => ({
  tenantId,
  id,
  name: 'IM-nätverket',
  channels: [{ id: '19:general@thread.tacv2', name: 'General' }],
  address: { serviceUrl: 'https://smba.example/emea/', botId: '28:bot', botName: 'Justera' },
  installedAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

export const member = (id: string, over: Partial<Member> = {}): Member => ({
  tenantId: 't-1',
  networkId: TEAM,
  id,
  teamsUserId: `29:${id}`,
  name: `Person ${id}`,
  email: `${id}@skovde.se`,
  municipality: 'Skövde',
  municipalitySource: 'domain',
  ...over,
});

export const meeting = (id: string, over: Partial<Meeting> = {}): Meeting => ({
  id,
  tenantId: 't-1',
  networkId: TEAM,
  networkName: 'IM-nätverket',
  channelId: '19:general@thread.tacv2',
  date: '2030-02-04',
  start: '13:00',
  end: '15:00',
  place: 'Falköping',
  mode: 'onsite',
  createdBy: { id: 'creator', name: 'Karin' },
  locale: 'sv',
  attendanceClosed: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

export const minutesDraft = (meetingId: string, notes: string, tenantId = 't-1'): MinutesDraft => ({
  tenantId,
  networkId: TEAM,
  meetingId,
  content: {
    networkName: 'IM-nätverket',
    meeting: { date: '2030-02-04', start: '13:00', end: '15:00', place: 'Falköping', mode: 'onsite' },
    justerare: [{ kind: 'member', memberId: 'j-1', name: 'Jonas Wåhlberg' }],
    attendees: [],
    items: [{ id: 'i-1', title: 'Föregående protokoll', notes, decisions: [], actions: [], tabled: false }],
    nextMeetings: [],
  },
  updatedAt: '2030-02-04T15:00:00.000Z',
});

export const minutesVersion = (meetingId: string, number: number, tenantId = 't-1'): MinutesVersion => {
  const draft = minutesDraft(meetingId, `Version ${number}`, tenantId);
  return newVersion(draft, number, { memberId: 's-1', name: 'Karin' }, '2030-02-05T08:00:00.000Z');
};

/** An approved version of `meetingId` on `date` whose first item has these action items (id → text). */
export const approvedWithActions = (meetingId: string, number: number, date: string, actions: Record<string, string>, tenantId = 't-1'): MinutesVersion => {
  const draft = minutesDraft(meetingId, `Version ${number}`, tenantId);
  const items = [
    { id: 'i-1', title: 'Föregående protokoll', notes: '', decisions: [], tabled: false, actions: Object.entries(actions).map(([id, text]) => ({ id, text, owner: { kind: 'named' as const, name: 'Karin' } })) },
  ];
  const legacy = draft.content as LegacyMinutesContent;
  const content: LegacyMinutesContent = { ...legacy, meeting: { ...legacy.meeting, date }, items };
  const v = newVersion({ ...draft, content }, number, { memberId: 's-1', name: 'Karin' }, '2030-02-05T08:00:00.000Z');
  return { ...v, state: 'approved', approvedAt: '2030-02-06T08:00:00.000Z' };
};

export const attendance = (meetingId: string, personId: string, over: Partial<AttendanceRecord> = {}): AttendanceRecord => ({
  tenantId: 't-1',
  meetingId,
  personId,
  name: `Person ${personId}`,
  municipality: 'Vara',
  guest: false,
  status: 'onsite',
  updatedAt: '2030-02-04T12:00:00.000Z',
  ...over,
});

/** The behaviour every Store implementation must have. */
export function storeConformance(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`Store conformance: ${name}`, () => {
    let sut: StoreUnderTest;
    let store: Store;
    beforeEach(async () => {
      sut = await open();
      store = sut.store;
    });
    afterEach(async () => {
      await sut.cleanup();
    });

    test('networks round-trip and are scoped by tenant', async () => {
      await store.upsertNetwork(network());
      expect(await store.getNetwork('t-1', TEAM)).toEqual(network());
      expect(await store.getNetwork(OTHER_TENANT, TEAM)).toBeUndefined();
      await store.upsertNetwork({ ...network(), name: 'Nytt namn' });
      expect((await store.getNetwork('t-1', TEAM))?.name).toBe('Nytt namn');
    });

    test('networks are listed per tenant, or all of them', async () => {
      await store.upsertNetwork(network('t-1', 'n-b'));
      await store.upsertNetwork(network('t-1', 'n-a'));
      await store.upsertNetwork(network(OTHER_TENANT, 'n-c'));
      expect((await store.listNetworks('t-1')).map((n) => n.id)).toEqual(['n-a', 'n-b']);
      expect((await store.listNetworks()).map((n) => n.id).sort()).toEqual(['n-a', 'n-b', 'n-c']);
    });

    // Roster following Teams: who left, whether the bot was removed, when the roster was read.
    test('a member who left keeps the date they left until they are stored again without it', async () => {
      await store.upsertMembers([member('u-1'), member('u-2')]);
      await store.upsertMembers([member('u-1', { leftAt: '2030-01-02T10:00:00.000Z', role: 'sekreterare' })]);
      expect(await store.getMember('t-1', TEAM, 'u-1')).toEqual(member('u-1', { leftAt: '2030-01-02T10:00:00.000Z', role: 'sekreterare' }));
      expect((await store.listMembers('t-1', TEAM)).map((m) => [m.id, m.leftAt ?? null])).toEqual([['u-1', '2030-01-02T10:00:00.000Z'], ['u-2', null]]);
      await store.upsertMembers([member('u-1', { role: 'sekreterare' })]);
      expect((await store.getMember('t-1', TEAM, 'u-1'))?.leftAt).toBeUndefined();
    });

    test('a network keeps when the bot was removed and when its roster was read, and loses them when stored without', async () => {
      const removed = { ...network(), removedAt: '2030-01-03T00:00:00.000Z', rosterReadAt: '2030-01-02T00:00:00.000Z' };
      await store.upsertNetwork(removed);
      expect(await store.getNetwork('t-1', TEAM)).toEqual(removed);
      expect((await store.listNetworks('t-1'))[0]).toEqual(removed);
      await store.upsertNetwork(network());
      expect(await store.getNetwork('t-1', TEAM)).toEqual(network());
    });

    test('a network\'s meetings from a date are listed soonest first', async () => {
      await store.createMeeting(meeting('m-late', { date: '2030-03-01' }));
      await store.createMeeting(meeting('m-early', { date: '2030-02-01', start: '09:00' }));
      await store.createMeeting(meeting('m-same-day-later', { date: '2030-02-01', start: '13:00' }));
      await store.createMeeting(meeting('m-past', { date: '2020-01-01' }));
      await store.createMeeting(meeting('m-other-network', { networkId: 'other', date: '2030-02-01' }));
      await store.createMeeting(meeting('m-other-tenant', { tenantId: OTHER_TENANT, date: '2030-02-01' }));
      expect((await store.listMeetings('t-1', TEAM, '2025-01-01')).map((m) => m.id)).toEqual(['m-early', 'm-same-day-later', 'm-late']);
      // One day: what tells two meetings of that day apart.
      expect((await store.listMeetings('t-1', TEAM, '2030-02-01', '2030-02-01')).map((m) => m.id)).toEqual(['m-early', 'm-same-day-later']);
      expect((await store.listMeetings('t-1', TEAM, '2020-01-01', '2029-12-31')).map((m) => m.id)).toEqual(['m-past']);
    });

    test('a network\'s archive is paged newest first over several years, by a date cursor', async () => {
      // Every month for three years, two meetings on 2029-06-15, and meetings of others.
      const ids: string[] = [];
      for (let y = 2027; y <= 2029; y++) {
        for (let mo = 1; mo <= 12; mo++) {
          const date = `${y}-${String(mo).padStart(2, '0')}-15`;
          await store.createMeeting(meeting(`m-${date}`, { date }));
          ids.push(`m-${date}`);
        }
      }
      await store.createMeeting(meeting('m-2029-06-15-pm', { date: '2029-06-15', start: '13:00' }));
      ids.splice(ids.indexOf('m-2029-06-15') + 1, 0, 'm-2029-06-15-pm');
      await store.createMeeting(meeting('m-other-network', { networkId: 'other', date: '2028-02-01' }));
      await store.createMeeting(meeting('m-other-tenant', { tenantId: OTHER_TENANT, date: '2028-02-01' }));
      const newestFirst = [...ids].reverse();
      const pages: string[][] = [];
      let before = '2030-01-01';
      for (;;) {
        const page = await store.listMeetingsBefore('t-1', TEAM, before, 7);
        if (page.length === 0) break;
        pages.push(page.map((m) => m.id));
        before = page.at(-1)!.date;
      }
      expect(pages.flat()).toEqual(newestFirst);
      // A page ends at a date's last meeting: the first page holds both of 2029-06-15.
      expect(pages[0]).toEqual(newestFirst.slice(0, 8));
      expect(pages[1]).toEqual(['m-2029-05-15', 'm-2029-04-15', 'm-2029-03-15', 'm-2029-02-15', 'm-2029-01-15', 'm-2028-12-15', 'm-2028-11-15']);
      expect((await store.listMeetingsBefore('t-1', TEAM, '2029-07-01', 1)).map((m) => m.id)).toEqual(['m-2029-06-15-pm', 'm-2029-06-15']);
      expect(await store.listMeetingsBefore('t-1', TEAM, '2027-01-15', 25)).toEqual([]);
    });

    test('members are upserted by id and listed per network', async () => {
      await store.upsertMembers([member('a'), member('b')]);
      await store.upsertMembers([member('a', { municipality: 'Hjo', municipalitySource: 'manual' })]);
      await store.upsertMembers([member('c', { networkId: 'other-network' })]);
      const list = await store.listMembers('t-1', TEAM);
      expect(list.map((m) => [m.id, m.municipality]).sort()).toEqual([['a', 'Hjo'], ['b', 'Skövde']]);
      expect(await store.getMember('t-1', TEAM, 'b')).toEqual(member('b'));
      expect(await store.getMember(OTHER_TENANT, TEAM, 'b')).toBeUndefined();
    });

    test('creating a meeting twice keeps the first and says so', async () => {
      const first = await store.createMeeting(meeting('m-1'));
      const again = await store.createMeeting(meeting('m-1', { place: 'Skövde' }));
      expect(first).toEqual({ meeting: meeting('m-1'), created: true });
      expect(again).toEqual({ meeting: meeting('m-1'), created: false });
      expect(await store.getMeeting(OTHER_TENANT, 'm-1')).toBeUndefined();
    });

    test('a person\'s memberships are read by person across the tenant\'s networks, those who left included, and follow removals', async () => {
      await store.upsertMembers([member('p-1'), member('p-2'), member('p-1', { networkId: 'net-b' }), member('p-1', { networkId: 'net-c', leftAt: '2030-01-01T00:00:00.000Z' })]);
      await store.upsertMembers([member('p-1', { tenantId: OTHER_TENANT })]);
      expect((await store.listMemberships('t-1', 'p-1')).map((m) => [m.networkId, !!m.leftAt])).toEqual([
        [TEAM, false],
        ['net-b', false],
        ['net-c', true],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
      await store.upsertMembers([member('p-1', { networkId: 'net-b', name: 'Nytt namn' })]);
      expect((await store.listMemberships('t-1', 'p-1')).find((m) => m.networkId === 'net-b')?.name).toBe('Nytt namn');
      await store.removeMember('t-1', 'net-b', 'p-1');
      expect((await store.listMemberships('t-1', 'p-1')).map((m) => m.networkId).sort()).toEqual(['net-c', TEAM].sort());
      expect((await store.listMemberships('t-1', 'p-2')).map((m) => m.networkId)).toEqual([TEAM]);
      expect(await store.listMemberships('t-1', 'nobody')).toEqual([]);
    });

    test('the card reference and the closed flag are stored on the meeting', async () => {
      await store.createMeeting(meeting('m-1'));
      await store.setMeetingCard('t-1', 'm-1', { conversationId: '19:general@thread.tacv2', activityId: '1700000000000' });
      await store.setAttendanceClosed('t-1', 'm-1', true);
      expect(await store.getMeeting('t-1', 'm-1')).toEqual(
        meeting('m-1', { card: { conversationId: '19:general@thread.tacv2', activityId: '1700000000000' }, attendanceClosed: true }),
      );
    });

    test('a move, an edit and a cancellation are applied to the meeting as stored, keeping its card and the closed flag', async () => {
      await store.createMeeting(meeting('m-1', { teamsLink: 'https://teams.microsoft.com/l/x' }));
      await store.setMeetingCard('t-1', 'm-1', { conversationId: '19:general@thread.tacv2', activityId: '17' });
      const moved = await store.reviseMeeting('t-1', 'm-1', { kind: 'edit', details: { date: '2030-02-11', start: '14:00', end: '16:00', place: 'Skövde', mode: 'hybrid' } });
      const expected = meeting('m-1', { date: '2030-02-11', start: '14:00', end: '16:00', place: 'Skövde', mode: 'hybrid', card: { conversationId: '19:general@thread.tacv2', activityId: '17' }, movedFrom: { date: '2030-02-04', start: '13:00', end: '15:00' } });
      expect(moved).toEqual(expected);
      expect(await store.getMeeting('t-1', 'm-1')).toEqual(expected);
      const by = { id: 'chair', name: 'Anna' };
      await store.reviseMeeting('t-1', 'm-1', { kind: 'cancel', at: '2030-02-01T10:00:00.000Z', by });
      await store.reviseMeeting('t-1', 'm-1', { kind: 'cancel', at: '2030-02-01T10:05:00.000Z', by: { id: 'other', name: 'Bo' } });
      expect((await store.getMeeting('t-1', 'm-1'))?.cancelled).toEqual({ at: '2030-02-01T10:00:00.000Z', by });
      expect(await store.reviseMeeting('t-1', 'nope', { kind: 'cancel', at: '2030-02-01T10:00:00.000Z', by })).toBeUndefined();
      expect(await store.getMeeting(OTHER_TENANT, 'm-1')).toBeUndefined();
      // The network's meetings by date follow the move and what changed since: the meeting as stored now.
      expect(await store.listMeetings('t-1', TEAM, '2030-02-04', '2030-02-10')).toEqual([]);
      expect(await store.listMeetings('t-1', TEAM, '2030-02-11', '2030-02-11')).toEqual([await store.getMeeting('t-1', 'm-1')]);
      await store.setAttendanceClosed('t-1', 'm-1', true);
      expect((await store.listMeetings('t-1', TEAM, '2030-01-01')).map((m) => [m.id, m.attendanceClosed])).toEqual([['m-1', true]]);
    });

    test('one attendance record per person: a second put replaces it, remove deletes it', async () => {
      await store.putAttendance(attendance('m-1', 'p1'));
      await store.putAttendance(attendance('m-1', 'p1', { status: 'online' }));
      await store.putAttendance(attendance('m-2', 'p1'));
      expect(await store.listAttendance('t-1', 'm-1')).toEqual([attendance('m-1', 'p1', { status: 'online' })]);
      expect(await store.removeAttendance('t-1', 'm-1', 'p1')).toBe(true);
      expect(await store.removeAttendance('t-1', 'm-1', 'p1')).toBe(false);
      expect(await store.listAttendance('t-1', 'm-1')).toEqual([]);
      expect(await store.listAttendance('t-1', 'm-2')).toHaveLength(1);
      expect(await store.listAttendance(OTHER_TENANT, 'm-2')).toEqual([]);
    });

    test('concurrent check-ins never lose one, and repeats leave one record each', async () => {
      const people = Array.from({ length: 150 }, (_, i) => `p${i}`);
      await Promise.all([...people, ...people].map((p, i) => store.putAttendance(attendance('m-1', p, { status: i % 2 ? 'online' : 'onsite' }))));
      const stored = await store.listAttendance('t-1', 'm-1');
      expect(stored).toHaveLength(150);
      expect(new Set(stored.map((r) => r.personId)).size).toBe(150);
    });

    test('what was written is there after the store is closed and opened again', async () => {
      await store.upsertNetwork(network());
      await store.createMeeting(meeting('m-1'));
      await store.putAttendance(attendance('m-1', 'p1'));
      store = await sut.reopen();
      expect(await store.getNetwork('t-1', TEAM)).toEqual(network());
      expect(await store.listAttendance('t-1', 'm-1')).toEqual([attendance('m-1', 'p1')]);
    });

    test('a lease has one holder at a time, is renewed by its holder, and is taken over when it expires', async () => {
      expect(await store.tryLease('t-1', 'card/m-1', 'a', 2000, 1000)).toEqual({ ok: true });
      expect(await store.tryLease('t-1', 'card/m-1', 'b', 2500, 1500)).toEqual({ ok: false, holder: 'a', untilMs: 2000 });
      expect(await store.tryLease('t-1', 'card/m-1', 'a', 3000, 1500)).toEqual({ ok: true });
      expect(await store.tryLease('t-1', 'card/m-2', 'b', 3000, 1500)).toEqual({ ok: true });
      expect(await store.tryLease(OTHER_TENANT, 'card/m-1', 'b', 3000, 1500)).toEqual({ ok: true });
      expect(await store.tryLease('t-1', 'card/m-1', 'b', 4000, 3001)).toEqual({ ok: true });
      expect(await store.tryLease('t-1', 'card/m-1', 'a', 4000, 3002)).toMatchObject({ ok: false, holder: 'b' });
    });

    test('of many owners racing for a free lease, exactly one wins', async () => {
      const owners = Array.from({ length: 12 }, (_, i) => `instance-${i}`);
      const results = await Promise.all(owners.map((o) => store.tryLease('t-1', 'job/reminders', o, 10_000, 1_000)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
    });

    test('an agenda draft is written under its ETag: a stale ETag is refused, nothing is lost', async () => {
      const draft = { tenantId: 't-1', meetingId: 'm-1', version: 0, status: 'draft' as const, items: [] };
      const first = await store.saveAgenda(draft, undefined);
      expect(first).toBeDefined();
      expect(await store.saveAgenda(draft, undefined)).toBeUndefined();
      const second = await store.saveAgenda({ ...draft, version: 1 }, first);
      expect(second).toBeDefined();
      expect(second).not.toEqual(first);
      expect(await store.saveAgenda({ ...draft, version: 99 }, first)).toBeUndefined();
      expect(await store.getAgenda('t-1', 'm-1')).toEqual({ agenda: { ...draft, version: 1 }, etag: second });
      expect(await store.getAgenda(OTHER_TENANT, 'm-1')).toBeUndefined();
    });

    test("a network's agenda template is written under its ETag, per tenant and network", async () => {
      const template = { tenantId: 't-1', networkId: 'n-1', opening: [], closing: [{ id: 'closing', title: 'Avslutning', durationMin: 5, kind: 'information' as const, description: '', standard: 'closing' as const }] };
      expect(await store.getAgendaTemplate('t-1', 'n-1')).toBeUndefined();
      const first = await store.saveAgendaTemplate(template, undefined);
      expect(first).toBeDefined();
      expect(await store.saveAgendaTemplate(template, undefined)).toBeUndefined();
      const changed = { ...template, updatedAt: '2030-01-01T10:00:00.000Z' };
      const second = await store.saveAgendaTemplate(changed, first);
      expect(second).toBeDefined();
      expect(second).not.toEqual(first);
      expect(await store.saveAgendaTemplate({ ...template, updatedAt: 'lost' }, first)).toBeUndefined();
      expect(await store.getAgendaTemplate('t-1', 'n-1')).toEqual({ template: changed, etag: second });
      expect(await store.getAgendaTemplate(OTHER_TENANT, 'n-1')).toBeUndefined();
      expect(await store.getAgendaTemplate('t-1', 'n-2')).toBeUndefined();
    });

    test('published agenda versions are kept as they were', async () => {
      const v = (version: number, title: string) => ({ tenantId: 't-1', meetingId: 'm-1', version, status: 'published' as const, items: [], publishedAt: title });
      await store.keepAgendaVersion(v(2, 'second'));
      await store.keepAgendaVersion(v(1, 'first'));
      await store.keepAgendaVersion(v(1, 'rewritten'));
      expect(await store.listAgendaVersions('t-1', 'm-1')).toEqual([v(1, 'first'), v(2, 'second')]);
    });

    test('minutes: the draft is written under its ETag, versions are created once and change only under theirs', async () => {
      const draft = minutesDraft('m-1', 'Anteckningar');
      const e1 = await store.saveMinutes(draft, undefined);
      expect(e1).toBeDefined();
      expect(await store.saveMinutes(draft, undefined)).toBeUndefined();
      const e2 = await store.saveMinutes(minutesDraft('m-1', 'Ändrat'), e1);
      expect(e2).toBeDefined();
      expect(await store.saveMinutes(minutesDraft('m-1', 'Förlorat'), e1)).toBeUndefined();
      expect((await store.getMinutes('t-1', 'm-1'))?.minutes.content.items[0]?.notes).toBe('Ändrat');
      expect(await store.getMinutes(OTHER_TENANT, 'm-1')).toBeUndefined();

      const v1 = minutesVersion('m-1', 1);
      const ve1 = await store.saveMinutesVersion(v1, undefined);
      expect(ve1).toBeDefined();
      expect(await store.saveMinutesVersion({ ...v1, hash: 'other' }, undefined)).toBeUndefined();
      const approved = { ...v1, state: 'approved' as const, approvedAt: '2030-02-10T10:00:00.000Z', archive: { state: 'pending' as const, attempts: 0, nextAttemptAt: '2030-02-10T10:00:00.000Z', documents: [] } };
      const ve2 = await store.saveMinutesVersion(approved, ve1);
      expect(ve2).toBeDefined();
      expect(await store.saveMinutesVersion({ ...v1, state: 'changes_requested' }, ve1)).toBeUndefined();
      await store.saveMinutesVersion(minutesVersion('m-1', 2), undefined);
      expect((await store.listMinutesVersions('t-1', 'm-1')).map((v) => [v.number, v.state])).toEqual([
        [1, 'approved'],
        [2, 'pending'],
      ]);
      expect(await store.getMinutesVersion('t-1', 'm-1', 1)).toEqual({ version: approved, etag: ve2 });
    });

    test('minutes: due archives across tenants and approved versions per network', async () => {
      const pending = (meetingId: string, tenantId: string, due: string) => ({
        ...minutesVersion(meetingId, 1, tenantId),
        state: 'approved' as const,
        archive: { state: 'pending' as const, attempts: 0, nextAttemptAt: due, documents: [] },
      });
      await store.saveMinutesVersion(pending('m-1', 't-1', '2030-02-10T10:00:00.000Z'), undefined);
      await store.saveMinutesVersion(pending('m-2', OTHER_TENANT, '2030-02-09T10:00:00.000Z'), undefined);
      await store.saveMinutesVersion(pending('m-3', 't-1', '2030-03-01T10:00:00.000Z'), undefined);
      await store.saveMinutesVersion(minutesVersion('m-4', 1), undefined);
      expect((await store.dueArchives('2030-02-20T00:00:00.000Z', 10)).map((v) => v.meetingId)).toEqual(['m-2', 'm-1']);
      const got = await store.getMinutesVersion('t-1', 'm-1', 1);
      const done = { ...got!.version, archive: { ...got!.version.archive!, state: 'done' as const } };
      await store.saveMinutesVersion(done, got!.etag);
      expect((await store.dueArchives('2030-02-20T00:00:00.000Z', 10)).map((v) => v.meetingId)).toEqual(['m-2']);
      expect((await store.listApprovedMinutes('t-1', TEAM)).map((v) => v.meetingId)).toEqual(['m-1', 'm-3']);
    });

    test('minutes: a protocol longer than one table property survives the round trip', async () => {
      const long = 'Långa anteckningar om IMA-elever och överlämning. '.repeat(3000);
      expect(await store.saveMinutes(minutesDraft('m-long', long), undefined)).toBeDefined();
      const notes = (await store.getMinutes('t-1', 'm-long'))?.minutes.content.items[0]?.notes ?? '';
      // Compared by length and hash: a failure should not print 150 000 characters.
      expect({ length: notes.length, same: notes === long }).toEqual({ length: long.length, same: true });
    });

    test('action items are marked done and open again per network', async () => {
      await store.setActionDone('t-1', TEAM, 'a-1', { by: 'Karin', at: '2030-02-11T08:00:00.000Z' });
      await store.setActionDone('t-1', TEAM, 'a-2', { by: 'Jonas', at: '2030-02-11T09:00:00.000Z' });
      await store.setActionDone('t-1', TEAM, 'a-2', undefined);
      await store.setActionDone('t-1', TEAM, 'a-3', undefined);
      expect(await store.listActionsDone('t-1', TEAM)).toEqual({ 'a-1': { by: 'Karin', at: '2030-02-11T08:00:00.000Z' } });
      expect(await store.listActionsDone(OTHER_TENANT, TEAM)).toEqual({});
    });

    test('action items are kept as records of each meeting\'s latest approved version; the open ones are read, done ones by when they were marked', async () => {
      const ids = async (q: Parameters<Store['listActions']>[2], tenantId = 't-1') =>
        (await store.listActions(tenantId, TEAM, q)).map((a) => `${a.meetingId}:${a.action.id}:${a.action.text}${a.done ? `:${a.done.by}` : ''}`);
      await store.saveMinutesVersion(approvedWithActions('m-2', 1, '2030-03-04', { 'a-3': 'Boka lokal' }), undefined);
      await store.saveMinutesVersion(approvedWithActions('m-1', 1, '2030-02-04', { 'a-1': 'Skicka enkäten', 'a-2': 'Ring Skövde' }), undefined);
      // Not approved: no records.
      await store.saveMinutesVersion({ ...approvedWithActions('m-3', 1, '2030-04-01', { 'a-9': 'Utkast' }), state: 'pending' }, undefined);
      expect(await ids({})).toEqual(['m-1:a-1:Skicka enkäten', 'm-1:a-2:Ring Skövde', 'm-2:a-3:Boka lokal']);
      expect(await ids({ beforeDate: '2030-03-04' })).toEqual(['m-1:a-1:Skicka enkäten', 'm-1:a-2:Ring Skövde']);
      expect(await ids({}, OTHER_TENANT)).toEqual([]);

      await store.setActionDone('t-1', TEAM, 'a-2', { by: 'Jonas', at: '2030-02-11T09:00:00.000Z' });
      expect(await ids({})).toEqual(['m-1:a-1:Skicka enkäten', 'm-2:a-3:Boka lokal']);
      expect(await ids({ doneSince: '2030-02-11T00:00:00.000Z' })).toEqual(['m-1:a-1:Skicka enkäten', 'm-1:a-2:Ring Skövde:Jonas', 'm-2:a-3:Boka lokal']);
      expect(await ids({ doneSince: '2030-02-12T00:00:00.000Z' })).toEqual(['m-1:a-1:Skicka enkäten', 'm-2:a-3:Boka lokal']);
      expect(await ids({ all: true })).toEqual(['m-1:a-1:Skicka enkäten', 'm-1:a-2:Ring Skövde:Jonas', 'm-2:a-3:Boka lokal']);
      // Marked again later, then open again.
      await store.setActionDone('t-1', TEAM, 'a-2', { by: 'Karin', at: '2030-02-13T09:00:00.000Z' });
      expect(await ids({ doneSince: '2030-02-12T00:00:00.000Z' })).toEqual(['m-1:a-1:Skicka enkäten', 'm-1:a-2:Ring Skövde:Karin', 'm-2:a-3:Boka lokal']);
      await store.setActionDone('t-1', TEAM, 'a-2', undefined);
      expect(await ids({})).toEqual(['m-1:a-1:Skicka enkäten', 'm-1:a-2:Ring Skövde', 'm-2:a-3:Boka lokal']);

      // A corrected version approved later replaces the meeting's records; marks follow the item's id.
      await store.setActionDone('t-1', TEAM, 'a-1', { by: 'Jonas', at: '2030-02-14T09:00:00.000Z' });
      await store.saveMinutesVersion(approvedWithActions('m-1', 2, '2030-02-04', { 'a-1': 'Skicka enkäten till skolorna', 'a-4': 'Ny uppgift' }), undefined);
      expect(await ids({ all: true })).toEqual(['m-1:a-1:Skicka enkäten till skolorna:Jonas', 'm-1:a-4:Ny uppgift', 'm-2:a-3:Boka lokal']);
      // Saving the older approved version again (its archiving going on) changes nothing.
      const older = await store.getMinutesVersion('t-1', 'm-1', 1);
      await store.saveMinutesVersion({ ...older!.version, archive: { state: 'done', attempts: 1, nextAttemptAt: '2030-02-06T08:00:00.000Z', documents: [] } }, older!.etag);
      expect(await ids({})).toEqual(['m-1:a-4:Ny uppgift', 'm-2:a-3:Boka lokal']);
      // One item by its id, done or not.
      expect(await ids({ actionId: 'a-1' })).toEqual(['m-1:a-1:Skicka enkäten till skolorna:Jonas']);
      expect(await ids({ actionId: 'a-4' })).toEqual(['m-1:a-4:Ny uppgift']);
      expect(await ids({ actionId: 'a-2' })).toEqual([]);
      // Records outlive a reopened store.
      store = await sut.reopen();
      expect(await ids({})).toEqual(['m-1:a-4:Ny uppgift', 'm-2:a-3:Boka lokal']);
    });

    test('jobs are scheduled once, come due in order across tenants, and leave the queue when done', async () => {
      const job = (tenantId: string, id: string, dueAt: string): Job => ({ tenantId, id, kind: 'agendaReminder', meetingId: 'm-1', dueAt });
      await store.scheduleJob(job('t-1', 'agenda-reminder/m-1/7', '2030-01-28T07:00:00.000Z'));
      await store.scheduleJob(job('t-1', 'agenda-reminder/m-1/7', '2030-01-01T00:00:00.000Z'));
      await store.scheduleJob(job(OTHER_TENANT, 'agenda-reminder/m-9/1', '2030-01-20T07:00:00.000Z'));
      await store.scheduleJob(job('t-1', 'agenda-reminder/m-1/1', '2030-02-03T07:00:00.000Z'));
      const due = await store.dueJobs('2030-01-30T00:00:00.000Z', 10);
      expect(due.map((j) => [j.tenantId, j.id, j.dueAt])).toEqual([
        [OTHER_TENANT, 'agenda-reminder/m-9/1', '2030-01-20T07:00:00.000Z'],
        ['t-1', 'agenda-reminder/m-1/7', '2030-01-28T07:00:00.000Z'],
      ]);
      await store.updateJob({ ...due[0]!, claimedAt: '2030-01-30T00:00:00.000Z', doneAt: '2030-01-30T00:00:01.000Z', outcome: 'posted' });
      await store.updateJob({ ...due[1]!, claimedAt: '2030-01-30T00:00:00.000Z' });
      expect((await store.dueJobs('2030-02-10T00:00:00.000Z', 10)).map((j) => [j.id, j.claimedAt ?? null])).toEqual([
        ['agenda-reminder/m-1/7', '2030-01-30T00:00:00.000Z'],
        ['agenda-reminder/m-1/1', null],
      ]);
    });

    test('a proposal is stored once per id, listed per meeting in order, and updated', async () => {
      const p = (id: string, createdAt: string): Proposal => ({
        tenantId: 't-1', meetingId: 'm-1', id, title: `Förslag ${id}`, description: '', proposedBy: { id: 'u', name: 'U' }, status: 'pending', createdAt,
      });
      expect(await store.createProposal(p('b', '2030-01-02T00:00:00.000Z'))).toEqual(p('b', '2030-01-02T00:00:00.000Z'));
      await store.createProposal(p('a', '2030-01-03T00:00:00.000Z'));
      expect(await store.createProposal({ ...p('b', '2030-01-05T00:00:00.000Z'), title: 'Igen' })).toEqual(p('b', '2030-01-02T00:00:00.000Z'));
      await store.updateProposal({ ...p('a', '2030-01-03T00:00:00.000Z'), status: 'declined', reason: 'Tas upp i maj' });
      expect((await store.listProposals('t-1', 'm-1')).map((x) => [x.id, x.status])).toEqual([['b', 'pending'], ['a', 'declined']]);
      expect(await store.getProposal(OTHER_TENANT, 'm-1', 'a')).toBeUndefined();
    });

    test('a released lease is free at once; only its holder can release it', async () => {
      expect(await store.tryLease('t-1', 'delivery/x', 'a', 60_000, 1000)).toEqual({ ok: true });
      await store.releaseLease('t-1', 'delivery/x', 'b');
      expect(await store.tryLease('t-1', 'delivery/x', 'b', 60_000, 1000)).toMatchObject({ ok: false, holder: 'a' });
      await store.releaseLease('t-1', 'delivery/x', 'a');
      expect(await store.tryLease('t-1', 'delivery/x', 'b', 60_000, 1000)).toEqual({ ok: true });
      await store.releaseLease('t-1', 'no-such-lease', 'a');
    });

    test('deliveries: created once per id, changed only under their ETag, due across tenants in order until delivered', async () => {
      const d = (tenantId: string, id: string, dueAt: string, over: Partial<Delivery> = {}): Delivery => ({
        tenantId, id, kind: 'checkinCard', networkId: TEAM, meetingId: 'm-1', requested: 1, delivered: 0, state: 'pending', dueAt, attempts: 0,
        createdAt: '2030-01-01T00:00:00.000Z', ...over,
      });
      const first = d('t-1', 'checkin/m-1', '2030-01-02T00:00:00.000Z');
      const e1 = await store.saveDelivery(first, undefined);
      expect(e1).toBeDefined();
      expect(await store.saveDelivery({ ...first, requested: 9 }, undefined)).toBeUndefined();
      const bigCard = JSON.stringify({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'å'.repeat(70_000) }] });
      await store.saveDelivery(d(OTHER_TENANT, 'post/x', '2030-01-01T00:00:00.000Z', { kind: 'personal', to: '29:u', card: bigCard }), undefined);
      await store.saveDelivery(d('t-1', 'later', '2030-03-01T00:00:00.000Z'), undefined);
      expect((await store.dueDeliveries('2030-01-05T00:00:00.000Z', 10)).map((x) => [x.tenantId, x.id])).toEqual([
        [OTHER_TENANT, 'post/x'],
        ['t-1', 'checkin/m-1'],
      ]);
      expect((await store.getDelivery(OTHER_TENANT, 'post/x'))?.delivery.card).toBe(bigCard);

      const e2 = await store.saveDelivery({ ...first, requested: 2 }, e1);
      expect(e2).toBeDefined();
      expect(await store.saveDelivery({ ...first, requested: 3 }, e1)).toBeUndefined();
      expect(await store.getDelivery('t-1', 'checkin/m-1')).toEqual({ delivery: { ...first, requested: 2 }, etag: e2 });
      expect(await store.getDelivery(OTHER_TENANT, 'checkin/m-1')).toBeUndefined();

      expect(await store.saveDelivery({ ...first, requested: 2, delivered: 2, state: 'delivered' }, e2)).toBeDefined();
      expect((await store.dueDeliveries('2030-12-31T00:00:00.000Z', 10)).map((x) => x.id)).toEqual(['post/x', 'later']);
      expect(await store.dueDeliveries('2030-12-31T00:00:00.000Z', 1)).toHaveLength(1);
    });

    test('work moved to a later time (a retry, an interval) is due then and not before, and what it left behind does not crowd out what is due', async () => {
      const at = (day: number): string => `2030-01-${String(day).padStart(2, '0')}T00:00:00.000Z`;
      for (let i = 1; i <= 5; i++) await store.saveDelivery(delivery(i % 2 ? 't-1' : OTHER_TENANT, `d-${i}`, at(i)), undefined);
      for (let i = 1; i <= 3; i++) {
        const found = await store.getDelivery(i % 2 ? 't-1' : OTHER_TENANT, `d-${i}`);
        expect(await store.saveDelivery({ ...found!.delivery, attempts: 1, dueAt: at(20 + i) }, found!.etag)).toBeDefined();
      }
      expect((await store.dueDeliveries(at(10), 2)).map((d) => d.id)).toEqual(['d-4', 'd-5']);
      expect((await store.dueDeliveries(at(21), 10)).map((d) => d.id)).toEqual(['d-4', 'd-5', 'd-1']);
      const job: Job = { tenantId: 't-1', id: 'agenda-reminder/m-1/7', kind: 'agendaReminder', meetingId: 'm-1', dueAt: at(2) };
      await store.scheduleJob(job);
      await store.updateJob({ ...job, dueAt: at(12), detail: 'tries=1' });
      expect(await store.dueJobs(at(10), 10)).toEqual([]);
      expect(await store.dueJobs(at(12), 10)).toEqual([{ ...job, dueAt: at(12), detail: 'tries=1' }]);
      await store.updateJob({ ...job, dueAt: at(12), claimedAt: at(12), doneAt: at(12), outcome: 'posted' });
      expect(await store.dueJobs(at(30), 10)).toEqual([]);
    });

    // Erasing one person's data (src/app/personal-data.ts).
    test('a member record is removed on its own: the others, and the same id in another network or tenant, stay', async () => {
      await store.upsertMembers([member('u-1'), member('u-2'), member('u-1', { networkId: 'n-other' }), member('u-1', { tenantId: OTHER_TENANT })]);
      expect(await store.removeMember('t-1', TEAM, 'u-1')).toBe(true);
      expect(await store.removeMember('t-1', TEAM, 'u-1')).toBe(false);
      expect(await store.getMember('t-1', TEAM, 'u-1')).toBeUndefined();
      expect((await store.listMembers('t-1', TEAM)).map((m) => m.id)).toEqual(['u-2']);
      expect(await store.getMember('t-1', 'n-other', 'u-1')).toBeDefined();
      expect(await store.getMember(OTHER_TENANT, TEAM, 'u-1')).toBeDefined();
    });

    test("the personal cards to one person are removed, pending or sent; shared cards, others' cards and other tenants' stay", async () => {
      const d = (tenantId: string, id: string, over: Partial<Delivery>): Delivery => ({
        tenantId, id, kind: 'personal', networkId: TEAM, meetingId: 'm-1', requested: 1, delivered: 0, state: 'pending', dueAt: '2030-01-02T00:00:00.000Z',
        attempts: 0, createdAt: '2030-01-01T00:00:00.000Z', ...over,
      });
      await store.saveDelivery(d('t-1', 'reminder/a', { to: '29:u-1', card: '{"text":"Påminnelse, Åsa"}' }), undefined);
      await store.saveDelivery(d('t-1', 'reminder/b', { to: '29:u-1', state: 'delivered' }), undefined);
      await store.saveDelivery(d('t-1', 'reminder/c', { to: '29:u-2' }), undefined);
      await store.saveDelivery(d('t-1', 'post/d', { kind: 'post', to: '29:u-1' }), undefined);
      await store.saveDelivery(d(OTHER_TENANT, 'reminder/a', { to: '29:u-1' }), undefined);
      expect(await store.removePersonalDeliveries('t-1', '29:u-1')).toBe(2);
      expect(await store.removePersonalDeliveries('t-1', '29:u-1')).toBe(0);
      expect(await store.getDelivery('t-1', 'reminder/a')).toBeUndefined();
      expect(await store.getDelivery('t-1', 'reminder/b')).toBeUndefined();
      expect(await store.getDelivery('t-1', 'reminder/c')).toBeDefined();
      expect(await store.getDelivery('t-1', 'post/d')).toBeDefined();
      expect(await store.getDelivery(OTHER_TENANT, 'reminder/a')).toBeDefined();
      expect((await store.dueDeliveries('2030-12-31T00:00:00.000Z', 10)).map((x) => `${x.tenantId}/${x.id}`).sort()).toEqual(['t-1/post/d', 't-1/reminder/c', `${OTHER_TENANT}/reminder/a`]);
    });

    test('search index: a term finds the protocols holding it in the asked networks, and a re-index drops terms no longer held', async () => {
      const doc = (meetingId: string, networkId: string, year: number): SearchDocument => ({
        tenantId: 't-1',
        networkId,
        meetingId,
        version: 1,
        date: `${year}-03-01`,
        year,
        title: 'Protokoll för IM-nätverket',
        organisations: ['Skövde'],
        people: [{ id: 'p1', name: 'Anna' }],
        passages: [{ field: 'notes', text: 'Kommunerna', itemId: 'i1', itemNumber: 1, itemTitle: 'Läget' }],
      });
      await store.putSearchDocument(doc('m-1', TEAM, 2025), ['kommun', 'budget']);
      await store.putSearchDocument(doc('m-2', 'other-net', 2026), ['kommun']);
      await store.putSearchDocument({ ...doc('m-3', TEAM, 2026), tenantId: OTHER_TENANT }, ['kommun']);
      const sorted = (ps: { meetingId: string }[]): string[] => ps.map((p) => p.meetingId).sort();
      expect(await store.searchPostings('t-1', 'kommun', [TEAM, 'other-net'])).toEqual(
        expect.arrayContaining([
          { meetingId: 'm-1', networkId: TEAM, year: 2025 },
          { meetingId: 'm-2', networkId: 'other-net', year: 2026 },
        ]),
      );
      expect(sorted(await store.searchPostings('t-1', 'kommun', [TEAM]))).toEqual(['m-1']);
      expect(await store.searchPostings('t-1', 'kommun', [])).toEqual([]);
      expect(await store.searchPostings('t-1', 'skolchef', [TEAM])).toEqual([]);
      expect((await store.getSearchDocument('t-1', 'm-1'))?.passages[0]?.text).toBe('Kommunerna');
      expect(await store.getSearchDocument('t-1', 'm-3')).toBeUndefined();

      await store.putSearchDocument({ ...doc('m-1', TEAM, 2025), version: 2 }, ['kommun', 'skolchef']);
      expect(await store.searchPostings('t-1', 'budget', [TEAM])).toEqual([]);
      expect(sorted(await store.searchPostings('t-1', 'skolchef', [TEAM]))).toEqual(['m-1']);
      expect((await store.getSearchDocument('t-1', 'm-1'))?.version).toBe(2);
    });

    test('reports itself healthy', async () => {
      expect((await store.health()).ok).toBe(true);
    });
  });
}

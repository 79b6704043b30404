import { MeetingService } from '../../src/app/meetings';
import { NetworkService } from '../../src/app/networks';
import type { Meeting } from '../../src/domain/meeting';
import { SqliteStore } from '../../src/store/sqlite-store';
import { isCurrentMember, membersLeaving, membersMissingFrom } from '../../src/domain/network';
import { meeting, member, network } from '../store/conformance';

const A = '19:a@thread.tacv2';
const B = '19:b@thread.tacv2';
const AT = '2030-01-01T10:00:00.000Z';

describe('members who leave the team', () => {
  const stored = [member('a'), member('b', { role: 'sekreterare' }), member('c', { leftAt: '2029-01-01T00:00:00.000Z' })];

  test('those named by Teams (by Teams id or Entra id) are marked with when they left; those already marked keep their date', () => {
    const left = membersLeaving(stored, [{ teamsUserId: '29:a' }, { teamsUserId: '29:unknown', aadObjectId: 'b' }, { teamsUserId: '29:c' }], AT);
    expect(left.map((m) => [m.id, m.leftAt, m.role])).toEqual([
      ['a', AT, undefined],
      ['b', AT, 'sekreterare'],
    ]);
    expect(left.every((m) => !isCurrentMember(m))).toBe(true);
    expect(isCurrentMember(stored[0])).toBe(true);
    expect(isCurrentMember(undefined)).toBe(false);
  });

  test('a full roster read marks everyone it no longer has', () => {
    const left = membersMissingFrom(stored, [{ teamsUserId: '29:a', aadObjectId: 'a', name: 'A' }], AT);
    expect(left.map((m) => [m.id, m.leftAt])).toEqual([['b', AT]]);
  });
});

describe('reading the whole roster again', () => {
  const install = async (store: SqliteStore, partialRoster: boolean) => {
    const networks = new NetworkService({ store, clock: { now: () => new Date(AT) }, municipalities: {}, partialRoster });
    const network = await networks.register(
      { tenantId: 't', id: A, name: 'IM-nätverket', channels: [], address: { serviceUrl: 'https://smba.example/', botId: '28:b', botName: 'Justera' } },
      [{ teamsUserId: '29:a', aadObjectId: 'a', name: 'A' }, { teamsUserId: '29:b', aadObjectId: 'b', name: 'B' }],
    );
    return { networks, network };
  };

  test('marks those it no longer has as left, and records when it was read', async () => {
    const store = new SqliteStore(':memory:');
    const { networks, network } = await install(store, false);
    const read = await networks.rosterRead(network, [{ teamsUserId: '29:a', aadObjectId: 'a', name: 'A' }]);
    expect(read.rosterReadAt).toBe(AT);
    expect((await store.listMembers('t', A)).map((m) => [m.id, m.leftAt ?? null])).toEqual([['a', null], ['b', AT]]);
    await store.close();
  });

  test("with a partial roster (the local demo's Playground) it adds and refreshes but marks nobody as left", async () => {
    const store = new SqliteStore(':memory:');
    const { networks, network } = await install(store, true);
    await networks.rosterRead(network, [{ teamsUserId: '29:a', aadObjectId: 'a', name: 'A' }]);
    expect((await store.listMembers('t', A)).map((m) => [m.id, m.leftAt ?? null])).toEqual([['a', null], ['b', null]]);
    await store.close();
  });
});

test("a new meeting's form id that names another network's meeting is refused, and nothing is posted", async () => {
  const store = new SqliteStore(':memory:');
  await store.upsertNetwork(network('t', A));
  await store.upsertNetwork(network('t', B));
  await store.createMeeting(meeting('m-b', { tenantId: 't', networkId: B }));
  // The person submitting is a member of both networks: only the form id's network decides.
  await store.upsertMembers([member('p', { tenantId: 't', networkId: A }), member('p', { tenantId: 't', networkId: B })]);
  const posted: string[] = [];
  const channel = { post: async (m: Meeting) => (posted.push(m.id), { conversationId: 'c', activityId: 'a' }), requestRefresh: () => undefined };
  const meetings = new MeetingService({ store, clock: { now: () => new Date(AT) }, channel, timeZone: 'Europe/Stockholm' });
  const values = { date: '2030-02-04', start: '13:00', end: '15:00', place: 'Hjo', mode: 'onsite', teamsLink: '' };
  const create = (networkId: string) => meetings.create({ tenantId: 't', networkId, channelId: 'c', formId: 'm-b', values, by: { id: 'p', name: 'P' }, locale: 'sv' });
  await expect(create(A)).rejects.toMatchObject({ code: 'other_network' });
  expect(posted).toEqual([]);
  // Its own network's retried submit still gets the meeting (and posts its card once).
  expect(await create(B)).toMatchObject({ ok: true, meeting: { id: 'm-b', networkId: B } });
  expect(posted).toEqual(['m-b']);
  await store.close();
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Access } from '../../src/app/policy';
import type { Meeting } from '../../src/domain/meeting';
import type { Member, Network } from '../../src/domain/network';
import { SqliteStore } from '../../src/store/sqlite-store';

/** The resolver: the Actor from the store (the embedded SQLite store), and the checked target. */
describe('the actor resolved from the store', () => {
  const T = 'tenant-t';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'justera-policy-'));
  const store = new SqliteStore(path.join(dir, 'justera.db'));
  const access = new Access(store);
  const network = (id: string): Network => ({
    tenantId: T,
    id,
    name: id,
    channels: [{ id, name: 'General' }],
    address: { serviceUrl: 'http://127.0.0.1:1', botId: '28:bot', botName: 'Justera' },
    installedAt: '2030-01-01T00:00:00.000Z',
    updatedAt: '2030-01-01T00:00:00.000Z',
  });
  const member = (networkId: string, id: string, over: Partial<Member> = {}): Member => ({
    tenantId: T,
    networkId,
    id,
    teamsUserId: `29:${id}`,
    name: id,
    email: '',
    municipality: 'Vara',
    municipalitySource: 'domain',
    ...over,
  });
  const meeting = (id: string, networkId: string): Meeting => ({
    id,
    tenantId: T,
    networkId,
    networkName: networkId,
    channelId: networkId,
    date: '2030-02-04',
    start: '13:00',
    end: '15:00',
    place: 'Vara',
    mode: 'onsite',
    createdBy: { id: 'a-chair', name: 'a-chair' },
    locale: 'sv',
    attendanceClosed: false,
    createdAt: '2030-01-01T00:00:00.000Z',
  });
  const caller = (userId: string, actingIn?: string) => ({ tenantId: T, userId, name: userId, ...(actingIn ? { actingIn } : {}) });

  beforeAll(async () => {
    await store.upsertNetwork(network('A'));
    await store.upsertNetwork(network('B'));
    await store.upsertMembers([
      member('A', 'a-chair', { role: 'ordforande' }),
      member('A', 'a-member'),
      member('A', 'a-left', { leftAt: '2030-01-20T10:00:00.000Z' }),
      member('B', 'b-member'),
    ]);
    await store.createMeeting(meeting('meeting-a', 'A'));
    await store.createMeeting(meeting('meeting-b', 'B'));
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a member in the team acts with their roles', async () => {
    const { actor } = await access.meeting(caller('a-chair'), 'meeting-a', 'editAgenda');
    expect(actor).toMatchObject({ tenantId: T, personId: 'a-chair', networkId: 'A', inTeam: true });
    expect([...actor.roles]).toEqual(['ordforande']);
    await expect(access.meeting(caller('a-member'), 'meeting-a', 'editAgenda')).rejects.toMatchObject({ code: 'forbidden' });
  });

  test('a member whose record has leftAt is refused, even reading', async () => {
    const actor = await access.actor(caller('a-left'), 'A');
    expect(actor.inTeam).toBe(false);
    expect(actor.member?.leftAt).toBe('2030-01-20T10:00:00.000Z');
    await expect(access.network(caller('a-left'), 'A')).rejects.toMatchObject({ code: 'not_a_member' });
    await expect(access.meeting(caller('a-left'), 'meeting-a', 'checkIn')).rejects.toMatchObject({ code: 'not_a_member' });
  });

  test("acting from network A's conversation, a member of A is refused B's meeting (not let in as a guest)", async () => {
    await expect(access.meeting(caller('a-member', 'A'), 'meeting-b', 'checkIn')).rejects.toMatchObject({ code: 'other_network' });
    await expect(access.meeting(caller('a-member', 'A'), 'meeting-b', 'proposeItem')).rejects.toMatchObject({ code: 'other_network' });
    expect((await access.meeting(caller('a-member', 'A'), 'meeting-a', 'checkIn')).actor.inTeam).toBe(true);
    expect((await access.meeting(caller('b-member', 'B'), 'meeting-b', 'proposeItem')).actor.networkId).toBe('B');
  });

  test("someone the store does not know is a guest: check-in only, from the team's conversation", async () => {
    const { actor } = await access.meeting(caller('visitor', 'A'), 'meeting-a', 'checkIn');
    expect(actor).toMatchObject({ inTeam: false, roles: new Set() });
    await expect(access.meeting(caller('visitor', 'A'), 'meeting-a', 'readMinutes')).rejects.toMatchObject({ code: 'not_a_member' });
    await expect(access.meeting(caller('visitor'), 'meeting-a', 'checkIn')).rejects.toMatchObject({ code: 'not_a_member' });
  });

  test('unknown networks and meetings, and another tenant, are not found', async () => {
    await expect(access.network(caller('a-member'), 'C')).rejects.toMatchObject({ code: 'network_not_found' });
    await expect(access.meeting({ tenantId: 'tenant-u', userId: 'a-member', name: 'x' }, 'meeting-a')).rejects.toMatchObject({ code: 'meeting_not_found' });
  });
});

import type { Delivery, Store } from '../../src/app/ports';
import { approve, contentHash, newVersion } from '../../src/domain/minutes';
import type { LegacyMinutesContent } from '../../src/domain/minutes-legacy-model';
import type { PersonalDataErasure, PersonalDataExport } from '../../src/http/api-contract';
import type { Service } from '../../src/service';
import { startAzurite, type Azurite } from '../harness/azurite';
import { startTestService } from '../harness/service';
import { devIdentity } from '../harness/teams';
import { attendance, meeting, member, minutesDraft, network } from '../store/conformance';

/**
 * The admins' export and erasure of one person's data, through the tab API, on both stores.
 * Göran (u-gone) has left the team; he checked in to a meeting whose protocol is justerat (a
 * public record naming him) and to one whose minutes are not, proposed an item, owns an action
 * item, marked one done, and has a reminder card on its way.
 */
const T = 't-1';
const TEAM = network().id;
const GONE = member('u-gone', { name: 'Göran Gustavsson', leftAt: '2030-04-01T08:00:00.000Z' });

async function seed(store: Store): Promise<void> {
  await store.upsertNetwork(network());
  await store.upsertNetwork(network(T, 'n-other'));
  await store.upsertMembers([member('u-admin', { teamOwner: true }), member('u-stay', { role: 'ordforande' }), member('j-1', { name: 'Jonas Wåhlberg' }), GONE]);
  await store.upsertMembers([member('u-gone', { networkId: 'n-other' })]);
  await store.createMeeting(meeting('m-old', { date: '2030-01-10', createdBy: { id: 'u-gone', name: GONE.name } }));
  await store.createMeeting(meeting('m-new', { date: '2030-03-10' }));
  for (const m of ['m-old', 'm-new']) {
    await store.putAttendance(attendance(m, 'u-gone', { name: GONE.name }));
    await store.putAttendance(attendance(m, 'u-stay'));
  }
  // The justerat protocol of m-old names Göran as present and as an action item's owner.
  const draft = minutesDraft('m-old', 'Vi går igenom förra protokollet.');
  const content = draft.content as LegacyMinutesContent;
  const named: LegacyMinutesContent = {
    ...content,
    attendees: [{ id: 'u-gone', name: GONE.name, municipality: 'Skövde', status: 'onsite', guest: false }],
    items: content.items.map((i) => ({ ...i, actions: [{ id: 'a-1', text: 'Svara förbundet', owner: { kind: 'member', memberId: 'u-gone', name: GONE.name } }] })),
  };
  const version = approve(newVersion({ ...draft, content: named }, 1, { memberId: 'u-stay', name: 'Karin' }, '2030-01-11T08:00:00.000Z'), { memberId: 'j-1', name: 'Jonas Wåhlberg' }, '2030-01-12T08:00:00.000Z');
  expect(version.state).toBe('approved');
  await store.saveMinutesVersion(version, undefined);
  await store.saveMinutes({ ...minutesDraft('m-new', `${GONE.name} visar statistiken.`) }, undefined);
  await store.createProposal({
    tenantId: T, meetingId: 'm-new', id: 'p-1', title: 'Gymnasievalet', description: '', status: 'pending',
    proposedBy: { id: 'u-gone', name: GONE.name, teamsUserId: '29:u-gone' }, createdAt: '2030-03-01T08:00:00.000Z',
  });
  await store.setActionDone(T, TEAM, 'a-0', { by: 'u-gone', at: '2030-02-01T08:00:00.000Z' });
  const reminder: Delivery = {
    tenantId: T, id: 'justering-reminder/m-new/u-gone', kind: 'personal', to: '29:u-gone', networkId: TEAM, meetingId: 'm-new', card: `{"text":"Hej ${GONE.name}"}`,
    requested: 1, delivered: 0, state: 'pending', dueAt: '2030-03-11T08:00:00.000Z', attempts: 0, createdAt: '2030-03-10T08:00:00.000Z',
  };
  await store.saveDelivery(reminder, undefined);
}

const path = (person: string, what: 'data' | 'erase'): string => `/api/v1/networks/${encodeURIComponent(TEAM)}/people/${encodeURIComponent(person)}/${what}`;

let azurite: Azurite | undefined;
afterAll(async () => {
  await azurite?.stop();
});

describe.each([
  ['SQLite', async (): Promise<Record<string, string>> => ({})],
  [
    'Table Storage (Azurite)',
    async (): Promise<Record<string, string>> => {
      azurite ??= await startAzurite();
      return { STORE: 'tables', TABLES_CONNECTION_STRING: azurite.connectionString, TABLES_PREFIX: `pd${Date.now().toString(36)}` };
    },
  ],
])("one person's data, taken out and erased by the network's admins (%s)", (_name, storeEnv) => {
  let svc: Service;
  beforeAll(async () => {
    svc = await startTestService({ PLAYGROUND: 'off', ...(await storeEnv()) });
    await seed(svc.store);
  });
  afterAll(async () => {
    await svc?.stop();
  });

  const call = async (as: string, method: 'GET' | 'POST', url: string, lang = 'sv'): Promise<{ status: number; body: Record<string, unknown> }> => {
    const res = await fetch(`${svc.url}${url}`, { method, headers: { 'x-justera-dev-user': devIdentity(T, as), 'accept-language': lang } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  test('a member who is no admin (the chair too) is refused both, and nothing changes', async () => {
    expect((await call('u-stay', 'GET', path('u-gone', 'data'))).status).toBe(403);
    const refused = await call('u-stay', 'POST', path('u-gone', 'erase'));
    expect(refused.status).toBe(403);
    expect(await svc.store.getMember(T, TEAM, 'u-gone')).toEqual(GONE);
  });

  test('the export holds everything stored about the person in the network, and where else they are a member', async () => {
    const res = await call('u-admin', 'GET', path('u-gone', 'data'));
    expect(res.status).toBe(200);
    const data = res.body as unknown as PersonalDataExport;
    expect(data.membership).toEqual(GONE);
    expect(data.otherNetworks).toEqual([{ id: 'n-other', name: 'IM-nätverket' }]);
    expect(data.attendance.map((a) => [a.meetingId, a.meetingDate])).toEqual([['m-old', '2030-01-10'], ['m-new', '2030-03-10']]);
    expect(data.meetingsCreated).toEqual([{ meetingId: 'm-old', date: '2030-01-10', start: '13:00' }]);
    expect(data.proposals.map((p) => p.id)).toEqual(['p-1']);
    expect(data.actionItems).toEqual([expect.objectContaining({ meetingId: 'm-old', action: expect.objectContaining({ id: 'a-1', text: 'Svara förbundet' }) })]);
    expect(data.actionsMarkedDone).toEqual([{ actionId: 'a-0', by: 'u-gone', at: '2030-02-01T08:00:00.000Z' }]);
    expect(data.minutesVersions).toEqual([expect.objectContaining({ meetingId: 'm-old', version: 1, state: 'approved', publicRecord: true })]);
    expect(data.minutesVersions[0]!.mentions.map((m) => m.path)).toEqual(expect.arrayContaining(['content.attendees.0.id', 'content.items.0.actions.0.owner.memberId']));
    expect(data.drafts).toEqual([expect.objectContaining({ meetingId: 'm-new', kind: 'minutes' })]);
    expect(data.drafts[0]!.mentions[0]!.path).toBe('items.0.notes');
  });

  test('a person still in the team is not erased: the roster would store them again', async () => {
    const res = await call('u-admin', 'POST', path('u-stay', 'erase'));
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/fortfarande med i nätverkets team/);
    expect((await call('u-admin', 'POST', path('u-stay', 'erase'), 'en')).body.detail).toMatch(/still in the network's team/);
    expect(await svc.store.getMember(T, TEAM, 'u-stay')).toBeDefined();
  });

  test('erasure removes what may go, pseudonymises the rest, and leaves the justerat protocol and its hash as they were', async () => {
    const before = (await svc.store.getMinutesVersion(T, 'm-old', 1))!.version;
    const res = await call('u-admin', 'POST', path('u-gone', 'erase'));
    expect(res.status).toBe(200);
    const erased = res.body as unknown as PersonalDataErasure;
    expect(erased.removed).toEqual({ membership: true, attendance: ['m-new'], personalCards: 1 });
    expect(erased.pseudonymised).toEqual({ proposals: ['m-new/p-1'], actionsMarkedDone: ['a-0'] });
    expect(erased.kept).toEqual({
      approvedProtocols: [{ meetingId: 'm-old', version: 1, hash: before.hash }],
      attendanceOfApprovedMeetings: ['m-old'],
      drafts: [{ meetingId: 'm-new', kind: 'minutes' }],
      meetingsCreated: ['m-old'],
    });
    expect(erased.explanation.sv).toMatch(/allmänna handlingar/);
    expect(erased.explanation.en).toMatch(/public records/);

    // The approved protocol is unchanged, byte for byte, and its hash still holds.
    const after = (await svc.store.getMinutesVersion(T, 'm-old', 1))!.version;
    expect(after).toEqual(before);
    expect(contentHash(after.content)).toBe(before.hash);

    expect(await svc.store.getMember(T, TEAM, 'u-gone')).toBeUndefined();
    expect(await svc.store.getMember(T, 'n-other', 'u-gone')).toBeDefined();
    expect((await svc.store.listAttendance(T, 'm-new')).map((r) => r.personId)).toEqual(['u-stay']);
    expect((await svc.store.listAttendance(T, 'm-old')).map((r) => r.personId).sort()).toEqual(['u-gone', 'u-stay']);
    const proposal = await svc.store.getProposal(T, 'm-new', 'p-1');
    expect(proposal?.proposedBy).toEqual({ id: 'erased', name: 'Borttagen person' });
    expect(JSON.stringify(proposal)).not.toContain('u-gone');
    expect(await svc.store.listActionsDone(T, TEAM)).toEqual({ 'a-0': { by: 'erased', at: '2030-02-01T08:00:00.000Z' } });
    expect(await svc.store.getDelivery(T, 'justering-reminder/m-new/u-gone')).toBeUndefined();

    // Asked again (a retry), nothing more goes; the export now shows only what must stay.
    const again = (await call('u-admin', 'POST', path('u-gone', 'erase'))).body as unknown as PersonalDataErasure;
    expect(again.removed).toEqual({ membership: false, attendance: [], personalCards: 0 });
    const left = (await call('u-admin', 'GET', path('u-gone', 'data'))).body as unknown as PersonalDataExport;
    expect(left.membership).toBeNull();
    expect(left.attendance.map((a) => a.meetingId)).toEqual(['m-old']);
    expect(left.proposals).toEqual([]);
  });
});

import { actorOf, can, capabilities, PERSONAL_CHAT, POLICY_ACTIONS, refusal, searchableNetworks, type Actor, type PolicyAction, type Target } from '../../src/app/policy';
import type { Member, NetworkRole } from '../../src/domain/network';

/**
 * The access policy, table-driven: every action against every kind of actor, on one target (a
 * meeting of network A in tenant T whose minutes have a secretary and a version with one
 * justerare, and an action item owned by a plain member). The expected table is written out
 * here by hand; the README's table says the same in words.
 */
const T = 'tenant-t';
const A = 'network-a';

const member = (id: string, over: Partial<Member> = {}): Member => ({
  tenantId: T,
  networkId: A,
  id,
  teamsUserId: `29:${id}`,
  name: id,
  email: `${id}@skovde.se`,
  municipality: 'Skövde',
  municipalitySource: 'domain',
  ...over,
});
/** Each actor acts from their own network's team conversation (a card action in its channel). */
const actor = (m: Member | undefined, id = m?.id ?? 'nobody', tenantId = m?.tenantId ?? T, networkId = m?.networkId ?? A): Actor =>
  actorOf({ tenantId, userId: id, name: id, actingIn: networkId }, networkId, m);
const withRole = (id: string, role: NetworkRole): Member => member(id, { role });

const ACTORS = {
  member: actor(member('m-member')),
  secretary: actor(member('m-secretary')),
  sekreterare: actor(withRole('m-sekreterare', 'sekreterare')),
  ordforande: actor(withRole('m-ordforande', 'ordforande')),
  presidium: actor(withRole('m-presidium', 'presidium')),
  admin: actor(member('m-owner', { teamOwner: true })),
  justerare: actor(member('m-justerare')),
  guest: actor(undefined, 'guest-1'),
  otherNetwork: actor(member('m-b', { networkId: 'network-b' })),
  removed: actor(member('m-removed', { leftAt: '2030-01-10T10:00:00.000Z' })),
  otherTenant: actor(member('m-other-tenant', { tenantId: 'tenant-u' })),
} satisfies Record<string, Actor>;
type Kind = keyof typeof ACTORS;
const KINDS = Object.keys(ACTORS) as Kind[];

const TARGET: Target = {
  tenantId: T,
  networkId: A,
  meetingCreatorId: 'm-ordforande',
  secretaryId: 'm-secretary',
  justerareIds: ['m-justerare'],
  action: { id: 'a-1', text: 'Svara', owners: [{ kind: 'member', memberId: 'm-member', name: 'Medlem' }] },
};

// Columns: member, secretary (of these minutes), sekreterare (role), ordförande (created the
// meeting), presidium, admin (team owner), justerare (of this version), guest (not in the
// roster, never left), member of another network, removed member (leftAt), another tenant.
const Y = true;
const N = false;
const EXPECTED: Record<PolicyAction, readonly boolean[]> = {
  //                   mem sec sekr ordf pres adm just gst othN rem othT
  readNetwork:        [Y,  Y,  Y,   Y,   Y,   Y,  Y,   N,  N,   N,  N],
  readCard:           [Y,  Y,  Y,   Y,   Y,   Y,  Y,   Y,  N,   N,  N],
  assignRoles:        [N,  N,  N,   N,   N,   Y,  N,   N,  N,   N,  N],
  createMeeting:      [Y,  Y,  Y,   Y,   Y,   Y,  Y,   N,  N,   N,  N],
  checkIn:            [Y,  Y,  Y,   Y,   Y,   Y,  Y,   Y,  N,   N,  N],
  closeAttendance:    [N,  N,  Y,   Y,   Y,   N,  N,   N,  N,   N,  N],
  editMeeting:        [N,  N,  Y,   Y,   Y,   N,  N,   N,  N,   N,  N],
  cancelMeeting:      [N,  N,  Y,   Y,   Y,   N,  N,   N,  N,   N,  N],
  recordPastMeeting:  [N,  N,  Y,   Y,   Y,   N,  N,   N,  N,   N,  N],
  editAgenda:         [N,  N,  Y,   Y,   Y,   N,  N,   N,  N,   N,  N],
  editAgendaTemplate: [N,  N,  Y,   Y,   Y,   N,  N,   N,  N,   N,  N],
  proposeItem:        [Y,  Y,  Y,   Y,   Y,   Y,  Y,   N,  N,   N,  N],
  decideProposal:     [N,  N,  Y,   Y,   Y,   N,  N,   N,  N,   N,  N],
  planTerm:           [N,  N,  Y,   Y,   Y,   N,  N,   N,  N,   N,  N],
  setMinutesKind:     [N,  N,  Y,   Y,   Y,   Y,  N,   N,  N,   N,  N],
  readMinutes:        [Y,  Y,  Y,   Y,   Y,   Y,  Y,   N,  N,   N,  N],
  editMinutes:        [N,  Y,  Y,   Y,   Y,   N,  N,   N,  N,   N,  N],
  sendMinutes:        [N,  Y,  Y,   Y,   Y,   N,  N,   N,  N,   N,  N],
  approve:            [N,  N,  N,   N,   N,   N,  Y,   N,  N,   N,  N],
  requestChange:      [N,  N,  N,   N,   N,   N,  Y,   N,  N,   N,  N],
  retryArchive:       [N,  Y,  Y,   Y,   Y,   N,  N,   N,  N,   N,  N],
  markActionDone:     [Y,  N,  Y,   Y,   Y,   N,  N,   N,  N,   N,  N],
  setOwnMunicipality: [Y,  Y,  Y,   Y,   Y,   Y,  Y,   N,  N,   N,  N],
  managePersonalData: [N,  N,  N,   N,   N,   Y,  N,   N,  N,   N,  N],
  searchMinutes:      [Y,  Y,  Y,   Y,   Y,   Y,  Y,   N,  N,   N,  N],
  importProtocols:    [N,  N,  Y,   Y,   Y,   N,  N,   N,  N,   N,  N],
  exportArchive:      [N,  N,  Y,   Y,   Y,   Y,  N,   N,  N,   N,  N],
};

describe('the access policy', () => {
  test("a search covers the networks the person is a member of; a cooperation admin's covers every network", () => {
    const inB = (a: Actor): Actor => ({ ...a, networkId: 'net-b', inTeam: false, roles: new Set(), via: 'tab' });
    expect(searchableNetworks([ACTORS.member, inB(ACTORS.member)])).toEqual([A]);
    expect(searchableNetworks([ACTORS.admin, inB(ACTORS.member)])).toEqual([A, 'net-b']);
    expect(searchableNetworks([ACTORS.removed, inB(ACTORS.member)])).toEqual([]);
  });

  test('the expected table covers every action, with one column per kind of actor', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...POLICY_ACTIONS].sort());
    for (const row of Object.values(EXPECTED)) expect(row).toHaveLength(KINDS.length);
  });

  const cases = POLICY_ACTIONS.flatMap((action) => KINDS.map((kind, i) => [action, kind, EXPECTED[action][i]!] as const));
  test.each(cases)('%s by %s: %s', (action, kind, allowed) => {
    expect(can(ACTORS[kind], action, TARGET)).toBe(allowed);
  });

  test("capabilities are every action's answer for the target", () => {
    for (const [i, kind] of KINDS.entries()) {
      const expected = Object.fromEntries(POLICY_ACTIONS.map((a) => [a, EXPECTED[a][i]]));
      expect(capabilities(ACTORS[kind], TARGET)).toEqual(expected);
    }
  });

  test('a refusal says why: not a member (removed, another network or tenant, a guest beyond check-in), the meeting creator, or forbidden', () => {
    expect(refusal(ACTORS.removed, 'readMinutes', TARGET)).toBe('not_a_member');
    expect(refusal(ACTORS.removed, 'checkIn', TARGET)).toBe('not_a_member');
    expect(refusal(ACTORS.otherNetwork, 'checkIn', TARGET)).toBe('other_network');
    expect(refusal(ACTORS.otherTenant, 'readNetwork', TARGET)).toBe('other_network');
    expect(refusal(ACTORS.guest, 'proposeItem', TARGET)).toBe('not_a_member');
    expect(refusal(ACTORS.member, 'closeAttendance', TARGET)).toBe('not_meeting_creator');
    expect(refusal(ACTORS.member, 'editMinutes', TARGET)).toBe('forbidden');
    expect(refusal(ACTORS.justerare, 'approve', TARGET)).toBeUndefined();
  });

  test('attendance is closed by the meeting\'s creator (a plain member too) or the chair group, not by other members', () => {
    const byMember: Target = { ...TARGET, meetingCreatorId: 'm-member' };
    expect(can(ACTORS.member, 'closeAttendance', byMember)).toBe(true);
    expect(can(ACTORS.sekreterare, 'closeAttendance', byMember)).toBe(true);
    expect(can(ACTORS.presidium, 'closeAttendance', byMember)).toBe(true);
    expect(refusal(ACTORS.justerare, 'closeAttendance', byMember)).toBe('not_meeting_creator');
    expect(refusal(ACTORS.admin, 'closeAttendance', byMember)).toBe('not_meeting_creator');
  });

  test('a guest checks in only from the team\'s own conversation; from a personal chat or the tab, someone not in the network is refused', () => {
    const guestVia = (actingIn?: string): Actor => actorOf({ tenantId: T, userId: 'guest-1', name: 'Gäst', ...(actingIn ? { actingIn } : {}) }, A, undefined);
    expect(can(guestVia(A), 'checkIn', TARGET)).toBe(true);
    expect(can(guestVia(A), 'readCard', TARGET)).toBe(true);
    expect(refusal(guestVia(PERSONAL_CHAT), 'readCard', TARGET)).toBe('other_network');
    expect(refusal(guestVia(PERSONAL_CHAT), 'checkIn', TARGET)).toBe('other_network');
    expect(refusal(guestVia(PERSONAL_CHAT), 'approve', TARGET)).toBe('other_network');
    expect(refusal(guestVia(), 'checkIn', TARGET)).toBe('not_a_member');
    const removedInChat = actorOf({ tenantId: T, userId: 'm-removed', name: 'x', actingIn: PERSONAL_CHAT }, A, member('m-removed', { leftAt: '2030-01-10T10:00:00.000Z' }));
    expect(refusal(removedInChat, 'approve', TARGET)).toBe('not_a_member');
    const justerareInChat = actorOf({ tenantId: T, userId: 'm-justerare', name: 'x', actingIn: PERSONAL_CHAT }, A, member('m-justerare'));
    expect(can(justerareInChat, 'approve', TARGET)).toBe(true);
  });

  test('the secretary never approves their own minutes, even when named justerare of the version', () => {
    const selfJustered: Target = { ...TARGET, justerareIds: ['m-secretary'] };
    expect(can(ACTORS.secretary, 'approve', selfJustered)).toBe(false);
    expect(can(ACTORS.secretary, 'requestChange', selfJustered)).toBe(false);
  });

  test('a justerare who left the team can no longer answer the version', () => {
    const left = actor(member('m-justerare', { leftAt: '2030-02-01T08:00:00.000Z' }));
    expect(can(left, 'approve', TARGET)).toBe(false);
    expect(can(left, 'requestChange', TARGET)).toBe(false);
  });

  test('the actor: a team owner is admin besides the role they were given; a record with leftAt is not in the team', () => {
    const chairOwner = actor(member('m-x', { teamOwner: true, role: 'ordforande' }));
    expect([...chairOwner.roles].sort()).toEqual(['admin', 'ordforande']);
    expect(chairOwner.inTeam).toBe(true);
    expect(can(chairOwner, 'assignRoles', TARGET) && can(chairOwner, 'editAgenda', TARGET)).toBe(true);
    expect(ACTORS.removed.inTeam).toBe(false);
    expect(ACTORS.removed.member?.leftAt).toBeDefined();
    expect(ACTORS.guest.inTeam).toBe(false);
    expect(ACTORS.guest.roles.size).toBe(0);
  });
});

/**
 * The made-up tenant the local Playground shows: the team "IM-nätverket" with its channels
 * and members from several Skaraborg municipalities. Names and addresses are invented.
 */
import type { MunicipalityMap } from '../domain/municipality';
import { membersFromRoster, type Member, type Network } from '../domain/network';

const person = (n: number, given: string, surname: string, email: string) => ({
  id: `29:demo-${n}`,
  name: `${given} ${surname}`,
  givenName: given,
  surname,
  email,
  userPrincipalName: email,
  aadObjectId: `d0000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
});

const KARIN = person(1, 'Karin', 'Ekholm', 'karin.ekholm@skovde.se');
const JOHAN = person(2, 'Johan', 'Lindqvist', 'johan.lindqvist@falkoping.se');

export const DEMO_TENANT = {
  tenantId: 'd0000000-5ca2-4b0e-9000-000000000001',
  bot: { id: '28:justera-local', name: 'Justera' },
  currentUser: KARIN,
  users: [
    JOHAN,
    person(3, 'Sara', 'Nyberg', 'sara.nyberg@mariestad.se'),
    person(4, 'Erik', 'Holm', 'erik.holm@lidkoping.se'),
    person(5, 'Lena', 'Bergström', 'lena.bergstrom@tidaholm.se'),
    person(6, 'Ahmed', 'Karimi', 'ahmed.karimi@skara.se'),
    person(7, 'Maja', 'Sundin', 'maja.sundin@tibro.se'),
    person(8, 'Per', 'Åkesson', 'per.akesson@vara.se'),
    person(9, 'Elin', 'Dahl', 'elin.dahl@skaraborg.se'),
    person(10, 'Nils', 'Öhrn', 'nils.ohrn@hjo.se'),
    person(11, 'Ida', 'Gustafsson', 'ida.gustafsson@gotene.se'),
  ],
  personalChatId: 'a:justera-demo-personal-chat',
  groupChat: { id: '19:demo-presidium@thread.v2', name: 'Presidiet IM-nätverket' },
  team: {
    id: '19:demo-im-natverket@thread.tacv2',
    name: 'IM-nätverket',
    aadGroupId: 'd0000000-6a0c-4d1e-9000-000000000002',
    channels: [
      { id: '19:demo-im-natverket@thread.tacv2', name: 'General' },
      { id: '19:demo-traffar@thread.tacv2', name: 'Träffar' },
    ],
  },
};

/** The demo team as a network, so the tab has something to show before the Playground is opened. */
export function demoNetwork(connectorUrl: string, now: string): Network {
  return {
    tenantId: DEMO_TENANT.tenantId,
    id: DEMO_TENANT.team.id,
    name: DEMO_TENANT.team.name,
    aadGroupId: DEMO_TENANT.team.aadGroupId,
    channels: DEMO_TENANT.team.channels.map((c) => ({ id: c.id, name: c.name })),
    address: { serviceUrl: connectorUrl, botId: DEMO_TENANT.bot.id, botName: DEMO_TENANT.bot.name },
    installedAt: now,
    updatedAt: now,
  };
}

/**
 * The Playground's roster holds the current user and five others; the rest of the demo
 * network is put in the store directly, as if an earlier roster sync had brought them.
 */
export function demoMembers(municipalities: MunicipalityMap): Member[] {
  const everyone = [DEMO_TENANT.currentUser, ...DEMO_TENANT.users];
  const members = membersFromRoster(
    DEMO_TENANT.tenantId,
    DEMO_TENANT.team.id,
    everyone.map((u) => ({ aadObjectId: u.aadObjectId, teamsUserId: u.id, name: u.name, email: u.email })),
    [],
    municipalities,
  );
  // The Playground has no team owners: the demo's secretary (the current user) and chair get their roles here.
  return members.map((m) => (m.id === KARIN.aadObjectId ? { ...m, role: 'sekreterare' as const } : m.id === JOHAN.aadObjectId ? { ...m, role: 'ordforande' as const } : m));
}

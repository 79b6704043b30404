import { municipalityFromEmail, type MunicipalityMap } from './municipality';
import { intakeName } from './text';

export interface Channel {
  id: string;
  name: string;
}

/** What the bot needs to post into the team later, without an incoming message. */
export interface PostingAddress {
  serviceUrl: string;
  botId: string;
  botName: string;
}

export interface Network {
  tenantId: string;
  /** The Teams team id (19:…@thread.tacv2). */
  id: string;
  name: string;
  aadGroupId?: string;
  channels: Channel[];
  address: PostingAddress;
  installedAt: string;
  updatedAt: string;
}

export type MunicipalitySource = 'domain' | 'manual';

export const NETWORK_ROLES = ['admin', 'ordforande', 'sekreterare', 'presidium', 'member'] as const;
/** admin manages roles; ordförande, sekreterare and presidium edit agendas; members read and propose. */
export type NetworkRole = (typeof NETWORK_ROLES)[number];

/** The role a member has: the one assigned in the tab, else admin for a team owner, else member. */
export function roleOf(member: Pick<Member, 'role' | 'teamOwner'>): NetworkRole {
  return member.role ?? (member.teamOwner ? 'admin' : 'member');
}

/** Who manages roles: a team owner always, and anyone given the admin role. */
export function isAdmin(member: Pick<Member, 'role' | 'teamOwner'>): boolean {
  return member.teamOwner === true || member.role === 'admin';
}

/** Who may edit a network's agendas. */
export function canEditAgenda(role: NetworkRole): boolean {
  return role === 'ordforande' || role === 'sekreterare' || role === 'presidium';
}

export interface Member {
  tenantId: string;
  networkId: string;
  /** Entra object id. */
  id: string;
  /** Teams user id (29:…), used to address the member in Teams. */
  teamsUserId: string;
  name: string;
  email: string;
  municipality: string;
  municipalitySource: MunicipalitySource;
  /** A team owner in Teams' roster: starts as the network's admin. */
  teamOwner?: boolean;
  /** A role assigned in the tab; kept when the roster is read again. */
  role?: NetworkRole;
}

export interface RosterEntry {
  aadObjectId?: string;
  teamsUserId: string;
  name: string;
  email?: string;
  /** Teams' userRole: owner, user or guest. */
  userRole?: string;
}

/**
 * Members from a fresh roster. A municipality a member corrected by hand is kept;
 * everything else follows the roster and the domain map.
 */
export function membersFromRoster(
  tenantId: string,
  networkId: string,
  roster: readonly RosterEntry[],
  existing: readonly Member[],
  map: MunicipalityMap,
): Member[] {
  const known = new Map(existing.map((m) => [m.id, m]));
  return roster.map((r) => {
    const id = r.aadObjectId || r.teamsUserId;
    const email = r.email ?? '';
    const before = known.get(id);
    const manual = before?.municipalitySource === 'manual';
    return {
      tenantId,
      networkId,
      id,
      teamsUserId: r.teamsUserId,
      name: intakeName(r.name),
      email,
      municipality: manual ? before.municipality : municipalityFromEmail(email, map),
      municipalitySource: manual ? 'manual' : 'domain',
      ...(r.userRole === 'owner' ? { teamOwner: true } : {}),
      ...(before?.role ? { role: before.role } : {}),
    };
  });
}

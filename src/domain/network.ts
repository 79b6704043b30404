import { municipalityFromEmail, type MunicipalityMap } from './municipality';
import { intakeName } from './text';
import type { MinutesKind } from './minutes-model';

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
  /** When the bot was removed from the team, or the team deleted (ISO instant); cleared when it is added again. */
  removedAt?: string;
  /** When the whole roster was last read from Teams (ISO instant). */
  rosterReadAt?: string;
  /** What the network's record of a meeting is: a protokoll (the default) or minnesanteckningar. */
  minutesKind?: MinutesKind;
}

export type MunicipalitySource = 'domain' | 'manual';

export const NETWORK_ROLES = ['admin', 'ordforande', 'sekreterare', 'presidium', 'member'] as const;
/** What each role may do is the access policy's (src/app/policy.ts). */
export type NetworkRole = (typeof NETWORK_ROLES)[number];

/** The role a member has: the one assigned in the tab, else admin for a team owner, else member. */
export function roleOf(member: Pick<Member, 'role' | 'teamOwner'>): NetworkRole {
  return member.role ?? (member.teamOwner ? 'admin' : 'member');
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
  /**
   * When the person left the team (ISO instant): removed from it, or missing from a full read
   * of the roster. Cleared when they are in the team again. Someone who left is no member.
   */
  leftAt?: string;
}

/** Whether a stored member is in the team now: the one reading of `leftAt` for every access decision. */
export function isCurrentMember(member: Member | undefined): member is Member {
  return member !== undefined && member.leftAt === undefined;
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

/** A Teams account as conversationUpdate events name it: the Teams user id, and the Entra id when given. */
export interface TeamsAccountRef {
  teamsUserId: string;
  aadObjectId?: string;
}

function isAccount(m: Member, ref: TeamsAccountRef): boolean {
  return m.teamsUserId === ref.teamsUserId || m.id === ref.teamsUserId || (ref.aadObjectId !== undefined && m.id === ref.aadObjectId);
}

/** The members who left: those named, not already marked, now marked with `at`. */
export function membersLeaving(existing: readonly Member[], leaving: readonly TeamsAccountRef[], at: string): Member[] {
  return existing.filter((m) => m.leftAt === undefined && leaving.some((ref) => isAccount(m, ref))).map((m) => ({ ...m, leftAt: at }));
}

/** After a full read of the roster: the stored members it no longer has, marked as left at `at`. */
export function membersMissingFrom(existing: readonly Member[], roster: readonly RosterEntry[], at: string): Member[] {
  const present = roster.map((r) => ({ teamsUserId: r.teamsUserId, ...(r.aadObjectId ? { aadObjectId: r.aadObjectId } : {}) }));
  return existing.filter((m) => m.leftAt === undefined && !present.some((ref) => isAccount(m, ref))).map((m) => ({ ...m, leftAt: at }));
}

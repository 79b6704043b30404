import { municipalityFromEmail, type MunicipalityMap } from './municipality';

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
}

export interface RosterEntry {
  aadObjectId?: string;
  teamsUserId: string;
  name: string;
  email?: string;
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
      name: r.name,
      email,
      municipality: manual ? before.municipality : municipalityFromEmail(email, map),
      municipalitySource: manual ? 'manual' : 'domain',
    };
  });
}

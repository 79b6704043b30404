import { matchMunicipality, suggestedOrganisations, type MunicipalityMap } from '../domain/municipality';
import {
  isCurrentMember,
  membersFromRoster,
  membersLeaving,
  membersMissingFrom,
  type Channel,
  type Member,
  type Network,
  type RosterEntry,
  type TeamsAccountRef,
} from '../domain/network';
import type { Clock, Store } from './ports';
import { can, memberActor } from './policy';

export type NetworkInstall = Omit<Network, 'installedAt' | 'updatedAt' | 'removedAt' | 'rosterReadAt'>;

export type MunicipalityCorrection =
  | { ok: true; municipality: string }
  | { ok: false; known: string[] };

/** How old a network's roster may get before the next action in the team reads it again. */
export const ROSTER_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** What to read from Teams before deciding on an action in a team. */
export type RosterNeed = 'whole' | 'person' | 'none';

export class NetworkService {
  constructor(
    private readonly deps: {
      store: Store;
      clock: Clock;
      municipalities: MunicipalityMap;
      /** The cooperation's member organisations (MEMBER_ORGANISATIONS); known to `kommun <namn>` with every Swedish municipality. */
      memberOrganisations?: readonly string[];
      /** Called with the members who just left one network's team (e.g. to tell secretaries about justerare). */
      onLeft?: (left: Member[]) => Promise<void>;
      /** Called with a member who just corrected their municipality (their attendance on meetings not yet past follows). */
      onMunicipalityCorrected?: (member: Member) => Promise<void>;
      /**
       * The roster Teams answers holds only part of the team (the local demo: the Agents
       * Playground shows 5 of its eleven members): a full read then adds and refreshes members
       * but marks nobody as left. Removal events still count.
       */
      partialRoster?: boolean;
    },
  ) {}

  /** The bot was added to a team (or saw it for the first time): the team becomes a network, with its whole roster. */
  async register(install: NetworkInstall, roster: readonly RosterEntry[]): Promise<Network> {
    const { store, clock } = this.deps;
    const now = clock.now().toISOString();
    const before = await store.getNetwork(install.tenantId, install.id);
    const network: Network = {
      ...install,
      channels: install.channels.length > 0 ? install.channels : (before?.channels ?? []),
      installedAt: before?.installedAt ?? now,
      ...(before?.minutesKind ? { minutesKind: before.minutesKind } : {}),
      updatedAt: now,
    };
    await store.upsertNetwork(network);
    return this.rosterRead(network, roster);
  }

  /**
   * The team's whole roster, read again from Teams: everyone in it is a member now (someone
   * who had left is back), and stored members it no longer has have left.
   */
  async rosterRead(network: Network, roster: readonly RosterEntry[]): Promise<Network> {
    const { store, clock } = this.deps;
    const now = clock.now().toISOString();
    if (roster.length === 0) return network;
    const existing = await store.listMembers(network.tenantId, network.id);
    const left = this.deps.partialRoster ? [] : membersMissingFrom(existing, roster, now);
    await store.upsertMembers([...membersFromRoster(network.tenantId, network.id, roster, existing, this.deps.municipalities), ...left]);
    const current = (await store.getNetwork(network.tenantId, network.id)) ?? network;
    const updated: Network = { ...current, rosterReadAt: now };
    await store.upsertNetwork(updated);
    await this.tellLeft(left);
    return updated;
  }

  /** New people in the team's roster (or people back in it); a municipality someone corrected by hand is kept. */
  async addMembers(tenantId: string, networkId: string, roster: readonly RosterEntry[]): Promise<void> {
    if (roster.length === 0) return;
    const existing = await this.deps.store.listMembers(tenantId, networkId);
    await this.deps.store.upsertMembers(membersFromRoster(tenantId, networkId, roster, existing, this.deps.municipalities));
  }

  /** People were removed from the team (or left it): they are no members from now on. */
  async removeMembers(tenantId: string, networkId: string, accounts: readonly TeamsAccountRef[]): Promise<void> {
    const existing = await this.deps.store.listMembers(tenantId, networkId);
    const left = membersLeaving(existing, accounts, this.deps.clock.now().toISOString());
    if (left.length === 0) return;
    await this.deps.store.upsertMembers(left);
    await this.tellLeft(left);
  }

  /** The bot was removed from the team, or the team was deleted. Adding the bot again registers it anew. */
  removed(tenantId: string, networkId: string): Promise<void> {
    return this.change(tenantId, networkId, (n) => (n.removedAt ? n : { ...n, removedAt: this.deps.clock.now().toISOString() }));
  }

  /** The team was renamed in Teams. */
  renamed(tenantId: string, networkId: string, name: string): Promise<void> {
    return this.change(tenantId, networkId, (n) => (n.name === name ? n : { ...n, name }));
  }

  /** A channel was created or renamed in the team. */
  channelChanged(tenantId: string, networkId: string, channel: Channel): Promise<void> {
    return this.change(tenantId, networkId, (n) => {
      const known = n.channels.find((c) => c.id === channel.id);
      if (known?.name === channel.name) return n;
      return { ...n, channels: known ? n.channels.map((c) => (c.id === channel.id ? channel : c)) : [...n.channels, channel] };
    });
  }

  /** A channel was deleted from the team. */
  channelDeleted(tenantId: string, networkId: string, channelId: string): Promise<void> {
    return this.change(tenantId, networkId, (n) => (n.channels.some((c) => c.id === channelId) ? { ...n, channels: n.channels.filter((c) => c.id !== channelId) } : n));
  }

  /**
   * Before an action in a team: the whole roster is read again when it is older than a day (or
   * was never read in full); a person the store does not know as a member now is looked up.
   */
  async rosterNeed(network: Network, personId: string): Promise<RosterNeed> {
    const readAt = network.rosterReadAt ? Date.parse(network.rosterReadAt) : Number.NaN;
    if (!(this.deps.clock.now().getTime() - readAt <= ROSTER_MAX_AGE_MS)) return 'whole';
    const member = await this.deps.store.getMember(network.tenantId, network.id, personId);
    return isCurrentMember(member) ? 'none' : 'person';
  }

  async correctMunicipality(
    tenantId: string,
    networkId: string,
    memberId: string,
    typed: string,
  ): Promise<MunicipalityCorrection> {
    const municipality = matchMunicipality(typed, this.deps.municipalities, this.deps.memberOrganisations);
    const member = await this.deps.store.getMember(tenantId, networkId, memberId);
    const allowed = !!member && can(memberActor(member), 'setOwnMunicipality', { tenantId, networkId });
    if (!municipality || !member || !allowed) return { ok: false, known: suggestedOrganisations(this.deps.municipalities, this.deps.memberOrganisations) };
    const corrected: Member = { ...member, municipality, municipalitySource: 'manual' };
    await this.deps.store.upsertMembers([corrected]);
    await this.deps.onMunicipalityCorrected?.(corrected);
    return { ok: true, municipality };
  }

  get(tenantId: string, networkId: string): Promise<Network | undefined> {
    return this.deps.store.getNetwork(tenantId, networkId);
  }

  private async change(tenantId: string, networkId: string, edit: (n: Network) => Network): Promise<void> {
    const network = await this.deps.store.getNetwork(tenantId, networkId);
    if (!network) return;
    const next = edit(network);
    if (next === network) return;
    await this.deps.store.upsertNetwork({ ...next, updatedAt: this.deps.clock.now().toISOString() });
  }

  private async tellLeft(left: Member[]): Promise<void> {
    if (left.length > 0) await this.deps.onLeft?.(left);
  }
}

import { knownMunicipalities, matchMunicipality, type MunicipalityMap } from '../domain/municipality';
import { membersFromRoster, type Network, type RosterEntry } from '../domain/network';
import type { Clock, Store } from './ports';
import { can, memberActor } from './policy';

export type NetworkInstall = Omit<Network, 'installedAt' | 'updatedAt'>;

export type MunicipalityCorrection =
  | { ok: true; municipality: string }
  | { ok: false; known: string[] };

export class NetworkService {
  constructor(private readonly deps: { store: Store; clock: Clock; municipalities: MunicipalityMap }) {}

  /** The bot was added to a team (or saw it for the first time): the team becomes a network. */
  async register(install: NetworkInstall, roster: readonly RosterEntry[]): Promise<Network> {
    const { store, clock } = this.deps;
    const now = clock.now().toISOString();
    const before = await store.getNetwork(install.tenantId, install.id);
    const network: Network = {
      ...install,
      channels: install.channels.length > 0 ? install.channels : (before?.channels ?? []),
      installedAt: before?.installedAt ?? now,
      updatedAt: now,
    };
    await store.upsertNetwork(network);
    await this.addMembers(install.tenantId, install.id, roster);
    return network;
  }

  /** New people in the team's roster; a municipality someone corrected by hand is kept. */
  async addMembers(tenantId: string, networkId: string, roster: readonly RosterEntry[]): Promise<void> {
    if (roster.length === 0) return;
    const existing = await this.deps.store.listMembers(tenantId, networkId);
    await this.deps.store.upsertMembers(membersFromRoster(tenantId, networkId, roster, existing, this.deps.municipalities));
  }

  async correctMunicipality(
    tenantId: string,
    networkId: string,
    memberId: string,
    typed: string,
  ): Promise<MunicipalityCorrection> {
    const municipality = matchMunicipality(typed, this.deps.municipalities);
    const member = await this.deps.store.getMember(tenantId, networkId, memberId);
    const allowed = !!member && can(memberActor(member), 'setOwnMunicipality', { tenantId, networkId });
    if (!municipality || !member || !allowed) return { ok: false, known: knownMunicipalities(this.deps.municipalities) };
    await this.deps.store.upsertMembers([{ ...member, municipality, municipalitySource: 'manual' }]);
    return { ok: true, municipality };
  }

  get(tenantId: string, networkId: string): Promise<Network | undefined> {
    return this.deps.store.getNetwork(tenantId, networkId);
  }
}

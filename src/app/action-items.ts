import { DomainError } from '../domain/errors';
import type { Meeting } from '../domain/meeting';
import { actionsOf, ownsAction, type MinutesVersion, type OpenAction } from '../domain/minutes';
import type { MinutesDeps } from './minutes-ports';
import type { ActionDone } from './ports';
import { Access, actionTarget, mustBeAllowed, type Caller } from './policy';

export type NetworkAction = OpenAction & { networkId: string; networkName: string; done?: ActionDone };

/** The action items (uppdrag) of approved minutes: open per network, mine, and marking them done. */
export class ActionItems {
  private readonly access: Access;

  constructor(private readonly deps: Pick<MinutesDeps, 'store' | 'clock'>) {
    this.access = new Access(deps.store);
  }

  /** Open action items of a network: from each meeting's latest approved version, not marked done. */
  async openActions(tenantId: string, networkId: string, beforeDate?: string): Promise<(OpenAction & { done?: ActionDone })[]> {
    const approved = await this.deps.store.listApprovedMinutes(tenantId, networkId);
    const latest = new Map<string, MinutesVersion>();
    for (const v of approved) {
      const seen = latest.get(v.meetingId);
      if (!seen || seen.number < v.number) latest.set(v.meetingId, v);
    }
    const done = await this.deps.store.listActionsDone(tenantId, networkId);
    return [...latest.values()]
      .filter((v) => beforeDate === undefined || v.content.meeting.date < beforeDate)
      .flatMap(actionsOf)
      .map((a) => ({ ...a, ...(done[a.action.id] ? { done: done[a.action.id] } : {}) }))
      .sort((a, b) => a.meetingDate.localeCompare(b.meetingDate));
  }

  /** What a meeting's agenda shows under "Föregående protokoll": the open items from earlier meetings' approved minutes. */
  async openActionsBefore(meeting: Pick<Meeting, 'tenantId' | 'networkId' | 'date'>): Promise<OpenAction[]> {
    return (await this.openActions(meeting.tenantId, meeting.networkId, meeting.date)).filter((a) => !a.done);
  }

  /** The caller's own action items across their networks ("Mina uppdrag"). */
  async myActions(caller: Caller): Promise<NetworkAction[]> {
    const out: NetworkAction[] = [];
    for (const network of await this.deps.store.listNetworks(caller.tenantId)) {
      const actor = await this.access.actor(caller, network.id);
      if (!actor.inTeam) continue;
      // A group's or a role's action item is each of its members' own.
      for (const a of await this.openActions(caller.tenantId, network.id)) {
        if (ownsAction(a.action, caller.userId, actor.roles)) out.push({ ...a, networkId: network.id, networkName: network.name });
      }
    }
    return out;
  }

  /** A network's action items from approved minutes, done or not; members only. */
  async networkActions(caller: Caller, networkId: string): Promise<NetworkAction[]> {
    const { network } = await this.access.network(caller, networkId, 'readMinutes');
    return (await this.openActions(caller.tenantId, networkId)).map((a) => ({ ...a, networkId, networkName: network.name }));
  }

  /** Marks an action item done or open; its owner or an editor of the network may. */
  async markAction(caller: Caller, networkId: string, actionId: string, done: boolean): Promise<void> {
    const { actor } = await this.access.network(caller, networkId, 'readMinutes');
    const action = (await this.openActions(caller.tenantId, networkId)).find((a) => a.action.id === actionId);
    if (!action) throw new DomainError('not_found');
    mustBeAllowed(actor, 'markActionDone', actionTarget(caller.tenantId, networkId, action.action));
    await this.deps.store.setActionDone(caller.tenantId, networkId, actionId, done ? { by: actor.name, at: this.deps.clock.now().toISOString() } : undefined);
  }
}

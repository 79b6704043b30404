import { DomainError } from '../domain/errors';
import type { Meeting } from '../domain/meeting';
import { ownsAction, type OpenAction } from '../domain/minutes';
import type { MinutesDeps } from './minutes-ports';
import type { ActionDone } from './ports';
import { Access, actionTarget, mustBeAllowed, type Caller } from './policy';

export type NetworkAction = OpenAction & { networkId: string; networkName: string; done?: ActionDone };

/**
 * How long an item marked done stays in "Mina uppdrag" (crossed out, to be opened again by a
 * click): after that only the open ones are read, so the list does not grow with history.
 */
export const DONE_SHOWN_DAYS = 30;

/** The action items (uppdrag) of approved minutes: open per network, mine, and marking them done. */
export class ActionItems {
  private readonly access: Access;

  constructor(private readonly deps: Pick<MinutesDeps, 'store' | 'clock'>) {
    this.access = new Access(deps.store);
  }

  /** What a meeting's agenda shows under "Föregående protokoll": the open items from earlier meetings' approved minutes. */
  async openActionsBefore(meeting: Pick<Meeting, 'tenantId' | 'networkId' | 'date'>): Promise<OpenAction[]> {
    return this.deps.store.listActions(meeting.tenantId, meeting.networkId, { beforeDate: meeting.date });
  }

  /** The caller's own action items across their networks ("Mina uppdrag"). */
  async myActions(caller: Caller): Promise<NetworkAction[]> {
    const out: NetworkAction[] = [];
    const doneSince = new Date(this.deps.clock.now().getTime() - DONE_SHOWN_DAYS * 86_400_000).toISOString();
    for (const membership of await this.deps.store.listMemberships(caller.tenantId, caller.userId)) {
      const network = await this.deps.store.getNetwork(caller.tenantId, membership.networkId);
      if (!network) continue;
      const actor = await this.access.actor(caller, network.id);
      if (!actor.inTeam) continue;
      // A group's or a role's action item is each of its members' own.
      for (const a of await this.deps.store.listActions(caller.tenantId, network.id, { doneSince })) {
        if (ownsAction(a.action, caller.userId, actor.roles)) out.push({ ...a, networkId: network.id, networkName: network.name });
      }
    }
    return out;
  }

  /** A network's action items from approved minutes, done or not; members only. */
  async networkActions(caller: Caller, networkId: string): Promise<NetworkAction[]> {
    const { network } = await this.access.network(caller, networkId, 'readMinutes');
    return (await this.deps.store.listActions(caller.tenantId, networkId, { all: true })).map((a) => ({ ...a, networkId, networkName: network.name }));
  }

  /** Marks an action item done or open; its owner or an editor of the network may. */
  async markAction(caller: Caller, networkId: string, actionId: string, done: boolean): Promise<void> {
    const { actor } = await this.access.network(caller, networkId, 'readMinutes');
    const action = (await this.deps.store.listActions(caller.tenantId, networkId, { actionId }))[0];
    if (!action) throw new DomainError('not_found');
    mustBeAllowed(actor, 'markActionDone', actionTarget(caller.tenantId, networkId, action.action));
    await this.deps.store.setActionDone(caller.tenantId, networkId, actionId, done ? { by: actor.name, at: this.deps.clock.now().toISOString() } : undefined);
  }
}

import { DomainError } from '../domain/errors';
import type { Meeting } from '../domain/meeting';
import { isCurrentMember, type Member, type Network } from '../domain/network';
import type { Store } from './ports';

/**
 * Who may see what: a network's things are for its members. The one place that turns "no such
 * meeting / network" and "not a member" into their error codes. Someone who left the team
 * (`leftAt`) is no member.
 */

/** The person's membership of the network, if they are in its team now. */
export async function currentMember(store: Store, tenantId: string, networkId: string, userId: string): Promise<Member | undefined> {
  const member = await store.getMember(tenantId, networkId, userId);
  return isCurrentMember(member) ? member : undefined;
}

/** The meeting and the user's membership of its network. */
export async function meetingMember(store: Store, tenantId: string, meetingId: string, userId: string): Promise<{ meeting: Meeting; member: Member }> {
  const meeting = await store.getMeeting(tenantId, meetingId);
  if (!meeting) throw new DomainError('meeting_not_found');
  const member = await currentMember(store, tenantId, meeting.networkId, userId);
  if (!member) throw new DomainError('not_a_member');
  return { meeting, member };
}

/** The network and the user's membership of it. */
export async function networkMember(store: Store, tenantId: string, networkId: string, userId: string): Promise<{ network: Network; member: Member }> {
  const network = await store.getNetwork(tenantId, networkId);
  if (!network) throw new DomainError('network_not_found');
  const member = await currentMember(store, tenantId, networkId, userId);
  if (!member) throw new DomainError('not_a_member');
  return { network, member };
}

import type { Store } from '../app/ports';
import { DomainError } from '../domain/errors';
import type { Meeting } from '../domain/meeting';
import type { Network } from '../domain/network';

/** Where a meeting's cards go, and where they link to. */

/** The meeting's network (its posting address), or network_not_found. */
export async function networkOf(store: Store, meeting: Pick<Meeting, 'tenantId' | 'networkId'>): Promise<Network> {
  const network = await store.getNetwork(meeting.tenantId, meeting.networkId);
  if (!network) throw new DomainError('network_not_found');
  return network;
}

/** The meeting in the channel tab (its agenda, or with `view` its minutes): the cards' "open in the tab". */
export function meetingTabUrl(publicUrl: string, meetingId: string, view?: 'minutes'): string {
  return `${publicUrl}/tab/channel?meeting=${encodeURIComponent(meetingId)}${view ? `&view=${view}` : ''}`;
}

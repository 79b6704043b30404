import type { Store } from '../app/ports';
import { DomainError } from '../domain/errors';
import type { Meeting } from '../domain/meeting';
import type { Network } from '../domain/network';
import { meetingTabLink, type MeetingView, type TabLinkSettings } from '../domain/tab-links';

/** Where a meeting's cards go, and where they link to. */

/** The meeting's network (its posting address), or network_not_found. */
export async function networkOf(store: Store, meeting: Pick<Meeting, 'tenantId' | 'networkId'>): Promise<Network> {
  const network = await store.getNetwork(meeting.tenantId, meeting.networkId);
  if (!network) throw new DomainError('network_not_found');
  return network;
}

/** The meeting's view in the channel tab: the cards' "open in the tab" (a Teams deep link; see domain/tab-links). */
export function meetingTabUrl(links: TabLinkSettings, meeting: Meeting, view: MeetingView = 'agenda'): string {
  return meetingTabLink(links, meeting, view);
}

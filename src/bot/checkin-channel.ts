import { checkinViewOf } from '../app/meetings';
import type { CheckinCardChannel, Clock, Logger, Store } from '../app/ports';
import { checkinCard } from '../cards';
import type { CardRef, Meeting } from '../domain/meeting';
import type { CardUpdater } from './card-updater';
import type { TeamsMessenger } from './teams-messenger';
import { networkOf } from './meeting-places';

/** How long an update may take (with Teams' retries) before another instance may try. */
const SEND_LEASE_MS = 30_000;

/** The shared check-in card in the channel: posted once, refreshed through the coalescing updater. */
export class TeamsCheckinChannel implements CheckinCardChannel {
  constructor(
    private readonly deps: {
      store: Store;
      messenger: TeamsMessenger;
      updater: CardUpdater;
      log: Logger;
      clock: Clock;
      /** Who this service instance is, as a lease owner. */
      instanceId: string;
      intervalMs: number;
    },
  ) {}

  async post(meeting: Meeting): Promise<CardRef> {
    const network = await networkOf(this.deps.store, meeting);
    const records = await this.deps.store.listAttendance(meeting.tenantId, meeting.id);
    const card = checkinCard(checkinViewOf(meeting, records), meeting.locale);
    return this.deps.messenger.post(network.address, meeting.tenantId, meeting.channelId, card);
  }

  requestRefresh(meeting: Meeting): void {
    const { tenantId, id } = meeting;
    this.deps.updater.request(`${tenantId}/${id}`, () => this.refresh(tenantId, id));
  }

  /**
   * Renders the card from what is stored now and puts it in place of the posted one. Across
   * service instances a lease on the card lets one update at a time through, at most one per
   * interval; an instance that finds it taken tries again when it runs out, and renders then,
   * so the card always ends on the final state.
   */
  private async refresh(tenantId: string, meetingId: string): Promise<void | { retryInMs: number }> {
    const { store, messenger, log, clock, instanceId, intervalMs } = this.deps;
    const lease = `card/${meetingId}`;
    const now = clock.now().getTime();
    const taken = await store.tryLease(tenantId, lease, instanceId, now + SEND_LEASE_MS, now);
    if (!taken.ok) return { retryInMs: Math.max(20, taken.untilMs - now) + Math.floor(Math.random() * 50) };
    const meeting = await store.getMeeting(tenantId, meetingId);
    if (!meeting?.card) return;
    const network = await store.getNetwork(tenantId, meeting.networkId);
    if (!network) return;
    const records = await store.listAttendance(tenantId, meetingId);
    try {
      await messenger.update(network.address, tenantId, meeting.card, checkinCard(checkinViewOf(meeting, records), meeting.locale));
    } finally {
      const done = clock.now().getTime();
      await store.tryLease(tenantId, lease, instanceId, done + intervalMs, done);
    }
    log.info({ meetingId, attendance: records.length }, 'check-in card updated');
  }
}

import { checkinViewOf } from '../app/meetings';
import type { CheckinCardChannel, Logger, Store } from '../app/ports';
import { checkinCard } from '../cards';
import { DomainError } from '../domain/errors';
import type { CardRef, Meeting } from '../domain/meeting';
import type { CardUpdater } from './card-updater';
import type { TeamsMessenger } from './teams-messenger';

/** The shared check-in card in the channel: posted once, refreshed through the coalescing updater. */
export class TeamsCheckinChannel implements CheckinCardChannel {
  constructor(
    private readonly deps: { store: Store; messenger: TeamsMessenger; updater: CardUpdater; log: Logger },
  ) {}

  async post(meeting: Meeting): Promise<CardRef> {
    const network = await this.deps.store.getNetwork(meeting.tenantId, meeting.networkId);
    if (!network) throw new DomainError('network_not_found');
    const records = await this.deps.store.listAttendance(meeting.tenantId, meeting.id);
    const card = checkinCard(checkinViewOf(meeting, records), meeting.locale);
    return this.deps.messenger.post(network.address, meeting.tenantId, meeting.channelId, card);
  }

  requestRefresh(meeting: Meeting): void {
    const { tenantId, id } = meeting;
    this.deps.updater.request(`${tenantId}/${id}`, () => this.refresh(tenantId, id));
  }

  /** Renders the card from what is stored now and puts it in place of the posted one. */
  private async refresh(tenantId: string, meetingId: string): Promise<void> {
    const { store, messenger, log } = this.deps;
    const meeting = await store.getMeeting(tenantId, meetingId);
    if (!meeting?.card) return;
    const network = await store.getNetwork(tenantId, meeting.networkId);
    if (!network) return;
    const records = await store.listAttendance(tenantId, meetingId);
    await messenger.update(network.address, tenantId, meeting.card, checkinCard(checkinViewOf(meeting, records), meeting.locale));
    log.info({ meetingId, attendance: records.length }, 'check-in card updated');
  }
}

import { meetingRefresh, viewerOf } from '../app/card-views';
import type { CardDelivery, SharedCard } from '../app/delivery';
import { checkinViewOf, sameDateOf, type CheckinRead } from '../app/meetings';
import type { Actor } from '../app/policy';
import type { CheckinCardChannel, Delivery, Logger, Store } from '../app/ports';
import { checkinCard, type AdaptiveCard } from '../cards';
import type { CheckinNotice } from '../cards/checkin-card';
import type { AttendanceRecord } from '../domain/attendance';
import type { CardRef, Locale, Meeting, SameDateMeeting } from '../domain/meeting';
import type { Member } from '../domain/network';
import type { RenderedCard, SharedCardRenderer } from './delivery';
import type { PersonalCardRenderer } from './personal-cards';

/** How long posting the card waits for Teams before the caller goes on (the outbox delivers it anyway). */
export const POST_WAIT_MS = 3_000;

/** The shared check-in card in the channel: one outbox row, posted once, then refreshed from the store. */
export class TeamsCheckinChannel implements CheckinCardChannel, SharedCardRenderer, PersonalCardRenderer {
  constructor(private readonly deps: { store: Store; delivery: CardDelivery; log: Logger; memberOrganisations?: readonly string[] }) {}

  async post(meeting: Meeting): Promise<CardRef | undefined> {
    const card = sharedCheckinCard(meeting);
    await this.deps.delivery.requestCard(card, { create: true });
    await this.deps.delivery.settle(card, POST_WAIT_MS);
    return (await this.deps.store.getMeeting(meeting.tenantId, meeting.id))?.card;
  }

  /** Records the request and returns at once: the clicker's answer never waits for Teams. */
  requestRefresh(meeting: Meeting): void {
    // A meeting without a card (planned for a term) gets none from a refresh; one being posted has its row.
    void this.deps.delivery
      .requestCard(sharedCheckinCard(meeting), { create: meeting.card !== undefined })
      .catch((err: unknown) => this.deps.log.error({ err, meetingId: meeting.id }, 'could not record a check-in card update'));
  }

  async render(d: Delivery): Promise<RenderedCard | undefined> {
    const meeting = await this.deps.store.getMeeting(d.tenantId, d.meetingId);
    if (!meeting) return undefined;
    const { records, sameDate, members } = await this.read(meeting);
    const view = checkinViewOf(meeting, records, undefined, this.deps.memberOrganisations, sameDate);
    return { card: checkinCard(view, meeting.locale, undefined, { refresh: meetingRefresh(meeting, members, records, 'checkinCard') }), place: meeting.card, channelId: meeting.channelId };
  }

  /** The card as `viewer` sees it: their status, only the buttons they may press, and what their click did (`notice`). */
  async personalCard(meeting: Meeting, viewer: Actor, locale: Locale, notice?: CheckinNotice, read?: CheckinRead): Promise<AdaptiveCard> {
    // After a click, the attendance and the day's meetings were just read: only the roster is left.
    const { records, sameDate, members } = read
      ? { ...read, members: await this.deps.store.listMembers(meeting.tenantId, meeting.networkId) }
      : await this.read(meeting);
    const view = checkinViewOf(meeting, records, viewer.personId, this.deps.memberOrganisations, sameDate);
    return checkinCard(view, locale, notice, { viewer: viewerOf(viewer, meeting, records), refresh: meetingRefresh(meeting, members, records, 'checkinCard') });
  }

  /** What the card shows, read at once: the attendance, the network's meetings that date, and its members (for the refresh). */
  private async read(meeting: Meeting): Promise<{ records: AttendanceRecord[]; sameDate: SameDateMeeting[]; members: Member[] }> {
    const { store } = this.deps;
    const [records, sameDate, members] = await Promise.all([
      store.listAttendance(meeting.tenantId, meeting.id),
      sameDateOf(store, meeting),
      store.listMembers(meeting.tenantId, meeting.networkId),
    ]);
    return { records, sameDate, members };
  }
}

function sharedCheckinCard(meeting: Meeting): SharedCard {
  return { tenantId: meeting.tenantId, networkId: meeting.networkId, meetingId: meeting.id, kind: 'checkinCard' };
}

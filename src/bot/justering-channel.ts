import { justeringAnswers, justeringAudience, type CardRefresh } from '../app/card-views';
import type { CardDelivery, SharedCard } from '../app/delivery';
import type { Actor } from '../app/policy';
import { sameDateOf } from '../app/meetings';
import type { JusteringChannel, JusteringOutcome } from '../app/minutes';
import type { AdaptiveCard } from '../cards';
import type { Clock, Delivery, Logger, Store } from '../app/ports';
import { approvalRequestCard, changeRequestCard, type CardOptions, justerareLeftCard, justeringAnswerCard, justeringStatusCard, minutesCard, overdueCard } from '../cards/justering-cards';
import type { Locale, Meeting } from '../domain/meeting';
import type { ArchivedDocument, MinutesStatus, MinutesVersion } from '../domain/minutes';
import type { Member } from '../domain/network';
import type { RenderedCard, SharedCardRenderer } from './delivery';
import type { PersonalCardRenderer } from './personal-cards';
import { meetingTabUrl } from './meeting-places';
import type { TabLinkSettings } from '../domain/tab-links';

/**
 * Justering in Teams, through the outbox: the justerare's cards in personal chat (one
 * delivery per person and version, and per reminder day), and the status card in the
 * meeting's channel (one row, posted once, then updated in place, always showing the
 * meeting's latest version as stored).
 */
export class TeamsJusteringChannel implements JusteringChannel, SharedCardRenderer, PersonalCardRenderer {
  constructor(private readonly deps: { store: Store; delivery: CardDelivery; clock: Clock; tabLinks: TabLinkSettings; timeZone: string; log: Logger }) {}

  /** What a justerare's card shows after they answered (the invoke's answer). */
  answerCard(outcome: JusteringOutcome, locale: Locale): AdaptiveCard {
    return justeringAnswerCard(outcome, this.cardOptions(outcome.meeting), locale);
  }

  /** Where the cards link (the minutes in the tab), and the time zone their times are in. */
  private cardOptions(meeting: Meeting): { tabUrl: string; timeZone: string } {
    return { tabUrl: meetingTabUrl(this.deps.tabLinks, meeting, 'minutes'), timeZone: this.deps.timeZone };
  }

  /** cardOptions and the network's meetings on the meeting's date, for cards whose title tells them apart. */
  private async titledOptions(meeting: Meeting): Promise<CardOptions> {
    return { ...this.cardOptions(meeting), sameDate: await sameDateOf(this.deps.store, meeting) };
  }

  async askJusterare(meeting: Meeting, version: MinutesVersion, justerare: Member, reminder: boolean): Promise<void> {
    const card = approvalRequestCard(meeting, version, { ...(await this.titledOptions(meeting)), reminder }, meeting.locale);
    const when = reminder ? `reminder/${this.day()}` : 'asked';
    await this.personal(meeting, `justering/${meeting.id}/${version.number}/${justerare.id}/${when}`, justerare, card);
  }

  /** Records the status card's update and returns; never rejects (a failure to record is logged). */
  async showStatus(meeting: Meeting): Promise<void> {
    await this.deps.delivery
      .requestCard(sharedStatusCard(meeting), { create: true })
      .catch((err: unknown) => this.deps.log.error({ err, meetingId: meeting.id }, 'could not record a justering status card update'));
  }

  /** The approved minutes as a new post in the channel, once per version. */
  async postMinutes(meeting: Meeting, version: MinutesVersion, documents: readonly ArchivedDocument[]): Promise<void> {
    await this.deps.delivery.send({
      tenantId: meeting.tenantId,
      networkId: meeting.networkId,
      meetingId: meeting.id,
      kind: 'post',
      id: `minutes/${meeting.id}/${version.number}`,
      to: meeting.channelId,
      card: minutesCard(version, documents, await this.titledOptions(meeting), meeting.locale),
    });
  }

  async tellSecretary(meeting: Meeting, version: MinutesVersion, secretary: Member, request: { name: string; comment: string }): Promise<void> {
    const card = changeRequestCard(version, request, this.cardOptions(meeting).tabUrl, meeting.locale);
    await this.personal(meeting, `change-request/${meeting.id}/${version.number}/${version.changeRequests.length}/${secretary.id}`, secretary, card);
  }

  async tellJusterareLeft(meeting: Meeting, version: MinutesVersion, secretary: Member, justerare: { name: string }): Promise<void> {
    const card = justerareLeftCard(version, justerare, this.cardOptions(meeting).tabUrl, meeting.locale);
    await this.personal(meeting, `justerare-left/${meeting.id}/${version.number}/${justerare.name}/${secretary.id}`, secretary, card);
  }

  async tellOverdue(meeting: Meeting, people: Member[], status: MinutesStatus): Promise<void> {
    for (const person of people) {
      await this.personal(meeting, `overdue/${meeting.id}/${person.id}`, person, overdueCard(meeting, status, this.cardOptions(meeting).tabUrl, meeting.locale));
    }
  }

  async render(d: Delivery): Promise<RenderedCard | undefined> {
    const meeting = await this.deps.store.getMeeting(d.tenantId, d.meetingId);
    const latest = (await this.deps.store.listMinutesVersions(d.tenantId, d.meetingId)).at(-1);
    if (!meeting || !latest) return undefined;
    const refresh = await this.refresh(meeting, latest);
    return { card: justeringStatusCard(latest, { ...(await this.titledOptions(meeting)), refresh }, meeting.locale), place: meeting.justeringCard, channelId: meeting.channelId };
  }

  /** The status card as `viewer` sees it: a justerare still to answer has their buttons on it. */
  async personalCard(meeting: Meeting, viewer: Actor, locale: Locale): Promise<AdaptiveCard | undefined> {
    const latest = (await this.deps.store.listMinutesVersions(meeting.tenantId, meeting.id)).at(-1);
    if (!latest) return undefined;
    const opts = { ...(await this.titledOptions(meeting)), refresh: await this.refresh(meeting, latest), answers: justeringAnswers(viewer, meeting, latest) };
    return justeringStatusCard(latest, opts, locale);
  }

  /** Who gets their own view of the status card: the justerare still to answer. */
  private async refresh(meeting: Meeting, version: MinutesVersion): Promise<CardRefresh> {
    const members = await this.deps.store.listMembers(meeting.tenantId, meeting.networkId);
    return { meetingId: meeting.id, card: 'justeringCard', userIds: justeringAudience(meeting, version, members) };
  }

  private personal(meeting: Meeting, id: string, to: Member, card: AdaptiveCard): Promise<void> {
    return this.deps.delivery.send({ tenantId: meeting.tenantId, networkId: meeting.networkId, meetingId: meeting.id, kind: 'personal', id, to: to.teamsUserId, card });
  }

  /** The day a reminder is sent: one reminder card per person, version and day. */
  private day(): string {
    return this.deps.clock.now().toISOString().slice(0, 10);
  }
}

function sharedStatusCard(meeting: Meeting): SharedCard {
  return { tenantId: meeting.tenantId, networkId: meeting.networkId, meetingId: meeting.id, kind: 'justeringCard' };
}

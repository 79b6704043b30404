import type { JusteringChannel, JusteringOutcome } from '../app/minutes';
import type { AdaptiveCard } from '../cards';
import type { Logger, Store } from '../app/ports';
import { approvalRequestCard, changeRequestCard, justerareLeftCard, justeringAnswerCard, justeringStatusCard, minutesCard, overdueCard } from '../cards/justering-cards';
import type { CardRef, Locale, Meeting } from '../domain/meeting';
import type { ArchivedDocument, MinutesStatus, MinutesVersion } from '../domain/minutes';
import type { Member, Network } from '../domain/network';
import type { TeamsMessenger } from './teams-messenger';
import { meetingTabUrl, networkOf } from './meeting-places';

/**
 * Justering in Teams: the justerare's cards in personal chat, and the status card in the
 * meeting's channel (posted once, then updated in place; updates of one meeting run one at a
 * time and always render the version as stored, so the last update shows the latest state).
 */
export class TeamsJusteringChannel implements JusteringChannel {
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: { store: Store; messenger: TeamsMessenger; publicUrl: string; timeZone: string; log: Logger }) {}

  /** What a justerare's card shows after they answered (the invoke's answer). */
  answerCard(outcome: JusteringOutcome, locale: Locale): AdaptiveCard {
    return justeringAnswerCard(outcome, this.cardOptions(outcome.meeting), locale);
  }

  /** Where the cards link (the minutes in the tab), and the time zone their times are in. */
  private cardOptions(meeting: Meeting): { tabUrl: string; timeZone: string } {
    return { tabUrl: meetingTabUrl(this.deps.publicUrl, meeting.id, 'minutes'), timeZone: this.deps.timeZone };
  }

  async askJusterare(meeting: Meeting, version: MinutesVersion, justerare: Member, reminder: boolean): Promise<void> {
    const network = await this.network(meeting);
    const card = approvalRequestCard(meeting, version, { ...this.cardOptions(meeting), reminder }, meeting.locale);
    await this.deps.messenger.sendPersonal(network.address, meeting.tenantId, justerare.teamsUserId, card).catch((err: unknown) => {
      this.deps.log.warn({ err, member: justerare.id, meetingId: meeting.id }, 'could not send the justering card');
    });
  }

  /** Never rejects: a failed update is logged, and the next update renders the latest state anyway. */
  showStatus(meeting: Meeting, version: MinutesVersion): Promise<void> {
    return this.serial(`${meeting.tenantId}/${meeting.id}`, async () => {
      const fresh = (await this.deps.store.getMinutesVersion(version.tenantId, version.meetingId, version.number))?.version ?? version;
      const current = (await this.deps.store.getMeeting(meeting.tenantId, meeting.id)) ?? meeting;
      const network = await this.network(current);
      const card = justeringStatusCard(fresh, this.cardOptions(current), current.locale);
      if (current.justeringCard) {
        await this.deps.messenger.update(network.address, current.tenantId, current.justeringCard, card);
        return;
      }
      const ref = await this.deps.messenger.post(network.address, current.tenantId, current.channelId, card);
      await this.deps.store.setJusteringCard(current.tenantId, current.id, ref);
    }).catch((err: unknown) => this.deps.log.warn({ err, meetingId: meeting.id }, 'could not update the justering status card'));
  }

  /** The approved minutes as a new post in the channel. */
  async postMinutes(meeting: Meeting, version: MinutesVersion, documents: readonly ArchivedDocument[]): Promise<CardRef> {
    const network = await this.network(meeting);
    const card = minutesCard(version, documents, this.cardOptions(meeting), meeting.locale);
    return this.deps.messenger.post(network.address, meeting.tenantId, meeting.channelId, card);
  }

  async tellSecretary(meeting: Meeting, version: MinutesVersion, secretary: Member, request: { name: string; comment: string }): Promise<void> {
    const network = await this.network(meeting);
    await this.deps.messenger
      .sendPersonal(network.address, meeting.tenantId, secretary.teamsUserId, changeRequestCard(version, request, this.cardOptions(meeting).tabUrl, meeting.locale))
      .catch((err: unknown) => this.deps.log.warn({ err, member: secretary.id }, 'could not tell the secretary about a change request'));
  }

  async tellJusterareLeft(meeting: Meeting, version: MinutesVersion, secretary: Member, justerare: { name: string }): Promise<void> {
    const network = await this.network(meeting);
    await this.deps.messenger
      .sendPersonal(network.address, meeting.tenantId, secretary.teamsUserId, justerareLeftCard(version, justerare, this.cardOptions(meeting).tabUrl, meeting.locale))
      .catch((err: unknown) => this.deps.log.warn({ err, member: secretary.id }, 'could not tell the secretary that a justerare left'));
  }

  async tellOverdue(meeting: Meeting, people: Member[], status: MinutesStatus): Promise<void> {
    const network = await this.network(meeting);
    for (const person of people) {
      await this.deps.messenger
        .sendPersonal(network.address, meeting.tenantId, person.teamsUserId, overdueCard(meeting, status, this.cardOptions(meeting).tabUrl, meeting.locale))
        .catch((err: unknown) => this.deps.log.warn({ err, member: person.id }, 'could not send the overdue notice'));
    }
  }

  private serial(key: string, task: () => Promise<void>): Promise<void> {
    const before = this.chains.get(key) ?? Promise.resolve();
    const next = before.catch(() => undefined).then(task);
    this.chains.set(key, next);
    void next.finally(() => {
      if (this.chains.get(key) === next) this.chains.delete(key);
    }).catch(() => undefined);
    return next;
  }

  private network(meeting: Meeting): Promise<Network> {
    return networkOf(this.deps.store, meeting);
  }
}

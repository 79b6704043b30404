import type { AgendaCardChannel } from '../app/agendas';
import { meetingRefresh, viewerOf, type CardRefresh, type CardViewer } from '../app/card-views';
import type { Actor } from '../app/policy';
import type { PersonalCardRenderer } from './personal-cards';
import { sameDateOf } from '../app/meetings';
import type { CardDelivery, SharedCard } from '../app/delivery';
import type { Clock, Delivery, Store } from '../app/ports';
import { agendaCard } from '../cards/agenda-card';
import { scheduleItems, type Agenda } from '../domain/agenda';
import { DomainError } from '../domain/errors';
import type { AttendanceRecord } from '../domain/attendance';
import type { CardRef, Locale, Meeting } from '../domain/meeting';
import type { Member } from '../domain/network';
import { ownersText, type OpenAction } from '../domain/minutes';
import { POST_WAIT_MS } from './checkin-channel';
import type { RenderedCard, SharedCardRenderer } from './delivery';
import { meetingTabUrl } from './meeting-places';
import type { TabLinkSettings } from '../domain/tab-links';

/** The agenda card in the meeting's channel: posted at the first publishing, updated in place after (one outbox row, showing the latest published version). */
export class TeamsAgendaChannel implements AgendaCardChannel, SharedCardRenderer, PersonalCardRenderer {
  constructor(
    private readonly deps: {
      store: Store;
      delivery: CardDelivery;
      clock: Clock;
      /** Where the cards' links into the tab point. */
      tabLinks: TabLinkSettings;
      timeZone: string;
      /** Open action items from the network's earlier approved minutes. */
      openActions: (meeting: Meeting) => Promise<OpenAction[]>;
    },
  ) {}

  async post(meeting: Meeting): Promise<CardRef | undefined> {
    const card = sharedAgendaCard(meeting);
    await this.deps.delivery.requestCard(card, { create: true });
    await this.deps.delivery.settle(card, POST_WAIT_MS);
    const shown = (await this.deps.store.getMeeting(meeting.tenantId, meeting.id))?.agendaCard;
    return shown && { conversationId: shown.conversationId, activityId: shown.activityId };
  }

  async update(meeting: Meeting): Promise<void> {
    await this.deps.delivery.requestCard(sharedAgendaCard(meeting), { create: true });
  }

  /** The published agenda again as a new post, once per version and day (the scheduler decides when). */
  async postReminder(meeting: Meeting, agenda: Agenda): Promise<void> {
    const day = this.deps.clock.now().toISOString().slice(0, 10);
    await this.deps.delivery.send({
      tenantId: meeting.tenantId,
      networkId: meeting.networkId,
      meetingId: meeting.id,
      kind: 'post',
      id: `agenda-reminder/${meeting.id}/${agenda.version}/${day}`,
      to: meeting.channelId,
      card: await this.card(meeting, agenda, { reminder: true }),
    });
  }

  async render(d: Delivery): Promise<RenderedCard | undefined> {
    const meeting = await this.deps.store.getMeeting(d.tenantId, d.meetingId);
    const published = (await this.deps.store.listAgendaVersions(d.tenantId, d.meetingId)).at(-1);
    if (!meeting || !published) return undefined;
    const place = meeting.agendaCard && { conversationId: meeting.agendaCard.conversationId, activityId: meeting.agendaCard.activityId };
    const { records, members } = await this.attendanceAndMembers(meeting);
    const refresh = meetingRefresh(meeting, members, records, 'agendaCard');
    return { card: await this.card(meeting, published, { refresh }), place, channelId: meeting.channelId, shows: published.version };
  }

  /** The published agenda as `viewer` sees it: their attendance, and only the buttons they may press. */
  async personalCard(meeting: Meeting, viewer: Actor, locale: Locale): Promise<ReturnType<typeof agendaCard> | undefined> {
    const published = (await this.deps.store.listAgendaVersions(meeting.tenantId, meeting.id)).at(-1);
    if (!published) return undefined;
    const { records, members } = await this.attendanceAndMembers(meeting);
    return this.card(meeting, published, { refresh: meetingRefresh(meeting, members, records, 'agendaCard'), viewer: viewerOf(viewer, meeting, records), locale });
  }

  /** The meeting's attendance and the network's members: who gets their own view, and what theirs says. */
  private async attendanceAndMembers(meeting: Meeting): Promise<{ records: AttendanceRecord[]; members: Member[] }> {
    const [records, members] = await Promise.all([
      this.deps.store.listAttendance(meeting.tenantId, meeting.id),
      this.deps.store.listMembers(meeting.tenantId, meeting.networkId),
    ]);
    return { records, members };
  }

  /**
   * The agenda card: the shared one (with a refresh naming who gets their own view, unless it is
   * a reminder post), or a viewer's own.
   */
  private async card(meeting: Meeting, agenda: Agenda, opts: { reminder?: boolean; refresh?: CardRefresh; viewer?: CardViewer; locale?: Locale } = {}): Promise<ReturnType<typeof agendaCard>> {
    const reminder = opts.reminder ?? false;
    const open = await this.deps.openActions(meeting);
    const schedule = scheduleItems(agenda, meeting.start, meeting.end);
    if (!schedule.ok) throw new DomainError('internal', 'meeting times do not parse');
    return agendaCard(
      {
        meeting,
        agenda,
        schedule: schedule.value,
        tabUrl: meetingTabUrl(this.deps.tabLinks, meeting),
        timeZone: this.deps.timeZone,
        sameDate: await sameDateOf(this.deps.store, meeting),
        openActions: open.map((o) => ({ text: o.action.text, owner: ownersText(o.action.owners), meetingDate: o.meetingDate, ...(o.action.due ? { due: o.action.due } : {}) })),
        ...(reminder ? { reminder: true } : {}),
        ...(agenda.version > 1 && agenda.publishedAt && agenda.changes ? { changeNote: { at: agenda.publishedAt, changes: agenda.changes } } : {}),
        ...(opts.viewer ? { viewer: opts.viewer } : {}),
        ...(opts.refresh ? { refresh: opts.refresh } : {}),
      },
      opts.locale ?? meeting.locale,
    );
  }
}

function sharedAgendaCard(meeting: Meeting): SharedCard {
  return { tenantId: meeting.tenantId, networkId: meeting.networkId, meetingId: meeting.id, kind: 'agendaCard' };
}

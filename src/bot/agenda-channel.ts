import type { AgendaCardChannel } from '../app/agendas';
import type { Store } from '../app/ports';
import { agendaCard } from '../cards/agenda-card';
import { scheduleItems, type Agenda } from '../domain/agenda';
import { DomainError } from '../domain/errors';
import type { CardRef, Meeting } from '../domain/meeting';
import type { OpenAction } from '../domain/minutes';
import type { TeamsMessenger } from './teams-messenger';
import { meetingTabUrl, networkOf } from './meeting-places';
import type { Network } from '../domain/network';

/** The agenda card in the meeting's channel: posted at the first publishing, updated in place after. */
export class TeamsAgendaChannel implements AgendaCardChannel {
  constructor(
    private readonly deps: {
      store: Store;
      messenger: TeamsMessenger;
      publicUrl: string;
      timeZone: string;
      /** Open action items from the network's earlier approved minutes. */
      openActions: (meeting: Meeting) => Promise<OpenAction[]>;
    },
  ) {}

  async post(meeting: Meeting, agenda: Agenda): Promise<CardRef> {
    const network = await this.network(meeting);
    return this.deps.messenger.post(network.address, meeting.tenantId, meeting.channelId, await this.card(meeting, agenda));
  }

  async update(meeting: Meeting, agenda: Agenda, ref: CardRef): Promise<void> {
    const network = await this.network(meeting);
    await this.deps.messenger.update(network.address, meeting.tenantId, ref, await this.card(meeting, agenda));
  }

  async postReminder(meeting: Meeting, agenda: Agenda): Promise<void> {
    const network = await this.network(meeting);
    await this.deps.messenger.post(network.address, meeting.tenantId, meeting.channelId, await this.card(meeting, agenda, true));
  }

  private async card(meeting: Meeting, agenda: Agenda, reminder = false): Promise<ReturnType<typeof agendaCard>> {
    const open = await this.deps.openActions(meeting);
    const schedule = scheduleItems(agenda, meeting.start, meeting.end);
    if (!schedule.ok) throw new DomainError('internal', 'meeting times do not parse');
    return agendaCard(
      {
        meeting,
        agenda,
        schedule: schedule.value,
        tabUrl: meetingTabUrl(this.deps.publicUrl, meeting.id),
        timeZone: this.deps.timeZone,
        openActions: open.map((o) => ({ text: o.action.text, owner: o.action.owner.name, meetingDate: o.meetingDate, ...(o.action.due ? { due: o.action.due } : {}) })),
        ...(reminder ? { reminder: true } : {}),
        ...(agenda.version > 1 && agenda.publishedAt && agenda.changes ? { changeNote: { at: agenda.publishedAt, changes: agenda.changes } } : {}),
      },
      meeting.locale,
    );
  }

  private network(meeting: Meeting): Promise<Network> {
    return networkOf(this.deps.store, meeting);
  }
}

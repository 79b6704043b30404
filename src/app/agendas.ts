import { addItem, agendaProblems, diffAgendas, publishAgenda, templateAgenda, type AgendaItemDraft, type Agenda, type AgendaItem, type AgendaProblem } from '../domain/agenda';
import { buildTemplate, defaultTemplate, type AgendaTemplate, type TemplateItemInput } from '../domain/agenda-template';
import { DomainError } from '../domain/errors';
import { localDate, type Meeting } from '../domain/meeting';
import { agendaReminderJobs, jobStillFor } from './meeting-reminders';
import type { Clock, IdSource, Job, Store } from './ports';
import { Access, capabilities, meetingTarget, networkTarget, type Caller, type Capabilities, type PolicyAction } from './policy';

/** Posts and updates the agenda card in the network's channel. */
export interface AgendaCardChannel {
  /** Posts the card; where it landed, or undefined while it is on its way (the delivery records the place and the version shown). */
  post(meeting: Meeting, agenda: Agenda): Promise<{ conversationId: string; activityId: string } | undefined>;
  /** The published agenda again, as a new post marked as a reminder. */
  postReminder(meeting: Meeting, agenda: Agenda): Promise<void>;
  update(meeting: Meeting, agenda: Agenda, card: { conversationId: string; activityId: string }): Promise<void>;
}

/** The agenda's items did not pass validation; nothing was saved. */
export class AgendaInvalid extends DomainError {
  constructor(readonly problems: AgendaProblem[]) {
    super('bad_request', 'agenda invalid');
  }
}

/** An item as the tab sends it: no id for a new item; the standard and template markers are never the client's. */
export type ItemInput = AgendaItemDraft & { id?: string };

export interface VersionedAgenda {
  agenda: Agenda;
  etag: string;
  meeting: Meeting;
  /** What the caller may do to the meeting (edit its agenda, decide proposals, …). */
  capabilities: Capabilities;
}

export interface VersionedTemplate {
  template: AgendaTemplate;
  /** `DEFAULT_TEMPLATE_ETAG` while the network has none of its own. */
  etag: string;
  /** Whether the network uses the default (it never saved one). */
  isDefault: boolean;
  /** What the caller may do to the network (edit the template, …). */
  capabilities: Capabilities;
}

/** The ETag of a network's template while it has none of its own: saving under it creates one. */
export const DEFAULT_TEMPLATE_ETAG = '"default"';

/** Building an agenda in the tab and publishing it to the channel. */
export class AgendaService {
  private readonly access: Access;

  constructor(
    private readonly deps: {
      store: Store;
      clock: Clock;
      ids: IdSource;
      channel: AgendaCardChannel;
      /** Days before the meeting when the agenda is posted again (default 7 and 1). */
      reminderDays: readonly number[];
      timeZone: string;
      /** Posts the meeting's check-in card if it has none (meetings planned for a term). */
      ensureCheckinCard: (meeting: Meeting) => Promise<unknown>;
    },
  ) {
    this.access = new Access(deps.store);
  }

  /** The network's agenda template, or the default while it has none. Any member may read. */
  async readTemplate(caller: Caller, networkId: string): Promise<VersionedTemplate> {
    const { network, actor } = await this.access.network(caller, networkId);
    return { ...(await this.templateOf(caller.tenantId, network.id)), capabilities: capabilities(actor, networkTarget(network)) };
  }

  /** Replaces the network's template when `ifMatch` is its current ETag; the chair group only. Agendas already started keep theirs. */
  async saveTemplate(caller: Caller, networkId: string, input: { opening: readonly TemplateItemInput[]; closing: readonly TemplateItemInput[] }, ifMatch: string): Promise<VersionedTemplate> {
    const { network, actor } = await this.access.network(caller, networkId, 'editAgendaTemplate');
    const current = await this.templateOf(caller.tenantId, network.id);
    if (current.etag !== ifMatch) throw new DomainError('conflict');
    const built = buildTemplate({ tenantId: caller.tenantId, networkId: network.id }, input, () => this.deps.ids.newId());
    if (!built.ok) throw new AgendaInvalid(built.problems);
    const next: AgendaTemplate = { ...built.value, updatedBy: { id: caller.userId, name: actor.name }, updatedAt: this.deps.clock.now().toISOString() };
    const etag = await this.deps.store.saveAgendaTemplate(next, current.isDefault ? undefined : ifMatch);
    if (!etag) throw new DomainError('conflict');
    return { template: next, etag, isDefault: false, capabilities: capabilities(actor, networkTarget(network)) };
  }

  private async templateOf(tenantId: string, networkId: string): Promise<Omit<VersionedTemplate, 'capabilities'>> {
    const stored = await this.deps.store.getAgendaTemplate(tenantId, networkId);
    return stored ? { ...stored, isDefault: false } : { template: defaultTemplate(tenantId, networkId), etag: DEFAULT_TEMPLATE_ETAG, isDefault: true };
  }

  /** The meeting's draft; the first read starts it from the network's template. Any member may read. */
  async read(caller: Caller, meetingId: string, action: PolicyAction = 'readNetwork'): Promise<VersionedAgenda> {
    const { meeting, capabilities } = await this.meetingFor(caller, meetingId, action);
    const { store, ids } = this.deps;
    for (;;) {
      const found = await store.getAgenda(caller.tenantId, meetingId);
      if (found) return { ...found, meeting, capabilities };
      const { template } = await this.templateOf(caller.tenantId, meeting.networkId);
      const draft = templateAgenda({ tenantId: caller.tenantId, meetingId }, () => ids.newId(), template);
      const etag = await store.saveAgenda(draft, undefined);
      if (etag) return { agenda: draft, etag, meeting, capabilities };
    }
  }

  /** Replaces the items (order as given) when `ifMatch` is the current ETag; editors only. */
  async saveItems(caller: Caller, meetingId: string, items: readonly ItemInput[], ifMatch: string): Promise<VersionedAgenda> {
    const { agenda } = await this.editable(caller, meetingId);
    const known = new Map(agenda.items.map((i) => [i.id, i]));
    const next: Agenda = {
      ...agenda,
      items: items.map((input): AgendaItem => {
        const before = input.id ? known.get(input.id) : undefined;
        return {
          id: before?.id ?? this.deps.ids.newId(),
          title: input.title,
          ...(input.presenter ? { presenter: input.presenter } : {}),
          durationMin: input.durationMin,
          kind: input.kind,
          description: input.description ?? '',
          links: input.links ?? [],
          ...(before?.standard ? { standard: before.standard } : {}),
          ...(before?.frame ? { frame: before.frame } : {}),
        };
      }),
    };
    const problems = agendaProblems(next);
    if (problems.length > 0) throw new AgendaInvalid(problems);
    // Edits after publishing make it a draft again (version kept) until it is published anew.
    const published = (await this.deps.store.listAgendaVersions(caller.tenantId, meetingId)).at(-1);
    const status = published && diffAgendas(published, next).length === 0 ? 'published' : 'draft';
    return this.write(caller, meetingId, { ...next, status }, ifMatch);
  }

  /** Publishes the draft as a new version and posts (or updates) its card in the channel. */
  async publish(caller: Caller, meetingId: string, ifMatch: string): Promise<VersionedAgenda> {
    const { agenda, etag } = await this.editable(caller, meetingId);
    if (etag !== ifMatch) throw new DomainError('conflict');
    const versions = await this.deps.store.listAgendaVersions(caller.tenantId, meetingId);
    const result = publishAgenda(agenda, this.deps.clock.now().toISOString(), versions.at(-1));
    if (!result.ok) throw new AgendaInvalid(result.problems);
    let current: VersionedAgenda;
    if (result.value === agenda) {
      current = { agenda, etag, ...(await this.meetingFor(caller, meetingId, 'editAgenda')) };
    } else {
      current = await this.write(caller, meetingId, result.value, ifMatch);
      await this.deps.store.keepAgendaVersion(result.value);
    }
    if (!current.meeting.card) await this.deps.ensureCheckinCard(current.meeting);
    await this.showOnCard(current.meeting, current.agenda);
    await this.scheduleReminders(current.meeting);
    return { ...current, ...(await this.meetingFor(caller, meetingId, 'editAgenda')) };
  }

  /**
   * Adds an accepted proposal to the draft before the closing items (under the proposal's id,
   * so accepting twice adds it once). The channel's card does not change: the chair group sees
   * the schedule with the item in place and publishes when they are ready.
   */
  async addAcceptedItem(caller: Caller, meetingId: string, id: string, draft: AgendaItemDraft): Promise<VersionedAgenda> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.editable(caller, meetingId);
      if (current.agenda.items.some((i) => i.id === id)) return current;
      const added = addItem(current.agenda, id, draft);
      if (!added.ok) throw new AgendaInvalid(added.problems);
      try {
        // A new item makes a published agenda a draft again, as any edit does, until it is published anew.
        return await this.write(caller, meetingId, { ...added.value, status: 'draft' }, current.etag);
      } catch (err) {
        if (!(err instanceof DomainError && err.code === 'conflict') || attempt >= 5) throw err;
      }
    }
  }

  /** The reminder job: posts the published agenda again, unless the meeting is past or nothing is published. */
  async remind(job: Job): Promise<'posted' | 'skipped'> {
    const { store, clock, timeZone, channel } = this.deps;
    const meeting = await store.getMeeting(job.tenantId, job.meetingId);
    // The reminder shows the version members were given, not edits not yet published.
    const published = (await store.listAgendaVersions(job.tenantId, job.meetingId)).at(-1);
    if (!meeting || !published) return 'skipped';
    // Cancelled, or reckoned from the date before a move (the move stored the new one).
    if (!jobStillFor(job, meeting)) return 'skipped';
    if (meeting.date < localDate(clock.now(), timeZone)) return 'skipped';
    await channel.postReminder(meeting, published);
    return 'posted';
  }

  /** One stored job per reminder day (scheduling again changes nothing); none for a time already past. */
  private async scheduleReminders(meeting: Meeting): Promise<void> {
    const now = this.deps.clock.now().toISOString();
    for (const job of agendaReminderJobs(meeting, this.deps.reminderDays, this.deps.timeZone)) {
      if (job.dueAt > now) await this.deps.store.scheduleJob(job);
    }
  }

  /** Brings the channel's card up to the published version: posted once, then updated in place. */
  private async showOnCard(meeting: Meeting, agenda: Agenda): Promise<void> {
    if (agenda.status !== 'published') return;
    const shown = meeting.agendaCard;
    if (shown && shown.version >= agenda.version) return;
    const ref = shown ? shown : await this.deps.channel.post(meeting, agenda);
    if (shown) await this.deps.channel.update(meeting, agenda, shown);
    if (ref) await this.deps.store.setAgendaCard(meeting.tenantId, meeting.id, { conversationId: ref.conversationId, activityId: ref.activityId, version: agenda.version });
  }

  private async write(caller: Caller, meetingId: string, next: Agenda, ifMatch: string): Promise<VersionedAgenda> {
    const etag = await this.deps.store.saveAgenda(next, ifMatch);
    if (!etag) throw new DomainError('conflict');
    return { agenda: next, etag, ...(await this.meetingFor(caller, meetingId, 'editAgenda')) };
  }

  /** The agenda, when the caller may edit it. */
  private editable(caller: Caller, meetingId: string): Promise<VersionedAgenda> {
    return this.read(caller, meetingId, 'editAgenda');
  }

  /** The meeting as it is stored now, when the caller may do `action` to it, and what else they may. */
  private async meetingFor(caller: Caller, meetingId: string, action: PolicyAction): Promise<{ meeting: Meeting; capabilities: Capabilities }> {
    const { meeting, actor } = await this.access.meeting(caller, meetingId, action);
    return { meeting, capabilities: capabilities(actor, meetingTarget(meeting)) };
  }
}

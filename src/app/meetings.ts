import { summarizeAttendance, type AttendanceRecord, type AttendanceStatus, type AttendanceSummary } from '../domain/attendance';
import { DomainError } from '../domain/errors';
import { KeptLast } from '../domain/frozen';
import {
  localDate,
  validateMeetingForm,
  type Locale,
  type Meeting,
  type MeetingField,
  type MeetingFieldError,
  type MeetingFormValues,
  type Person,
  type SameDateMeeting,
} from '../domain/meeting';
import { parseTermPlan, type TermMeetingDraft, type TermPlanProblem } from '../domain/term-plan';
import type { CheckinCardChannel, Clock, Store } from './ports';
import { Access, callerOf, can, capabilities, meetingTarget, mustBeAllowed, networkTarget, type Caller, type Capabilities } from './policy';
import { SingleFlight } from './single-flight';
import { scheduleOverdueCheck } from './justering-reminders';
import { rescheduleReminders } from './meeting-reminders';
import type { CardDelivery, SharedCardKind } from './delivery';

export interface CheckinView {
  meeting: Meeting;
  summary: AttendanceSummary;
  /** The viewer's own status, for the card the clicker gets back. */
  mine?: AttendanceStatus | 'none';
  /** The network's meetings on the meeting's date, to tell them apart in the title (see sameDateOf). */
  sameDate?: readonly SameDateMeeting[];
}

/** What a meeting's check-in card is made from besides the meeting: its attendance and the network's meetings that date. */
export interface CheckinRead {
  records: AttendanceRecord[];
  sameDate: SameDateMeeting[];
}

/**
 * The check-in view of a meeting; with a viewer, it also holds that person's own status.
 */
export function checkinViewOf(
  meeting: Meeting,
  records: readonly AttendanceRecord[],
  viewerId?: string,
  members?: readonly string[],
  sameDate?: readonly SameDateMeeting[],
): CheckinView {
  const view: CheckinView = { meeting, summary: summaryOf(meeting, records, members) };
  if (viewerId !== undefined) view.mine = records.find((r) => r.personId === viewerId)?.status ?? 'none';
  if (sameDate && sameDate.length > 1) view.sameDate = sameDate;
  return view;
}

/**
 * The attendance summary of a meeting, made again only when its answers changed. Every click of a
 * burst of check-ins answers with the card as the attendance stands, and the answers stand the same
 * for many clicks in turn (the clicks in flight together); sorting everyone by name once per change
 * rather than once per click keeps the 500th person's answer as cheap as the 5th's. The summary is
 * shared and must not be changed: the cards built from it keep their parts by it (checkinCard).
 */
export function summaryOf(meeting: Pick<Meeting, 'tenantId' | 'id'>, records: readonly AttendanceRecord[], members?: readonly string[]): AttendanceSummary {
  const key = `${meeting.tenantId}\n${meeting.id}`;
  const kept = SUMMARIES.get(key);
  if (kept && kept.members === members && sameAnswers(kept.records, records)) return kept.summary;
  const summary = summarizeAttendance(records, members);
  SUMMARIES.set(key, { records: [...records], members, summary });
  return summary;
}

/** The last summary per meeting (the meetings being checked in to now), with what it was made from. */
const SUMMARIES = new KeptLast<{ records: readonly AttendanceRecord[]; members: readonly string[] | undefined; summary: AttendanceSummary }>(256);

/** Whether two lists hold the same answers in the same order (what a summary shows of them); the same record objects are compared by reference. */
function sameAnswers(a: readonly AttendanceRecord[], b: readonly AttendanceRecord[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (!x || !y || x.personId !== y.personId || x.status !== y.status || x.name !== y.name || x.municipality !== y.municipality || x.guest !== y.guest) return false;
  }
  return true;
}

/**
 * The network's meetings on the meeting's date (itself included): what titles need to tell two
 * meetings of one day apart (meetingDistinction). Read where the meeting is loaded rather than
 * stored on it, so a meeting added, moved or removed later changes the titles without a migration.
 */
export async function sameDateOf(store: Pick<Store, 'listMeetings'>, meeting: Pick<Meeting, 'tenantId' | 'networkId' | 'date'> & { id?: string }): Promise<Meeting[]> {
  // A cancelled meeting no longer needs telling apart from the others; it still tells itself apart.
  return (await store.listMeetings(meeting.tenantId, meeting.networkId, meeting.date, meeting.date)).filter((m) => m.date === meeting.date && (!m.cancelled || m.id === meeting.id));
}

export interface CreateMeeting {
  tenantId: string;
  networkId: string;
  /** Where its cards go: the channel the form was sent in; from the tab, the network's meetings channel (channelForMeetings). */
  channelId?: string;
  /** Id minted into the form card: a retried submit creates nothing new. */
  formId: string;
  values: MeetingFormValues;
  by: Person;
  locale: Locale;
  /** Confirmed by the chair group: a meeting that already took place, recorded to write its minutes. */
  past?: boolean;
}

export type CreateMeetingResult =
  | { ok: true; meeting: Meeting }
  /** `confirmPast`: the only problem is a date gone by, and the caller may record a past meeting: ask them. */
  | { ok: false; errors: Partial<Record<MeetingField, MeetingFieldError>>; confirmPast?: boolean };

/** A meeting form with problems at its fields, for the tab API (400 with each problem at its field). */
export class MeetingInvalid extends DomainError {
  constructor(readonly errors: Partial<Record<MeetingField, MeetingFieldError>>) {
    super('bad_request', `meeting invalid: ${Object.keys(errors).join(', ')}`);
  }
}

/** Where a meeting made outside a channel (term plan, the tab) posts its cards: the first channel besides General, else General. */
export function channelForMeetings(network: { id: string; channels: readonly { id: string }[] }): string {
  return network.channels.find((c) => c.id !== network.id)?.id ?? network.id;
}

/** The shared cards a meeting may have in its channel; a life event brings each one it has up to date. */
const MEETING_CARDS: readonly SharedCardKind[] = ['checkinCard', 'agendaCard', 'justeringCard'];

export class MeetingService {
  private readonly posting = new SingleFlight();
  private readonly access: Access;

  constructor(
    private readonly deps: {
      store: Store;
      clock: Clock;
      channel: CheckinCardChannel;
      timeZone: string;
      memberOrganisations?: readonly string[];
      /** Brings a moved or cancelled meeting's cards up to date (posts none). */
      delivery?: Pick<CardDelivery, 'requestCard'>;
      /** Days before the meeting when the agenda is posted again (the reminders a move reschedules). */
      reminderDays?: readonly number[];
    },
  ) {
    this.access = new Access(deps.store);
  }

  async create(cmd: CreateMeeting): Promise<CreateMeetingResult> {
    const { store, clock } = this.deps;
    const { network, actor } = await this.access.network(callerOf(cmd.tenantId, cmd.by), cmd.networkId, 'createMeeting');
    const existing = await store.getMeeting(cmd.tenantId, cmd.formId);
    // A retried submit finds its own meeting; an id of another network's meeting is refused.
    if (existing) mustBeAllowed(actor, 'createMeeting', meetingTarget(existing));
    if (!existing) {
      const mayRecordPast = can(actor, 'recordPastMeeting', networkTarget(network));
      if (cmd.past) mustBeAllowed(actor, 'recordPastMeeting', networkTarget(network));
      const today = localDate(clock.now(), this.deps.timeZone);
      const result = validateMeetingForm(cmd.values, today, { allowPast: cmd.past === true });
      if (!result.ok) {
        const onlyPast = result.errors.date === 'date_in_past' && Object.keys(result.errors).length === 1;
        return onlyPast && mayRecordPast ? { ...result, confirmPast: true } : result;
      }
      const recordedAfterwards = result.value.date < today;
      const { meeting } = await store.createMeeting({
        ...result.value,
        id: cmd.formId,
        tenantId: cmd.tenantId,
        networkId: network.id,
        networkName: network.name,
        channelId: cmd.channelId ?? channelForMeetings(network),
        createdBy: cmd.by,
        locale: cmd.locale,
        attendanceClosed: false,
        createdAt: clock.now().toISOString(),
        ...(recordedAfterwards ? { recordedAfterwards: true } : {}),
      });
      // Recorded afterwards to write its minutes: no 14-day reminder at once about minutes just begun.
      if (!meeting.recordedAfterwards) await scheduleOverdueCheck(store, meeting, this.deps.timeZone);
      // An earlier meeting of the network that day now shares its date: its check-in card's title gains its start time.
      // (requestRefresh posts nothing for a meeting without a card.)
      for (const other of await sameDateOf(store, meeting)) if (other.id !== meeting.id) this.deps.channel.requestRefresh(other);
    }
    return { ok: true, meeting: await this.ensurePosted(cmd.tenantId, cmd.formId) };
  }

  /**
   * A term's meetings at once, from the planning text's drafts. They are stored without a
   * check-in card (posting a term of cards at once would flood the channel); each one's card
   * is posted when its agenda is first published.
   *
   * Pasting a plan again creates nothing new: a draft whose network, date and start match a
   * meeting the network already has is that meeting, answered in `alreadyPlanned`. That is the
   * identity rather than `planId` or the text, because the tab mints a new plan id for each
   * submission and a secretary pastes the plan again with a place corrected or a date added;
   * and a network never holds two meetings starting at the same hour on one day (two meetings
   * on one day are told apart by their start). New meetings' ids still come from `planId`, so
   * concurrent retries of one request still make each meeting once.
   */
  async plan(cmd: { tenantId: string; networkId: string; planId: string; text: string; by: Person; locale: Locale }): Promise<{
    created: Meeting[];
    /** Meetings the network already had at a draft's date and start: nothing new was made. */
    alreadyPlanned: Meeting[];
    drafts: TermMeetingDraft[];
    problems: TermPlanProblem[];
    refused: { index: number; errors: Partial<Record<MeetingField, MeetingFieldError>> }[];
  }> {
    const { store, clock } = this.deps;
    const { network } = await this.access.network(callerOf(cmd.tenantId, cmd.by), cmd.networkId, 'planTerm');
    const { meetings: drafts, problems } = parseTermPlan(cmd.text, { reference: this.today() });
    const channelId = channelForMeetings(network);
    const today = localDate(clock.now(), this.deps.timeZone);
    const created: Meeting[] = [];
    const alreadyPlanned: Meeting[] = [];
    const refused: { index: number; errors: Partial<Record<MeetingField, MeetingFieldError>> }[] = [];
    const known = await store.listMeetings(cmd.tenantId, network.id, today);
    for (const [index, d] of drafts.entries()) {
      const result = validateMeetingForm(
        // A line with neither place nor form stays online, as before (a `place_missing` warning says so).
        { date: d.date, start: d.start ?? '', end: d.end ?? '', place: d.place, mode: d.place || d.mode !== 'onsite' ? d.mode : 'online', teamsLink: '' },
        today,
      );
      if (!result.ok) {
        refused.push({ index, errors: result.errors });
        continue;
      }
      const same = known.find((m) => m.date === result.value.date && m.start === result.value.start);
      if (same) {
        if (!alreadyPlanned.includes(same) && !created.includes(same)) alreadyPlanned.push(same);
        continue;
      }
      const { meeting, created: isNew } = await store.createMeeting({
        ...result.value,
        id: `${cmd.planId}-${index + 1}`,
        tenantId: cmd.tenantId,
        networkId: network.id,
        networkName: network.name,
        channelId,
        createdBy: cmd.by,
        locale: cmd.locale,
        attendanceClosed: false,
        createdAt: clock.now().toISOString(),
      });
      // Same plan id again (a retried request): the meeting it made before, nothing new.
      if (!isNew) {
        alreadyPlanned.push(meeting);
        continue;
      }
      await scheduleOverdueCheck(store, meeting, this.deps.timeZone);
      created.push(meeting);
      known.push(meeting);
    }
    return { created, alreadyPlanned, drafts, problems, refused };
  }

  /** Today's date where the networks are (YYYY-MM-DD). */
  today(): string {
    return localDate(this.deps.clock.now(), this.deps.timeZone);
  }

  /** Posts the meeting's check-in card if it has none yet (a planned meeting, at its agenda's publishing). */
  ensureCheckinCard(meeting: Meeting): Promise<Meeting> {
    return this.ensurePosted(meeting.tenantId, meeting.id);
  }

  /** Posts the check-in card once, even when Teams retries the submit while we post. */
  private ensurePosted(tenantId: string, meetingId: string): Promise<Meeting> {
    return this.posting.run(`${tenantId}/${meetingId}`, async () => {
      const meeting = await this.require(tenantId, meetingId);
      // A meeting recorded after it took place invites nobody to check in; a cancelled one neither.
      if (meeting.card || meeting.recordedAfterwards || meeting.cancelled) return meeting;
      const card = await this.deps.channel.post(meeting);
      return card ? { ...meeting, card } : meeting;
    });
  }

  /**
   * The chair group changes a meeting's date, times, place, form or link (from the tab or the
   * check-in card's "Ändra träff"). Every card about it updates in place ("Flyttad till …" when
   * the date or start changed), its reminders follow the new date, and the network's other
   * meetings on the old and the new date are refreshed too (their titles gain or lose the start
   * time). An upcoming meeting is not moved into the past; one already past may be corrected.
   * Idempotent: the same values again change nothing.
   */
  async edit(caller: Caller, meetingId: string, values: MeetingFormValues): Promise<CreateMeetingResult> {
    const { meeting } = await this.access.meeting(caller, meetingId, 'editMeeting');
    const result = validateMeetingForm(values, this.today(), { allowPast: meeting.date < this.today() });
    if (!result.ok) return result;
    const updated = await this.deps.store.reviseMeeting(caller.tenantId, meetingId, { kind: 'edit', details: result.value });
    if (!updated) throw new DomainError('meeting_not_found');
    await this.changed(meeting, updated);
    return { ok: true, meeting: updated };
  }

  /**
   * The chair group cancels a meeting: its cards say "Inställd" and lose their buttons, its
   * reminders are skipped, the attendance recorded stays. Cancelling again changes nothing.
   */
  async cancel(caller: Caller, meetingId: string): Promise<Meeting> {
    const { meeting, actor } = await this.access.meeting(caller, meetingId, 'cancelMeeting');
    const updated = await this.deps.store.reviseMeeting(caller.tenantId, meetingId, {
      kind: 'cancel',
      at: this.deps.clock.now().toISOString(),
      by: { id: caller.userId, name: actor.name },
    });
    if (!updated) throw new DomainError('meeting_not_found');
    await this.changed(meeting, updated);
    return updated;
  }

  /** The meeting and what the caller may do to it (the tab's meeting page). */
  async read(caller: Caller, meetingId: string): Promise<{ meeting: Meeting; capabilities: Capabilities }> {
    const { meeting, actor } = await this.access.meeting(caller, meetingId);
    return { meeting, capabilities: capabilities(actor, meetingTarget(meeting)) };
  }

  /** After a life event: the meeting's cards, those of the network's meetings on its old and new date, and its reminders. */
  private async changed(before: Meeting, after: Meeting): Promise<void> {
    const { store, delivery } = this.deps;
    const refresh = (m: Meeting): Promise<void[]> =>
      Promise.all(MEETING_CARDS.map((kind) => delivery?.requestCard({ tenantId: m.tenantId, networkId: m.networkId, meetingId: m.id, kind }, { create: false }) ?? Promise.resolve()));
    await refresh(after);
    for (const date of new Set([before.date, after.date])) {
      for (const other of await store.listMeetings(after.tenantId, after.networkId, date, date)) {
        if (other.date === date && other.id !== after.id) await refresh(other);
      }
    }
    await rescheduleReminders(store, after, { reminderDays: this.deps.reminderDays ?? [], timeZone: this.deps.timeZone, now: this.deps.clock.now() });
  }

  /** `actingIn`: the team the card action came from (see Caller.actingIn). */
  async setAttendanceClosed(tenantId: string, meetingId: string, by: Person, closed: boolean, actingIn?: string): Promise<CheckinView> {
    const { meeting } = await this.access.meeting(callerOf(tenantId, by, actingIn), meetingId, 'closeAttendance');
    if (meeting.attendanceClosed !== closed) {
      await this.deps.store.setAttendanceClosed(tenantId, meetingId, closed);
    }
    const updated = { ...meeting, attendanceClosed: closed };
    this.deps.channel.requestRefresh(updated);
    return this.view(updated, by.id);
  }

  async checkinView(tenantId: string, meetingId: string, viewerId?: string): Promise<CheckinView> {
    return this.view(await this.require(tenantId, meetingId), viewerId);
  }

  async view(meeting: Meeting, viewerId?: string): Promise<CheckinView> {
    return (await this.viewWithRecords(meeting, viewerId)).view;
  }

  /** The check-in view, and the reads it was made from (to build a card from the same). */
  async viewWithRecords(meeting: Meeting, viewerId?: string): Promise<{ view: CheckinView } & CheckinRead> {
    const { store } = this.deps;
    const [records, sameDate] = await Promise.all([store.listAttendance(meeting.tenantId, meeting.id), sameDateOf(store, meeting)]);
    return { view: checkinViewOf(meeting, records, viewerId, this.deps.memberOrganisations, sameDate), records, sameDate };
  }

  async require(tenantId: string, meetingId: string): Promise<Meeting> {
    const meeting = await this.deps.store.getMeeting(tenantId, meetingId);
    if (!meeting) throw new DomainError('meeting_not_found');
    return meeting;
  }
}

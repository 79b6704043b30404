import { summarizeAttendance, type AttendanceRecord, type AttendanceStatus, type AttendanceSummary } from '../domain/attendance';
import { DomainError } from '../domain/errors';
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
import { Access, callerOf, meetingTarget, mustBeAllowed } from './policy';
import { SingleFlight } from './single-flight';
import { scheduleOverdueCheck } from './justering-reminders';

export interface CheckinView {
  meeting: Meeting;
  summary: AttendanceSummary;
  /** The viewer's own status, for the card the clicker gets back. */
  mine?: AttendanceStatus | 'none';
  /** The network's meetings on the meeting's date, to tell them apart in the title (see sameDateOf). */
  sameDate?: readonly SameDateMeeting[];
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
  const view: CheckinView = { meeting, summary: summarizeAttendance(records, members) };
  if (viewerId !== undefined) view.mine = records.find((r) => r.personId === viewerId)?.status ?? 'none';
  if (sameDate && sameDate.length > 1) view.sameDate = sameDate;
  return view;
}

/**
 * The network's meetings on the meeting's date (itself included): what titles need to tell two
 * meetings of one day apart (meetingDistinction). Read where the meeting is loaded rather than
 * stored on it, so a meeting added, moved or removed later changes the titles without a migration.
 */
export async function sameDateOf(store: Pick<Store, 'listMeetings'>, meeting: Pick<Meeting, 'tenantId' | 'networkId' | 'date'>): Promise<Meeting[]> {
  return (await store.listMeetings(meeting.tenantId, meeting.networkId, meeting.date)).filter((m) => m.date === meeting.date);
}

export interface CreateMeeting {
  tenantId: string;
  networkId: string;
  channelId: string;
  /** Id minted into the form card: a retried submit creates nothing new. */
  formId: string;
  values: MeetingFormValues;
  by: Person;
  locale: Locale;
}

export type CreateMeetingResult =
  | { ok: true; meeting: Meeting }
  | { ok: false; errors: Partial<Record<MeetingField, MeetingFieldError>> };

export class MeetingService {
  private readonly posting = new SingleFlight();
  private readonly access: Access;

  constructor(
    private readonly deps: { store: Store; clock: Clock; channel: CheckinCardChannel; timeZone: string; memberOrganisations?: readonly string[] },
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
      const result = validateMeetingForm(cmd.values, localDate(clock.now(), this.deps.timeZone));
      if (!result.ok) return result;
      const { meeting } = await store.createMeeting({
        ...result.value,
        id: cmd.formId,
        tenantId: cmd.tenantId,
        networkId: network.id,
        networkName: network.name,
        channelId: cmd.channelId,
        createdBy: cmd.by,
        locale: cmd.locale,
        attendanceClosed: false,
        createdAt: clock.now().toISOString(),
      });
      await scheduleOverdueCheck(store, meeting, this.deps.timeZone);
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
    const channelId = network.channels.find((c) => c.id !== network.id)?.id ?? network.id;
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
      if (meeting.card) return meeting;
      const card = await this.deps.channel.post(meeting);
      return card ? { ...meeting, card } : meeting;
    });
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
    const { store } = this.deps;
    return checkinViewOf(meeting, await store.listAttendance(meeting.tenantId, meeting.id), viewerId, this.deps.memberOrganisations, await sameDateOf(store, meeting));
  }

  async require(tenantId: string, meetingId: string): Promise<Meeting> {
    const meeting = await this.deps.store.getMeeting(tenantId, meetingId);
    if (!meeting) throw new DomainError('meeting_not_found');
    return meeting;
  }
}

import { DomainError } from '../domain/errors';
import { daysAfter, daysBefore, localDate, REMINDER_TIME, zonedInstant, type Meeting } from '../domain/meeting';
import {
  actionsOf,
  approve,
  contentHash,
  draftFromMeeting,
  liveContent,
  withEdits,
  completeInput,
  type MinutesContentInput,
  justeringRefusal,
  minutesProblems,
  minutesStatus,
  newVersion,
  requestChange,
  sendProblems,
  MINUTES_LIMITS,
  type ActionItem,
  type JusteringRefusal,
  type MinutesContent,
  type MinutesDraft,
  type MinutesProblem,
  type MinutesStatus,
  type MinutesVersion,
  type OpenAction,
} from '../domain/minutes';
import { canEditAgenda, isCurrentMember, roleOf, type Member } from '../domain/network';
import type { ActionDone, Clock, Job, Store } from './ports';
import type { Caller } from './tab-queries';
import { currentMember, meetingMember, networkMember } from './access';

/** Days after the meeting when the secretary and the chair hear that it is not justerat. */
const OVERDUE_DAYS = 14;

/** The minutes did not pass validation; nothing was saved or sent. */
export class MinutesInvalid extends DomainError {
  constructor(readonly problems: MinutesProblem[]) {
    super('bad_request', 'minutes invalid');
  }
}

/** What Teams is asked to show, so people know where justering stands. */
export interface JusteringChannel {
  /** The version's card in each justerare's personal chat with the bot (again on a reminder). */
  askJusterare(meeting: Meeting, version: MinutesVersion, justerare: Member, reminder: boolean): Promise<void>;
  /**
   * The channel's status card: posted once per meeting, then updated in place. Runs in the
   * background (callers do not wait for Teams' rate limits) and never rejects.
   */
  showStatus(meeting: Meeting, version: MinutesVersion): Promise<void>;
  /** Tells the secretary a justerare asked for a change. */
  tellSecretary(meeting: Meeting, version: MinutesVersion, secretary: Member, request: { name: string; comment: string }): Promise<void>;
  /** Tells the secretary that a justerare of a waiting version left the team (they name another and send again). */
  tellJusterareLeft(meeting: Meeting, version: MinutesVersion, secretary: Member, justerare: { name: string }): Promise<void>;
  /** Tells the secretary and the chair that 14 days passed without justering. */
  tellOverdue(meeting: Meeting, people: Member[], status: MinutesStatus): Promise<void>;
}

export interface MinutesView {
  minutes: MinutesDraft;
  etag: string;
  meeting: Meeting;
  versions: MinutesVersion[];
  status: MinutesStatus;
  canEdit: boolean;
}

/** How far back the tab's archive of meetings and minutes reaches. */
const PAST_DAYS = 400;

export interface PastMeeting {
  meeting: Meeting;
  /** Whether anyone has opened its minutes yet. */
  started: boolean;
  status: MinutesStatus;
  versions: MinutesVersion[];
  /** Its latest justerat version, if any. */
  approved?: MinutesVersion;
}

export type NetworkAction = OpenAction & { networkId: string; networkName: string; done?: ActionDone };

/** A justerare's answer on their card, and what the card should show afterwards. */
export type JusteringOutcome =
  | { kind: 'approved'; version: MinutesVersion; meeting: Meeting; complete: boolean }
  | { kind: 'change_requested'; version: MinutesVersion; meeting: Meeting }
  | { kind: 'refused'; reason: JusteringRefusal; version: MinutesVersion; meeting: Meeting; current?: MinutesContent };

/** Writing minutes in the tab, sending them for justering, and the justerare's answers. */
export class MinutesService {
  constructor(
    private readonly deps: {
      store: Store;
      clock: Clock;
      channel: JusteringChannel;
      timeZone: string;
      /** Days after sending when a justerare who has not answered is reminded (default 3). */
      reminderDays: number;
      /** Called when a version is justerad (or its archiving is to be tried again), so archiving starts at once. */
      onApproved?: (version: MinutesVersion) => void;
    },
  ) {}

  /** The meeting's minutes; the first read starts them from the agenda and the check-in. */
  async read(caller: Caller, meetingId: string): Promise<MinutesView> {
    const { meeting, member } = await this.memberOf(caller, meetingId);
    const { live, etag } = await this.draftOf(meeting);
    return this.view(meeting, member, live, etag);
  }

  /** Replaces the content when `ifMatch` is the current ETag; the secretary and the chair group only. */
  async save(caller: Caller, meetingId: string, input: MinutesContentInput, ifMatch: string): Promise<MinutesView> {
    const { meeting, member } = await this.memberOf(caller, meetingId);
    const current = await this.draftOf(meeting);
    this.mustEdit(member, current.minutes);
    if (current.etag !== ifMatch) throw new DomainError('conflict');
    const content = completeInput(input, current.live.content);
    const problems = minutesProblems(content);
    if (problems.length > 0) throw new MinutesInvalid(problems);
    await this.mustBeMembers(meeting, content);
    const next = withEdits(current.minutes, current.live.content, input, this.now(), caller.userId);
    const etag = await this.deps.store.saveMinutes(next, ifMatch);
    if (!etag) throw new DomainError('conflict');
    return this.view(meeting, member, next, etag);
  }

  /**
   * "Skicka för justering": freezes the draft as a new version with its hash and asks each
   * justerare. Sending the same content again while it waits changes nothing (and asks nobody twice).
   */
  async send(caller: Caller, meetingId: string, ifMatch: string): Promise<MinutesView> {
    const { meeting, member } = await this.memberOf(caller, meetingId);
    const { live, etag: currentEtag } = await this.draftOf(meeting);
    this.mustEdit(member, live);
    if (currentEtag !== ifMatch) throw new DomainError('conflict');
    const problems = sendProblems(live.content);
    if (problems.length > 0) throw new MinutesInvalid(problems);
    await this.mustBeMembers(meeting, live.content);
    const { store } = this.deps;
    const versions = await store.listMinutesVersions(meeting.tenantId, meetingId);
    const latest = versions.at(-1);
    const hash = contentHash(live.content);
    let version: MinutesVersion;
    if (latest && latest.hash === hash && latest.state !== 'superseded' && latest.state !== 'changes_requested') {
      version = latest;
    } else {
      if (latest && (latest.state === 'pending' || latest.state === 'changes_requested')) await this.supersede(latest);
      version = newVersion(live, (latest?.number ?? 0) + 1, { memberId: member.id, name: member.name }, this.now());
      if (!(await store.saveMinutesVersion(version, undefined))) throw new DomainError('conflict');
    }
    const next: MinutesDraft = { ...live, sentVersion: version.number, sentHash: version.hash };
    const etag = await store.saveMinutes(next, ifMatch);
    if (!etag) throw new DomainError('conflict');
    // A version made by an earlier send that never finished (the draft does not name it) asks now.
    if (version.state === 'pending' && (version !== latest || live.sentVersion !== version.number)) {
      await this.askAll(meeting, version, false);
      await this.scheduleReminders(meeting, version);
    }
    void this.deps.channel.showStatus(meeting, version);
    return this.view(meeting, member, next, etag);
  }

  /** A justerare approves a version from their card. Approving twice is approving once. */
  async approve(tenantId: string, userId: string, meetingId: string, number: number): Promise<JusteringOutcome> {
    return this.answer(tenantId, userId, meetingId, number, (v, m) => approve(v, { memberId: m.id, name: m.name }, this.now()));
  }

  /** A justerare asks for a change; the comment is required. */
  async requestChange(tenantId: string, userId: string, meetingId: string, number: number, comment: string): Promise<JusteringOutcome> {
    const text = comment.trim();
    if (text === '') throw new DomainError('bad_request', 'comment required');
    if (text.length > MINUTES_LIMITS.comment) throw new DomainError('field_too_long');
    return this.answer(tenantId, userId, meetingId, number, (v, m) => requestChange(v, { memberId: m.id, name: m.name }, text, this.now()));
  }

  /** A version as its justerare (or any member) may read it, with the current draft when it moved on. */
  async versionFor(tenantId: string, userId: string, meetingId: string, number: number): Promise<{ version: MinutesVersion; meeting: Meeting }> {
    const { meeting } = await meetingMember(this.deps.store, tenantId, meetingId, userId);
    const found = await this.deps.store.getMinutesVersion(tenantId, meetingId, number);
    if (!found) throw new DomainError('not_found');
    return { version: found.version, meeting };
  }

  /**
   * Archives again a justerat version the archive refused (a name taken by another document,
   * access not yet granted), once a person has fixed the cause. Those who write the minutes may.
   */
  async retryArchive(caller: Caller, meetingId: string, number: number): Promise<MinutesVersion> {
    const { meeting, member } = await this.memberOf(caller, meetingId);
    this.mustEdit(member, (await this.draftOf(meeting)).minutes);
    for (let attempt = 0; attempt < 5; attempt++) {
      const found = await this.deps.store.getMinutesVersion(meeting.tenantId, meetingId, number);
      if (!found) throw new DomainError('not_found');
      const intent = found.version.archive;
      if (found.version.state !== 'approved' || !intent) throw new DomainError('conflict', 'not justerad');
      if (intent.state !== 'failed') return found.version;
      const next: MinutesVersion = { ...found.version, archive: { ...intent, state: 'pending', attempts: 0, nextAttemptAt: this.now() } };
      if (await this.deps.store.saveMinutesVersion(next, found.etag)) {
        this.deps.onApproved?.(next);
        return next;
      }
    }
    throw new DomainError('conflict');
  }

  /** The justerare reminder: asks again those who have not answered a version still waiting. */
  async remindJusterare(job: Job): Promise<'posted' | 'skipped'> {
    const found = job.version === undefined ? undefined : await this.deps.store.getMinutesVersion(job.tenantId, job.meetingId, job.version);
    const meeting = await this.deps.store.getMeeting(job.tenantId, job.meetingId);
    if (!found || !meeting || found.version.state !== 'pending') return 'skipped';
    const draft = await this.deps.store.getMinutes(job.tenantId, job.meetingId);
    if (draft?.minutes.sentVersion !== found.version.number) return 'skipped';
    const asked = await this.askAll(meeting, found.version, true);
    return asked > 0 ? 'posted' : 'skipped';
  }

  /** 14 days after the meeting without justering: the secretary and the chair are told. */
  async remindOverdue(job: Job): Promise<'posted' | 'skipped'> {
    const { store } = this.deps;
    const meeting = await store.getMeeting(job.tenantId, job.meetingId);
    if (!meeting) return 'skipped';
    const draft = await store.getMinutes(job.tenantId, job.meetingId);
    const versions = await store.listMinutesVersions(job.tenantId, job.meetingId);
    if (versions.some((v) => v.state === 'approved')) return 'skipped';
    const status = minutesStatus(draft?.minutes, versions);
    const members = (await store.listMembers(job.tenantId, meeting.networkId)).filter(isCurrentMember);
    const secretaryId = draft?.minutes.content.secretary?.kind === 'member' ? draft.minutes.content.secretary.memberId : undefined;
    const people = members.filter((m) => m.id === secretaryId || roleOf(m) === 'ordforande' || roleOf(m) === 'sekreterare');
    if (people.length === 0) return 'skipped';
    await this.deps.channel.tellOverdue(meeting, people, status);
    return 'posted';
  }

  /** Open action items of a network: from each meeting's latest approved version, not marked done. */
  async openActions(tenantId: string, networkId: string, beforeDate?: string): Promise<(OpenAction & { done?: ActionDone })[]> {
    const approved = await this.deps.store.listApprovedMinutes(tenantId, networkId);
    const latest = new Map<string, MinutesVersion>();
    for (const v of approved) {
      const seen = latest.get(v.meetingId);
      if (!seen || seen.number < v.number) latest.set(v.meetingId, v);
    }
    const done = await this.deps.store.listActionsDone(tenantId, networkId);
    return [...latest.values()]
      .filter((v) => beforeDate === undefined || v.content.meeting.date < beforeDate)
      .flatMap(actionsOf)
      .map((a) => ({ ...a, ...(done[a.action.id] ? { done: done[a.action.id] } : {}) }))
      .sort((a, b) => a.meetingDate.localeCompare(b.meetingDate));
  }

  /** What a meeting's agenda shows under "Föregående protokoll": the open items from earlier meetings' approved minutes. */
  async openActionsBefore(meeting: Pick<Meeting, 'tenantId' | 'networkId' | 'date'>): Promise<OpenAction[]> {
    return (await this.openActions(meeting.tenantId, meeting.networkId, meeting.date)).filter((a) => !a.done);
  }

  /**
   * The network's meetings of the last year up to today, newest first, with where each one's
   * minutes stand and the documents of its latest justerat version: the tab's archive.
   */
  async pastMeetings(caller: Caller, networkId: string): Promise<PastMeeting[]> {
    const { store, clock, timeZone } = this.deps;
    await networkMember(store, caller.tenantId, networkId, caller.userId);
    const today = localDate(clock.now(), timeZone);
    const meetings = (await store.listMeetings(caller.tenantId, networkId, daysBefore(today, PAST_DAYS))).filter((m) => m.date <= today).reverse();
    const out: PastMeeting[] = [];
    for (const meeting of meetings) {
      const draft = await store.getMinutes(caller.tenantId, meeting.id);
      const versions = await store.listMinutesVersions(caller.tenantId, meeting.id);
      const approved = versions.filter((v) => v.state === 'approved').at(-1);
      out.push({
        meeting,
        started: !!draft,
        status: minutesStatus(draft?.minutes, versions),
        versions,
        ...(approved ? { approved } : {}),
      });
    }
    return out;
  }

  /** The caller's own action items across their networks ("Mina uppdrag"). */
  async myActions(caller: Caller): Promise<NetworkAction[]> {
    const out: NetworkAction[] = [];
    for (const network of await this.deps.store.listNetworks(caller.tenantId)) {
      if (!(await currentMember(this.deps.store, caller.tenantId, network.id, caller.userId))) continue;
      for (const a of await this.openActions(caller.tenantId, network.id)) {
        if (ownsAction(a.action, caller.userId)) out.push({ ...a, networkId: network.id, networkName: network.name });
      }
    }
    return out;
  }

  /** A network's action items from approved minutes, done or not; members only. */
  async networkActions(caller: Caller, networkId: string): Promise<NetworkAction[]> {
    const { network } = await networkMember(this.deps.store, caller.tenantId, networkId, caller.userId);
    return (await this.openActions(caller.tenantId, networkId)).map((a) => ({ ...a, networkId, networkName: network.name }));
  }

  /** Marks an action item done or open; its owner or an editor of the network may. */
  async markAction(caller: Caller, networkId: string, actionId: string, done: boolean): Promise<void> {
    const member = await currentMember(this.deps.store, caller.tenantId, networkId, caller.userId);
    if (!member) throw new DomainError('not_a_member');
    const action = (await this.openActions(caller.tenantId, networkId)).find((a) => a.action.id === actionId);
    if (!action) throw new DomainError('not_found');
    if (!ownsAction(action.action, caller.userId) && !canEditAgenda(roleOf(member))) throw new DomainError('forbidden');
    await this.deps.store.setActionDone(caller.tenantId, networkId, actionId, done ? { by: member.name, at: this.now() } : undefined);
  }

  private async answer(
    tenantId: string,
    userId: string,
    meetingId: string,
    number: number,
    change: (v: MinutesVersion, m: Member) => MinutesVersion,
  ): Promise<JusteringOutcome> {
    const { store } = this.deps;
    const meeting = await store.getMeeting(tenantId, meetingId);
    if (!meeting) throw new DomainError('meeting_not_found');
    const member = await currentMember(store, tenantId, meeting.networkId, userId);
    for (let attempt = 0; ; attempt++) {
      const found = await store.getMinutesVersion(tenantId, meetingId, number);
      const draft = await store.getMinutes(tenantId, meetingId);
      if (!found || !draft) throw new DomainError('not_found');
      const version = found.version;
      const refusal = member ? justeringRefusal(version, draft.minutes, member.id) : 'not_justerare';
      if (refusal === 'already_approved' && member && version.approvals.some((a) => a.memberId === member.id)) {
        return { kind: 'approved', version, meeting, complete: true };
      }
      if (refusal || !member) return { kind: 'refused', reason: refusal ?? 'not_justerare', version, meeting, current: draft.minutes.content };
      const next = change(version, member);
      if (next === version) return this.outcomeOf(next, meeting);
      const etag = await store.saveMinutesVersion(next, found.etag);
      if (!etag) {
        if (attempt >= 5) throw new DomainError('conflict');
        continue;
      }
      if (next.state === 'approved') this.deps.onApproved?.(next);
      await this.afterAnswer(meeting, next, version);
      return this.outcomeOf(next, meeting);
    }
  }

  private outcomeOf(v: MinutesVersion, meeting: Meeting): JusteringOutcome {
    if (v.state === 'changes_requested') return { kind: 'change_requested', version: v, meeting };
    return { kind: 'approved', version: v, meeting, complete: v.state === 'approved' };
  }

  private async afterAnswer(meeting: Meeting, next: MinutesVersion, before: MinutesVersion): Promise<void> {
    void this.deps.channel.showStatus(meeting, next);
    const request = next.changeRequests.length > before.changeRequests.length ? next.changeRequests.at(-1) : undefined;
    if (!request) return;
    const draft = await this.deps.store.getMinutes(meeting.tenantId, meeting.id);
    const secretary = draft?.minutes.content.secretary;
    const to = secretary?.kind === 'member' ? await currentMember(this.deps.store, meeting.tenantId, meeting.networkId, secretary.memberId) : undefined;
    if (to) await this.deps.channel.tellSecretary(meeting, next, to, request);
  }

  private async askAll(meeting: Meeting, version: MinutesVersion, reminder: boolean): Promise<number> {
    const answered = new Set([...version.approvals, ...version.changeRequests].map((a) => a.memberId));
    let asked = 0;
    for (const j of version.content.justerare) {
      if (answered.has(j.memberId)) continue;
      const member = await currentMember(this.deps.store, meeting.tenantId, meeting.networkId, j.memberId);
      if (!member) continue;
      await this.deps.channel.askJusterare(meeting, version, member, reminder);
      asked++;
    }
    return asked;
  }

  private async supersede(v: MinutesVersion): Promise<void> {
    const { store } = this.deps;
    for (let attempt = 0; attempt < 5; attempt++) {
      const found = await store.getMinutesVersion(v.tenantId, v.meetingId, v.number);
      if (!found || found.version.state === 'approved' || found.version.state === 'superseded') return;
      if (await store.saveMinutesVersion({ ...found.version, state: 'superseded' }, found.etag)) return;
    }
    throw new DomainError('conflict');
  }

  private async scheduleReminders(meeting: Meeting, version: MinutesVersion): Promise<void> {
    const { store, timeZone, reminderDays } = this.deps;
    const sentDate = localDate(new Date(version.sentAt), timeZone);
    await store.scheduleJob({
      tenantId: meeting.tenantId,
      id: `justering-reminder/${meeting.id}/${version.number}`,
      kind: 'justeringReminder',
      meetingId: meeting.id,
      version: version.number,
      dueAt: zonedInstant(daysAfter(sentDate, reminderDays), REMINDER_TIME, timeZone),
    });
  }

  /**
   * The draft as stored, and as it reads now (`live`: attendance and items nobody edited follow
   * the check-in and the agenda); started on first use, when the 14-day check is also stored.
   */
  private async draftOf(meeting: Meeting): Promise<{ minutes: MinutesDraft; live: MinutesDraft; etag: string }> {
    const { store } = this.deps;
    for (;;) {
      const agenda = (await store.listAgendaVersions(meeting.tenantId, meeting.id)).at(-1) ?? (await store.getAgenda(meeting.tenantId, meeting.id))?.agenda;
      const attendance = await store.listAttendance(meeting.tenantId, meeting.id);
      const found = await store.getMinutes(meeting.tenantId, meeting.id);
      if (found) return { ...found, live: { ...found.minutes, content: liveContent(found.minutes, { attendance, agenda }) } };
      const draft = draftFromMeeting({
        tenantId: meeting.tenantId,
        networkId: meeting.networkId,
        meetingId: meeting.id,
        networkName: meeting.networkName,
        meeting: { date: meeting.date, start: meeting.start, end: meeting.end, place: meeting.place, mode: meeting.mode, ...(meeting.teamsLink ? { teamsLink: meeting.teamsLink } : {}) },
        ...(agenda ? { agenda } : {}),
        attendance,
        now: this.now(),
      });
      const etag = await store.saveMinutes(draft, undefined);
      if (!etag) continue;
      await scheduleOverdueCheck(store, meeting, this.deps.timeZone);
      return { minutes: draft, live: draft, etag };
    }
  }

  private async view(meeting: Meeting, member: Member, minutes: MinutesDraft, etag: string): Promise<MinutesView> {
    const versions = await this.deps.store.listMinutesVersions(meeting.tenantId, meeting.id);
    return { minutes, etag, meeting, versions, status: minutesStatus(minutes, versions), canEdit: mayEdit(member, minutes) };
  }

  private mustEdit(member: Member, minutes: MinutesDraft): void {
    if (!mayEdit(member, minutes)) throw new DomainError('forbidden');
  }

  /** Justerare and a member secretary must be members of the network (they act in Teams). */
  private async mustBeMembers(meeting: Meeting, content: MinutesContent): Promise<void> {
    const ids = [...content.justerare.map((j) => j.memberId), ...(content.secretary?.kind === 'member' ? [content.secretary.memberId] : [])];
    for (const [i, id] of ids.entries()) {
      if (!(await currentMember(this.deps.store, meeting.tenantId, meeting.networkId, id))) {
        const field = i < content.justerare.length ? `justerare.${i}` : 'secretary';
        throw new MinutesInvalid([{ field, code: 'invalid' }]);
      }
    }
  }

  private memberOf(caller: Caller, meetingId: string): Promise<{ meeting: Meeting; member: Member }> {
    return meetingMember(this.deps.store, caller.tenantId, meetingId, caller.userId);
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}

/**
 * The 14-day check of a meeting's justering, stored once per meeting (scheduling again changes
 * nothing): when the meeting is created, and again when its minutes are started.
 */
export function scheduleOverdueCheck(store: Store, meeting: Meeting, timeZone: string): Promise<void> {
  return store.scheduleJob({
    tenantId: meeting.tenantId,
    id: `justering-overdue/${meeting.id}`,
    kind: 'justeringOverdue',
    meetingId: meeting.id,
    dueAt: zonedInstant(daysAfter(meeting.date, OVERDUE_DAYS), REMINDER_TIME, timeZone),
  });
}

/** The chair group, and the meeting's designated secretary, write the minutes. */
function mayEdit(member: Member, minutes: MinutesDraft): boolean {
  const secretary = minutes.content.secretary;
  return canEditAgenda(roleOf(member)) || (secretary?.kind === 'member' && secretary.memberId === member.id);
}

function ownsAction(action: ActionItem, userId: string): boolean {
  return action.owner.kind === 'member' && action.owner.memberId === userId;
}

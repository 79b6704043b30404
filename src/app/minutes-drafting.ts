import { DomainError } from '../domain/errors';
import { meetingHasStarted, type Meeting } from '../domain/meeting';
import {
  contentHash,
  currentContent,
  draftFromMeeting,
  liveContent,
  withEdits,
  completeInput,
  type MinutesContentInput,
  minutesProblems,
  minutesStatus,
  newVersion,
  sendProblems,
  type MinutesContent,
  type MinutesDraft,
  type MinutesProblem,
  type MinutesStatus,
  type MinutesVersion,
} from '../domain/minutes';
import { justerareProblems, type JusterareProblem } from '../domain/justerare';
import type { JusteringReminders } from './justering-reminders';
import { Access, can, capabilities, minutesTarget, mustBeAllowed, versionTarget, type Actor, type Caller, type Capabilities } from './policy';
import { scheduleOverdueCheck } from './justering-reminders';
import type { MinutesDeps } from './minutes-ports';

/** The minutes did not pass validation; nothing was saved or sent. */
export class MinutesInvalid extends DomainError {
  constructor(readonly problems: (MinutesProblem | JusterareProblem)[]) {
    super('bad_request', 'minutes invalid');
  }
}

export interface MinutesView {
  minutes: MinutesDraft;
  etag: string;
  meeting: Meeting;
  versions: MinutesVersion[];
  status: MinutesStatus;
  /** What the caller may do to the minutes; approve and request a change: of the version waiting for justering. */
  capabilities: Capabilities;
}

/** Writing minutes in the tab and sending them for justering. */
export class MinutesDrafting {
  private readonly access: Access;

  constructor(private readonly deps: MinutesDeps & { reminders: JusteringReminders }) {
    this.access = new Access(deps.store);
  }

  /** The meeting's minutes; the first read starts them from the agenda and the check-in. */
  async read(caller: Caller, meetingId: string): Promise<MinutesView> {
    const { meeting, actor } = await this.access.meeting(caller, meetingId, 'readMinutes');
    const { live, etag } = await this.draftOf(meeting);
    return this.view(meeting, actor, live, etag);
  }

  /** Replaces the content when `ifMatch` is the current ETag; the secretary and the chair group only. */
  async save(caller: Caller, meetingId: string, input: MinutesContentInput, ifMatch: string): Promise<MinutesView> {
    const { meeting, actor } = await this.access.meeting(caller, meetingId, 'readMinutes');
    if (meeting.imported) throw new DomainError('imported_protocol');
    const current = await this.draftOf(meeting);
    mustBeAllowed(actor, 'editMinutes', minutesTarget(meeting, current.minutes));
    if (current.etag !== ifMatch) throw new DomainError('conflict');
    const live = currentContent(current.live.content);
    const content = completeInput(input, live);
    const problems = minutesProblems(content);
    if (problems.length > 0) throw new MinutesInvalid(problems);
    await this.mustBeEligible(meeting, content);
    const next = withEdits(current.minutes, live, input, this.now(), caller.userId);
    const etag = await this.deps.store.saveMinutes(next, ifMatch);
    if (!etag) throw new DomainError('conflict');
    return this.view(meeting, actor, next, etag);
  }

  /**
   * "Skicka för justering": freezes the draft as a new version with its hash and asks each
   * justerare. Sending the same content again while it waits changes nothing (and asks nobody twice).
   */
  async send(caller: Caller, meetingId: string, ifMatch: string): Promise<MinutesView> {
    const { meeting, actor } = await this.access.meeting(caller, meetingId, 'readMinutes');
    if (meeting.imported) throw new DomainError('imported_protocol');
    const { live, etag: currentEtag } = await this.draftOf(meeting);
    mustBeAllowed(actor, 'sendMinutes', minutesTarget(meeting, live));
    if (currentEtag !== ifMatch) throw new DomainError('conflict');
    const content = currentContent(live.content);
    const problems = sendProblems(content);
    if (problems.length > 0) throw new MinutesInvalid(problems);
    // Minutes of a meeting that has not started yet are not sent (its time, in the network's zone).
    if (!meetingHasStarted(meeting, this.deps.clock.now(), this.deps.timeZone)) throw new DomainError('meeting_not_started');
    await this.mustBeEligible(meeting, content);
    const { store } = this.deps;
    const versions = await store.listMinutesVersions(meeting.tenantId, meetingId);
    const latest = versions.at(-1);
    const hash = contentHash(live.content);
    let version: MinutesVersion;
    if (latest && latest.hash === hash && latest.state !== 'superseded' && latest.state !== 'changes_requested') {
      version = latest;
    } else {
      if (latest && (latest.state === 'pending' || latest.state === 'changes_requested')) await this.supersede(latest);
      version = newVersion(live, (latest?.number ?? 0) + 1, { memberId: actor.personId, name: actor.name }, this.now());
      if (!(await store.saveMinutesVersion(version, undefined))) throw new DomainError('conflict');
    }
    const next: MinutesDraft = { ...live, sentVersion: version.number, sentHash: version.hash };
    const etag = await store.saveMinutes(next, ifMatch);
    if (!etag) throw new DomainError('conflict');
    // A version made by an earlier send that never finished (the draft does not name it) asks now.
    if (version.state === 'pending' && (version !== latest || live.sentVersion !== version.number)) {
      await this.deps.reminders.asked(meeting, version);
    }
    void this.deps.channel.showStatus(meeting, version);
    return this.view(meeting, actor, next, etag);
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
      // Protokoll or minnesanteckningar is the network's choice; minutes not yet sent follow it.
      const kind = (await store.getNetwork(meeting.tenantId, meeting.networkId))?.minutesKind ?? 'protokoll';
      if (found) return { ...found, live: { ...found.minutes, content: liveContent(found.minutes, { attendance, agenda, kind }) } };
      const draft = draftFromMeeting({
        tenantId: meeting.tenantId,
        networkId: meeting.networkId,
        meetingId: meeting.id,
        networkName: meeting.networkName,
        meeting: {
          date: meeting.date,
          ...(meeting.start ? { start: meeting.start } : {}),
          ...(meeting.end ? { end: meeting.end } : {}),
          ...(meeting.place.trim() !== '' ? { place: meeting.place } : {}),
          mode: meeting.mode,
          ...(meeting.teamsLink ? { teamsLink: meeting.teamsLink } : {}),
        },
        kind,
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

  private async view(meeting: Meeting, actor: Actor, minutes: MinutesDraft, etag: string): Promise<MinutesView> {
    const versions = await this.deps.store.listMinutesVersions(meeting.tenantId, meeting.id);
    const waiting = versions.find((v) => v.number === minutes.sentVersion && v.state === 'pending');
    const answer = (action: 'approve' | 'requestChange'): boolean => !!waiting && can(actor, action, versionTarget(meeting, waiting));
    return {
      minutes,
      etag,
      meeting,
      versions,
      status: minutesStatus(minutes, versions),
      capabilities: { ...capabilities(actor, minutesTarget(meeting, minutes)), approve: answer('approve'), requestChange: answer('requestChange') },
    };
  }

  /**
   * Justerare and a member secretary must be members of the network in the team now (they act
   * in Teams); a justerare attended the meeting and is not the secretary.
   */
  private async mustBeEligible(meeting: Meeting, content: MinutesContent): Promise<void> {
    const ids = [...content.justerare.map((j) => j.memberId), ...(content.secretary?.kind === 'member' ? [content.secretary.memberId] : [])];
    for (const [i, id] of ids.entries()) {
      const member = await this.deps.store.getMember(meeting.tenantId, meeting.networkId, id);
      if (!member || member.leftAt) {
        const field = i < content.justerare.length ? `justerare.${i}` : 'secretary';
        throw new MinutesInvalid([{ field, code: 'invalid' }]);
      }
    }
    const problems = justerareProblems(content);
    if (problems.length > 0) throw new MinutesInvalid(problems);
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}

import { daysAfter, localDate, REMINDER_TIME, zonedInstant, type Meeting } from '../domain/meeting';
import { jobStillFor, overdueCheckJob } from './meeting-reminders';
import { minutesStatus, type MinutesVersion } from '../domain/minutes';
import { roleOf } from '../domain/network';
import type { MinutesDeps } from './minutes-ports';
import type { Job, Store } from './ports';

/** Asking the justerare (when sent, and again after some days) and telling the chair when justering is overdue. */
export class JusteringReminders {
  constructor(private readonly deps: MinutesDeps) {}

  /** A version was sent: each justerare who has not answered gets its card, and the reminder is stored. */
  async asked(meeting: Meeting, version: MinutesVersion): Promise<void> {
    await this.askAll(meeting, version, false);
    await this.scheduleReminder(meeting, version);
  }

  /** The justerare reminder: asks again those who have not answered a version still waiting. */
  async remindJusterare(job: Job): Promise<'posted' | 'skipped'> {
    const found = job.version === undefined ? undefined : await this.deps.store.getMinutesVersion(job.tenantId, job.meetingId, job.version);
    const meeting = await this.deps.store.getMeeting(job.tenantId, job.meetingId);
    if (!found || !meeting || meeting.cancelled || found.version.state !== 'pending') return 'skipped';
    const draft = await this.deps.store.getMinutes(job.tenantId, job.meetingId);
    if (draft?.minutes.sentVersion !== found.version.number) return 'skipped';
    const asked = await this.askAll(meeting, found.version, true);
    return asked > 0 ? 'posted' : 'skipped';
  }

  /** 14 days after the meeting without justering: the secretary and the chair are told. */
  async remindOverdue(job: Job): Promise<'posted' | 'skipped'> {
    const { store } = this.deps;
    const meeting = await store.getMeeting(job.tenantId, job.meetingId);
    if (!meeting || !jobStillFor(job, meeting)) return 'skipped';
    const draft = await store.getMinutes(job.tenantId, job.meetingId);
    const versions = await store.listMinutesVersions(job.tenantId, job.meetingId);
    if (versions.some((v) => v.state === 'approved')) return 'skipped';
    const status = minutesStatus(draft?.minutes, versions);
    const members = await store.listMembers(job.tenantId, meeting.networkId);
    const secretaryId = draft?.minutes.content.secretary?.kind === 'member' ? draft.minutes.content.secretary.memberId : undefined;
    const people = members.filter((m) => !m.leftAt && (m.id === secretaryId || roleOf(m) === 'ordforande' || roleOf(m) === 'sekreterare'));
    if (people.length === 0) return 'skipped';
    await this.deps.channel.tellOverdue(meeting, people, status);
    return 'posted';
  }

  private async askAll(meeting: Meeting, version: MinutesVersion, reminder: boolean): Promise<number> {
    const answered = new Set([...version.approvals, ...version.changeRequests].map((a) => a.memberId));
    let asked = 0;
    for (const j of version.content.justerare) {
      if (answered.has(j.memberId)) continue;
      const member = await this.deps.store.getMember(meeting.tenantId, meeting.networkId, j.memberId);
      if (!member || member.leftAt) continue;
      await this.deps.channel.askJusterare(meeting, version, member, reminder);
      asked++;
    }
    return asked;
  }

  private async scheduleReminder(meeting: Meeting, version: MinutesVersion): Promise<void> {
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
}

/**
 * The 14-day check of a meeting's justering, stored once per meeting (scheduling again changes
 * nothing): when the meeting is created, and again when its minutes are started.
 */
export function scheduleOverdueCheck(store: Store, meeting: Meeting, timeZone: string): Promise<void> {
  return store.scheduleJob(overdueCheckJob(meeting, timeZone));
}

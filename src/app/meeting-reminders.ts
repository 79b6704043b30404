import { daysAfter, daysBefore, REMINDER_TIME, zonedInstant, type Meeting } from '../domain/meeting';
import type { Job, Store } from './ports';

/** Days after the meeting when the secretary and the chair hear that it is not justerat. */
export const OVERDUE_DAYS = 14;

/**
 * The reminders that follow a meeting's date: the agenda posted again some days before it, and
 * the 14-day justering check after it. Each job is stored under a deterministic id and carries
 * the meeting date it was reckoned from (`forDate`), so a job left from before a move, or of a
 * cancelled meeting, is skipped when it comes due (jobStillFor) and a move stores the new time
 * under the same id (rescheduleReminders).
 */
export function agendaReminderJobs(meeting: Meeting, reminderDays: readonly number[], timeZone: string): Job[] {
  return reminderDays.map((days) => ({
    tenantId: meeting.tenantId,
    id: `agenda-reminder/${meeting.id}/${days}`,
    kind: 'agendaReminder' as const,
    meetingId: meeting.id,
    forDate: meeting.date,
    dueAt: zonedInstant(daysBefore(meeting.date, days), REMINDER_TIME, timeZone),
  }));
}

export function overdueCheckJob(meeting: Meeting, timeZone: string): Job {
  return {
    tenantId: meeting.tenantId,
    id: `justering-overdue/${meeting.id}`,
    kind: 'justeringOverdue',
    meetingId: meeting.id,
    forDate: meeting.date,
    dueAt: zonedInstant(daysAfter(meeting.date, OVERDUE_DAYS), REMINDER_TIME, timeZone),
  };
}

/** Whether a job due now is still about the meeting as it is: not cancelled, and reckoned from its present date. */
export function jobStillFor(job: Job, meeting: Meeting): boolean {
  return !meeting.cancelled && (job.forDate === undefined || job.forDate === meeting.date);
}

/**
 * A meeting moved (or was edited): its reminders follow its new date. Those still ahead are
 * stored anew under their ids (a reminder already sent for the old date goes again before the
 * new one); those whose new time has passed are left to be skipped. The agenda's reminders exist
 * only once it is published. Doing it twice (a retried edit) stores the same jobs.
 */
export async function rescheduleReminders(store: Store, meeting: Meeting, opts: { reminderDays: readonly number[]; timeZone: string; now: Date }): Promise<void> {
  if (meeting.cancelled) return;
  const published = (await store.listAgendaVersions(meeting.tenantId, meeting.id)).length > 0;
  const jobs = [...(published ? agendaReminderJobs(meeting, opts.reminderDays, opts.timeZone) : []), overdueCheckJob(meeting, opts.timeZone)];
  const now = opts.now.toISOString();
  for (const job of jobs) {
    if (job.dueAt <= now) continue;
    await store.scheduleJob(job);
    await store.updateJob(job);
  }
}

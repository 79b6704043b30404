import type { AttendanceStatus } from '../domain/attendance';
import { DomainError } from '../domain/errors';
import { UNKNOWN_MUNICIPALITY } from '../domain/municipality';
import type { Person } from '../domain/meeting';
import type { CheckinView, MeetingService } from './meetings';
import type { CheckinCardChannel, Clock, Store } from './ports';
import { Access, callerOf } from './policy';

export interface RecordAttendance {
  tenantId: string;
  meetingId: string;
  person: Person;
  /** A status, or 'undo' to take one's answer back. */
  status: AttendanceStatus | 'undo';
  /** The team the card action came from (see Caller.actingIn). */
  actingIn?: string;
}

export class AttendanceService {
  private readonly access: Access;

  constructor(
    private readonly deps: { store: Store; clock: Clock; channel: CheckinCardChannel; meetings: MeetingService },
  ) {
    this.access = new Access(deps.store);
  }

  /**
   * Sets (or clears) one person's attendance. Idempotent: the record is keyed by person,
   * so a retried invoke or a double click leaves exactly one record.
   */
  async record(cmd: RecordAttendance): Promise<CheckinView> {
    const { store, meetings, clock } = this.deps;
    // A member in the team, or a guest the roster does not hold (never someone who left).
    const { meeting, actor } = await this.access.meeting(callerOf(cmd.tenantId, cmd.person, cmd.actingIn), cmd.meetingId, 'checkIn');
    if (meeting.attendanceClosed) throw new DomainError('attendance_closed');
    if (cmd.status === 'undo') {
      await store.removeAttendance(cmd.tenantId, cmd.meetingId, cmd.person.id);
    } else {
      const member = actor.member;
      await store.putAttendance({
        tenantId: cmd.tenantId,
        meetingId: cmd.meetingId,
        personId: cmd.person.id,
        name: member?.name ?? cmd.person.name,
        municipality: member?.municipality ?? UNKNOWN_MUNICIPALITY,
        guest: !member,
        status: cmd.status,
        updatedAt: clock.now().toISOString(),
      });
    }
    this.deps.channel.requestRefresh(meeting);
    return meetings.view(meeting, cmd.person.id);
  }
}

import type { AttendanceStatus } from '../domain/attendance';
import { DomainError } from '../domain/errors';
import { UNKNOWN_MUNICIPALITY } from '../domain/municipality';
import type { Person } from '../domain/meeting';
import type { Member } from '../domain/network';
import type { CheckinRead, CheckinView, MeetingService } from './meetings';
import { NO_METRICS, type CheckinCardChannel, type Clock, type Metrics, type Store } from './ports';
import { Access, callerOf, type Actor } from './policy';

export interface RecordAttendance {
  tenantId: string;
  meetingId: string;
  person: Person;
  /** A status, or 'undo' to take one's answer back. */
  status: AttendanceStatus | 'undo';
  /** The team the card action came from (see Caller.actingIn). */
  actingIn?: string;
}

/** The check-in view after a click, with what it was made from: the clicker's answer is built from the same reads (one read of the attendance per click). */
export interface RecordedView extends CheckinView {
  read: CheckinRead & { actor: Actor };
}

export class AttendanceService {
  private readonly access: Access;

  constructor(
    private readonly deps: { store: Store; clock: Clock; channel: CheckinCardChannel; meetings: MeetingService; metrics?: Metrics },
  ) {
    this.access = new Access(deps.store);
  }

  /**
   * Sets (or clears) one person's attendance. Idempotent: the record is keyed by person,
   * so a retried invoke or a double click leaves exactly one record.
   */
  async record(cmd: RecordAttendance): Promise<RecordedView> {
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
    (this.deps.metrics ?? NO_METRICS).checkinRecorded(cmd.status);
    const { view, records, sameDate } = await meetings.viewWithRecords(meeting, cmd.person.id);
    return { ...view, read: { actor, records, sameDate } };
  }

  /**
   * A member corrected their municipality: their answers on the network's meetings that are not
   * yet past (today or later in the network's time zone) take it at once, and each such meeting's
   * shared check-in card is refreshed. The minutes draft's attendance follows the check-in until edited.
   */
  async municipalityCorrected(member: Member): Promise<void> {
    const { store, meetings, channel } = this.deps;
    for (const meeting of await store.listMeetings(member.tenantId, member.networkId, meetings.today())) {
      const mine = (await store.listAttendance(member.tenantId, meeting.id)).find((r) => r.personId === member.id);
      if (!mine || mine.municipality === member.municipality) continue;
      await store.putAttendance({ ...mine, municipality: member.municipality });
      channel.requestRefresh(meeting);
    }
  }
}

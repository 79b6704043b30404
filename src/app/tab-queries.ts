import { summarizeAttendance, type AttendanceStatus } from '../domain/attendance';
import { DomainError } from '../domain/errors';
import { localDate, type Meeting } from '../domain/meeting';
import type { Member, Network } from '../domain/network';
import type { Clock, Store } from './ports';

export interface Caller {
  tenantId: string;
  userId: string;
  name: string;
}

export type NetworkRole = 'admin' | 'ordforande' | 'sekreterare' | 'presidium' | 'member';

export interface MyMeeting {
  meeting: Meeting;
  myStatus: AttendanceStatus | null;
  counts: Record<AttendanceStatus, number>;
}

/** What the tab reads: who I am, my networks, my upcoming meetings. */
export class TabQueries {
  constructor(private readonly deps: { store: Store; clock: Clock; timeZone: string }) {}

  /** The networks the caller is a member of, with their role (roles are assigned in a later step: member for now). */
  async myNetworks(caller: Caller): Promise<{ network: Network; member: Member; role: NetworkRole }[]> {
    const { store } = this.deps;
    const out: { network: Network; member: Member; role: NetworkRole }[] = [];
    for (const network of await store.listNetworks(caller.tenantId)) {
      const member = await store.getMember(caller.tenantId, network.id, caller.userId);
      if (member) out.push({ network, member, role: 'member' });
    }
    return out;
  }

  async network(caller: Caller, networkId: string): Promise<{ network: Network; role: NetworkRole }> {
    const network = await this.deps.store.getNetwork(caller.tenantId, networkId);
    if (!network) throw new DomainError('network_not_found');
    const member = await this.deps.store.getMember(caller.tenantId, networkId, caller.userId);
    if (!member) throw new DomainError('not_a_member');
    return { network, role: 'member' };
  }

  /** Upcoming meetings (today onwards, in the network's time zone) across my networks, soonest first. */
  async myMeetings(caller: Caller): Promise<MyMeeting[]> {
    const { store, clock, timeZone } = this.deps;
    const today = localDate(clock.now(), timeZone);
    const out: MyMeeting[] = [];
    for (const { network } of await this.myNetworks(caller)) {
      for (const meeting of await store.listMeetings(caller.tenantId, network.id, today)) {
        const records = await store.listAttendance(caller.tenantId, meeting.id);
        out.push({
          meeting,
          myStatus: records.find((r) => r.personId === caller.userId)?.status ?? null,
          counts: summarizeAttendance(records).counts,
        });
      }
    }
    return out.sort((a, b) => `${a.meeting.date} ${a.meeting.start}`.localeCompare(`${b.meeting.date} ${b.meeting.start}`));
  }
}

import { compareSv } from '../domain/sort';
import { summarizeAttendance, type AttendanceStatus, type AttendanceSummary } from '../domain/attendance';
import { DomainError } from '../domain/errors';
import { localDate, type Meeting } from '../domain/meeting';
import { NETWORK_ROLES, roleOf, type Member, type Network, type NetworkRole } from '../domain/network';
import type { MinutesKind } from '../domain/minutes-model';
import type { Clock, Store } from './ports';
import { Access, capabilities, networkTarget, type Caller, type Capabilities } from './policy';

export type { Caller } from './policy';

export interface MyMeeting {
  meeting: Meeting;
  myStatus: AttendanceStatus | null;
  counts: Record<AttendanceStatus, number>;
}

/** What the tab reads: who I am, my networks, my upcoming meetings. */
export class TabQueries {
  private readonly access: Access;

  constructor(private readonly deps: { store: Store; clock: Clock; timeZone: string; memberOrganisations?: readonly string[] }) {
    this.access = new Access(deps.store);
  }

  /** Local mode's dev picker: every member of every network, with the network's name. */
  async everyMember(): Promise<{ member: Member; network: Network }[]> {
    const out: { member: Member; network: Network }[] = [];
    for (const network of await this.deps.store.listNetworks()) {
      for (const member of await this.deps.store.listMembers(network.tenantId, network.id)) out.push({ member, network });
    }
    return out;
  }

  /** Local mode's dev identity: the caller a member id stands for, if the member exists in some network. */
  async memberAsCaller(tenantId: string, userId: string): Promise<Caller | undefined> {
    const member = (await this.deps.store.listMemberships(tenantId, userId))[0];
    return member ? { tenantId, userId, name: member.name } : undefined;
  }

  /** The networks the caller is a member of (in the team now), with their role. */
  async myNetworks(caller: Caller): Promise<{ network: Network; member: Member; role: NetworkRole }[]> {
    const { store } = this.deps;
    const out: { network: Network; member: Member; role: NetworkRole }[] = [];
    // The caller's memberships by key, then only their networks: not a look-up in every network of the tenant.
    for (const member of await store.listMemberships(caller.tenantId, caller.userId)) {
      if (member.leftAt) continue;
      const network = await store.getNetwork(caller.tenantId, member.networkId);
      if (network) out.push({ network, member, role: roleOf(member) });
    }
    return out;
  }

  /** The network, the caller's role in it, and what the caller may do there. */
  async network(caller: Caller, networkId: string): Promise<{ network: Network; role: NetworkRole; capabilities: Capabilities }> {
    const { network, actor } = await this.access.network(caller, networkId);
    return { network, role: actor.member ? roleOf(actor.member) : 'member', capabilities: capabilities(actor, networkTarget(network)) };
  }

  /** A network's members with their roles; any member may see them. */
  async members(caller: Caller, networkId: string): Promise<{ members: { member: Member; role: NetworkRole }[]; capabilities: Capabilities }> {
    const { capabilities } = await this.network(caller, networkId);
    const members = (await this.deps.store.listMembers(caller.tenantId, networkId)).filter((m) => !m.leftAt);
    return {
      members: members.map((member) => ({ member, role: roleOf(member) })).sort((a, b) => compareSv(a.member.name, b.member.name)),
      capabilities,
    };
  }


  /**
   * Only an admin assigns roles. Team owners stay admins whatever role they take (a chair who
   * owns the team keeps managing roles); an admin by role cannot give it up themself.
   */
  async assignRole(caller: Caller, networkId: string, memberId: string, role: string): Promise<{ member: Member; role: NetworkRole }> {
    const { network, actor } = await this.access.network(caller, networkId, 'assignRoles');
    if (!(NETWORK_ROLES as readonly string[]).includes(role)) throw new DomainError('bad_request');
    // An admin by role keeps it: giving it up could leave the network without one.
    if (memberId === caller.userId && !actor.member?.teamOwner && role !== 'admin') throw new DomainError('forbidden');
    const member = await this.deps.store.getMember(caller.tenantId, network.id, memberId);
    if (!member || member.leftAt) throw new DomainError('not_found');
    const updated: Member = { ...member, role: role as NetworkRole };
    await this.deps.store.upsertMembers([updated]);
    return { member: updated, role: roleOf(updated) };
  }

  /**
   * Protokoll or minnesanteckningar: the network's choice, made by its chair group (or an admin).
   * Minutes not yet sent follow it; sent versions keep the kind they were sent as.
   */
  async setMinutesKind(caller: Caller, networkId: string, kind: MinutesKind): Promise<void> {
    const { network } = await this.access.network(caller, networkId, 'setMinutesKind');
    if (network.minutesKind === kind || (kind === 'protokoll' && network.minutesKind === undefined)) return;
    await this.deps.store.upsertNetwork({ ...network, minutesKind: kind, updatedAt: this.deps.clock.now().toISOString() });
  }

  /** A meeting's attendance as the check-in card shows it; members of its network only. */
  async attendance(caller: Caller, meetingId: string): Promise<{ meeting: Meeting; summary: AttendanceSummary; myStatus: AttendanceStatus | null }> {
    const { meeting } = await this.access.meeting(caller, meetingId);
    const records = await this.deps.store.listAttendance(caller.tenantId, meetingId);
    return { meeting, summary: summarizeAttendance(records, this.deps.memberOrganisations), myStatus: records.find((r) => r.personId === caller.userId)?.status ?? null };
  }

  /** Upcoming meetings (today onwards, in the network's time zone) across my networks, soonest first. */
  async myMeetings(caller: Caller): Promise<MyMeeting[]> {
    const { store, clock, timeZone } = this.deps;
    const today = localDate(clock.now(), timeZone);
    const out: MyMeeting[] = [];
    for (const { network } of await this.myNetworks(caller)) {
      for (const meeting of await store.listMeetings(caller.tenantId, network.id, today)) out.push(await this.mine(caller, meeting));
    }
    return out.sort(soonestFirst);
  }

  /**
   * The meeting a network's meeting side panel shows: the one today (local date in the
   * network's time zone), else the next upcoming one; null when there is none.
   */
  async currentMeeting(caller: Caller, networkId: string): Promise<{ current: MyMeeting; today: boolean } | null> {
    const { store, clock, timeZone } = this.deps;
    await this.network(caller, networkId);
    const today = localDate(clock.now(), timeZone);
    const next = (await store.listMeetings(caller.tenantId, networkId, today)).filter((m) => !m.cancelled).map((meeting) => ({ meeting })).sort(soonestFirst)[0];
    if (!next) return null;
    return { current: await this.mine(caller, next.meeting), today: next.meeting.date === today };
  }

  private async mine(caller: Caller, meeting: Meeting): Promise<MyMeeting> {
    const records = await this.deps.store.listAttendance(caller.tenantId, meeting.id);
    return {
      meeting,
      myStatus: records.find((r) => r.personId === caller.userId)?.status ?? null,
      counts: summarizeAttendance(records).counts,
    };
  }
}

function soonestFirst(a: { meeting: Meeting }, b: { meeting: Meeting }): number {
  return `${a.meeting.date} ${a.meeting.start}`.localeCompare(`${b.meeting.date} ${b.meeting.start}`);
}

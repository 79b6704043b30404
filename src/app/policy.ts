import { DomainError, type ErrorCode } from '../domain/errors';
import type { Meeting, Person } from '../domain/meeting';
import { approversOf, kindOf, ownsAction, type ActionItem, type MinutesDraft, type MinutesKind, type MinutesVersion } from '../domain/minutes';
import { isCurrentMember, roleOf, type Member, type Network, type NetworkRole } from '../domain/network';
import type { Store } from './ports';

/**
 * Who may act, and what they may do: the one access policy. Card actions, bot commands and the
 * tab API all ask `can(actor, action, target)`; the use cases hold no role rules of their own.
 * README.md ("Vem får göra vad / Who may do what") shows the same rules as a table.
 */

/** The person acting, as the store knows them in the network they act in. */
export interface Actor {
  tenantId: string;
  /** Entra object id (the member id). */
  personId: string;
  name: string;
  /** The network they act in: the one their member record (if any) belongs to. */
  networkId: string;
  /** Their member record in that network, kept also after they left the team (`leftAt`). */
  member?: Member;
  /** Their network role, and `admin` as well for a team owner; empty without a member record. */
  roles: ReadonlySet<NetworkRole>;
  /** A member who is in the team now: a record without `leftAt`. */
  inTeam: boolean;
  /** Where they act from: a team's conversation, a personal chat with the bot, or the tab. */
  via: 'team' | 'chat' | 'tab';
}

/** Everything a person may be allowed to do. */
export const POLICY_ACTIONS = [
  'readNetwork',
  'readCard',
  'assignRoles',
  'createMeeting',
  'checkIn',
  'closeAttendance',
  'editMeeting',
  'cancelMeeting',
  'recordPastMeeting',
  'editAgenda',
  'editAgendaTemplate',
  'proposeItem',
  'decideProposal',
  'planTerm',
  'setMinutesKind',
  'readMinutes',
  'editMinutes',
  'sendMinutes',
  'approve',
  'requestChange',
  'retryArchive',
  'markActionDone',
  'setOwnMunicipality',
  'managePersonalData',
  'searchMinutes',
  'importProtocols',
  'exportArchive',
] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

/** What an action is done to: always a network's thing, with the people the rule looks at. */
export interface Target {
  tenantId: string;
  networkId: string;
  /** Who created the meeting (closes and reopens its attendance, as the chair group does). */
  meetingCreatorId?: string;
  /** The secretary the minutes (or the version) name, when a member. */
  secretaryId?: string;
  /** Who approves the version answered: its justerare, or for minnesanteckningar its secretary and chair. */
  justerareIds?: readonly string[];
  /** What the version is: minnesanteckningar are approved by their own secretary (or the chair). */
  minutesKind?: MinutesKind;
  /** The action item marked done or open (its owners: members, groups, roles). */
  action?: ActionItem;
}

/** What the person may do to one target: every action, true or false (the tab's capabilities). */
export type Capabilities = Record<PolicyAction, boolean>;

/** The chair group: they plan terms, edit agendas and minutes, decide proposals. */
const CHAIR_GROUP: readonly NetworkRole[] = ['ordforande', 'sekreterare', 'presidium'];

const isChairGroup = (a: Actor): boolean => CHAIR_GROUP.some((r) => a.roles.has(r));
const isSecretaryOf = (a: Actor, t: Target): boolean => t.secretaryId !== undefined && t.secretaryId === a.personId;

/** The rule of each action, for an actor who is a member of the target's network now. */
const RULES: Record<PolicyAction, (a: Actor, t: Target) => boolean> = {
  readNetwork: () => true,
  readCard: () => true,
  assignRoles: (a) => a.roles.has('admin'),
  createMeeting: () => true,
  checkIn: () => true,
  closeAttendance: (a, t) => isChairGroup(a) || t.meetingCreatorId === a.personId,
  editMeeting: isChairGroup,
  cancelMeeting: isChairGroup,
  recordPastMeeting: isChairGroup,
  editAgenda: isChairGroup,
  editAgendaTemplate: isChairGroup,
  proposeItem: () => true,
  decideProposal: isChairGroup,
  planTerm: isChairGroup,
  setMinutesKind: (a) => isChairGroup(a) || a.roles.has('admin'),
  readMinutes: () => true,
  editMinutes: (a, t) => isChairGroup(a) || isSecretaryOf(a, t),
  sendMinutes: (a, t) => isChairGroup(a) || isSecretaryOf(a, t),
  approve: (a, t) => !!t.justerareIds?.includes(a.personId) && (t.minutesKind === 'minnesanteckningar' || !isSecretaryOf(a, t)),
  requestChange: (a, t) => !!t.justerareIds?.includes(a.personId) && !isSecretaryOf(a, t),
  retryArchive: (a, t) => isChairGroup(a) || isSecretaryOf(a, t),
  markActionDone: (a, t) => isChairGroup(a) || (t.action !== undefined && ownsAction(t.action, a.personId, a.roles)),
  setOwnMunicipality: () => true,
  /** Taking out or erasing one person's data (src/app/personal-data.ts). */
  managePersonalData: (a) => a.roles.has('admin'),
  /** Full-text search over the network's approved protocols (src/app/search.ts): every member. */
  searchMinutes: () => true,
  /** Reading old protocols from files and saving them, reviewed, as importerat (src/app/imports.ts). */
  importProtocols: isChairGroup,
  /**
   * Taking the network's whole archive out as one zip (src/app/exports.ts): those who keep the
   * record (the chair group: sekreterare, ordförande, presidium) and the network's admins, who
   * answer for its data. Each protocol's JSON is `readMinutes`: approved minutes are public records.
   */
  exportArchive: (a) => isChairGroup(a) || a.roles.has('admin'),
};

/**
 * The networks a person's search covers, from their actor in each of the tenant's networks: those
 * whose protocols they may search, and every network for the cooperation's admins (an admin of
 * any network, a team owner, searches the whole cooperation's archive).
 */
export function searchableNetworks(actors: readonly Actor[]): string[] {
  const allowed = actors.filter((a) => can(a, 'searchMinutes', { tenantId: a.tenantId, networkId: a.networkId }));
  if (allowed.some((a) => a.roles.has('admin'))) return actors.map((a) => a.networkId);
  return allowed.map((a) => a.networkId);
}

/**
 * A guest (a person the network's roster does not hold, who never left it) may check in to a
 * meeting of the network they act in, and nothing else: guests and presenters attend. They also
 * get their own view of a card posted in the team's conversation (`readCard`, a card refresh),
 * which they see there anyway: their status and the buttons they may press.
 */
const GUEST_ACTIONS: ReadonlySet<PolicyAction> = new Set(['checkIn', 'readCard']);

/**
 * What a cancelled meeting refuses (`meeting_cancelled`) to whoever may otherwise do it: its cards
 * lose these buttons, and a retried or stale click is told why. Reading it, its minutes and
 * cancelling it again stay possible; the attendance already recorded stays.
 */
const ENDED_BY_CANCELLING: ReadonlySet<PolicyAction> = new Set(['checkIn', 'closeAttendance', 'editMeeting', 'editAgenda', 'proposeItem', 'decideProposal']);

/** Whether `actor` may do `action` to `target`. */
export function can(actor: Actor, action: PolicyAction, target: Target): boolean {
  return refusal(actor, action, target) === undefined;
}

/** Why not, as the error code a refusal answers with; undefined when allowed. */
export function refusal(actor: Actor, action: PolicyAction, target: Target): ErrorCode | undefined {
  // Acting from one team's conversation on another network's thing (or another tenant's).
  const here = actor.tenantId === target.tenantId && actor.networkId === target.networkId;
  if (!here) return 'other_network';
  if (!actor.inTeam) {
    // A guest acts only from the team's own conversation; from a personal chat the person must
    // be a member of the target's network now, else the id does not belong there.
    if (!actor.member && actor.via === 'team' && GUEST_ACTIONS.has(action)) return undefined;
    return !actor.member && actor.via === 'chat' ? 'other_network' : 'not_a_member';
  }
  if (RULES[action](actor, target)) return undefined;
  return action === 'closeAttendance' ? 'not_meeting_creator' : 'forbidden';
}

/** Throws the refusal's DomainError unless `actor` may do `action` to `target`. */
export function mustBeAllowed(actor: Actor, action: PolicyAction, target: Target): void {
  const code = refusal(actor, action, target);
  if (code) throw new DomainError(code);
}

/** Every action's answer for one target. */
export function capabilities(actor: Actor, target: Target): Capabilities {
  return Object.fromEntries(POLICY_ACTIONS.map((action) => [action, can(actor, action, target)])) as Capabilities;
}

// ---------------------------------------------------------------------------------------------
// Targets

export function networkTarget(network: Pick<Network, 'tenantId' | 'id'>): Target {
  return { tenantId: network.tenantId, networkId: network.id };
}

export function meetingTarget(meeting: Meeting): Target {
  return { tenantId: meeting.tenantId, networkId: meeting.networkId, meetingCreatorId: meeting.createdBy.id };
}

/** The minutes of a meeting (their secretary decides who edits besides the chair group). */
export function minutesTarget(meeting: Meeting, minutes: MinutesDraft | undefined): Target {
  const secretary = minutes?.content.secretary;
  return { ...meetingTarget(meeting), ...(secretary?.kind === 'member' ? { secretaryId: secretary.memberId } : {}) };
}

/** A version sent for justering: its justerare answer it, never its own secretary. */
export function versionTarget(meeting: Meeting, version: MinutesVersion): Target {
  const secretary = version.content.secretary;
  return {
    ...meetingTarget(meeting),
    ...(secretary?.kind === 'member' ? { secretaryId: secretary.memberId } : {}),
    justerareIds: approversOf(version.content).map((j) => j.memberId),
    minutesKind: kindOf(version.content),
  };
}

export function actionTarget(tenantId: string, networkId: string, action: ActionItem): Target {
  return { tenantId, networkId, action };
}

// ---------------------------------------------------------------------------------------------
// The resolver: the Actor from the store

/** Who calls: the tab's verified token, or the person a card action or command comes from. */
export interface Caller {
  tenantId: string;
  userId: string;
  name: string;
  /**
   * The network (team id) a card action or command arrives from, when it comes from a team's
   * conversation: the person acts there, so a target of another network is refused. Absent
   * (the tab): they act in the target's network. `PERSONAL_CHAT`: from the person's chat with
   * the bot, where they act in the target's network only as its member.
   */
  actingIn?: string;
}

/** `Caller.actingIn` of a card action from a personal chat (no team id contains '#'). */
export const PERSONAL_CHAT = '#personal-chat';

/** A person a card action or command comes from, as a caller; `actingIn`: the team it came from, if any. */
export function callerOf(tenantId: string, person: Person, actingIn?: string): Caller {
  return { tenantId, userId: person.id, name: person.name, ...(actingIn ? { actingIn } : {}) };
}

/** The actor from their member record (or none) in a network. */
export function actorOf(caller: Caller, networkId: string, member: Member | undefined): Actor {
  const roles = new Set<NetworkRole>();
  if (member) {
    roles.add(roleOf(member));
    if (member.teamOwner) roles.add('admin');
  }
  return {
    tenantId: caller.tenantId,
    personId: caller.userId,
    name: member?.name || caller.name,
    networkId,
    ...(member ? { member } : {}),
    roles,
    inTeam: isCurrentMember(member),
    via: caller.actingIn === undefined ? 'tab' : caller.actingIn === PERSONAL_CHAT ? 'chat' : 'team',
  };
}

/**
 * A member as the actor they are in their own network (to ask who among members may do
 * something). A member the store handed out frozen cannot change, so its actor is made once:
 * every check-in's answer asks this of the whole roster (who sees the attendance controls).
 */
export function memberActor(member: Member): Actor {
  const made = MEMBER_ACTORS.get(member);
  if (made) return made;
  const actor = actorOf({ tenantId: member.tenantId, userId: member.id, name: member.name }, member.networkId, member);
  if (Object.isFrozen(member)) MEMBER_ACTORS.set(member, actor);
  return actor;
}

const MEMBER_ACTORS = new WeakMap<Member, Actor>();

/** Builds actors from the store, and loads a target with the actor who acts on it, checked. */
export class Access {
  constructor(private readonly store: Store) {}

  /** The caller as an actor where they act: the network they act from, else `networkId` (the target's). */
  async actor(caller: Caller, networkId: string): Promise<Actor> {
    const acting = caller.actingIn === undefined || caller.actingIn === PERSONAL_CHAT ? networkId : caller.actingIn;
    return actorOf(caller, acting, await this.store.getMember(caller.tenantId, acting, caller.userId));
  }

  /** The network, and the caller acting in it, allowed `action` on it. */
  async network(caller: Caller, networkId: string, action: PolicyAction = 'readNetwork'): Promise<{ network: Network; actor: Actor }> {
    const network = await this.store.getNetwork(caller.tenantId, networkId);
    if (!network) throw new DomainError('network_not_found');
    const actor = await this.actor(caller, networkId);
    mustBeAllowed(actor, action, networkTarget(network));
    return { network, actor };
  }

  /** The meeting, and the caller acting in its network, allowed `action` on it. */
  async meeting(caller: Caller, meetingId: string, action: PolicyAction = 'readNetwork'): Promise<{ meeting: Meeting; actor: Actor }> {
    const meeting = await this.store.getMeeting(caller.tenantId, meetingId);
    if (!meeting) throw new DomainError('meeting_not_found');
    const actor = await this.actor(caller, meeting.networkId);
    mustBeAllowed(actor, action, meetingTarget(meeting));
    if (meeting.cancelled && ENDED_BY_CANCELLING.has(action)) throw new DomainError('meeting_cancelled');
    return { meeting, actor };
  }
}

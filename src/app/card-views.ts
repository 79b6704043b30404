import type { AttendanceRecord, AttendanceStatus } from '../domain/attendance';
import { KeptLast } from '../domain/frozen';
import type { Meeting } from '../domain/meeting';
import { waitingFor, type MinutesVersion } from '../domain/minutes';
import { isCurrentMember, type Member } from '../domain/network';
import { byNameSv } from '../domain/sort';
import type { SharedCardKind } from './delivery';
import { can, capabilities, meetingTarget, memberActor, versionTarget, type Actor, type Capabilities } from './policy';

/**
 * User-specific views of the shared cards in a channel (Adaptive Cards Universal Actions).
 *
 * A shared card carries `refresh: { action: Action.Execute refreshCard, userIds }`: Teams asks the
 * bot for the card of each person named in `userIds` (automatically, when the card is shown) and
 * shows them what it answers. Teams honours at most 60 `userIds` per card, and refresh has been
 * reported not to fire in channels at all (OfficeDev/Microsoft-Teams-Samples#1246), so the shared
 * card stays complete on its own; the viewer's card is an improvement on top.
 */

/** Teams shows user-specific views of one card to at most 60 people. */
export const REFRESH_USER_LIMIT = 60;

/** The shared cards that carry a refresh (action `refreshCard`, with the meeting and the kind). */
export const REFRESHABLE_CARDS = ['checkinCard', 'agendaCard', 'justeringCard'] as const satisfies readonly SharedCardKind[];
export type RefreshableCard = (typeof REFRESHABLE_CARDS)[number];

/** What a shared card's refresh names: the meeting, the kind of card, and who gets their own view. */
export interface CardRefresh {
  meetingId: string;
  card: RefreshableCard;
  /** Teams user ids (29:…), at most REFRESH_USER_LIMIT. */
  userIds: readonly string[];
}

/** The person a card is built for: what the policy lets them do to the meeting, and their attendance. */
export interface CardViewer {
  may: Capabilities;
  /** Their attendance at the meeting ('none' when they have not answered). */
  mine: AttendanceStatus | 'none';
}

export function viewerOf(actor: Actor, meeting: Meeting, records: readonly Pick<AttendanceRecord, 'personId' | 'status'>[]): CardViewer {
  return { may: capabilities(actor, meetingTarget(meeting)), mine: records.find((r) => r.personId === actor.personId)?.status ?? 'none' };
}

/**
 * Who gets their own view of a meeting's check-in or agenda card, at most 60 Teams user ids, in
 * this order until the limit is reached:
 *  1. who may close the attendance (the meeting's creator and the chair group: their controls),
 *  2. members who answered (checked in or sent apologies), the most recent answer first,
 *  3. the other members of the team now, by name (their view says they have not answered).
 * Above 60 members the rest see the shared card, which has every button (a refused one says why).
 * Nobody for a cancelled meeting: its cards have no buttons left, for anyone.
 */
export function meetingAudience(meeting: Meeting, members: readonly Member[], records: readonly Pick<AttendanceRecord, 'personId' | 'updatedAt'>[]): string[] {
  if (meeting.cancelled) return [];
  // Runs for every click's answer in a burst: what depends on the roster alone is worked out once
  // per roster (rosterViews), the answers are compared as plain ISO times.
  const views = rosterViews(meeting, members);
  // Many clicks in a burst answer with the same roster and the same answers: worked out once for them.
  const key = `${meeting.tenantId}\n${meeting.id}`;
  const kept = AUDIENCES.get(key);
  if (kept && kept.views === views && sameAnswerTimes(kept.records, records)) return [...kept.audience];
  const audience = audienceOf(views, records);
  AUDIENCES.set(key, { views, records: records.map((r) => ({ personId: r.personId, updatedAt: r.updatedAt })), audience });
  return [...audience];
}

type AnswerTime = Pick<AttendanceRecord, 'personId' | 'updatedAt'>;

/** The last audience per meeting (the meetings being checked in to now), with what it was worked out from. */
const AUDIENCES = new KeptLast<{ views: RosterViews; records: readonly AnswerTime[]; audience: readonly string[] }>(256);

function sameAnswerTimes(a: readonly AnswerTime[], b: readonly AnswerTime[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || x.personId !== y.personId || x.updatedAt !== y.updatedAt) return false;
  }
  return true;
}

function audienceOf({ controls, byName }: RosterViews, records: readonly AnswerTime[]): string[] {
  const answered = new Map(records.map((r) => [r.personId, r.updatedAt]));
  const hasControls = new Set(controls.map((m) => m.id));
  // Latest answer first; the sort is stable, so answers of the same moment stay in name order.
  const responders = byName
    .filter((m) => answered.has(m.id) && !hasControls.has(m.id))
    .map((m) => ({ m, at: answered.get(m.id) ?? '' }))
    .sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? 1 : -1))
    .map(({ m }) => m);
  const room = REFRESH_USER_LIMIT - controls.length - responders.length;
  const others = room > 0 ? byName.filter((m) => !answered.has(m.id) && !hasControls.has(m.id)) : [];
  return capped([...controls, ...responders, ...others]);
}

interface RosterViews {
  members: readonly Member[];
  /** Who may close the attendance (the creator and the chair group), by name. */
  controls: readonly Member[];
  /** The members of the team now who can be named, by name. */
  byName: readonly Member[];
}

/**
 * The roster's part of a meeting's audience. Kept for a meeting the store handed out frozen while
 * the same frozen member objects come in the same order: neither can have changed.
 */
function rosterViews(meeting: Meeting, members: readonly Member[]): RosterViews {
  const kept = ROSTER_VIEWS.get(meeting);
  if (kept && kept.members.length === members.length && kept.members.every((m, i) => m === members[i])) return kept;
  const byName = members.filter((m) => isCurrentMember(m) && m.teamsUserId).sort(byNameSv);
  const target = meetingTarget(meeting);
  const views: RosterViews = { members: [...members], controls: byName.filter((m) => can(memberActor(m), 'closeAttendance', target)), byName };
  if (Object.isFrozen(meeting) && members.every((m) => Object.isFrozen(m))) ROSTER_VIEWS.set(meeting, views);
  return views;
}

const ROSTER_VIEWS = new WeakMap<Meeting, RosterViews>();

/** The refresh of a meeting's check-in or agenda card, from the network's members and the meeting's attendance. */
export function meetingRefresh(
  meeting: Meeting,
  members: readonly Member[],
  records: readonly Pick<AttendanceRecord, 'personId' | 'updatedAt'>[],
  card: 'checkinCard' | 'agendaCard',
): CardRefresh {
  return { meetingId: meeting.id, card, userIds: meetingAudience(meeting, members, records) };
}

/** Who gets their own view of the justering status card: the justerare still to answer (their buttons). */
export function justeringAudience(meeting: Meeting, version: MinutesVersion, members: readonly Member[]): string[] {
  if (version.state !== 'pending') return [];
  const waiting = new Set(waitingFor(version).map((w) => w.memberId));
  const target = versionTarget(meeting, version);
  return capped(members.filter((m) => waiting.has(m.id) && m.teamsUserId && can(memberActor(m), 'approve', target)).sort(byNameSv));
}

/** What a justerare may still answer on a version shown to them: nothing once it is approved, changed or answered by them. */
export interface JusteringAnswers {
  approve: boolean;
  requestChange: boolean;
}

export function justeringAnswers(actor: Actor, meeting: Meeting, version: MinutesVersion): JusteringAnswers {
  const waiting = version.state === 'pending' && waitingFor(version).some((w) => w.memberId === actor.personId);
  const target = versionTarget(meeting, version);
  return { approve: waiting && can(actor, 'approve', target), requestChange: waiting && can(actor, 'requestChange', target) };
}

/** The first REFRESH_USER_LIMIT distinct Teams user ids, in order (stops there: a large team's rest is not looked at). */
function capped(people: readonly Member[]): string[] {
  const ids = new Set<string>();
  for (const m of people) {
    if (ids.size >= REFRESH_USER_LIMIT) break;
    ids.add(m.teamsUserId);
  }
  return [...ids];
}

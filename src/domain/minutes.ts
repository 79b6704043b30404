import { createHash } from 'node:crypto';
import type { Agenda } from './agenda';
import type { AttendanceRecord } from './attendance';
import { isHttpsUrl, isValidDate, LIMITS, MEETING_MODES, meetingDistinction, normaliseTime, type MeetingDetails, type SameDateMeeting } from './meeting';
import { hasUnsafeNameChars, intakeName } from './text';
import { canonicalJson } from './canonical';
import { MINUTES_LIMITS } from './minutes-limits';
import type { ActionItem, MinutesAttendee, MinutesContent, MinutesContentInput, MinutesDraft, MinutesItem, MinutesStatus, MinutesVersion, PersonRef } from './minutes-model';

export type * from './minutes-model';
export { canonicalJson } from './canonical';

/**
 * The minutes (protokoll) of one meeting and their justering: pure model and rules, no I/O.
 *
 * The secretary edits a draft. "Skicka för justering" freezes the draft as a numbered version
 * with the SHA-256 of its canonical content. Each designated justerare approves that version or
 * asks for a change. A version every justerare approved is justerad and never changes; a later
 * correction is a new version that goes through justering again. Editing the draft after
 * sending withdraws nothing by itself, but the sent version can no longer be approved: its hash
 * no longer matches what the secretary holds, so the justerare is told and shown the new text.
 */

export { MINUTES_LIMITS } from './minutes-limits';

// ---------------------------------------------------------------------------------------------
// Canonical content and its hash

export function contentHash(content: MinutesContent): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Starting the minutes

/** The attendance as the check-in records it. */
export function attendeesFromCheckin(attendance: readonly AttendanceRecord[]): MinutesAttendee[] {
  return attendance.map((r) => ({ id: r.personId, name: intakeName(r.name), municipality: r.municipality, status: r.status, guest: r.guest }));
}

/** The agenda's items as empty minutes items; ids follow the agenda's, so they stay the same as it changes. */
export function itemsFromAgenda(agenda: Agenda | undefined): MinutesItem[] {
  return (agenda?.items ?? []).map((a) => ({
    id: `agenda-${a.id}`,
    agendaItemId: a.id,
    title: a.title,
    ...(a.presenter ? { presenter: a.presenter } : {}),
    notes: '',
    decisions: [],
    actions: [],
    tabled: false,
  }));
}

/** A first draft: the meeting's details, its check-in, and the agenda's items. */
export function draftFromMeeting(args: {
  tenantId: string;
  networkId: string;
  meetingId: string;
  networkName: string;
  meeting: MeetingDetails;
  agenda?: Agenda;
  attendance: readonly AttendanceRecord[];
  now: string;
}): MinutesDraft {
  return {
    tenantId: args.tenantId,
    networkId: args.networkId,
    meetingId: args.meetingId,
    content: {
      networkName: args.networkName,
      meeting: { ...args.meeting },
      justerare: [],
      attendees: attendeesFromCheckin(args.attendance),
      items: itemsFromAgenda(args.agenda),
      nextMeetings: [],
    },
    updatedAt: args.now,
  };
}

/**
 * The draft as it reads now: the attendance and the items nobody has edited follow the check-in
 * and the agenda, until the minutes are first sent (from then on the text is the secretary's).
 */
export function liveContent(draft: MinutesDraft, sources: { attendance: readonly AttendanceRecord[]; agenda: Agenda | undefined }): MinutesContent {
  if (draft.sentVersion !== undefined) return draft.content;
  return {
    ...draft.content,
    ...(draft.attendeesEdited ? {} : { attendees: attendeesFromCheckin(sources.attendance) }),
    ...(draft.itemsEdited ? {} : { items: itemsFromAgenda(sources.agenda) }),
  };
}

/** A save's content completed from the draft as it reads now (`live`): what was left out stays as it is. */
export function completeInput(input: MinutesContentInput, live: MinutesContent): MinutesContent {
  return { ...input, attendees: input.attendees ?? live.attendees, items: input.items ?? live.items };
}

/**
 * The draft after a person saved `input`: a section they sent that differs from how it reads now
 * (`live`) counts as theirs from then on, and no longer follows the check-in or the agenda.
 */
export function withEdits(draft: MinutesDraft, live: MinutesContent, input: MinutesContentInput, now: string, by: string): MinutesDraft {
  const content = completeInput(input, live);
  return {
    ...draft,
    content,
    attendeesEdited: draft.attendeesEdited || canonicalJson(content.attendees) !== canonicalJson(live.attendees),
    itemsEdited: draft.itemsEdited || canonicalJson(content.items) !== canonicalJson(live.items),
    updatedAt: now,
    updatedBy: by,
  };
}

// ---------------------------------------------------------------------------------------------
// Validation

export type MinutesProblem = {
  field: string;
  code:
    | 'required'
    | 'too_long'
    | 'invalid_date'
    | 'invalid_time'
    | 'end_before_start'
    | 'invalid_link'
    | 'invalid_mode'
    | 'invalid_chars'
    | 'too_many'
    | 'duplicate'
    | 'invalid';
};

function checkText(problems: MinutesProblem[], field: string, value: string, max: number, required = false): void {
  if (required && value.trim() === '') problems.push({ field, code: 'required' });
  if (value.length > max) problems.push({ field, code: 'too_long' });
}

/** A name (of a person, a network, a municipality): also no control, bidi or invisible characters. */
function checkName(problems: MinutesProblem[], field: string, value: string, max: number, required = false): void {
  checkText(problems, field, value, max, required);
  if (hasUnsafeNameChars(value)) problems.push({ field, code: 'invalid_chars' });
}

function checkPerson(problems: MinutesProblem[], field: string, p: PersonRef): void {
  checkName(problems, `${field}.name`, p.name, MINUTES_LIMITS.name, true);
  if (p.kind === 'member' && p.memberId.trim() === '') problems.push({ field: `${field}.memberId`, code: 'required' });
}

/** A real date, real times, and the end after the start. */
function checkSchedule(problems: MinutesProblem[], field: string, m: { date: string; start?: string; end?: string }): void {
  if (!isValidDate(m.date)) problems.push({ field: `${field}.date`, code: 'invalid_date' });
  const start = m.start === undefined ? undefined : normaliseTime(m.start);
  const end = m.end === undefined ? undefined : normaliseTime(m.end);
  if (m.start !== undefined && start === undefined) problems.push({ field: `${field}.start`, code: 'invalid_time' });
  if (m.end !== undefined && end === undefined) problems.push({ field: `${field}.end`, code: 'invalid_time' });
  if (start !== undefined && end !== undefined && end <= start) problems.push({ field: `${field}.end`, code: 'end_before_start' });
}

/** The meeting as the protocol states it: the same rules as the "ny träff" form. */
function checkMeeting(problems: MinutesProblem[], m: MeetingDetails): void {
  checkSchedule(problems, 'meeting', m);
  checkName(problems, 'meeting.place', m.place, LIMITS.place);
  if (!(MEETING_MODES as readonly string[]).includes(m.mode)) problems.push({ field: 'meeting.mode', code: 'invalid_mode' });
  if (m.teamsLink !== undefined && m.teamsLink !== '') {
    if (m.teamsLink.length > LIMITS.teamsLink) problems.push({ field: 'meeting.teamsLink', code: 'too_long' });
    else if (!isHttpsUrl(m.teamsLink)) problems.push({ field: 'meeting.teamsLink', code: 'invalid_link' });
  }
}

/** Problems with content as typed: shape and limits. Empty when it may be saved. */
export function minutesProblems(c: MinutesContent): MinutesProblem[] {
  const problems: MinutesProblem[] = [];
  checkName(problems, 'networkName', c.networkName, LIMITS.networkName, true);
  checkMeeting(problems, c.meeting);
  if (c.items.length > MINUTES_LIMITS.items) problems.push({ field: 'items', code: 'too_many' });
  if (c.attendees.length > MINUTES_LIMITS.attendees) problems.push({ field: 'attendees', code: 'too_many' });
  if (c.justerare.length > MINUTES_LIMITS.justerare) problems.push({ field: 'justerare', code: 'too_many' });
  const justerareIds = new Set<string>();
  c.justerare.forEach((j, i) => {
    checkPerson(problems, `justerare.${i}`, j);
    if (justerareIds.has(j.memberId)) problems.push({ field: `justerare.${i}`, code: 'duplicate' });
    justerareIds.add(j.memberId);
  });
  if (c.secretary) checkPerson(problems, 'secretary', c.secretary);
  const ids = new Set<string>();
  c.attendees.forEach((a, i) => {
    checkName(problems, `attendees.${i}.name`, a.name, MINUTES_LIMITS.name, true);
    checkName(problems, `attendees.${i}.municipality`, a.municipality, MINUTES_LIMITS.name);
    if (a.substituteFor !== undefined) checkName(problems, `attendees.${i}.substituteFor`, a.substituteFor, MINUTES_LIMITS.name, true);
    if (a.arrivedAt !== undefined && normaliseTime(a.arrivedAt) === undefined) problems.push({ field: `attendees.${i}.arrivedAt`, code: 'invalid_time' });
    if (ids.has(a.id)) problems.push({ field: `attendees.${i}`, code: 'duplicate' });
    ids.add(a.id);
  });
  c.items.forEach((item, i) => {
    const f = `items.${i}`;
    checkText(problems, `${f}.title`, item.title, MINUTES_LIMITS.title, true);
    checkText(problems, `${f}.notes`, item.notes, MINUTES_LIMITS.notes);
    item.decisions.forEach((d, k) => checkText(problems, `${f}.decisions.${k}`, d, MINUTES_LIMITS.decision, true));
    item.actions.forEach((a, k) => {
      checkText(problems, `${f}.actions.${k}.text`, a.text, MINUTES_LIMITS.action, true);
      checkPerson(problems, `${f}.actions.${k}.owner`, a.owner);
      if (a.due !== undefined && !isValidDate(a.due)) problems.push({ field: `${f}.actions.${k}.due`, code: 'invalid_date' });
    });
  });
  c.nextMeetings.forEach((m, i) => {
    checkSchedule(problems, `nextMeetings.${i}`, m);
    if (m.place !== undefined) checkName(problems, `nextMeetings.${i}.place`, m.place, MINUTES_LIMITS.name);
  });
  if (c.nextMeetingNote !== undefined) checkText(problems, 'nextMeetingNote', c.nextMeetingNote, MINUTES_LIMITS.decision);
  return problems;
}

/** What must also hold before the minutes can be sent for justering. */
export function sendProblems(c: MinutesContent): MinutesProblem[] {
  const problems = minutesProblems(c);
  if (!c.secretary) problems.push({ field: 'secretary', code: 'required' });
  if (c.justerare.length === 0) problems.push({ field: 'justerare', code: 'required' });
  if (c.items.length === 0) problems.push({ field: 'items', code: 'required' });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Justering

/** Where the minutes stand, from the draft (none yet: a draft to come) and its versions, oldest first. */
export function minutesStatus(draft: MinutesDraft | undefined, versions: readonly MinutesVersion[]): MinutesStatus {
  const latest = versions.at(-1);
  if (!draft || !latest) return { kind: 'draft' };
  const approvedEver = versions.filter((v) => v.state === 'approved').at(-1);
  const edited = draft.sentHash !== undefined && contentHash(draft.content) !== latest.hash;
  if (latest.state === 'approved') {
    return edited ? { kind: 'edited_after_approval', approvedVersion: latest.number } : { kind: 'approved', version: latest.number, approvedAt: latest.approvedAt ?? latest.sentAt };
  }
  if (edited) return approvedEver && latest.state === 'superseded' ? { kind: 'edited_after_approval', approvedVersion: approvedEver.number } : { kind: 'edited_after_send', version: latest.number };
  if (latest.state === 'changes_requested') return { kind: 'changes_requested', version: latest.number, requests: latest.changeRequests };
  if (latest.state === 'pending') return { kind: 'pending', version: latest.number, waitingFor: waitingFor(latest), since: latest.sentAt };
  return { kind: 'draft' };
}

export function waitingFor(v: MinutesVersion): { memberId: string; name: string }[] {
  const done = new Set(v.approvals.map((a) => a.memberId));
  return v.content.justerare.filter((j) => !done.has(j.memberId)).map((j) => ({ memberId: j.memberId, name: j.name }));
}

export function isJusterare(v: MinutesVersion, memberId: string): boolean {
  return v.content.justerare.some((j) => j.memberId === memberId);
}

/** Why a justerare's action on a version is refused, or undefined when it may proceed. */
export type JusteringRefusal = 'not_justerare' | 'edited_since_sent' | 'superseded' | 'already_approved' | 'changes_requested';

export function justeringRefusal(v: MinutesVersion, draft: MinutesDraft, memberId: string): JusteringRefusal | undefined {
  if (!isJusterare(v, memberId)) return 'not_justerare';
  if (v.state === 'approved') return 'already_approved';
  if (v.state === 'superseded' || draft.sentVersion !== v.number) return 'superseded';
  if (contentHash(draft.content) !== v.hash) return 'edited_since_sent';
  if (v.state === 'changes_requested') return 'changes_requested';
  return undefined;
}

/**
 * The version after `memberId` approves. Approving twice is the same as once. When every
 * justerare has approved it is justerad, and the intent to archive is written with it.
 */
export function approve(v: MinutesVersion, member: { memberId: string; name: string }, now: string): MinutesVersion {
  if (v.approvals.some((a) => a.memberId === member.memberId)) return v;
  const approvals = [...v.approvals, { memberId: member.memberId, name: member.name, at: now }];
  const next: MinutesVersion = { ...v, approvals };
  if (waitingFor(next).length > 0) return next;
  return {
    ...next,
    state: 'approved',
    approvedAt: now,
    archive: { state: 'pending', attempts: 0, nextAttemptAt: now, documents: [] },
  };
}

export function requestChange(v: MinutesVersion, member: { memberId: string; name: string }, comment: string, now: string): MinutesVersion {
  const same = v.changeRequests.find((r) => r.memberId === member.memberId && r.comment === comment);
  if (same) return v;
  return { ...v, state: 'changes_requested', changeRequests: [...v.changeRequests, { ...member, comment, at: now }] };
}

/** The version a send creates; the one before it, unless approved, is superseded. */
export function newVersion(draft: MinutesDraft, number: number, sentBy: { memberId: string; name: string }, now: string): MinutesVersion {
  const problems = minutesProblems(draft.content);
  if (problems.length > 0) throw new Error(`a version cannot be made of invalid minutes: ${problems.map((p) => `${p.field} ${p.code}`).join(', ')}`);
  return {
    tenantId: draft.tenantId,
    networkId: draft.networkId,
    meetingId: draft.meetingId,
    number,
    content: draft.content,
    hash: contentHash(draft.content),
    sentAt: now,
    sentBy,
    state: 'pending',
    approvals: [],
    changeRequests: [],
  };
}

/**
 * "Protokoll för IM-nätverket 2021-12-03", with " kl 13.00" when the network has other meetings
 * that date (`sameDate`, see meetingDistinction). Derived for display, never part of the content
 * or its hash. `meetingId` names the meeting among `sameDate`.
 */
export function protocolTitle(
  c: Pick<MinutesContent, 'networkName' | 'meeting'>,
  locale: 'sv' | 'en' = 'sv',
  same: { meetingId: string; sameDate: readonly SameDateMeeting[] } = { meetingId: '', sameDate: [] },
): string {
  const tail = meetingDistinction({ id: same.meetingId, start: c.meeting.start, place: c.meeting.place }, same.sameDate, locale);
  return locale === 'en' ? `Minutes of ${c.networkName} ${c.meeting.date}${tail}` : `Protokoll för ${c.networkName} ${c.meeting.date}${tail}`;
}

/** Open action items: from approved versions, not marked done. */
export interface OpenAction {
  meetingId: string;
  meetingDate: string;
  itemTitle: string;
  action: ActionItem;
}

export function actionsOf(v: MinutesVersion): OpenAction[] {
  return v.content.items.flatMap((item) =>
    item.actions.map((action) => ({ meetingId: v.meetingId, meetingDate: v.content.meeting.date, itemTitle: item.title, action })),
  );
}

import { createHash } from 'node:crypto';
import type { Agenda } from './agenda';
import type { AttendanceRecord } from './attendance';
import { isValidDate, normaliseTime, type MeetingDetails } from './meeting';
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
  return attendance.map((r) => ({ id: r.personId, name: r.name, municipality: r.municipality, status: r.status, guest: r.guest }));
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

export type MinutesProblem =
  | { field: string; code: 'required' | 'too_long' | 'invalid_date' | 'invalid_time' | 'too_many' | 'duplicate' | 'invalid' };

function checkText(problems: MinutesProblem[], field: string, value: string, max: number, required = false): void {
  if (required && value.trim() === '') problems.push({ field, code: 'required' });
  if (value.length > max) problems.push({ field, code: 'too_long' });
}

function checkPerson(problems: MinutesProblem[], field: string, p: PersonRef): void {
  checkText(problems, `${field}.name`, p.name, MINUTES_LIMITS.name, true);
  if (p.kind === 'member' && p.memberId.trim() === '') problems.push({ field: `${field}.memberId`, code: 'required' });
}

/** Problems with content as typed: shape and limits. Empty when it may be saved. */
export function minutesProblems(c: MinutesContent): MinutesProblem[] {
  const problems: MinutesProblem[] = [];
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
    checkText(problems, `attendees.${i}.name`, a.name, MINUTES_LIMITS.name, true);
    checkText(problems, `attendees.${i}.municipality`, a.municipality, MINUTES_LIMITS.name);
    if (a.substituteFor !== undefined) checkText(problems, `attendees.${i}.substituteFor`, a.substituteFor, MINUTES_LIMITS.name, true);
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
    if (!isValidDate(m.date)) problems.push({ field: `nextMeetings.${i}.date`, code: 'invalid_date' });
    for (const t of ['start', 'end'] as const) {
      const v = m[t];
      if (v !== undefined && normaliseTime(v) === undefined) problems.push({ field: `nextMeetings.${i}.${t}`, code: 'invalid_time' });
    }
    if (m.place !== undefined) checkText(problems, `nextMeetings.${i}.place`, m.place, MINUTES_LIMITS.name);
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

/** "Protokoll för IM-nätverket 2021-12-03" */
export function protocolTitle(c: Pick<MinutesContent, 'networkName' | 'meeting'>, locale: 'sv' | 'en' = 'sv'): string {
  return locale === 'en' ? `Minutes of ${c.networkName} ${c.meeting.date}` : `Protokoll för ${c.networkName} ${c.meeting.date}`;
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

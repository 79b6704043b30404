import { createHash } from 'node:crypto';
import type { Agenda } from './agenda';
import type { AttendanceRecord } from './attendance';
import { isHttpsUrl, isValidDate, LIMITS, MEETING_MODES, meetingDistinction, normaliseTime, type SameDateMeeting } from './meeting';
import { hasUnsafeNameChars, intakeName } from './text';
import { canonicalJson } from './canonical';
import { MINUTES_LIMITS } from './minutes-limits';
import { unsafeLinks } from './markup';
import { blankItem } from './minutes-item';
import { currentContent } from './minutes-legacy';
import {
  ITEM_KINDS_MINUTES,
  ITEM_NUMBERINGS,
  MINUTES_ATTENDANCE,
  MINUTES_FORMAT,
  MINUTES_KINDS,
  OWNER_ROLES,
  type ActionItem,
  type ActionOwner,
  type MemberRef,
  type MinutesAttendee,
  type MinutesContent,
  type MinutesContentInput,
  type MinutesDraft,
  type MinutesItem,
  type MinutesKind,
  type MinutesMeeting,
  type MinutesStatus,
  type MinutesVersion,
  type PersonRef,
  type StoredMinutesContent,
} from './minutes-model';

export type * from './minutes-model';
export { MINUTES_FORMAT, MINUTES_KINDS, ITEM_NUMBERINGS, MINUTES_ATTENDANCE, OWNER_ROLES, ITEM_KINDS_MINUTES } from './minutes-model';
export { currentContent } from './minutes-legacy';
export { ownsAction, ownersText } from './action-owners';
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

/** The hash of content as it is stored: content stored in an older shape is hashed as that text, never rewritten first. */
export function contentHash(content: StoredMinutesContent): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Starting the minutes

/** The attendance as the check-in records it. */
export function attendeesFromCheckin(attendance: readonly AttendanceRecord[]): MinutesAttendee[] {
  return attendance.map((r) => ({ id: r.personId, name: intakeName(r.name), organisation: r.municipality, status: r.status, guest: r.guest }));
}

/** The agenda's items as empty minutes items; ids follow the agenda's, so they stay the same as it changes. */
export function itemsFromAgenda(agenda: Agenda | undefined): MinutesItem[] {
  return (agenda?.items ?? []).map((a) => blankItem(`agenda-${a.id}`, a.title, { agendaItemId: a.id, presenters: a.presenter ? [a.presenter] : [] }));
}

/** A first draft: the meeting's details, its check-in, and the agenda's items. */
export function draftFromMeeting(args: {
  tenantId: string;
  networkId: string;
  meetingId: string;
  networkName: string;
  meeting: MinutesMeeting;
  kind?: MinutesKind;
  agenda?: Agenda;
  attendance: readonly AttendanceRecord[];
  now: string;
}): MinutesDraft {
  return {
    tenantId: args.tenantId,
    networkId: args.networkId,
    meetingId: args.meetingId,
    content: {
      format: MINUTES_FORMAT,
      kind: args.kind ?? 'protokoll',
      numbering: 'numbered',
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
export function liveContent(
  draft: MinutesDraft,
  sources: { attendance: readonly AttendanceRecord[]; agenda: Agenda | undefined; kind?: MinutesKind },
): StoredMinutesContent {
  if (draft.sentVersion !== undefined) return draft.content;
  const content = currentContent(draft.content);
  return {
    ...content,
    // The network's choice of protokoll or minnesanteckningar, until the minutes are first sent.
    ...(sources.kind ? { kind: sources.kind } : {}),
    ...(sources.kind === 'minnesanteckningar' ? { justerare: [] } : {}),
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
  const completed = completeInput(input, live);
  // Saving what the draft already says keeps its stored text (and so its hash), in whatever shape it was stored.
  const content = canonicalJson(completed) === canonicalJson(currentContent(draft.content)) ? draft.content : completed;
  return {
    ...draft,
    content,
    attendeesEdited: draft.attendeesEdited || canonicalJson(completed.attendees) !== canonicalJson(live.attendees),
    itemsEdited: draft.itemsEdited || canonicalJson(completed.items) !== canonicalJson(live.items),
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

/** The meeting as the protocol states it: the date always; time, place, form and link only when known. */
function checkMeeting(problems: MinutesProblem[], m: MinutesMeeting): void {
  checkSchedule(problems, 'meeting', m);
  if (m.place !== undefined) checkName(problems, 'meeting.place', m.place, LIMITS.place);
  if (m.mode !== undefined && !(MEETING_MODES as readonly string[]).includes(m.mode)) problems.push({ field: 'meeting.mode', code: 'invalid_mode' });
  if (m.teamsLink !== undefined && m.teamsLink !== '') {
    if (m.teamsLink.length > LIMITS.teamsLink) problems.push({ field: 'meeting.teamsLink', code: 'too_long' });
    else if (!isHttpsUrl(m.teamsLink)) problems.push({ field: 'meeting.teamsLink', code: 'invalid_link' });
  }
}

function checkOwner(problems: MinutesProblem[], field: string, o: ActionOwner): void {
  if (o.kind === 'member' || o.kind === 'named') return checkPerson(problems, field, o);
  checkName(problems, `${field}.name`, o.name, MINUTES_LIMITS.name, true);
  if (o.kind === 'role' && !(OWNER_ROLES as readonly string[]).includes(o.role)) problems.push({ field: `${field}.role`, code: 'invalid' });
  if (o.kind === 'group') {
    if (o.members.length > MINUTES_LIMITS.groupMembers) problems.push({ field: `${field}.members`, code: 'too_many' });
    o.members.forEach((m, i) => checkPerson(problems, `${field}.members.${i}`, m));
  }
}

/** Markup: its length, and every link an https address. */
function checkMarkup(problems: MinutesProblem[], field: string, value: string, max: number): void {
  checkText(problems, field, value, max);
  if (unsafeLinks(value).length > 0) problems.push({ field, code: 'invalid_link' });
}

function checkItem(problems: MinutesProblem[], f: string, item: MinutesItem): void {
  if (!(ITEM_KINDS_MINUTES as readonly string[]).includes(item.kind)) problems.push({ field: `${f}.kind`, code: 'invalid' });
  checkText(problems, `${f}.title`, item.title, MINUTES_LIMITS.title, true);
  if (item.presenters.length > MINUTES_LIMITS.presenters) problems.push({ field: `${f}.presenters`, code: 'too_many' });
  item.presenters.forEach((p, k) => checkName(problems, `${f}.presenters.${k}.name`, p.name, MINUTES_LIMITS.name, true));
  checkMarkup(problems, `${f}.notes`, item.notes, MINUTES_LIMITS.notes);
  item.questions.forEach((q, k) => checkText(problems, `${f}.questions.${k}`, q, MINUTES_LIMITS.decision, true));
  if (item.responses.length > MINUTES_LIMITS.attendees) problems.push({ field: `${f}.responses`, code: 'too_many' });
  item.responses.forEach((r, k) => {
    checkName(problems, `${f}.responses.${k}.speaker`, r.speaker, MINUTES_LIMITS.name);
    checkText(problems, `${f}.responses.${k}.text`, r.text, MINUTES_LIMITS.decision, true);
  });
  item.decisions.forEach((d, k) => checkText(problems, `${f}.decisions.${k}`, d, MINUTES_LIMITS.decision, true));
  item.actions.forEach((a, k) => {
    checkText(problems, `${f}.actions.${k}.text`, a.text, MINUTES_LIMITS.action, true);
    if (a.owners.length === 0) problems.push({ field: `${f}.actions.${k}.owners`, code: 'required' });
    a.owners.forEach((o, n) => checkOwner(problems, `${f}.actions.${k}.owners.${n}`, o));
    if (a.due !== undefined && !isValidDate(a.due)) problems.push({ field: `${f}.actions.${k}.due`, code: 'invalid_date' });
  });
}

/** Problems with content as typed: shape and limits. Empty when it may be saved. */
export function minutesProblems(c: MinutesContent): MinutesProblem[] {
  const problems: MinutesProblem[] = [];
  if (!(MINUTES_KINDS as readonly string[]).includes(c.kind)) problems.push({ field: 'kind', code: 'invalid' });
  if (!(ITEM_NUMBERINGS as readonly string[]).includes(c.numbering)) problems.push({ field: 'numbering', code: 'invalid' });
  checkName(problems, 'networkName', c.networkName, LIMITS.networkName, true);
  checkMeeting(problems, c.meeting);
  if (c.items.length > MINUTES_LIMITS.items) problems.push({ field: 'items', code: 'too_many' });
  if (c.attendees.length > MINUTES_LIMITS.attendees) problems.push({ field: 'attendees', code: 'too_many' });
  if (c.justerare.length > MINUTES_LIMITS.justerare) problems.push({ field: 'justerare', code: 'too_many' });
  // Minnesanteckningar have no justerare: the secretary or the chair approves them.
  if (c.kind === 'minnesanteckningar' && c.justerare.length > 0) problems.push({ field: 'justerare', code: 'invalid' });
  const justerareIds = new Set<string>();
  c.justerare.forEach((j, i) => {
    checkPerson(problems, `justerare.${i}`, j);
    if (justerareIds.has(j.memberId)) problems.push({ field: `justerare.${i}`, code: 'duplicate' });
    justerareIds.add(j.memberId);
  });
  if (c.secretary) checkPerson(problems, 'secretary', c.secretary);
  if (c.chair) checkPerson(problems, 'chair', c.chair);
  const ids = new Set<string>();
  c.attendees.forEach((a, i) => {
    checkName(problems, `attendees.${i}.name`, a.name, MINUTES_LIMITS.name, true);
    checkName(problems, `attendees.${i}.organisation`, a.organisation, MINUTES_LIMITS.name);
    if (a.role !== undefined) checkName(problems, `attendees.${i}.role`, a.role, MINUTES_LIMITS.name, true);
    if (!(MINUTES_ATTENDANCE as readonly string[]).includes(a.status)) problems.push({ field: `attendees.${i}.status`, code: 'invalid' });
    if (a.substituteFor !== undefined) checkName(problems, `attendees.${i}.substituteFor`, a.substituteFor, MINUTES_LIMITS.name, true);
    if (a.arrivedAt !== undefined && normaliseTime(a.arrivedAt) === undefined) problems.push({ field: `attendees.${i}.arrivedAt`, code: 'invalid_time' });
    if (a.leftAt !== undefined && normaliseTime(a.leftAt) === undefined) problems.push({ field: `attendees.${i}.leftAt`, code: 'invalid_time' });
    if (ids.has(a.id)) problems.push({ field: `attendees.${i}`, code: 'duplicate' });
    ids.add(a.id);
  });
  c.items.forEach((item, i) => checkItem(problems, `items.${i}`, item));
  c.nextMeetings.forEach((m, i) => {
    checkSchedule(problems, `nextMeetings.${i}`, m);
    if (m.place !== undefined) checkName(problems, `nextMeetings.${i}.place`, m.place, MINUTES_LIMITS.name);
  });
  if (c.nextMeetingNote !== undefined) checkText(problems, 'nextMeetingNote', c.nextMeetingNote, MINUTES_LIMITS.decision);
  return problems;
}

/** What must also hold before the minutes can be sent: a secretary, items, and justerare for a protokoll (minnesanteckningar: someone to approve them). */
export function sendProblems(c: MinutesContent): MinutesProblem[] {
  const problems = minutesProblems(c);
  if (!c.secretary) problems.push({ field: 'secretary', code: 'required' });
  if (c.kind === 'protokoll' && c.justerare.length === 0) problems.push({ field: 'justerare', code: 'required' });
  if (c.kind === 'minnesanteckningar' && approversOf(c).length === 0) problems.push({ field: 'secretary', code: 'required' });
  if (c.items.length === 0) problems.push({ field: 'items', code: 'required' });
  return problems;
}

/**
 * Who approves a version: the justerare of a protokoll; the secretary or the chair (members) of
 * minnesanteckningar, where one approval is enough.
 */
export function approversOf(c: StoredMinutesContent): MemberRef[] {
  if (c.format === undefined || c.kind === 'protokoll') return c.justerare;
  const out: MemberRef[] = [];
  for (const p of [c.secretary, c.chair]) {
    if (p?.kind === 'member' && !out.some((o) => o.memberId === p.memberId)) out.push(p);
  }
  return out;
}

/** What a stored content is: a protokoll unless it says otherwise. */
export function kindOf(c: StoredMinutesContent): MinutesKind {
  return c.format === undefined ? 'protokoll' : c.kind;
}

// ---------------------------------------------------------------------------------------------
// Justering

/** Where the minutes stand, from the draft (none yet: a draft to come) and its versions, oldest first. */
export function minutesStatus(draft: MinutesDraft | undefined, versions: readonly MinutesVersion[]): MinutesStatus {
  const latest = versions.at(-1);
  if (latest?.state === 'imported') return { kind: 'imported', version: latest.number };
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

/** Who the version still waits for: its justerare who have not approved; for minnesanteckningar, its approvers until one has. */
export function waitingFor(v: MinutesVersion): { memberId: string; name: string }[] {
  const done = new Set(v.approvals.map((a) => a.memberId));
  if (kindOf(v.content) === 'minnesanteckningar' && done.size > 0) return [];
  return approversOf(v.content)
    .filter((j) => !done.has(j.memberId))
    .map((j) => ({ memberId: j.memberId, name: j.name }));
}

/** Whether the member approves this version: a justerare of a protokoll, the secretary or chair of minnesanteckningar. */
export function isJusterare(v: MinutesVersion, memberId: string): boolean {
  return approversOf(v.content).some((j) => j.memberId === memberId);
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
  const problems = minutesProblems(currentContent(draft.content));
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
  c: { networkName: string; meeting: { date: string; start?: string; place?: string }; kind?: MinutesKind },
  locale: 'sv' | 'en' = 'sv',
  same: { meetingId: string; sameDate: readonly SameDateMeeting[] } = { meetingId: '', sameDate: [] },
): string {
  const tail = meetingDistinction({ id: same.meetingId, start: c.meeting.start ?? '', ...(c.meeting.place !== undefined ? { place: c.meeting.place } : {}) }, same.sameDate, locale);
  return `${TITLE_WORDS[locale][c.kind ?? 'protokoll']} ${c.networkName} ${c.meeting.date}${tail}`;
}

/** The words a record's title starts with: the network's minnesanteckningar are never called "Protokoll". */
const TITLE_WORDS: Record<'sv' | 'en', Record<MinutesKind, string>> = {
  sv: { protokoll: 'Protokoll för', minnesanteckningar: 'Minnesanteckningar för' },
  en: { protokoll: 'Minutes of', minnesanteckningar: 'Notes of' },
};

/** Open action items: from approved versions, not marked done. */
export interface OpenAction {
  meetingId: string;
  meetingDate: string;
  itemTitle: string;
  action: ActionItem;
}

export function actionsOf(v: MinutesVersion): OpenAction[] {
  return currentContent(v.content).items.flatMap((item) =>
    item.actions.map((action) => ({ meetingId: v.meetingId, meetingDate: v.content.meeting.date, itemTitle: item.title, action })),
  );
}


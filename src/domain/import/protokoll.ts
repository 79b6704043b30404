import type { Presenter } from '../agenda';
import { parseMarkup, type MarkupLine } from '../markup';
import type { MeetingMode } from '../meeting';
import type {
  ActionItem,
  ActionOwner,
  Approval,
  ItemNumbering,
  MemberRef,
  MinutesAttendanceStatus,
  MinutesAttendee,
  MinutesContent,
  MinutesItem,
  MinutesKind,
  NextMeeting,
  OwnerRole,
  PersonRef,
} from '../minutes-model';
import { MINUTES_FORMAT } from '../minutes-model';

/**
 * The interchange format `justera-protokoll/1`: one protocol as JSON, for export, import and
 * archives. Documented by schemas/justera-protokoll-1.schema.json (kept in step with the zod
 * schema in src/contract/protokoll.ts by a test). Pure: mapping to and from the protocol model.
 *
 * Everything a person reads is in plain fields (names, organisations, texts). The optional ids
 * (`id`, `memberId`, `agendaItemId`) carry what Justera needs to give back the very same
 * content, so export → import gives the same content hash; an imported legacy protocol has none.
 */
export const PROTOKOLL_FORMAT = 'justera-protokoll/1';

export const INTERCHANGE_ATTENDANCE = ['present', 'online', 'apologies', 'absent'] as const;
export type InterchangeAttendance = (typeof INTERCHANGE_ATTENDANCE)[number];

/** A person as a protocol names them; `memberId` when they are a member of the network in Justera. */
export interface PersonName {
  name: string;
  memberId?: string;
}

export interface InterchangeAttendee {
  id?: string;
  memberId?: string;
  name: string;
  /** '' or absent when unknown. */
  organisation?: string;
  role?: string;
  attendance: InterchangeAttendance;
  substituteFor?: string;
  arrivedAt?: string;
  leftAt?: string;
  /** Where this person stands in the whole attendance, when guests stand between members (so the order, and the hash, survive). */
  position?: number;
}

export interface InterchangePresenter {
  name: string;
  memberId?: string;
  organisation?: string;
}

export type InterchangeOwner =
  | { kind: 'person'; name: string; memberId?: string }
  | { kind: 'role'; role: OwnerRole; name: string }
  | { kind: 'group'; name: string; members: { name: string; memberId: string }[] };

export interface InterchangeAction {
  id?: string;
  text: string;
  owners: InterchangeOwner[];
  /** YYYY-MM-DD */
  due?: string;
}

export interface InterchangeRound {
  questions: string[];
  responses: { speaker: string; text: string }[];
}

export interface InterchangeItem {
  id?: string;
  agendaItemId?: string;
  /** "3" for numbered items; absent for headed sections. */
  number?: string;
  title: string;
  presenters: InterchangePresenter[];
  /** The body in the protocol markup (paragraphs, "## " sub-headings, "* " lists, links). */
  body: string;
  decisions: string[];
  actions: InterchangeAction[];
  tabled: boolean;
  /** Present when the item is a round (incheckning, utcheckning, laget runt). */
  round?: InterchangeRound;
}

export interface InterchangeLink {
  /** The item's number or title the link is in. */
  item: string;
  text: string;
  url: string;
}

export interface InterchangeApproval {
  name: string;
  memberId?: string;
  at: string;
}

/** Where the JSON came from: Justera's own approved record, or a file that was read. */
export type InterchangeSource =
  | { kind: 'justera'; version?: number; state?: string }
  | { kind: 'import'; file: string; sha256?: string; mediaType?: string; reader: string };

/** A part of an imported draft a person should check: what was read, why, and the original text. */
export interface ReviewMark {
  /** JSON pointer into this document, e.g. "/attendees/3/organisation" or "/date". */
  path: string;
  /** uncertain: read but not sure; missing: not found; corrected: damaged text read as a known word. */
  level: 'uncertain' | 'missing' | 'corrected';
  /** A short code: no_date, approximate_date, year_from_context, organisation_fuzzy, … */
  reason: string;
  /** Swedish explanation for the review screen. */
  message: string;
  /** The original text span (after extraction), when there is one. */
  original?: string;
  /** Offsets of `original` in the extracted text. */
  start?: number;
  end?: number;
}

export interface ProtokollDocument {
  format: typeof PROTOKOLL_FORMAT;
  network: string;
  kind: MinutesKind;
  title: string;
  /** YYYY-MM-DD; absent when the protocol gives none. */
  date?: string;
  /** For imported protocols without a date: "hösten 2023", "2022". */
  approximateDate?: string;
  start?: string;
  end?: string;
  place?: string;
  form?: MeetingMode;
  teamsLink?: string;
  numbering: ItemNumbering;
  chair?: PersonName;
  secretary?: PersonName;
  justerare: PersonName[];
  attendees: InterchangeAttendee[];
  othersPresent: InterchangeAttendee[];
  items: InterchangeItem[];
  nextMeetings: NextMeeting[];
  nextMeetingNote?: string;
  /** Every link in the items' bodies (derived; import ignores it). */
  links: InterchangeLink[];
  approvals: InterchangeApproval[];
  /** SHA-256 of the protocol model's canonical content (domain/minutes.ts contentHash). */
  contentHash?: string;
  source: InterchangeSource;
  /** Imported drafts only: what a person should check. */
  review?: ReviewMark[];
}

// ---------------------------------------------------------------------------------------------
// Model → interchange

const TO_ATTENDANCE: Record<MinutesAttendanceStatus, InterchangeAttendance> = { onsite: 'present', online: 'online', apologies: 'apologies', absent: 'absent' };
const FROM_ATTENDANCE: Record<InterchangeAttendance, MinutesAttendanceStatus> = { present: 'onsite', online: 'online', apologies: 'apologies', absent: 'absent' };

function personName(p: PersonRef): PersonName {
  return p.kind === 'member' ? { name: p.name, memberId: p.memberId } : { name: p.name };
}

function personRef(p: PersonName): PersonRef {
  return p.memberId !== undefined ? { kind: 'member', memberId: p.memberId, name: p.name } : { kind: 'named', name: p.name };
}

function attendeeOut(a: MinutesAttendee): InterchangeAttendee {
  return {
    id: a.id,
    name: a.name,
    organisation: a.organisation,
    ...(a.role !== undefined ? { role: a.role } : {}),
    attendance: TO_ATTENDANCE[a.status],
    ...(a.substituteFor !== undefined ? { substituteFor: a.substituteFor } : {}),
    ...(a.arrivedAt !== undefined ? { arrivedAt: a.arrivedAt } : {}),
    ...(a.leftAt !== undefined ? { leftAt: a.leftAt } : {}),
  };
}

/** Members and others present apart; each with its position only when the two are interleaved. */
function attendanceOut(all: readonly MinutesAttendee[]): Pick<ProtokollDocument, 'attendees' | 'othersPresent'> {
  const firstGuest = all.findIndex((a) => a.guest);
  const interleaved = firstGuest >= 0 && all.slice(firstGuest).some((a) => !a.guest);
  const out = (a: MinutesAttendee, position: number): InterchangeAttendee => ({ ...attendeeOut(a), ...(interleaved ? { position } : {}) });
  const indexed = all.map((a, position) => ({ a, position }));
  return {
    attendees: indexed.filter(({ a }) => !a.guest).map(({ a, position }) => out(a, position)),
    othersPresent: indexed.filter(({ a }) => a.guest).map(({ a, position }) => out(a, position)),
  };
}

function ownerOut(o: ActionOwner): InterchangeOwner {
  switch (o.kind) {
    case 'member':
      return { kind: 'person', name: o.name, memberId: o.memberId };
    case 'named':
      return { kind: 'person', name: o.name };
    case 'role':
      return { kind: 'role', role: o.role, name: o.name };
    case 'group':
      return { kind: 'group', name: o.name, members: o.members.map((m) => ({ name: m.name, memberId: m.memberId })) };
  }
}

function presenterOut(p: Presenter): InterchangePresenter {
  return p.kind === 'member' ? { name: p.name, memberId: p.memberId } : { name: p.name, ...(p.organisation !== undefined ? { organisation: p.organisation } : {}) };
}

function itemOut(item: MinutesItem, index: number, numbering: ItemNumbering): InterchangeItem {
  return {
    id: item.id,
    ...(item.agendaItemId !== undefined ? { agendaItemId: item.agendaItemId } : {}),
    ...(numbering === 'numbered' ? { number: String(index + 1) } : {}),
    title: item.title,
    presenters: item.presenters.map(presenterOut),
    body: item.notes,
    decisions: [...item.decisions],
    actions: item.actions.map((a) => ({ id: a.id, text: a.text, owners: a.owners.map(ownerOut), ...(a.due !== undefined ? { due: a.due } : {}) })),
    tabled: item.tabled,
    ...(item.kind === 'round' ? { round: { questions: [...item.questions], responses: item.responses.map((r) => ({ ...r })) } } : {}),
  };
}

/** Every link in a body, as the markup reads it. */
export function linksOf(body: string): { text: string; url: string }[] {
  const lines: MarkupLine[] = parseMarkup(body).flatMap((b) => (b.kind === 'heading' ? [b.line] : b.kind === 'paragraph' ? b.lines : b.items));
  return lines.flatMap((line) => line.flatMap((i) => (i.kind === 'link' ? [{ text: i.text, url: i.href }] : [])));
}

/** A protocol in the interchange format. `title` is the displayed title (minutes.ts protocolTitle). */
export function toInterchange(
  c: MinutesContent,
  extra: { title: string; contentHash?: string; approvals?: readonly Approval[]; source?: InterchangeSource; approximateDate?: string; review?: ReviewMark[] },
): ProtokollDocument {
  const m = c.meeting;
  const items = c.items.map((item, i) => itemOut(item, i, c.numbering));
  return {
    format: PROTOKOLL_FORMAT,
    network: c.networkName,
    kind: c.kind,
    title: extra.title,
    ...(m.date !== '' ? { date: m.date } : {}),
    ...(extra.approximateDate !== undefined ? { approximateDate: extra.approximateDate } : {}),
    ...(m.start !== undefined ? { start: m.start } : {}),
    ...(m.end !== undefined ? { end: m.end } : {}),
    ...(m.place !== undefined ? { place: m.place } : {}),
    ...(m.mode !== undefined ? { form: m.mode } : {}),
    ...(m.teamsLink !== undefined ? { teamsLink: m.teamsLink } : {}),
    numbering: c.numbering,
    ...(c.chair ? { chair: personName(c.chair) } : {}),
    ...(c.secretary ? { secretary: personName(c.secretary) } : {}),
    justerare: c.justerare.map(personName),
    ...attendanceOut(c.attendees),
    items,
    nextMeetings: c.nextMeetings.map((n) => ({ ...n })),
    ...(c.nextMeetingNote !== undefined ? { nextMeetingNote: c.nextMeetingNote } : {}),
    links: items.flatMap((item) => linksOf(item.body).map((l) => ({ item: item.number ?? item.title, ...l }))),
    approvals: (extra.approvals ?? []).map((a) => ({ name: a.name, memberId: a.memberId, at: a.at })),
    ...(extra.contentHash !== undefined ? { contentHash: extra.contentHash } : {}),
    source: extra.source ?? { kind: 'justera' },
    ...(extra.review !== undefined ? { review: extra.review } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Interchange → model

function attendeeIn(a: InterchangeAttendee, index: number, guest: boolean): MinutesAttendee {
  return {
    id: a.id ?? `${guest ? 'guest' : 'import'}-${index + 1}`,
    name: a.name,
    organisation: a.organisation ?? '',
    ...(a.role !== undefined ? { role: a.role } : {}),
    status: FROM_ATTENDANCE[a.attendance],
    guest,
    ...(a.substituteFor !== undefined ? { substituteFor: a.substituteFor } : {}),
    ...(a.arrivedAt !== undefined ? { arrivedAt: a.arrivedAt } : {}),
    ...(a.leftAt !== undefined ? { leftAt: a.leftAt } : {}),
  };
}

function ownerIn(o: InterchangeOwner): ActionOwner {
  switch (o.kind) {
    case 'person':
      return personRef(o);
    case 'role':
      return { kind: 'role', role: o.role, name: o.name };
    case 'group':
      return { kind: 'group', name: o.name, members: o.members.map((m): MemberRef => ({ kind: 'member', memberId: m.memberId, name: m.name })) };
  }
}

function presenterIn(p: InterchangePresenter): Presenter {
  return p.memberId !== undefined ? { kind: 'member', memberId: p.memberId, name: p.name } : { kind: 'guest', name: p.name, ...(p.organisation !== undefined ? { organisation: p.organisation } : {}) };
}

function itemIn(item: InterchangeItem, index: number): MinutesItem {
  const id = item.id ?? `import-${index + 1}`;
  return {
    id,
    kind: item.round ? 'round' : 'item',
    ...(item.agendaItemId !== undefined ? { agendaItemId: item.agendaItemId } : {}),
    title: item.title,
    presenters: item.presenters.map(presenterIn),
    notes: item.body,
    questions: item.round ? [...item.round.questions] : [],
    responses: item.round ? item.round.responses.map((r) => ({ speaker: r.speaker, text: r.text })) : [],
    decisions: [...item.decisions],
    actions: item.actions.map(
      (a, j): ActionItem => ({ id: a.id ?? `${id}-action-${j + 1}`, text: a.text, owners: a.owners.map(ownerIn), ...(a.due !== undefined ? { due: a.due } : {}) }),
    ),
    tabled: item.tabled,
  };
}

/**
 * The protocol model's content of an interchange document. A document without a date gives
 * content with date '' (an imported draft: the secretary sets it). Justerare without a member
 * id cannot approve in Justera and are not carried into `justerare`; they are named in the document.
 */
export function fromInterchange(doc: ProtokollDocument): MinutesContent {
  const justerare = doc.justerare.flatMap((p): MemberRef[] => (p.memberId !== undefined ? [{ kind: 'member', memberId: p.memberId, name: p.name }] : []));
  return {
    format: MINUTES_FORMAT,
    kind: doc.kind,
    numbering: doc.numbering,
    networkName: doc.network,
    meeting: {
      date: doc.date ?? '',
      ...(doc.start !== undefined ? { start: doc.start } : {}),
      ...(doc.end !== undefined ? { end: doc.end } : {}),
      ...(doc.place !== undefined ? { place: doc.place } : {}),
      ...(doc.form !== undefined ? { mode: doc.form } : {}),
      ...(doc.teamsLink !== undefined ? { teamsLink: doc.teamsLink } : {}),
    },
    ...(doc.chair ? { chair: personRef(doc.chair) } : {}),
    ...(doc.secretary ? { secretary: personRef(doc.secretary) } : {}),
    justerare,
    attendees: [...doc.attendees.map((a, i) => ({ a, at: a.position ?? i, attendee: attendeeIn(a, i, false) })), ...doc.othersPresent.map((a, i) => ({ a, at: a.position ?? doc.attendees.length + i, attendee: attendeeIn(a, i, true) }))]
      .sort((x, y) => x.at - y.at)
      .map((x) => x.attendee),
    items: doc.items.map(itemIn),
    nextMeetings: doc.nextMeetings.map((n) => ({ ...n })),
    ...(doc.nextMeetingNote !== undefined ? { nextMeetingNote: doc.nextMeetingNote } : {}),
  };
}

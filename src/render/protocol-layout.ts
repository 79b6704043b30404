import type { Presenter } from '../domain/agenda';
import { localDate, type Locale, type SameDateMeeting } from '../domain/meeting';
import type { ActionItem, MinutesAttendee, MinutesContent, MinutesItem, MinutesVersion, NextMeeting } from '../domain/minutes';
import { currentContent, ownersText, protocolTitle } from '../domain/minutes';
import { parseMarkup, type MarkupLine } from '../domain/markup';
import { printable } from '../domain/text';
import { KOMMUNALFORBUNDET, SKARABORG_MUNICIPALITIES, UNKNOWN_MUNICIPALITY } from '../domain/municipality';
import { byNameSv, compareSv } from '../domain/sort';
import { capitalise, instantParts, longDate } from '../cards/format';
import { protocolStrings, type PageLabel, type ProtocolStrings } from './protocol-strings';

/**
 * A protocol as a format-neutral list of blocks: what the PDF and the DOCX both show, in the
 * order they show it. Pure: the same version and locale give the same layout.
 */

export interface TextRun {
  text: string;
  bold?: boolean;
  monospace?: boolean;
  /** A link's target (always https): clickable in the PDF and the DOCX. */
  href?: string;
}

/** One line of text; a block's lines are separated by line breaks, not paragraph gaps. */
export type Line = TextRun[];

export type ProtocolBlock =
  /** 1: the title; 2: a section (attendance, items, next meeting, justering); 3: an item; 4: a sub-heading in an item's body. */
  | { kind: 'heading'; level: HeadingLevel; text: string }
  | { kind: 'paragraph'; lines: Line[]; small?: boolean }
  | { kind: 'list'; items: Line[]; ordered?: boolean }
  | { kind: 'table'; header: string[]; rows: string[][] };

export type HeadingLevel = 1 | 2 | 3 | 4;

export interface ProtocolLayout {
  title: string;
  subject: string;
  author: string;
  /** The instant the document is dated: when the version was approved (else sent). */
  date: Date;
  language: string;
  keywords: string;
  pageLabel: PageLabel;
  blocks: ProtocolBlock[];
}

const DOCUMENT_AUTHOR = 'Justera';
export const PROTOCOL_TIME_ZONE = 'Europe/Stockholm';

export function protocolLayout(version: MinutesVersion, locale: Locale, timeZone: string = PROTOCOL_TIME_ZONE, sameDate: readonly SameDateMeeting[] = []): ProtocolLayout {
  const s = protocolStrings(locale);
  // Stored content in an older shape is read into the current one here; its hash stays the version's.
  const c = currentContent(version.content);
  const title = protocolTitle(c, locale, { meetingId: version.meetingId, sameDate });
  const blocks: ProtocolBlock[] = [{ kind: 'heading', level: 1, text: title }, detailsBlock(c, locale, s)];

  const members = c.attendees.filter((a) => !a.guest);
  const others = c.attendees.filter((a) => a.guest);
  const present = (a: MinutesAttendee): boolean => a.status === 'onsite' || a.status === 'online';
  const sections: [string, MinutesAttendee[]][] = [
    [s.attendance, members.filter(present)],
    [s.othersPresent, others.filter(present)],
    [s.apologies, c.attendees.filter((a) => a.status === 'apologies')],
    [s.absent, c.attendees.filter((a) => a.status === 'absent')],
  ];
  for (const [heading, people] of sections) {
    if (people.length > 0) blocks.push({ kind: 'heading', level: 2, text: heading }, attendanceBlock(people, s));
  }

  if (c.items.length > 0) blocks.push({ kind: 'heading', level: 2, text: s.items });
  c.items.forEach((item, index) => blocks.push(...itemBlocks(item, c.numbering === 'numbered' ? index + 1 : undefined, s)));

  if (c.nextMeetings.length > 0 || c.nextMeetingNote) {
    blocks.push({ kind: 'heading', level: 2, text: s.nextMeeting });
    if (c.nextMeetingNote) blocks.push(...noteBlocks(c.nextMeetingNote));
    if (c.nextMeetings.length > 0) blocks.push({ kind: 'list', items: c.nextMeetings.map((m) => [{ text: nextMeetingText(m, locale) }]) });
  }

  blocks.push(...justeringBlocks(version, c, s, timeZone));

  return {
    title: printable(title),
    subject: version.state === 'imported' ? s.importedSubject : s.subject(version.number, c.kind),
    author: DOCUMENT_AUTHOR,
    date: new Date(version.approvedAt ?? version.sentAt),
    language: s.language,
    keywords: printable(`${c.networkName}, ${c.meeting.date}, ${version.hash}`),
    pageLabel: s.page,
    blocks: blocks.map(printableBlock),
  };
}

/**
 * A block without control characters (other than newline and tab) or bidi overrides: a font
 * has no glyph for them, so the PDF would print boxes, and XML (DOCX) does not allow most of them.
 */
function printableBlock(b: ProtocolBlock): ProtocolBlock {
  const line = (l: Line): Line => l.map((run) => ({ ...run, text: printable(run.text) }));
  switch (b.kind) {
    case 'heading':
      return { ...b, text: printable(b.text) };
    case 'paragraph':
      return { ...b, lines: b.lines.map(line) };
    case 'list':
      return { ...b, items: b.items.map(line) };
    case 'table':
      return { ...b, header: b.header.map(printable), rows: b.rows.map((r) => r.map(printable)) };
  }
}

function labelled(label: string, value: string): Line {
  return [{ text: `${label}: `, bold: true }, { text: value }];
}

/**
 * The meeting as the minutes record it: only what the secretary wrote or the meeting recorded
 * (no time, place or form when unknown), and never the Teams join link, which is no record.
 */
function detailsBlock(c: MinutesContent, locale: Locale, s: ProtocolStrings): ProtocolBlock {
  const m = c.meeting;
  const lines: Line[] = [labelled(s.network, c.networkName), labelled(s.date, capitalise(longDate(m.date, locale)))];
  if (m.start) lines.push(labelled(s.time, m.end ? `${m.start}–${m.end}` : m.start));
  if (m.place && m.place.trim() !== '') lines.push(labelled(s.place, m.place));
  if (m.mode) lines.push(labelled(s.mode, s.modes[m.mode]));
  if (c.chair) lines.push(labelled(s.chair, c.chair.name));
  if (c.secretary) lines.push(labelled(s.secretary, c.secretary.name));
  if (c.justerare.length > 0) lines.push(labelled(s.justerare, c.justerare.map((j) => j.name).join(', ')));
  return { kind: 'paragraph', lines };
}

// ---------------------------------------------------------------------------------------------
// Attendance

function municipalityRank(municipality: string): number {
  const known = (SKARABORG_MUNICIPALITIES as readonly string[]).indexOf(municipality);
  if (known >= 0) return known;
  if (municipality === KOMMUNALFORBUNDET) return SKARABORG_MUNICIPALITIES.length;
  if (isUnknownMunicipality(municipality)) return SKARABORG_MUNICIPALITIES.length + 2;
  return SKARABORG_MUNICIPALITIES.length + 1;
}

function isUnknownMunicipality(municipality: string): boolean {
  const m = municipality.trim();
  return m === '' || m === UNKNOWN_MUNICIPALITY;
}

/** Attendees grouped by municipality: Skaraborg's in the usual order, the kommunalförbund, others, unknown last; names in Swedish order. */
export function groupByMunicipality(attendees: readonly MinutesAttendee[]): { municipality: string; attendees: MinutesAttendee[] }[] {
  const groups = new Map<string, MinutesAttendee[]>();
  for (const a of attendees) {
    const key = isUnknownMunicipality(a.organisation) ? '' : a.organisation.trim();
    const group = groups.get(key);
    if (group) group.push(a);
    else groups.set(key, [a]);
  }
  return [...groups.entries()]
    .map(([municipality, members]) => ({ municipality, attendees: [...members].sort(byNameSv) }))
    .sort((x, y) => municipalityRank(x.municipality) - municipalityRank(y.municipality) || compareSv(x.municipality, y.municipality));
}

/** "Maria Bring, rektor (digitalt, ersättare för Jonas Wåhlberg, anlände 13:20, gick 15:00)" */
function attendeeText(a: MinutesAttendee, s: ProtocolStrings): string {
  const notes: string[] = [];
  if (a.status === 'online') notes.push(s.online);
  if (a.substituteFor) notes.push(s.substituteFor(a.substituteFor));
  if (a.arrivedAt) notes.push(s.arrivedAt(a.arrivedAt));
  if (a.leftAt) notes.push(s.leftAt(a.leftAt));
  const name = a.role ? `${a.name}, ${a.role}` : a.name;
  return notes.length > 0 ? `${name} (${notes.join(', ')})` : name;
}

function attendanceBlock(attendees: readonly MinutesAttendee[], s: ProtocolStrings): ProtocolBlock {
  return {
    kind: 'paragraph',
    lines: groupByMunicipality(attendees).map((g) =>
      labelled(g.municipality === '' ? s.unknownMunicipality : g.municipality, g.attendees.map((a) => attendeeText(a, s)).join(', ')),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Items

function presenterText(p: Presenter, s: ProtocolStrings): string {
  return p.kind === 'member' ? p.name : `${p.name} (${p.organisation ?? s.guest})`;
}

/** "Uppdrag: Lyfta frågan i skolchefsgruppen — Andre Svensson, presidiet, senast 2022-03-18" */
export function actionText(action: ActionItem, s: ProtocolStrings): string {
  const owners = ownersText(action.owners);
  return `${action.text} — ${action.due ? `${owners}, ${s.due(action.due)}` : owners}`;
}

/** An item: its heading (numbered, or a headed section), marks, body, a round's questions and answers, decisions and action items. */
function itemBlocks(item: MinutesItem, number: number | undefined, s: ProtocolStrings): ProtocolBlock[] {
  const blocks: ProtocolBlock[] = [{ kind: 'heading', level: 3, text: number === undefined ? item.title : `${number}. ${item.title}` }];
  const marks: Line[] = [];
  if (item.kind === 'round') marks.push([{ text: s.round, bold: true }]);
  if (item.tabled) marks.push([{ text: s.tabled, bold: true }]);
  if (item.presenters.length > 0) marks.push(labelled(item.presenters.length > 1 ? s.presenters : s.presenter, item.presenters.map((p) => presenterText(p, s)).join(', ')));
  if (marks.length > 0) blocks.push({ kind: 'paragraph', lines: marks });
  for (const question of item.questions) blocks.push({ kind: 'paragraph', lines: [labelled(s.question, question)] });
  if (item.responses.length > 0) {
    blocks.push({ kind: 'list', items: item.responses.map((r) => (r.speaker.trim() === '' ? [{ text: r.text }] : [{ text: `${r.speaker}: `, bold: true }, { text: r.text }])) });
  }
  blocks.push(...noteBlocks(item.notes));
  for (const decision of item.decisions) blocks.push({ kind: 'paragraph', lines: [labelled(s.decision, decision)] });
  for (const action of item.actions) blocks.push({ kind: 'paragraph', lines: [labelled(s.action, actionText(action, s))] });
  return blocks;
}

function markupLine(line: MarkupLine): Line {
  return line.map((i) => (i.kind === 'link' ? { text: i.text, href: i.href } : { text: i.text }));
}

/** An item's body (the protocol markup, domain/markup.ts) as blocks: sub-headings, paragraphs, lists, links. */
export function noteBlocks(notes: string): ProtocolBlock[] {
  return parseMarkup(notes).map((b): ProtocolBlock => {
    switch (b.kind) {
      case 'heading':
        return { kind: 'heading', level: 4, text: b.line.map((i) => i.text).join('') };
      case 'paragraph':
        return { kind: 'paragraph', lines: b.lines.map(markupLine) };
      case 'list':
        return { kind: 'list', items: b.items.map(markupLine), ...(b.ordered ? { ordered: true } : {}) };
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Next meetings and justering

/** "Fredag 2 september 2022, 10:30–12:00, Ällebergsgymnasiet Falköping" */
export function nextMeetingText(m: NextMeeting, locale: Locale): string {
  const time = m.start && m.end ? `${m.start}–${m.end}` : m.start;
  return [capitalise(longDate(m.date, locale)), time, m.place].filter((p): p is string => p !== undefined && p.trim() !== '').join(', ');
}

/** "2021-12-06 14:32": an instant as local date and time in the time zone (as given when it is not an instant). */
export function localDateTime(at: string, timeZone: string): string {
  const parts = instantParts(at, timeZone, 'sv');
  return parts ? `${localDate(new Date(at), timeZone)} ${parts.time}` : at;
}

/**
 * A protokoll's justering: each justerare and when they approved. Minnesanteckningar have no
 * justerare: who approved them and when. Then the version and its content hash.
 */
function justeringBlocks(version: MinutesVersion, c: MinutesContent, s: ProtocolStrings, timeZone: string): ProtocolBlock[] {
  const blocks: ProtocolBlock[] = [];
  if (version.imported) {
    // Imported from a file: never justerat in Justera, and the document says so.
    blocks.push({ kind: 'heading', level: 2, text: s.imported }, { kind: 'paragraph', lines: [[{ text: s.importedFrom(version.imported.file, version.imported.sha256) }]] });
  } else if (c.kind === 'protokoll' && c.justerare.length > 0) {
    const rows = c.justerare.map((j) => {
      const approval = version.approvals.find((a) => a.memberId === j.memberId);
      return [j.name, approval ? localDateTime(approval.at, timeZone) : s.notApproved];
    });
    blocks.push({ kind: 'heading', level: 2, text: s.justering }, { kind: 'table', header: [s.justerare, s.approvedAt], rows });
  } else if (c.kind === 'minnesanteckningar' && version.approvals.length > 0) {
    blocks.push(
      { kind: 'heading', level: 2, text: s.approval },
      { kind: 'table', header: [s.approvedBy, s.approvedOn], rows: version.approvals.map((a) => [a.name, localDateTime(a.at, timeZone)]) },
    );
  } else {
    blocks.push({ kind: 'heading', level: 2, text: c.kind === 'protokoll' ? s.justering : s.approval });
  }
  blocks.push({
    kind: 'paragraph',
    small: true,
    lines: [labelled(s.version, String(version.number)), [{ text: `${s.contentHash}:`, bold: true }], [{ text: version.hash, monospace: true }]],
  });
  return blocks;
}

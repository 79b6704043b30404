import type { Presenter } from '../domain/agenda';
import { localDate, type Locale, type SameDateMeeting } from '../domain/meeting';
import type { MinutesAttendee, MinutesItem, MinutesVersion, NextMeeting } from '../domain/minutes';
import { protocolTitle } from '../domain/minutes';
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
}

/** One line of text; a block's lines are separated by line breaks, not paragraph gaps. */
export type Line = TextRun[];

export type ProtocolBlock =
  /** 1: the title; 2: a section (attendance, items, next meeting, justering); 3: an item. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; lines: Line[]; small?: boolean }
  | { kind: 'list'; items: Line[] }
  | { kind: 'table'; header: string[]; rows: string[][] };

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

const BULLET_LINE = /^\s*[*-]\s+/;

export function protocolLayout(version: MinutesVersion, locale: Locale, timeZone: string = PROTOCOL_TIME_ZONE, sameDate: readonly SameDateMeeting[] = []): ProtocolLayout {
  const s = protocolStrings(locale);
  const c = version.content;
  const title = protocolTitle(c, locale, { meetingId: version.meetingId, sameDate });
  const blocks: ProtocolBlock[] = [{ kind: 'heading', level: 1, text: title }, detailsBlock(version, locale, s)];

  const present = c.attendees.filter((a) => a.status !== 'apologies');
  const apologies = c.attendees.filter((a) => a.status === 'apologies');
  if (present.length > 0) blocks.push({ kind: 'heading', level: 2, text: s.attendance }, attendanceBlock(present, s));
  if (apologies.length > 0) blocks.push({ kind: 'heading', level: 2, text: s.apologies }, attendanceBlock(apologies, s));

  if (c.items.length > 0) blocks.push({ kind: 'heading', level: 2, text: s.items });
  c.items.forEach((item, index) => blocks.push(...itemBlocks(item, index + 1, s)));

  if (c.nextMeetings.length > 0 || c.nextMeetingNote) {
    blocks.push({ kind: 'heading', level: 2, text: s.nextMeeting });
    if (c.nextMeetingNote) blocks.push(...noteBlocks(c.nextMeetingNote));
    if (c.nextMeetings.length > 0) blocks.push({ kind: 'list', items: c.nextMeetings.map((m) => [{ text: nextMeetingText(m, locale) }]) });
  }

  blocks.push(...justeringBlocks(version, s, timeZone));

  return {
    title: printable(title),
    subject: s.subject(version.number),
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

function detailsBlock(version: MinutesVersion, locale: Locale, s: ProtocolStrings): ProtocolBlock {
  const c = version.content;
  const m = c.meeting;
  const lines: Line[] = [
    labelled(s.network, c.networkName),
    labelled(s.date, capitalise(longDate(m.date, locale))),
    labelled(s.time, `${m.start}–${m.end}`),
  ];
  if (m.place.trim() !== '') lines.push(labelled(s.place, m.place));
  lines.push(labelled(s.mode, s.modes[m.mode]));
  if (m.teamsLink) lines.push(labelled(s.teamsLink, m.teamsLink));
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
    const key = isUnknownMunicipality(a.municipality) ? '' : a.municipality.trim();
    const group = groups.get(key);
    if (group) group.push(a);
    else groups.set(key, [a]);
  }
  return [...groups.entries()]
    .map(([municipality, members]) => ({ municipality, attendees: [...members].sort(byNameSv) }))
    .sort((x, y) => municipalityRank(x.municipality) - municipalityRank(y.municipality) || compareSv(x.municipality, y.municipality));
}

/** "Maria Bring (digitalt, ersättare för Jonas Wåhlberg, anlände 13:20)" */
function attendeeText(a: MinutesAttendee, s: ProtocolStrings): string {
  const notes: string[] = [];
  if (a.status === 'online') notes.push(s.online);
  if (a.guest) notes.push(s.guest);
  if (a.substituteFor) notes.push(s.substituteFor(a.substituteFor));
  if (a.arrivedAt) notes.push(s.arrivedAt(a.arrivedAt));
  return notes.length > 0 ? `${a.name} (${notes.join(', ')})` : a.name;
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

function itemBlocks(item: MinutesItem, number: number, s: ProtocolStrings): ProtocolBlock[] {
  const blocks: ProtocolBlock[] = [{ kind: 'heading', level: 3, text: `${number}. ${item.title}` }];
  const marks: Line[] = [];
  if (item.tabled) marks.push([{ text: s.tabled, bold: true }]);
  if (item.presenter) marks.push(labelled(s.presenter, presenterText(item.presenter, s)));
  if (marks.length > 0) blocks.push({ kind: 'paragraph', lines: marks });
  blocks.push(...noteBlocks(item.notes));
  for (const decision of item.decisions) blocks.push({ kind: 'paragraph', lines: [labelled(s.decision, decision)] });
  for (const action of item.actions) {
    const owner = action.owner.name;
    blocks.push({ kind: 'paragraph', lines: [labelled(s.action, `${action.text} — ${action.due ? `${owner}, ${s.due(action.due)}` : owner}`)] });
  }
  return blocks;
}

/**
 * Free text as blocks: a blank line starts a new paragraph, a line break stays a line break,
 * and lines starting with "* " or "- " become a bulleted list.
 */
export function noteBlocks(notes: string): ProtocolBlock[] {
  const blocks: ProtocolBlock[] = [];
  const paragraphs = notes.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  for (const paragraph of paragraphs) {
    const lines = paragraph.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
    let text: Line[] = [];
    let bullets: Line[] = [];
    const flush = (): void => {
      if (text.length > 0) blocks.push({ kind: 'paragraph', lines: text });
      if (bullets.length > 0) blocks.push({ kind: 'list', items: bullets });
      text = [];
      bullets = [];
    };
    for (const line of lines) {
      if (BULLET_LINE.test(line)) {
        if (text.length > 0) flush();
        bullets.push([{ text: line.replace(BULLET_LINE, '') }]);
      } else {
        if (bullets.length > 0) flush();
        text.push([{ text: line }]);
      }
    }
    flush();
  }
  return blocks;
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

function justeringBlocks(version: MinutesVersion, s: ProtocolStrings, timeZone: string): ProtocolBlock[] {
  const rows = version.content.justerare.map((j) => {
    const approval = version.approvals.find((a) => a.memberId === j.memberId);
    return [j.name, approval ? localDateTime(approval.at, timeZone) : s.notApproved];
  });
  return [
    { kind: 'heading', level: 2, text: s.justering },
    { kind: 'table', header: [s.justerare, s.approvedAt], rows },
    {
      kind: 'paragraph',
      small: true,
      lines: [labelled(s.version, String(version.number)), [{ text: `${s.contentHash}:`, bold: true }], [{ text: version.hash, monospace: true }]],
    },
  ];
}

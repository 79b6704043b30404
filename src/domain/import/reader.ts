import { DEFAULT_MEMBER_ORGANISATIONS } from '../municipality';
import type { MinutesContent } from '../minutes-model';
import { readAttendance, readRoles, organisationsElsewhere, rolesInText, type Attendance, type Roles } from './attendance';
import { repairText, type Repair } from './damage';
import { readHeader, type Header } from './header';
import { readItems, type ItemsRead } from './items';
import { makeLexicon } from './lexicon';
import { Marks, repairMarks, unsureWords } from './marks';
import { dedupeMeetings } from './next-meetings';
import { KEYWORDS } from './patterns';
import { organisationsOf } from './people';
import { fromInterchange, linksOf, PROTOKOLL_FORMAT, type ProtokollDocument } from './protokoll';
import type { ReadState, ReaderContext } from './state';
import { bodyOf, splitItems, type Line } from './structure';

/**
 * The reader of old protocols: extracted text → a draft in the interchange format, with what is
 * uncertain marked for review. Pure; text extraction (.txt, .docx, .pdf) is at the edge
 * (src/importer). Built for the shapes Swedish network minutes take, not for any one file:
 * numbered or § items, or headed sections; attendance as lists, labelled blocks or a table;
 * decisions, tablings and action items by the words protocols use for them.
 *
 * The steps, each in its module: repair the text (damage.ts), split it into a head and items
 * (structure.ts), read the head (header.ts), the attendance and roles (attendance.ts), the items
 * with their decisions, action items (actions.ts) and next meetings (next-meetings.ts), then put
 * the document together with its review marks (marks.ts).
 */

export type { ReaderContext } from './state';

export const READER_VERSION = 'justera-reader/1';

export interface ImportDraft {
  document: ProtokollDocument;
  /** The protocol model's content of the document (date '' when none was found). */
  content: MinutesContent;
  /** The text after repairs, as it was read. */
  text: string;
  repairs: Repair[];
}

export function readProtocolText(extracted: string, context: ReaderContext = {}): ImportDraft {
  const state = stateFor(extracted, context);
  const { text, repairs } = repairText(extracted, lexiconFor(state));
  const { preamble, items: rawItems, numbering } = splitItems(text.split('\n'));
  const header = readHeader(preamble, state);
  const attendance = readAttendance(preamble, rawItems, header.titleLine, state);
  rolesInText(attendance, text);
  const roles = readRoles(attendance, header.kind, state);
  const meetingYear = header.date ? Number(header.date.slice(0, 4)) : header.contextYear;
  const read = readItems(rawItems, attendance, header.date, meetingYear, state);
  organisationsElsewhere(attendance, text, state);
  const document = documentOf(header, attendance, roles, read, rawItems.length > 0 ? numbering : 'sections', context);
  if (read.items.length === 0) wholeTextAsOneItem(document, preamble, attendance, state);
  document.review = [...state.marks.list, ...repairMarks(repairs, extracted), ...unsureWords(text, extracted)];
  return { document, content: fromInterchange(document), text, repairs };
}

/** The words the text is repaired towards: organisations, the words protocols are built from, the members' names, the network's. */
function lexiconFor({ context, members, orgs }: ReadState): ReturnType<typeof makeLexicon> {
  const memberWords = members.flatMap((m) => [m.name, ...m.name.split(/\s+/)]).filter((w) => w.length >= 3);
  return makeLexicon([...orgs.lexicon.words, ...KEYWORDS, ...memberWords, ...(context.networkName ? [context.networkName] : [])]);
}

function stateFor(extracted: string, context: ReaderContext): ReadState {
  const members = context.members ?? [];
  const orgs = organisationsOf(context.organisations ?? DEFAULT_MEMBER_ORGANISATIONS);
  return { context, members, orgs, marks: new Marks(extracted) };
}

function documentOf(header: Header, attendance: Attendance, roles: Roles, read: ItemsRead, numbering: ProtokollDocument['numbering'], context: ReaderContext): ProtokollDocument {
  const { titleLine, date, kind, network } = header;
  const { items, nextMeetings, nextMeetingNote } = read;
  const title = titleLine && /protokoll|anteckningar/i.test(titleLine) ? titleLine.replace(/\s+/g, ' ').trim() : `${kind === 'protokoll' ? 'Protokoll för' : 'Minnesanteckningar för'} ${network || 'nätverket'}${date ? ` ${date}` : ''}`;
  return {
    format: PROTOKOLL_FORMAT,
    network,
    kind,
    title,
    ...(date ? { date } : {}),
    ...(header.approximateDate ? { approximateDate: header.approximateDate } : {}),
    ...(header.start ? { start: header.start } : {}),
    ...(header.end ? { end: header.end } : {}),
    ...(header.place ? { place: header.place } : {}),
    ...(header.form ? { form: header.form } : {}),
    numbering,
    ...(roles.chair ? { chair: roles.chair } : {}),
    ...(roles.secretary ? { secretary: roles.secretary } : {}),
    justerare: roles.justerare,
    attendees: attendance.attendees,
    othersPresent: attendance.others,
    items,
    nextMeetings: dedupeMeetings(nextMeetings),
    ...(nextMeetingNote ? { nextMeetingNote } : {}),
    links: items.flatMap((item) => linksOf(item.body).map((l) => ({ item: item.number ?? item.title, ...l }))),
    approvals: [],
    source: context.source ?? { kind: 'import', file: context.fileName ?? '', reader: READER_VERSION },
  };
}

/** No items found: the head's text (less its attendance) is the protocol's one item, and that is marked. */
function wholeTextAsOneItem(document: ProtokollDocument, preamble: readonly Line[], attendance: Attendance, state: ReadState): void {
  state.marks.add('/items', 'missing', 'no_items', 'Inga punkter hittades; hela texten står i en punkt.');
  document.items = [{ title: 'Protokoll', presenters: [], body: bodyOf(preamble.filter((l) => !attendance.usedInPreamble.has(l.at))), decisions: [], actions: [], tabled: false }];
}

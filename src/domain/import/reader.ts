import { DEFAULT_MEMBER_ORGANISATIONS } from '../municipality';
import type { MinutesContent, NextMeeting } from '../minutes-model';
import { repairText, type Repair } from './damage';
import { findDates } from './dates';
import { makeLexicon } from './lexicon';
import { looksLikeName, ORGANISATION_LIKE, organisationsOf, readPeopleList, resolveName } from './people';
import {
  fromInterchange,
  linksOf,
  PROTOKOLL_FORMAT,
  type InterchangeAction,
  type InterchangeItem,
  type InterchangeOwner,
  type ProtokollDocument,
} from './protokoll';
import { clausesWithSubject, dueDate, looksPersonal, roundResponse } from './clauses';
import { Marks, repairMarks, unsureWords } from './marks';
import { dedupeMeetings, readNextMeetings } from './next-meetings';
import {
  ACTION_TABLE_HEADER,
  ACTION_VERB,
  ATTENDANCE_TITLE,
  DECISION,
  EXTERNAL_SUBJECT,
  fold1,
  GROUP_SUBJECT,
  KEYWORDS,
  NEXT_MEETING_LINE,
  NEXT_MEETING_TITLE,
  NOT_DECISION,
  PRESENTER_LABEL,
  PRESENTER_VERB,
  RESPONSIBLE,
  ROLE_SUBJECT,
  ROUND_TITLE,
  TABLED,
} from './patterns';
import { everyone, organisationsElsewhere, personOwner, readAttendance, readRoles, rolesInText } from './attendance';
import { readHeader } from './header';
import type { ReadState, ReaderContext } from './state';
import { bodyOf, sentences, splitItems } from './structure';

/**
 * The reader of old protocols: extracted text → a draft in the interchange format, with what is
 * uncertain marked for review. Pure; text extraction (.txt, .docx, .pdf) is at the edge
 * (src/importer). Built for the shapes Swedish network minutes take, not for any one file:
 * numbered or § items, or headed sections; attendance as lists, labelled blocks or a table;
 * decisions, tablings and action items by the words protocols use for them.
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




// ---------------------------------------------------------------------------------------------

export function readProtocolText(extracted: string, context: ReaderContext = {}): ImportDraft {
  const members = context.members ?? [];
  const orgs = organisationsOf(context.organisations ?? DEFAULT_MEMBER_ORGANISATIONS);
  const memberWords = members.flatMap((m) => [m.name, ...m.name.split(/\s+/)]).filter((w) => w.length >= 3);
  const lexicon = makeLexicon([...orgs.lexicon.words, ...KEYWORDS, ...memberWords, ...(context.networkName ? [context.networkName] : [])]);
  const { text, repairs } = repairText(extracted, lexicon);
  const marks = new Marks(extracted);
  const state: ReadState = { context, members, orgs, marks };
  const lines = text.split('\n');

  const { preamble, items: rawItems, numbering } = splitItems(lines);

  const header = readHeader(preamble, state);
  const { titleLine, contextYear, date, kind, network } = header;


  const attendance = readAttendance(preamble, rawItems, titleLine, state);
  const allText = lines.join('\n');
  rolesInText(attendance, allText);
  const { justerare, chair, secretary } = readRoles(attendance, kind, state);
  const { attendees, others, usedInItems, usedInPreamble } = attendance;

  // --- Items --------------------------------------------------------------------------------
  const meetingYear = date ? Number(date.slice(0, 4)) : contextYear;
  const nextMeetings: NextMeeting[] = [];
  let nextMeetingNote: string | undefined;
  const items: InterchangeItem[] = rawItems.map((raw, index) => {
    const used = usedInItems.get(raw) ?? new Set<number>();
    let bodyLines = raw.lines.filter((l) => !used.has(l.at));
    // A long title that runs on to the next line ("… på Rudbecksgymnasiet eller via" / "Teams. På detta …").
    if (raw.title.split(/\s+/).length > 8 && !/[.!?:]$/.test(raw.title)) {
      const next = bodyLines.find((l) => l.text.trim() !== '');
      const m = next ? /^[^.!?]{1,60}[.!?]/.exec(next.text.trim()) : null;
      if (next && m) {
        raw.title = `${raw.title} ${m[0]}`;
        bodyLines = bodyLines.map((l) => (l === next ? { text: next.text.trim().slice(m[0].length).trim(), at: l.at } : l));
      }
    }
    const isAttendance = ATTENDANCE_TITLE.test(raw.title);
    const item: InterchangeItem = { ...(raw.number !== undefined ? { number: raw.number } : {}), title: raw.title, presenters: [], body: '', decisions: [], actions: [], tabled: false };
    const base = `/items/${index}`;
    // A title that is a whole sentence ("Nästa möte beslutades till den 18/3 …") is read as body too.
    const titleIsSentence = /[.!]$/.test(raw.title) || raw.title.split(/\s+/).length > 14;
    const flat = [titleIsSentence ? raw.title : '', ...bodyLines.map((l) => l.text.trim())].filter((t) => t !== '').join('\n');

    // Rounds: three or more lines "Skövde - …" / "Anna: …".
    const roundLines = bodyLines.filter((l) => roundResponse(l.text, orgs, everyone(attendance, state)));
    let remaining = bodyLines;
    if (roundLines.length >= 3) {
      const responses = roundLines.map((l) => roundResponse(l.text, orgs, everyone(attendance, state))).filter((r): r is { speaker: string; text: string } => r !== undefined);
      const firstAt = roundLines[0]?.at ?? 0;
      const heading = [...bodyLines].reverse().find((l) => l.at < firstAt && l.text.trim() !== '' && l.text.trim().length <= 60 && !/[.]$/.test(l.text.trim()));
      item.round = { questions: [heading?.text.trim() ?? raw.title], responses };
      remaining = bodyLines.filter((l) => !roundLines.includes(l));
    }
    // A round by its title ("Laget runt", "Incheckning"): its question is the rest of the title.
    const roundTitle = ROUND_TITLE.exec(raw.title);
    const question = roundTitle ? raw.title.slice(roundTitle[0].length).trim() : '';
    if (roundTitle && !item.round) item.round = { questions: question ? [question] : [], responses: [] };
    item.body = bodyOf(remaining);
    if (titleIsSentence) item.body = item.body === '' ? raw.title : `${raw.title}\n${item.body}`;

    // A decision in the title itself ("6. Nästa möte beslutades till den 18/3 …"), with the words that finish its sentence.
    if (!titleIsSentence && DECISION.test(raw.title) && !NOT_DECISION.test(raw.title)) {
      const rest = /^[^.!?]{0,80}[.!?]/.exec(flat.replace(/\s+/g, ' '));
      item.decisions.push(rest && !/[.!?:]$/.test(raw.title) ? `${raw.title} ${rest[0]}` : raw.title);
    }
    const presenterNames = new Set<string>();
    // "3. Budget (Anna Andersson)": a name in parentheses after the title presents it.
    const byTitle = /\(([^()]+)\)\s*$/.exec(raw.title);
    if (byTitle && byTitle[1] && looksLikeName(byTitle[1].trim()) && resolveName(byTitle[1].trim(), everyone(attendance, state))) presenterNames.add(byTitle[1].trim());
    for (const s of sentences(flat)) {
      const label = PRESENTER_LABEL.exec(s);
      if (label) for (const p of readPeopleList(s.slice(label[0].length).replace(/[.]$/, ''), orgs) ?? []) presenterNames.add(p.name);
      if (TABLED.test(s)) item.tabled = true;
      if (DECISION.test(s) && !NOT_DECISION.test(s) && !EXTERNAL_SUBJECT.test(s)) item.decisions.push(s);
      for (const clause of clausesWithSubject(s)) {
        if (PRESENTER_VERB.test(clause.verbPart)) for (const n of clause.subjects) if (looksPersonal(n)) presenterNames.add(n);
      }
    }
    for (const n of presenterNames) {
      const r = resolveName(n, everyone(attendance, state));
      const name = r?.unique ? r.name : n;
      const member = members.find((m) => m.name === name);
      const person = others.find((o) => o.name === name);
      item.presenters.push({ name, ...(member?.id !== undefined ? { memberId: member.id } : {}), ...(person?.organisation ? { organisation: person.organisation } : {}) });
      if (!r) marks.add(`${base}/presenters/${item.presenters.length - 1}`, 'uncertain', 'partial_name', `"${n}" finns inte i närvarolistan.`, n);
    }
    // Action items, after presenters are known (a first name is first looked for among them).
    // Marks on action items wait until the items are in their final order.
    const actionMarks: { action: InterchangeAction; reason: string; message: string; original: string }[] = [];
    if (!isAttendance) {
      for (const s of sentences(flat)) {
        for (const clause of clausesWithSubject(s)) {
          if (!ACTION_VERB.test(clause.verbPart)) continue;
          const owners: InterchangeOwner[] = [];
          const uncertain: string[] = [];
          for (const subject of clause.subjects) {
            const group = GROUP_SUBJECT.exec(subject);
            if (group) {
              const role = ROLE_SUBJECT[fold1(subject.toLowerCase())];
              // A group the protocol names ("Arbetsgruppen för K-dagen", "Varje medlem i nätverket"): its members are for the secretary to pick.
              owners.push(role ? { kind: 'role', role, name: subject } : { kind: 'group', name: subject, members: [] });
              continue;
            }
            // "Skolverket ska …", "Lärarförbundet tar fram …": a body outside the meeting, not someone's task.
            if (!looksPersonal(subject) || ORGANISATION_LIKE.test(subject)) continue;
            const r = resolveName(subject, item.presenters) ?? resolveName(subject, everyone(attendance, state));
            const name = r?.unique ? r.name : subject;
            const member = members.find((m) => m.name === name);
            owners.push({ kind: 'person', name, ...(member?.id !== undefined ? { memberId: member.id } : {}) });
            if (!r || !r.unique) uncertain.push(subject);
          }
          if (owners.length === 0 || owners.length !== clause.subjects.length) continue;
          const action: InterchangeAction = { text: clause.text, owners };
          const due = dueDate(clause.text, meetingYear, date);
          if (due) action.due = due;
          item.actions.push(action);
          for (const u of uncertain) actionMarks.push({ action, reason: 'partial_name', message: `"${u}" finns inte i närvarolistan; kontrollera vem uppdraget gäller.`, original: u });
          for (const o of owners) if (o.kind === 'group') actionMarks.push({ action, reason: 'group_members', message: `Uppdraget gäller "${o.name}"; välj vilka som hör dit.`, original: o.name });
        }
      }
    }
    // A table of action items: a header naming what and who ("Åtgärd | Ansvarig | Klart"), then a row each.
    const rows = remaining.map((l) => l.text.trim());
    const header = rows.findIndex((r) => ACTION_TABLE_HEADER.test(r));
    if (header >= 0) {
      const cols = (rows[header] ?? '').split(/\s*\|\s*|\s{2,}/).map((c) => fold1(c.toLowerCase()));
      const whatCol = cols.findIndex((c) => /^(?:vad|atgard|atgarder|uppdrag|aktivitet|uppgift|beskrivning)/.test(c));
      const whoCol = cols.findIndex((c) => /^(?:vem|ansvarig|ansvar|ansvariga)/.test(c));
      const whenCol = cols.findIndex((c) => /^(?:nar|klart|senast|datum|deadline|klar\s+senast)/.test(c));
      for (const row of rows.slice(header + 1)) {
        if (row === '' || !row.includes('|') && !/\s{2,}/.test(row)) break;
        const cells = row.split(/\s*\|\s*|\s{2,}/);
        const what = cells[whatCol]?.trim() ?? '';
        const who = readPeopleList(cells[whoCol]?.trim() ?? '', orgs) ?? [];
        if (what === '' || who.length === 0) continue;
        const owners = who.map((p) => personOwner(p.name, attendance, state));
        const dueHit = whenCol >= 0 ? findDates(cells[whenCol] ?? '', meetingYear)[0] : undefined;
        item.actions.push({ text: what, owners, ...(dueHit?.date ? { due: dueHit.date } : {}) });
      }
    }
    // "Ansvarig: Anna Andersson" after what is to be done.
    const said = sentences(flat);
    said.forEach((s, k) => {
      const m = RESPONSIBLE.exec(s);
      if (!m) return;
      const names = readPeopleList(s.slice(m[0].length).replace(/[.]$/, ''), orgs) ?? [];
      const owners = names.map((p) => personOwner(p.name, attendance, state));
      const what = said[k - 1];
      if (owners.length > 0 && what !== undefined && !item.actions.some((a) => a.text === what)) {
        const due = dueDate(`${what} ${s}`, meetingYear, date);
        item.actions.push({ text: what, owners, ...(due ? { due } : {}) });
      }
    });
    // In the order the protocol gives them.
    const plain = flat.replace(/\s+/g, ' ');
    const at = (t: string): number => {
      const i = plain.indexOf(t.replace(/\s+/g, ' '));
      return i < 0 ? plain.length : i;
    };
    item.actions.sort((a, b) => at(a.text) - at(b.text));
    for (const m of actionMarks) marks.add(`${base}/actions/${item.actions.indexOf(m.action)}/owners`, 'uncertain', m.reason, m.message, m.original);
    // Next meetings: an item about them, or a line "Nästa möte: 15/3 kl 13-15 i Skara" in any item.
    const nextLine = remaining.findIndex((l) => NEXT_MEETING_LINE.test(l.text.trim()));
    if (!NEXT_MEETING_TITLE.test(raw.title) && nextLine >= 0) {
      const read = readNextMeetings(remaining.slice(nextLine, nextLine + 2).map((l) => l.text), meetingYear, date);
      nextMeetings.push(...read.meetings);
    }
    if (NEXT_MEETING_TITLE.test(raw.title)) {
      const read = readNextMeetings([raw.title, ...remaining.map((l) => l.text)], meetingYear, date);
      nextMeetings.push(...read.meetings);
      if (read.yearFromContext && read.meetings.length > 0 && !date) marks.add('/nextMeetings', 'uncertain', 'year_from_context', 'Året för nästa möte står inte; det är hämtat ur sammanhanget.');
      if (read.note) nextMeetingNote = nextMeetingNote ? `${nextMeetingNote}\n${read.note}` : read.note;
    }
    return item;
  });

  organisationsElsewhere(attendance, allText, state);

  const title = titleLine && /protokoll|anteckningar/i.test(titleLine) ? titleLine.replace(/\s+/g, ' ').trim() : `${kind === 'protokoll' ? 'Protokoll för' : 'Minnesanteckningar för'} ${network || 'nätverket'}${date ? ` ${date}` : ''}`;
  const document: ProtokollDocument = {
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
    numbering: rawItems.length > 0 ? numbering : 'sections',
    ...(chair ? { chair } : {}),
    ...(secretary ? { secretary } : {}),
    justerare,
    attendees,
    othersPresent: others,
    items,
    nextMeetings: dedupeMeetings(nextMeetings),
    ...(nextMeetingNote ? { nextMeetingNote } : {}),
    links: items.flatMap((item) => linksOf(item.body).map((l) => ({ item: item.number ?? item.title, ...l }))),
    approvals: [],
    source: context.source ?? { kind: 'import', file: context.fileName ?? '', reader: READER_VERSION },
  };
  if (items.length === 0) marks.add('/items', 'missing', 'no_items', 'Inga punkter hittades; hela texten står i en punkt.');
  if (items.length === 0) document.items = [{ title: 'Protokoll', presenters: [], body: bodyOf(preamble.filter((l) => !usedInPreamble.has(l.at))), decisions: [], actions: [], tabled: false }];
  document.review = [...marks.list, ...repairMarks(repairs, extracted), ...unsureWords(text, extracted)];
  return { document, content: fromInterchange(document), text, repairs };
}

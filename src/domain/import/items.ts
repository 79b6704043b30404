import type { NextMeeting } from '../minutes-model';
import { actionsFromClauses, actionsFromResponsible, actionsFromTable, orderActions, type ActionContext } from './actions';
import { everyone, personNamed, type Attendance } from './attendance';
import { clausesWithSubject, looksPersonal, roundResponse } from './clauses';
import { readNextMeetings } from './next-meetings';
import { looksLikeName, readPeopleList, resolveName } from './people';
import { ATTENDANCE_TITLE, DECISION, EXTERNAL_SUBJECT, NEXT_MEETING_LINE, NEXT_MEETING_TITLE, NOT_DECISION, PRESENTER_LABEL, PRESENTER_VERB, ROUND_TITLE, TABLED } from './patterns';
import type { InterchangeItem, ProtokollDocument } from './protokoll';
import type { ReadState } from './state';
import { bodyOf, sentences, type Line, type RawItem } from './structure';

/** The items of a protocol: body, round, decisions, presenters, action items, and the next meetings they name. */

export type ItemsRead = Pick<ProtokollDocument, 'items' | 'nextMeetings' | 'nextMeetingNote'>;

/** What the items are read against, and the next meetings found in them as they are read. */
interface ItemsState extends ActionContext {
  nextMeetings: NextMeeting[];
  nextMeetingNote: string | undefined;
}

export function readItems(rawItems: readonly RawItem[], attendance: Attendance, date: string | undefined, meetingYear: number | undefined, read: ReadState): ItemsRead {
  const state: ItemsState = { read, attendance, date, meetingYear, nextMeetings: [], nextMeetingNote: undefined };
  const items = rawItems.map((raw, index) => readItem(raw, index, state));
  return { items, nextMeetings: state.nextMeetings, ...(state.nextMeetingNote ? { nextMeetingNote: state.nextMeetingNote } : {}) };
}

function readItem(raw: RawItem, index: number, state: ItemsState): InterchangeItem {
  const bodyLines = bodyLinesOf(raw, state.attendance.usedInItems.get(raw) ?? new Set<number>());
  const isAttendance = ATTENDANCE_TITLE.test(raw.title);
  const item: InterchangeItem = { ...(raw.number !== undefined ? { number: raw.number } : {}), title: raw.title, presenters: [], body: '', decisions: [], actions: [], tabled: false };
  const base = `/items/${index}`;
  // A title that is a whole sentence ("Nästa möte beslutades till den 18/3 …") is read as body too.
  const titleIsSentence = /[.!]$/.test(raw.title) || raw.title.split(/\s+/).length > 14;
  const flat = [titleIsSentence ? raw.title : '', ...bodyLines.map((l) => l.text.trim())].filter((t) => t !== '').join('\n');

  const remaining = readRound(item, raw, bodyLines, state);
  item.body = bodyOf(remaining);
  if (titleIsSentence) item.body = item.body === '' ? raw.title : `${raw.title}\n${item.body}`;

  readDecisionsAndPresenters(item, raw, flat, titleIsSentence, base, state);
  // Action items, after presenters are known (a first name is first looked for among them).
  // Marks on action items wait until the items are in their final order.
  const actionMarks = isAttendance ? [] : actionsFromClauses(item, flat, state);
  actionsFromTable(item, remaining, state);
  actionsFromResponsible(item, flat, state);
  orderActions(item, flat, actionMarks, base, state.read);
  nextMeetingsIn(raw, remaining, state);
  return item;
}

/** The item's lines not read as attendance; a long title that runs on to the next line ("… på Rudbecksgymnasiet eller via" / "Teams. På detta …") is completed (the raw item's title with it). */
function bodyLinesOf(raw: RawItem, used: ReadonlySet<number>): Line[] {
  let bodyLines = raw.lines.filter((l) => !used.has(l.at));
  if (raw.title.split(/\s+/).length > 8 && !/[.!?:]$/.test(raw.title)) {
    const next = bodyLines.find((l) => l.text.trim() !== '');
    const m = next ? /^[^.!?]{1,60}[.!?]/.exec(next.text.trim()) : null;
    if (next && m) {
      raw.title = `${raw.title} ${m[0]}`;
      bodyLines = bodyLines.map((l) => (l === next ? { text: next.text.trim().slice(m[0].length).trim(), at: l.at } : l));
    }
  }
  return bodyLines;
}

/** Rounds: three or more lines "Skövde - …" / "Anna: …", or a title "Laget runt", "Incheckning". The lines left for the body are returned. */
function readRound(item: InterchangeItem, raw: RawItem, bodyLines: Line[], state: ItemsState): Line[] {
  const { orgs } = state.read;
  const roundLines = bodyLines.filter((l) => roundResponse(l.text, orgs, everyone(state.attendance, state.read)));
  let remaining = bodyLines;
  if (roundLines.length >= 3) {
    const responses = roundLines.map((l) => roundResponse(l.text, orgs, everyone(state.attendance, state.read))).filter((r): r is { speaker: string; text: string } => r !== undefined);
    const firstAt = roundLines[0]?.at ?? 0;
    const heading = [...bodyLines].reverse().find((l) => l.at < firstAt && l.text.trim() !== '' && l.text.trim().length <= 60 && !/[.]$/.test(l.text.trim()));
    item.round = { questions: [heading?.text.trim() ?? raw.title], responses };
    remaining = bodyLines.filter((l) => !roundLines.includes(l));
  }
  // A round by its title ("Laget runt", "Incheckning"): its question is the rest of the title.
  const roundTitle = ROUND_TITLE.exec(raw.title);
  const question = roundTitle ? raw.title.slice(roundTitle[0].length).trim() : '';
  if (roundTitle && !item.round) item.round = { questions: question ? [question] : [], responses: [] };
  return remaining;
}

/** Decisions, tabling and presenters: by the words for them, a presenter label, a name after the title, or a verb of presenting. */
function readDecisionsAndPresenters(item: InterchangeItem, raw: RawItem, flat: string, titleIsSentence: boolean, base: string, state: ItemsState): void {
  const { orgs, marks, members } = state.read;
  const { others } = state.attendance;
  // A decision in the title itself ("6. Nästa möte beslutades till den 18/3 …"), with the words that finish its sentence.
  if (!titleIsSentence && DECISION.test(raw.title) && !NOT_DECISION.test(raw.title)) {
    const rest = /^[^.!?]{0,80}[.!?]/.exec(flat.replace(/\s+/g, ' '));
    item.decisions.push(rest && !/[.!?:]$/.test(raw.title) ? `${raw.title} ${rest[0]}` : raw.title);
  }
  const presenterNames = new Set<string>();
  // "3. Budget (Anna Andersson)": a name in parentheses after the title presents it.
  const byTitle = /\(([^()]+)\)\s*$/.exec(raw.title);
  if (byTitle && byTitle[1] && looksLikeName(byTitle[1].trim()) && resolveName(byTitle[1].trim(), everyone(state.attendance, state.read))) presenterNames.add(byTitle[1].trim());
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
    const r = resolveName(n, everyone(state.attendance, state.read));
    const name = r?.unique ? r.name : n;
    const person = others.find((o) => o.name === name);
    item.presenters.push({ ...personNamed(name, members), ...(person?.organisation ? { organisation: person.organisation } : {}) });
    if (!r) marks.add(`${base}/presenters/${item.presenters.length - 1}`, 'uncertain', 'partial_name', `"${n}" finns inte i närvarolistan.`, n);
  }
}

/** Next meetings: an item about them, or a line "Nästa möte: 15/3 kl 13-15 i Skara" in any item. */
function nextMeetingsIn(raw: RawItem, remaining: readonly Line[], state: ItemsState): void {
  const { date, meetingYear } = state;
  const nextLine = remaining.findIndex((l) => NEXT_MEETING_LINE.test(l.text.trim()));
  if (!NEXT_MEETING_TITLE.test(raw.title) && nextLine >= 0) {
    const read = readNextMeetings(remaining.slice(nextLine, nextLine + 2).map((l) => l.text), meetingYear, date);
    state.nextMeetings.push(...read.meetings);
  }
  if (NEXT_MEETING_TITLE.test(raw.title)) {
    const read = readNextMeetings([raw.title, ...remaining.map((l) => l.text)], meetingYear, date);
    state.nextMeetings.push(...read.meetings);
    if (read.yearFromContext && read.meetings.length > 0 && !date) state.read.marks.add('/nextMeetings', 'uncertain', 'year_from_context', 'Året för nästa möte står inte; det är hämtat ur sammanhanget.');
    if (read.note) state.nextMeetingNote = state.nextMeetingNote ? `${state.nextMeetingNote}\n${read.note}` : read.note;
  }
}

import { DEFAULT_MEMBER_ORGANISATIONS } from '../municipality';
import type { MinutesContent, NextMeeting } from '../minutes-model';
import { repairText, type Repair } from './damage';
import { findDates } from './dates';
import { foldOcr, makeLexicon } from './lexicon';
import { looksLikeName, ORGANISATION_LIKE, organisationsOf, readPeopleList, resolveName, type ListedPerson, type Organisations } from './people';
import {
  fromInterchange,
  linksOf,
  PROTOKOLL_FORMAT,
  type InterchangeAction,
  type InterchangeAttendance,
  type InterchangeAttendee,
  type InterchangeItem,
  type InterchangeOwner,
  type PersonName,
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
  labelOf,
  NEXT_MEETING_LINE,
  NEXT_MEETING_TITLE,
  NOT_DECISION,
  PRESENTER_LABEL,
  PRESENTER_VERB,
  RESPONSIBLE,
  ROLE_SUBJECT,
  ROUND_TITLE,
  TABLED,
  type Label,
} from './patterns';
import { readHeader } from './header';
import type { ReadState, ReaderContext } from './state';
import { bodyOf, sentences, splitItems, type Line, type RawItem } from './structure';

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


  // --- Attendance -------------------------------------------------------------------------
  const attendees: InterchangeAttendee[] = [];
  const others: InterchangeAttendee[] = [];
  const roleNames: Partial<Record<'chair' | 'secretary' | 'justerare', string[]>> = {};
  const attendanceOf: Partial<Record<Label, InterchangeAttendance>> = { present: 'present', online: 'online', apologies: 'apologies', absent: 'absent', substitutes: 'present', others: 'present' };

  const addPeople = (people: ListedPerson[], attendance: InterchangeAttendance, guest: boolean, substitute: boolean): void => {
    for (const p of people) {
      const list = guest ? others : attendees;
      const base = guest ? '/othersPresent' : '/attendees';
      const existing = [...attendees, ...others].find((a) => foldOcr(a.name) === foldOcr(p.name));
      if (existing) continue;
      const member = resolveName(p.name, members);
      const memberEntry = member?.unique ? members.find((m) => m.name === member.name) : undefined;
      const a: InterchangeAttendee = { name: memberEntry?.name ?? p.name, attendance };
      if (memberEntry?.id !== undefined) a.memberId = memberEntry.id;
      const org = p.organisation ?? memberEntry?.organisation;
      if (org !== undefined) a.organisation = org;
      if (p.role !== undefined) a.role = p.role;
      const index = list.length;
      list.push(a);
      if (p.organisationRepaired) marks.add(`${base}/${index}/organisation`, 'corrected', 'organisation_repaired', `"${p.organisationRepaired}" är läst som ${p.organisation}.`, p.organisationRepaired);
      if (p.organisationUnknown) marks.add(`${base}/${index}/organisation`, 'uncertain', 'organisation_unknown', `"${p.organisation}" är ingen känd organisation. Kontrollera.`, p.organisation);
      if (p.organisation && memberEntry?.organisation && p.organisation !== memberEntry.organisation)
        marks.add(`${base}/${index}/organisation`, 'uncertain', 'organisation_differs', `Protokollet skriver ${p.organisation}, medlemslistan ${memberEntry.organisation}.`, p.original);
      if (member && !member.unique) marks.add(`${base}/${index}/name`, 'uncertain', 'name_ambiguous', `"${p.name}" kan vara flera medlemmar. Välj vem.`, p.original);
      if (members.length > 0 && !member) marks.add(`${base}/${index}/name`, 'uncertain', 'not_a_member', `${p.name} finns inte bland nätverkets medlemmar.`, p.original);
      // "Per Lund (Hjo, ersättare för Eva Ek)", or anyone under "Ersättare:" who says for whom.
      const stands = /(?:^|,\s*)ersätt(?:er|are)(?:\s+för)?\s+([A-ZÅÄÖ].+)$/i.exec(p.role ?? '');
      if (stands) {
        a.substituteFor = stands[1]?.trim() ?? '';
        const rest = (p.role ?? '').slice(0, stands.index).trim();
        if (rest) a.role = rest;
        else delete a.role;
      } else if (substitute && a.role && /^ersättare$/i.test(a.role)) delete a.role;
      if (p.role && /\b(?:ordf(?:örande)?\.?)$/i.test(p.role) && !/vice/i.test(p.role)) (roleNames.chair ??= []).push(a.name);
      if (p.role && /\b(?:sekr(?:eterare)?\.?)$/i.test(p.role)) (roleNames.secretary ??= []).push(a.name);
      if (p.role && /\bjusterare$/i.test(p.role)) (roleNames.justerare ??= []).push(a.name);
    }
  };

  /** Reads the labelled blocks and list lines in a run of lines; the lines read are returned. */
  const readAttendanceBlock = (block: readonly Line[], defaultLabel: Label | undefined): Set<number> => {
    const used = new Set<number>();
    let current: Label | undefined = defaultLabel;
    let buffer: Line[] = [];
    const flush = (): void => {
      if (current && buffer.length > 0) {
        const textOf = buffer.map((l) => l.text.trim()).join('\n');
        if (current === 'chair' || current === 'secretary' || current === 'justerare') {
          const people = readPeopleList(textOf, orgs);
          if (people) {
            (roleNames[current] ??= []).push(...people.map((p) => p.name));
            // Chair and secretary are present; they may not be listed again.
            addPeople(people, 'present', false, false);
            buffer.forEach((l) => used.add(l.at));
          }
        } else if (current !== 'date' && current !== 'time' && current !== 'place') {
          // "Name ersätter Name" as substitutes write it.
          const subs: { name: string; for: string }[] = [];
          const plain = textOf.replace(/([A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]+)*)\s*\(?\s*(?:ersätter|ersättare\s+för|för)\s+([A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]+)*)\)?/g, (_m, a: string, b: string) => {
            subs.push({ name: a, for: b });
            return a;
          });
          const people = readPeopleList(plain, orgs);
          if (people) {
            addPeople(people, attendanceOf[current] ?? 'present', current === 'others', current === 'substitutes');
            for (const s of subs) {
              const a = attendees.find((x) => foldOcr(x.name) === foldOcr(s.name));
              if (a) a.substituteFor = s.for;
            }
            buffer.forEach((l) => used.add(l.at));
          }
        }
      }
      buffer = [];
    };
    for (const line of block) {
      const t = line.text.trim();
      const lab = labelOf(t);
      if (lab) {
        flush();
        current = lab.label;
        used.add(line.at);
        if (lab.rest) buffer.push({ text: lab.rest, at: line.at });
        continue;
      }
      if (t === '') {
        if (buffer.length > 0 && current !== defaultLabel) {
          flush();
          current = defaultLabel;
        }
        continue;
      }
      if (!current) continue;
      // A sentence ends the list: "Jonas justerar anteckningarna och skickar …".
      const lower = t.split(/\s+/).filter((w) => /^[a-zåäö]{3,}$/.test(w) && !/^(och|samt)$/.test(w)).length;
      if (lower >= 2 && !t.includes('(') && !/,/.test(t)) {
        flush();
        current = defaultLabel;
        continue;
      }
      buffer.push(line);
    }
    flush();
    return used;
  };

  const usedInPreamble = readAttendanceBlock(preamble, undefined);
  const attendanceItems = rawItems.filter((i) => ATTENDANCE_TITLE.test(i.title));
  const usedInItems = new Map<RawItem, Set<number>>();
  for (const item of attendanceItems) usedInItems.set(item, readAttendanceBlock(item.lines, 'present'));
  // Labelled blocks inside other items (e.g. "Närvarande:" under "1. Mötets öppnande").
  for (const item of rawItems.slice(0, 3)) {
    if (attendanceItems.includes(item)) continue;
    if (item.lines.some((l) => labelOf(l.text) && labelOf(l.text)?.label !== 'date')) usedInItems.set(item, readAttendanceBlock(item.lines, undefined));
  }
  // No attendance anywhere, but a paragraph of the head that is nothing but full names: most likely
  // those present, unlabelled. Read as such and marked, never silently.
  if (attendees.length === 0) {
    const paragraphs: Line[][] = [[]];
    for (const l of preamble) {
      if (l.text.trim() === '') paragraphs.push([]);
      else paragraphs[paragraphs.length - 1]?.push(l);
    }
    for (const para of paragraphs) {
      if (para.length === 0 || para.some((l) => labelOf(l.text) || l.text === titleLine || findDates(l.text).length > 0)) continue;
      const people = readPeopleList(para.map((l) => l.text).join('\n'), orgs);
      if (!people || people.length < 3 || !people.every((p) => p.name.split(/\s+/).length >= 2)) continue;
      addPeople(people, 'present', false, false);
      para.forEach((l) => usedInPreamble.add(l.at));
      marks.add('/attendees', 'uncertain', 'attendance_unlabelled', 'Namnlistan i protokollets början är läst som närvarande; den har ingen rubrik. Kontrollera.', para[0]?.text.trim());
      break;
    }
  }

  // Roles written in running text: "Jonas justerar anteckningarna", "Anna var ordförande".
  const everyone = (): { name: string }[] => [...attendees, ...others, ...members];
  const allText = lines.join('\n');
  // "Jonas justerar …", "Anna Ek och Bo Lund justerar …", "Protokollet justeras av Anna Ek".
  const NAME_RUN = '[A-ZÅÄÖ][a-zåäöé]+(?:[ \\t]+[A-ZÅÄÖ][a-zåäöé-]+)?';
  const splitNames = (run: string): string[] => run.split(/\s*,\s*|\s+och\s+/).map((n) => n.trim()).filter(Boolean);
  for (const m of allText.matchAll(new RegExp(`(?:^|[.!?]\\s+|\\n)(${NAME_RUN}(?:(?:[ \\t]*,[ \\t]*|[ \\t]+och[ \\t]+)${NAME_RUN})*)[ \\t]+(?:justerar|justerade|ska[ \\t]+justera|utsågs[ \\t]+till[ \\t]+justerare|valdes[ \\t]+till[ \\t]+justerare)\\b`, 'g'))) (roleNames.justerare ??= []).push(...splitNames(m[1] ?? ''));
  for (const m of allText.matchAll(new RegExp(`justeras[ \\t]+av[ \\t]+(${NAME_RUN}(?:(?:[ \\t]*,[ \\t]*|[ \\t]+och[ \\t]+)${NAME_RUN})*)`, 'g'))) (roleNames.justerare ??= []).push(...splitNames(m[1] ?? ''));
  for (const m of allText.matchAll(/(?:^|[.!?]\s+|\n)([A-ZÅÄÖ][a-zåäöé]+(?:[ \t]+[A-ZÅÄÖ][a-zåäöé-]+)?)[ \t]+(?:valdes|utsågs|väljs|utses)[ \t]+(?:att[ \t]+justera|till[ \t]+justerare|som[ \t]+justerare|till[ \t]+att[ \t]+justera)/g)) (roleNames.justerare ??= []).push(m[1] ?? '');
  for (const m of allText.matchAll(/(?:till\s+justerare\s+(?:valdes|utsågs)|justerare\s+(?:blev|är|var))[ \t]+([A-ZÅÄÖ][a-zåäöé]+(?:[ \t]+[A-ZÅÄÖ][a-zåäöé-]+)?)/g)) (roleNames.justerare ??= []).push(m[1] ?? '');
  for (const m of allText.matchAll(/(?:till\s+(?:mötes)?ordförande\s+(?:valdes|utsågs)|ordförande\s+(?:blev|är|var))[ \t]+([A-ZÅÄÖ][a-zåäöé]+(?:[ \t]+[A-ZÅÄÖ][a-zåäöé-]+)?)/g)) (roleNames.chair ??= []).push(m[1] ?? '');
  for (const m of allText.matchAll(/(?:till\s+sekreterare\s+(?:valdes|utsågs)|sekreterare\s+(?:blev|var))[ \t]+([A-ZÅÄÖ][a-zåäöé]+(?:[ \t]+[A-ZÅÄÖ][a-zåäöé-]+)?)/g)) (roleNames.secretary ??= []).push(m[1] ?? '');

  /** An owner named in a table or an "Ansvarig:" line: the person it resolves to, else the name as written. */
  const personOwner = (written: string): InterchangeOwner => {
    const r = resolveName(written, everyone());
    const name = r?.unique ? r.name : written;
    const member = members.find((x) => x.name === name);
    return { kind: 'person', name, ...(member?.id !== undefined ? { memberId: member.id } : {}) };
  };

  const resolveRole = (role: 'chair' | 'secretary' | 'justerare', written: string, index?: number): PersonName | undefined => {
    const path = index === undefined ? `/${role}` : `/${role}/${index}`;
    const r = resolveName(written, everyone());
    if (!r) {
      if (written.split(/\s+/).length < 2) marks.add(path, 'uncertain', 'partial_name', `Bara "${written}" står i protokollet; personen finns inte i närvarolistan.`, written);
      return { name: written };
    }
    if (!r.unique) marks.add(path, 'uncertain', 'name_ambiguous', `"${written}" kan vara flera personer. Välj vem.`, written);
    const member = members.find((m) => m.name === r.name);
    return member?.id !== undefined ? { name: r.name, memberId: member.id } : { name: r.name };
  };
  const uniqueNames = (xs: string[] | undefined): string[] => [...new Set((xs ?? []).map((x) => x.trim()).filter(Boolean))];
  const justerareNames = uniqueNames(roleNames.justerare);
  const justerare: PersonName[] = [];
  for (const n of justerareNames) {
    const p = resolveRole('justerare', n, justerare.length);
    if (p && !justerare.some((j) => j.name === p.name)) justerare.push(p);
  }
  const chairName = uniqueNames(roleNames.chair)[0];
  const secretaryName = uniqueNames(roleNames.secretary)[0];
  const chair = chairName ? resolveRole('chair', chairName) : undefined;
  const secretary = secretaryName ? resolveRole('secretary', secretaryName) : undefined;
  if (kind === 'protokoll' && justerare.length === 0) marks.add('/justerare', 'missing', 'no_justerare', 'Ingen justerare står i protokollet.');
  if (attendees.length === 0) marks.add('/attendees', 'missing', 'no_attendance', 'Ingen närvarolista hittades i protokollet.');

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
    const roundLines = bodyLines.filter((l) => roundResponse(l.text, orgs, everyone()));
    let remaining = bodyLines;
    if (roundLines.length >= 3) {
      const responses = roundLines.map((l) => roundResponse(l.text, orgs, everyone())).filter((r): r is { speaker: string; text: string } => r !== undefined);
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
    if (byTitle && byTitle[1] && looksLikeName(byTitle[1].trim()) && resolveName(byTitle[1].trim(), everyone())) presenterNames.add(byTitle[1].trim());
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
      const r = resolveName(n, everyone());
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
            const r = resolveName(subject, item.presenters) ?? resolveName(subject, everyone());
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
        const owners = who.map((p) => personOwner(p.name));
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
      const owners = names.map((p) => personOwner(p.name));
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

  // Organisations written beside a name elsewhere ("Maria Lundin, Tibro" in a working group).
  attendees.forEach((a, i) => {
    if (a.organisation) return;
    const written = organisationBesideName(a.name, allText, orgs);
    if (written) {
      a.organisation = written.name;
      marks.add(`/attendees/${i}/organisation`, 'uncertain', 'organisation_elsewhere', `${written.name} är hämtat ur texten ("${written.original}"), inte ur närvarolistan.`, written.original);
    }
  });

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


function organisationBesideName(name: string, text: string, orgs: Organisations): { name: string; original: string } | undefined {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  for (const m of text.matchAll(new RegExp(`${esc}\\s*(?:,\\s*|\\(\\s*|\\s+[-–]\\s+)([A-ZÅÄÖÉ][\\wåäöéÅÄÖ-]+(?:\\s+kommun)?)`, 'gu'))) {
    // "Maria Lundin, Anki Gunnerek": a name after the comma is the next person, not an organisation.
    const o = orgs.match(m[1] ?? '');
    if (o) return { name: o.name, original: m[0] };
  }
  return undefined;
}

import type { MinutesKind } from '../minutes-model';
import { findDates } from './dates';
import { foldOcr } from './lexicon';
import { readPeopleList, resolveName, type KnownMember, type ListedPerson, type Organisations } from './people';
import { ATTENDANCE_TITLE, labelOf, type Label } from './patterns';
import type { InterchangeAttendance, InterchangeAttendee, InterchangeOwner, PersonName } from './protokoll';
import type { ReadState } from './state';
import type { Line, RawItem } from './structure';

/** Who was there, and in what role: attendance lists, labelled blocks, and roles written in running text. */

export type RoleLabel = 'chair' | 'secretary' | 'justerare';

export interface Attendance {
  attendees: InterchangeAttendee[];
  others: InterchangeAttendee[];
  /** Names written for each role, in the order found. */
  roleNames: Partial<Record<RoleLabel, string[]>>;
  /** The lines of the head read as attendance (left out of a body made of the head). */
  usedInPreamble: Set<number>;
  /** The lines of each item read as attendance (left out of its body). */
  usedInItems: Map<RawItem, Set<number>>;
}

export interface Roles {
  justerare: PersonName[];
  chair?: PersonName;
  secretary?: PersonName;
}

const ATTENDANCE_OF: Partial<Record<Label, InterchangeAttendance>> = { present: 'present', online: 'online', apologies: 'apologies', absent: 'absent', substitutes: 'present', others: 'present' };

/** Attendance in the head, in items about it, and in labelled blocks of the first items; else an unlabelled list of names in the head. */
export function readAttendance(preamble: readonly Line[], rawItems: readonly RawItem[], titleLine: string | undefined, state: ReadState): Attendance {
  const att: Attendance = { attendees: [], others: [], roleNames: {}, usedInPreamble: new Set(), usedInItems: new Map() };
  att.usedInPreamble = readAttendanceBlock(att, state, preamble, undefined);
  const attendanceItems = rawItems.filter((i) => ATTENDANCE_TITLE.test(i.title));
  for (const item of attendanceItems) att.usedInItems.set(item, readAttendanceBlock(att, state, item.lines, 'present'));
  // Labelled blocks inside other items (e.g. "Närvarande:" under "1. Mötets öppnande").
  for (const item of rawItems.slice(0, 3)) {
    if (attendanceItems.includes(item)) continue;
    if (item.lines.some((l) => labelOf(l.text) && labelOf(l.text)?.label !== 'date')) att.usedInItems.set(item, readAttendanceBlock(att, state, item.lines, undefined));
  }
  if (att.attendees.length === 0) unlabelledAttendance(att, state, preamble, titleLine);
  return att;
}

/**
 * No attendance anywhere, but a paragraph of the head that is nothing but full names: most likely
 * those present, unlabelled. Read as such and marked, never silently.
 */
function unlabelledAttendance(att: Attendance, state: ReadState, preamble: readonly Line[], titleLine: string | undefined): void {
  const { orgs, marks } = state;
  const paragraphs: Line[][] = [[]];
  for (const l of preamble) {
    if (l.text.trim() === '') paragraphs.push([]);
    else paragraphs[paragraphs.length - 1]?.push(l);
  }
  for (const para of paragraphs) {
    if (para.length === 0 || para.some((l) => labelOf(l.text) || l.text === titleLine || findDates(l.text).length > 0)) continue;
    const people = readPeopleList(para.map((l) => l.text).join('\n'), orgs);
    if (!people || people.length < 3 || !people.every((p) => p.name.split(/\s+/).length >= 2)) continue;
    addPeople(att, state, people, 'present', false, false);
    para.forEach((l) => att.usedInPreamble.add(l.at));
    marks.add('/attendees', 'uncertain', 'attendance_unlabelled', 'Namnlistan i protokollets början är läst som närvarande; den har ingen rubrik. Kontrollera.', para[0]?.text.trim());
    break;
  }
}

function addPeople(att: Attendance, state: ReadState, people: ListedPerson[], attendance: InterchangeAttendance, guest: boolean, substitute: boolean): void {
  const { attendees, others, roleNames } = att;
  const { members, marks } = state;
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
}

/** Reads the labelled blocks and list lines in a run of lines; the lines read are returned. */
function readAttendanceBlock(att: Attendance, state: ReadState, block: readonly Line[], defaultLabel: Label | undefined): Set<number> {
  const { attendees, roleNames } = att;
  const { orgs } = state;
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
          addPeople(att, state, people, 'present', false, false);
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
          addPeople(att, state, people, ATTENDANCE_OF[current] ?? 'present', current === 'others', current === 'substitutes');
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
}

/** Everyone the protocol names as there, and the network's members: whom a written name is resolved among. */
export function everyone(att: Attendance, state: ReadState): { name: string }[] {
  return [...att.attendees, ...att.others, ...state.members];
}

/** Roles written in running text: "Jonas justerar anteckningarna", "Anna var ordförande". */
export function rolesInText(att: Attendance, allText: string): void {
  const { roleNames } = att;
  // "Jonas justerar …", "Anna Ek och Bo Lund justerar …", "Protokollet justeras av Anna Ek".
  const NAME_RUN = '[A-ZÅÄÖ][a-zåäöé]+(?:[ \\t]+[A-ZÅÄÖ][a-zåäöé-]+)?';
  const splitNames = (run: string): string[] => run.split(/\s*,\s*|\s+och\s+/).map((n) => n.trim()).filter(Boolean);
  for (const m of allText.matchAll(new RegExp(`(?:^|[.!?]\\s+|\\n)(${NAME_RUN}(?:(?:[ \\t]*,[ \\t]*|[ \\t]+och[ \\t]+)${NAME_RUN})*)[ \\t]+(?:justerar|justerade|ska[ \\t]+justera|utsågs[ \\t]+till[ \\t]+justerare|valdes[ \\t]+till[ \\t]+justerare)\\b`, 'g'))) (roleNames.justerare ??= []).push(...splitNames(m[1] ?? ''));
  for (const m of allText.matchAll(new RegExp(`justeras[ \\t]+av[ \\t]+(${NAME_RUN}(?:(?:[ \\t]*,[ \\t]*|[ \\t]+och[ \\t]+)${NAME_RUN})*)`, 'g'))) (roleNames.justerare ??= []).push(...splitNames(m[1] ?? ''));
  for (const m of allText.matchAll(/(?:^|[.!?]\s+|\n)([A-ZÅÄÖ][a-zåäöé]+(?:[ \t]+[A-ZÅÄÖ][a-zåäöé-]+)?)[ \t]+(?:valdes|utsågs|väljs|utses)[ \t]+(?:att[ \t]+justera|till[ \t]+justerare|som[ \t]+justerare|till[ \t]+att[ \t]+justera)/g)) (roleNames.justerare ??= []).push(m[1] ?? '');
  for (const m of allText.matchAll(/(?:till\s+justerare\s+(?:valdes|utsågs)|justerare\s+(?:blev|är|var))[ \t]+([A-ZÅÄÖ][a-zåäöé]+(?:[ \t]+[A-ZÅÄÖ][a-zåäöé-]+)?)/g)) (roleNames.justerare ??= []).push(m[1] ?? '');
  for (const m of allText.matchAll(/(?:till\s+(?:mötes)?ordförande\s+(?:valdes|utsågs)|ordförande\s+(?:blev|är|var))[ \t]+([A-ZÅÄÖ][a-zåäöé]+(?:[ \t]+[A-ZÅÄÖ][a-zåäöé-]+)?)/g)) (roleNames.chair ??= []).push(m[1] ?? '');
  for (const m of allText.matchAll(/(?:till\s+sekreterare\s+(?:valdes|utsågs)|sekreterare\s+(?:blev|var))[ \t]+([A-ZÅÄÖ][a-zåäöé]+(?:[ \t]+[A-ZÅÄÖ][a-zåäöé-]+)?)/g)) (roleNames.secretary ??= []).push(m[1] ?? '');
}

/** A name as a person: with the member's id when the network has a member of that name. */
export function personNamed(name: string, members: readonly KnownMember[]): PersonName {
  const member = members.find((m) => m.name === name);
  return { name, ...(member?.id !== undefined ? { memberId: member.id } : {}) };
}

/** An owner named in a table or an "Ansvarig:" line: the person it resolves to, else the name as written. */
export function personOwner(written: string, att: Attendance, state: ReadState): InterchangeOwner {
  const r = resolveName(written, everyone(att, state));
  return { kind: 'person', ...personNamed(r?.unique ? r.name : written, state.members) };
}

function resolveRole(role: RoleLabel, written: string, att: Attendance, state: ReadState, index?: number): PersonName | undefined {
  const { marks } = state;
  const path = index === undefined ? `/${role}` : `/${role}/${index}`;
  const r = resolveName(written, everyone(att, state));
  if (!r) {
    if (written.split(/\s+/).length < 2) marks.add(path, 'uncertain', 'partial_name', `Bara "${written}" står i protokollet; personen finns inte i närvarolistan.`, written);
    return { name: written };
  }
  if (!r.unique) marks.add(path, 'uncertain', 'name_ambiguous', `"${written}" kan vara flera personer. Välj vem.`, written);
  return personNamed(r.name, state.members);
}

/** Justerare, chair and secretary from the names written for them; a protocol without justerare, or without attendance, is marked. */
export function readRoles(att: Attendance, kind: MinutesKind, state: ReadState): Roles {
  const { marks } = state;
  const uniqueNames = (xs: string[] | undefined): string[] => [...new Set((xs ?? []).map((x) => x.trim()).filter(Boolean))];
  const justerare: PersonName[] = [];
  for (const n of uniqueNames(att.roleNames.justerare)) {
    const p = resolveRole('justerare', n, att, state, justerare.length);
    if (p && !justerare.some((j) => j.name === p.name)) justerare.push(p);
  }
  const chairName = uniqueNames(att.roleNames.chair)[0];
  const secretaryName = uniqueNames(att.roleNames.secretary)[0];
  const chair = chairName ? resolveRole('chair', chairName, att, state) : undefined;
  const secretary = secretaryName ? resolveRole('secretary', secretaryName, att, state) : undefined;
  if (kind === 'protokoll' && justerare.length === 0) marks.add('/justerare', 'missing', 'no_justerare', 'Ingen justerare står i protokollet.');
  if (att.attendees.length === 0) marks.add('/attendees', 'missing', 'no_attendance', 'Ingen närvarolista hittades i protokollet.');
  return { justerare, ...(chair ? { chair } : {}), ...(secretary ? { secretary } : {}) };
}

/** Organisations written beside a name elsewhere ("Maria Lundin, Tibro" in a working group), for those the list gives none. */
export function organisationsElsewhere(att: Attendance, allText: string, state: ReadState): void {
  const { orgs, marks } = state;
  att.attendees.forEach((a, i) => {
    if (a.organisation) return;
    const written = organisationBesideName(a.name, allText, orgs);
    if (written) {
      a.organisation = written.name;
      marks.add(`/attendees/${i}/organisation`, 'uncertain', 'organisation_elsewhere', `${written.name} är hämtat ur texten ("${written.original}"), inte ur närvarolistan.`, written.original);
    }
  });
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

import { everyone, personNamed, personOwner, type Attendance } from './attendance';
import { clausesWithSubject, dueDate, looksPersonal } from './clauses';
import { findDates } from './dates';
import { ORGANISATION_LIKE, readPeopleList, resolveName } from './people';
import { ACTION_TABLE_HEADER, ACTION_VERB, fold1, GROUP_SUBJECT, RESPONSIBLE, ROLE_SUBJECT } from './patterns';
import type { InterchangeAction, InterchangeItem, InterchangeOwner } from './protokoll';
import type { ReadState } from './state';
import { sentences, type Line } from './structure';

/** Action items of an item: by the verbs protocols give tasks with, in a table, or by an "Ansvarig:" line. */

/** What the actions of one item are read against: the meeting's date and year for due dates, and who was there. */
export interface ActionContext {
  read: ReadState;
  attendance: Attendance;
  date: string | undefined;
  meetingYear: number | undefined;
}

/** A mark on an action item, added once the items are in their final order. */
export interface ActionMark {
  action: InterchangeAction;
  reason: string;
  message: string;
  original: string;
}

/** "Anna skickar ut …", "Presidiet tar fram …": a clause whose verb gives its subjects something to do. */
export function actionsFromClauses(item: InterchangeItem, flat: string, ctx: ActionContext): ActionMark[] {
  const { members } = ctx.read;
  const actionMarks: ActionMark[] = [];
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
        const r = resolveName(subject, item.presenters) ?? resolveName(subject, everyone(ctx.attendance, ctx.read));
        owners.push({ kind: 'person', ...personNamed(r?.unique ? r.name : subject, members) });
        if (!r || !r.unique) uncertain.push(subject);
      }
      if (owners.length === 0 || owners.length !== clause.subjects.length) continue;
      const action: InterchangeAction = { text: clause.text, owners };
      const due = dueDate(clause.text, ctx.meetingYear, ctx.date);
      if (due) action.due = due;
      item.actions.push(action);
      for (const u of uncertain) actionMarks.push({ action, reason: 'partial_name', message: `"${u}" finns inte i närvarolistan; kontrollera vem uppdraget gäller.`, original: u });
      for (const o of owners) if (o.kind === 'group') actionMarks.push({ action, reason: 'group_members', message: `Uppdraget gäller "${o.name}"; välj vilka som hör dit.`, original: o.name });
    }
  }
  return actionMarks;
}

/** A table of action items: a header naming what and who ("Åtgärd | Ansvarig | Klart"), then a row each. */
export function actionsFromTable(item: InterchangeItem, remaining: readonly Line[], ctx: ActionContext): void {
  const rows = remaining.map((l) => l.text.trim());
  const header = rows.findIndex((r) => ACTION_TABLE_HEADER.test(r));
  if (header < 0) return;
  const cols = (rows[header] ?? '').split(/\s*\|\s*|\s{2,}/).map((c) => fold1(c.toLowerCase()));
  const whatCol = cols.findIndex((c) => /^(?:vad|atgard|atgarder|uppdrag|aktivitet|uppgift|beskrivning)/.test(c));
  const whoCol = cols.findIndex((c) => /^(?:vem|ansvarig|ansvar|ansvariga)/.test(c));
  const whenCol = cols.findIndex((c) => /^(?:nar|klart|senast|datum|deadline|klar\s+senast)/.test(c));
  for (const row of rows.slice(header + 1)) {
    if (row === '' || !row.includes('|') && !/\s{2,}/.test(row)) break;
    const cells = row.split(/\s*\|\s*|\s{2,}/);
    const what = cells[whatCol]?.trim() ?? '';
    const who = readPeopleList(cells[whoCol]?.trim() ?? '', ctx.read.orgs) ?? [];
    if (what === '' || who.length === 0) continue;
    const owners = who.map((p) => personOwner(p.name, ctx.attendance, ctx.read));
    const dueHit = whenCol >= 0 ? findDates(cells[whenCol] ?? '', ctx.meetingYear)[0] : undefined;
    item.actions.push({ text: what, owners, ...(dueHit?.date ? { due: dueHit.date } : {}) });
  }
}

/** "Ansvarig: Anna Andersson" after what is to be done. */
export function actionsFromResponsible(item: InterchangeItem, flat: string, ctx: ActionContext): void {
  const said = sentences(flat);
  said.forEach((s, k) => {
    const m = RESPONSIBLE.exec(s);
    if (!m) return;
    const names = readPeopleList(s.slice(m[0].length).replace(/[.]$/, ''), ctx.read.orgs) ?? [];
    const owners = names.map((p) => personOwner(p.name, ctx.attendance, ctx.read));
    const what = said[k - 1];
    if (owners.length > 0 && what !== undefined && !item.actions.some((a) => a.text === what)) {
      const due = dueDate(`${what} ${s}`, ctx.meetingYear, ctx.date);
      item.actions.push({ text: what, owners, ...(due ? { due } : {}) });
    }
  });
}

/** The actions in the order the protocol gives them; then their marks, at their final places. */
export function orderActions(item: InterchangeItem, flat: string, actionMarks: readonly ActionMark[], base: string, state: ReadState): void {
  const plain = flat.replace(/\s+/g, ' ');
  const at = (t: string): number => {
    const i = plain.indexOf(t.replace(/\s+/g, ' '));
    return i < 0 ? plain.length : i;
  };
  item.actions.sort((a, b) => at(a.text) - at(b.text));
  for (const m of actionMarks) state.marks.add(`${base}/actions/${item.actions.indexOf(m.action)}/owners`, 'uncertain', m.reason, m.message, m.original);
}

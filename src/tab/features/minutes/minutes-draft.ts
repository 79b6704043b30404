import { canonicalJson } from '../../../domain/canonical';
import { blankItem } from '../../../domain/minutes-item';
import type { ApiActionItem, ApiMinutesAttendee, ApiMinutesContent, ApiMinutesItem, ApiPersonRef, Problem } from '../../../http/api-contract';

/**
 * The minutes editor's local copy: pure functions, no React. The draft is the API's content
 * itself; items, action items and attendees carry ids, which the edits and the merge go by.
 */

export type MinutesItemPatch = Partial<Omit<ApiMinutesItem, 'id'>>;

/** Two contents are the same when their canonical texts are (the service hashes the same text). */
export const canonical = canonicalJson;

export function sameContent(a: ApiMinutesContent, b: ApiMinutesContent): boolean {
  return canonical(a) === canonical(b);
}

let counter = 0;
/** A fresh id for an item, action item or added attendee (the server keeps what it is given). */
export function newId(prefix: string): string {
  const random = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `${prefix}-${random}-${++counter}`;
}

// ---------------------------------------------------------------------------------------------
// Edits

export function updateItem(c: ApiMinutesContent, itemId: string, patch: MinutesItemPatch): ApiMinutesContent {
  return { ...c, items: c.items.map((i) => (i.id === itemId ? { ...i, ...patch } : i)) };
}

export function addItem(c: ApiMinutesContent, title: string): ApiMinutesContent {
  return { ...c, items: [...c.items, blankItem(newId('item'), title)] };
}

export function removeItem(c: ApiMinutesContent, itemId: string): ApiMinutesContent {
  return { ...c, items: c.items.filter((i) => i.id !== itemId) };
}

export function moveItem(c: ApiMinutesContent, index: number, delta: -1 | 1): ApiMinutesContent {
  const to = index + delta;
  if (index < 0 || to < 0 || index >= c.items.length || to >= c.items.length) return c;
  const items = [...c.items];
  const [item] = items.splice(index, 1);
  if (item) items.splice(to, 0, item);
  return { ...c, items };
}

export function updateAction(item: ApiMinutesItem, actionId: string, patch: Partial<Omit<ApiActionItem, 'id'>>): MinutesItemPatch {
  return {
    actions: item.actions.map((a) => {
      if (a.id !== actionId) return a;
      const next = { ...a, ...patch };
      if (next.due === '') delete next.due;
      return next;
    }),
  };
}

export function newAction(owner: ApiPersonRef): ApiActionItem {
  return { id: newId('action'), text: '', owners: [owner] };
}

export function updateAttendee(c: ApiMinutesContent, id: string, patch: Partial<Omit<ApiMinutesAttendee, 'id'>>): ApiMinutesContent {
  return {
    ...c,
    attendees: c.attendees.map((a) => {
      if (a.id !== id) return a;
      const next = { ...a, ...patch };
      if (next.substituteFor === '') delete next.substituteFor;
      if (next.arrivedAt === '') delete next.arrivedAt;
      return next;
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// The server's problems, at their fields

/**
 * Field paths as the server names them (`items.2.actions.0.due`) turned into paths by id
 * (`items.<item id>.actions.<action id>.due`, `attendees.<id>.arrivedAt`), so a problem stays at
 * its field when items move after the save. `sent` is the content the server judged.
 */
export function fieldKey(field: string, sent: ApiMinutesContent): string {
  const parts = field.split('.');
  const at = (n: number): number => Number(parts[n]);
  if (parts[0] === 'items' && parts[1] !== undefined) {
    const item = sent.items[at(1)];
    if (!item) return field;
    parts[1] = item.id;
    if (parts[2] === 'actions' && parts[3] !== undefined) parts[3] = item.actions[at(3)]?.id ?? parts[3];
  } else if (parts[0] === 'attendees' && parts[1] !== undefined) {
    parts[1] = sent.attendees[at(1)]?.id ?? parts[1];
  }
  // A person's name or id is shown at the person's picker.
  return parts.join('.').replace(/^(secretary|justerare\.[^.]+|items\.[^.]+\.actions\.[^.]+\.owners\.[^.]+)\.(name|memberId)$/, '$1');
}

/** The field keys the editor shows a problem at, for `content` as it is on the page. */
export function shownFields(c: ApiMinutesContent): Set<string> {
  const keys = ['secretary', 'justerare', 'justerare.0', 'justerare.1', 'attendees', 'items', 'nextMeetingNote'];
  for (const a of c.attendees) keys.push(...['', '.name', '.organisation', '.role', '.status', '.substituteFor', '.arrivedAt', '.leftAt'].map((f) => `attendees.${a.id}${f}`));
  for (const item of c.items) {
    const f = `items.${item.id}`;
    keys.push(f, `${f}.title`, `${f}.notes`, ...item.decisions.map((_d, k) => `${f}.decisions.${k}`));
    for (const a of item.actions) keys.push(...['', '.text', '.owners', ...a.owners.map((_, n) => `.owners.${n}`), '.due'].map((x) => `${f}.actions.${a.id}${x}`));
  }
  c.nextMeetings.forEach((_m, i) => keys.push(...['date', 'start', 'end', 'place'].map((x) => `nextMeetings.${i}.${x}`)));
  return new Set(keys);
}

/** Each problem's detail under its field's key (see fieldKey); a problem without a field under ''. */
export function problemsByField(errors: NonNullable<Problem['errors']>, sent: ApiMinutesContent): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of errors) {
    const key = e.field ? fieldKey(e.field, sent) : '';
    out.set(key, [...(out.get(key) ?? []), e.detail]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Merging my unsaved edits into someone else's newer version

const TOP_LEVEL = ['secretary', 'justerare', 'attendees', 'nextMeetings', 'nextMeetingNote'] as const;

/**
 * My edits (`mine`, made on `base`) put into the newer `latest`: each part I changed (the
 * secretary, the justerare, the attendance, the next meetings and their note) takes mine; of the
 * items, those I changed take mine, those I removed go, those I added come last; the rest is
 * the latest.
 */
export function reapplyMinutes(base: ApiMinutesContent, mine: ApiMinutesContent, latest: ApiMinutesContent): ApiMinutesContent {
  const result: ApiMinutesContent = { ...latest };
  for (const key of TOP_LEVEL) {
    if (canonical(mine[key]) === canonical(base[key])) continue;
    if (mine[key] === undefined) delete result[key];
    else Object.assign(result, { [key]: mine[key] });
  }
  const baseById = new Map(base.items.map((i) => [i.id, i]));
  const mineById = new Map(mine.items.map((i) => [i.id, i]));
  const latestIds = new Set(latest.items.map((i) => i.id));
  const items: ApiMinutesItem[] = [];
  for (const item of latest.items) {
    const was = baseById.get(item.id);
    const now = mineById.get(item.id);
    if (was && !now) continue; // I removed it
    items.push(was && now && canonical(was) !== canonical(now) ? now : item);
  }
  for (const item of mine.items) {
    if (latestIds.has(item.id)) continue;
    const was = baseById.get(item.id);
    // New of mine, or gone on the server after I changed it: kept. Gone and unchanged: gone.
    if (!was || canonical(was) !== canonical(item)) items.push(item);
  }
  result.items = items;
  return result;
}

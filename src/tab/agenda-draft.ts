import { isFixed, STANDARD_PART, scheduleItems } from '../domain/agenda';
import type { AgendaSaveRequest, ApiAgendaItem, ApiItemKind, ApiPresenter } from '../http/api-contract';

/**
 * The editor's local copy of an agenda: pure functions, no React. A draft item has a local
 * `key` (stable across edits, also for new items that have no id yet).
 */
export interface DraftItem {
  key: string;
  id?: string;
  title: string;
  kind: ApiItemKind;
  durationMin: number;
  description: string;
  presenter?: ApiPresenter;
  links: { title: string; url: string }[];
  standard?: ApiAgendaItem['standard'];
  /** An item of the network's template (not a standard one): it holds its place, but this meeting may drop it. */
  frame?: ApiAgendaItem['frame'];
}

export interface ItemFields {
  title: string;
  kind: ApiItemKind;
  durationMin: number;
  description: string;
  /** A network member or a named guest; none when absent. */
  presenter?: ApiPresenter;
}

let newKeys = 0;

export function draftFrom(items: readonly ApiAgendaItem[]): DraftItem[] {
  return items.map((i) => ({
    key: i.id,
    id: i.id,
    title: i.title,
    kind: i.kind,
    durationMin: i.durationMin,
    description: i.description,
    ...(i.presenter ? { presenter: i.presenter } : {}),
    links: i.links,
    ...(i.standard ? { standard: i.standard } : {}),
    ...(i.frame ? { frame: i.frame } : {}),
  }));
}

export function toSaveRequest(items: readonly DraftItem[]): AgendaSaveRequest {
  return {
    items: items.map((i) => ({
      ...(i.id ? { id: i.id } : {}),
      title: i.title,
      kind: i.kind,
      durationMin: i.durationMin,
      description: i.description,
      ...(i.presenter ? { presenter: i.presenter } : {}),
      links: i.links,
    })),
  };
}

export function presenterName(p: ApiPresenter | undefined): string {
  if (!p) return '';
  return p.kind === 'guest' && p.organisation ? `${p.name}, ${p.organisation}` : p.name;
}

/** The presenter as the draft keeps it: a guest's name and organisation trimmed, a guest without a name is none. */
function cleanPresenter(p: ApiPresenter | undefined): ApiPresenter | undefined {
  if (!p || p.kind === 'member') return p;
  const name = p.name.trim();
  const organisation = p.organisation?.trim();
  return name ? { kind: 'guest', name, ...(organisation ? { organisation } : {}) } : undefined;
}

function withFields(item: DraftItem, f: ItemFields): DraftItem {
  const { presenter: _old, ...rest } = item;
  const presenter = cleanPresenter(f.presenter);
  return { ...rest, title: f.title.trim(), kind: f.kind, durationMin: f.durationMin, description: f.description, ...(presenter ? { presenter } : {}) };
}

export function fieldsOf(item: DraftItem): ItemFields {
  return { title: item.title, kind: item.kind, durationMin: item.durationMin, description: item.description, ...(item.presenter ? { presenter: item.presenter } : {}) };
}

export function samePresenter(a: ApiPresenter | undefined, b: ApiPresenter | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'member' && b.kind === 'member') return a.memberId === b.memberId;
  if (a.kind === 'guest' && b.kind === 'guest') return a.name === b.name && (a.organisation ?? '') === (b.organisation ?? '');
  return false;
}

/** A new topic item goes last among the topics, just before the closing items ("Övriga frågor" by default). */
export function addItem(items: readonly DraftItem[], f: ItemFields): DraftItem[] {
  return insertBeforeOther(items, withFields({ key: `new-${++newKeys}`, title: '', kind: 'information', durationMin: 10, description: '', links: [] }, f));
}

export function updateItem(items: readonly DraftItem[], key: string, f: ItemFields): DraftItem[] {
  return items.map((i) => (i.key === key ? withFields(i, f) : i));
}

export function removeItem(items: readonly DraftItem[], key: string): DraftItem[] {
  return items.filter((i) => i.key !== key || !!i.standard);
}

/** Whether the topic item at `index` can move by `delta` (±1) without leaving the topics' slot. */
export function canMove(items: readonly DraftItem[], index: number, delta: -1 | 1): boolean {
  const item = items[index];
  const other = items[index + delta];
  return !!item && !isFixed(item) && !!other && !isFixed(other);
}

export function moveItem(items: readonly DraftItem[], index: number, delta: -1 | 1): DraftItem[] {
  if (!canMove(items, index, delta)) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  if (item) next.splice(index + delta, 0, item);
  return next;
}

/** Start and end of each item from the meeting's start, and the overrun past `end`: the domain's schedule, for the draft on the page. */
export function schedule(items: readonly DraftItem[], start: string, end: string | null): { times: { start: string; end: string }[]; overrunMin: number } {
  const planned = scheduleItems({ items }, start, end ?? undefined);
  if (!planned.ok) return { times: items.map(() => ({ start: '', end: '' })), overrunMin: 0 };
  return { times: planned.value.items.map((i) => ({ start: i.start, end: i.end })), overrunMin: planned.value.overrunMin };
}

function sameContent(a: DraftItem, b: DraftItem): boolean {
  return (
    a.title === b.title &&
    a.kind === b.kind &&
    a.durationMin === b.durationMin &&
    a.description === b.description &&
    samePresenter(a.presenter, b.presenter)
  );
}

export function sameDraft(a: readonly DraftItem[], b: readonly DraftItem[]): boolean {
  return a.length === b.length && a.every((item, n) => item.key === b[n]?.key && sameContent(item, b[n]));
}

/**
 * My edits (`mine`, made on `base`) put into someone else's newer version (`latest`): the items
 * I changed take my fields, the topic items I removed go, my new items go before "Övriga
 * frågor"; the latest order stands otherwise.
 */
export function reapply(base: readonly DraftItem[], mine: readonly DraftItem[], latest: readonly DraftItem[]): DraftItem[] {
  const baseById = new Map(base.flatMap((i) => (i.id ? [[i.id, i] as const] : [])));
  const mineById = new Map(mine.flatMap((i) => (i.id ? [[i.id, i] as const] : [])));
  let result: DraftItem[] = [];
  for (const item of latest) {
    const was = item.id ? baseById.get(item.id) : undefined;
    const now = item.id ? mineById.get(item.id) : undefined;
    if (was && !now && !item.standard) continue; // I removed it
    if (was && now && !sameContent(was, now)) {
      const { presenter: _theirs, ...rest } = item;
      result.push({ ...rest, ...fieldsOf(now) });
    } else {
      result.push(item);
    }
  }
  for (const item of mine) {
    if (item.id && baseById.has(item.id)) continue;
    const { id: _gone, ...fresh } = item; // new, or gone on the server: added again as new
    result = insertBeforeOther(result, { ...fresh, key: fresh.key.startsWith('new-') ? fresh.key : `new-${++newKeys}` });
  }
  return result;
}

function insertBeforeOther(items: readonly DraftItem[], item: DraftItem): DraftItem[] {
  const at = items.findIndex((i) => (i.standard ? STANDARD_PART[i.standard] : i.frame) === 'closing');
  const index = at < 0 ? items.length : at;
  return [...items.slice(0, index), item, ...items.slice(index)];
}

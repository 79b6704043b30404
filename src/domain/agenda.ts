import { LIMITS, normaliseTime } from './meeting';

/**
 * The agenda (dagordning) of one meeting: pure model and rules, no I/O.
 *
 * The standard frame. Every agenda holds the five standard items exactly once, in this order
 * of slots:
 *   1. Närvaro/deltagarlista  2. Föregående protokoll  3. topic items (any number, any order)
 *   4. Övriga frågor  5. Datum för nästa möte  6. Avslutning
 * Topic items move freely among themselves and never outside their slot; standard items never
 * move and cannot be removed. Standard items can be edited (title, presenter, duration, kind,
 * description, links), because networks word them differently ("Datum för vårens möten",
 * "Nästkommande möte"); what they are (`standard`) and where they stand cannot change.
 *
 * The network's template (agenda-template.ts) adds its own fixed items around the topics
 * (`frame`: "Mötets öppnande", "Val av justerare" before them, say). They open or close the
 * agenda like the standard items and never move into the topics, but a meeting may drop one.
 */

export const ITEM_KINDS = ['information', 'diskussion', 'beslut'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const STANDARD_ITEMS = ['attendance', 'previous-minutes', 'other-matters', 'next-meeting', 'closing'] as const;
export type StandardItem = (typeof STANDARD_ITEMS)[number];

export type Presenter =
  | { kind: 'member'; memberId: string; name: string }
  | { kind: 'guest'; name: string; organisation?: string };

export interface AgendaLink {
  title: string;
  url: string;
}

export interface AgendaItem {
  id: string;
  title: string;
  presenter?: Presenter;
  durationMin: number;
  kind: ItemKind;
  description: string;
  links: AgendaLink[];
  standard?: StandardItem;
  /** An item of the network's template that is not a standard item: where it stands, before or after the topics. */
  frame?: FramePart;
}

export type FramePart = 'opening' | 'closing';

export interface Agenda {
  tenantId: string;
  meetingId: string;
  /** How many times it has been published: 0 for a draft never published. */
  version: number;
  status: 'draft' | 'published';
  items: AgendaItem[];
  publishedAt?: string;
  /** What this published version changed against the one before. */
  changes?: AgendaChange[];
}

/** What a person fills in for an item; the id and the standard marker are not theirs to set. */
export interface AgendaItemDraft {
  title: string;
  presenter?: Presenter;
  durationMin: number;
  kind: ItemKind;
  description?: string;
  links?: AgendaLink[];
}

/** Fields to change; `presenter: null` removes the presenter. */
export type AgendaItemPatch = Partial<Omit<AgendaItemDraft, 'presenter'>> & { presenter?: Presenter | null };

export type AgendaChange =
  | { type: 'added'; itemId: string; title: string; number: number }
  | { type: 'removed'; itemId: string; title: string }
  | { type: 'moved'; itemId: string; title: string; from: number; to: number }
  | { type: 'retitled'; itemId: string; from: string; to: string }
  | { type: 'duration'; itemId: string; title: string; from: number; to: number }
  | { type: 'presenter'; itemId: string; title: string; from?: Presenter; to?: Presenter }
  | { type: 'kind'; itemId: string; title: string; from: ItemKind; to: ItemKind }
  | { type: 'description'; itemId: string; title: string }
  | { type: 'links'; itemId: string; title: string };

export const AGENDA_LIMITS = {
  title: 200,
  description: 4000,
  links: 10,
  linkTitle: 200,
  url: LIMITS.teamsLink,
  presenterName: LIMITS.name,
  minDurationMin: 1,
  maxDurationMin: 240,
  items: 40,
} as const;

/** Stable codes; each has a Swedish/English message in cards/agenda-strings. */
export type AgendaErrorCode =
  | 'title_required'
  | 'title_too_long'
  | 'description_too_long'
  | 'too_many_links'
  | 'link_not_https'
  | 'link_too_long'
  | 'presenter_name_required'
  | 'presenter_name_too_long'
  | 'duration_out_of_range'
  | 'invalid_kind'
  | 'too_many_items'
  | 'template_too_many_items'
  | 'item_not_found'
  | 'duplicate_item_id'
  | 'standard_item_fixed'
  | 'outside_frame'
  | 'frame_broken'
  | 'invalid_time';

export interface AgendaProblem {
  code: AgendaErrorCode;
  /** The item the problem is about, when there is one. */
  itemId?: string;
}

export type AgendaResult<T> = { ok: true; value: T } | { ok: false; problems: AgendaProblem[] };

const ok = <T>(value: T): AgendaResult<T> => ({ ok: true, value });
const fail = <T>(code: AgendaErrorCode, itemId?: string): AgendaResult<T> => ({
  ok: false,
  problems: [itemId === undefined ? { code } : { code, itemId }],
});

/** The stored Swedish titles of the standard items (content of the agenda, not UI text). */
export const STANDARD_TEMPLATE: Record<StandardItem, { title: string; durationMin: number; kind: ItemKind }> = {
  attendance: { title: 'Närvaro/deltagarlista', durationMin: 5, kind: 'information' },
  'previous-minutes': { title: 'Föregående protokoll', durationMin: 10, kind: 'information' },
  'other-matters': { title: 'Övriga frågor', durationMin: 10, kind: 'diskussion' },
  'next-meeting': { title: 'Datum för nästa möte', durationMin: 5, kind: 'beslut' },
  closing: { title: 'Avslutning', durationMin: 5, kind: 'information' },
};

/** Where each standard item stands: before the topics (opening) or after them (closing). */
export const STANDARD_PART: Record<StandardItem, FramePart> = {
  attendance: 'opening',
  'previous-minutes': 'opening',
  'other-matters': 'closing',
  'next-meeting': 'closing',
  closing: 'closing',
};

/** Slot of an item in the frame: 0 the opening items, 1 the topics, 2 the closing items. */
const TOPIC_SLOT = 1;
const PART_SLOT: Record<FramePart, number> = { opening: 0, closing: 2 };
const partOf = (item: Pick<AgendaItem, 'standard' | 'frame'>): FramePart | undefined => (item.standard ? STANDARD_PART[item.standard] : item.frame);
const slotOf = (item: AgendaItem): number => {
  const part = partOf(item);
  return part ? PART_SLOT[part] : TOPIC_SLOT;
};
/** Whether an item holds its place: a standard item, or one from the network's template. */
export const isFixed = (item: Pick<AgendaItem, 'standard' | 'frame'>): boolean => partOf(item) !== undefined;

/** One item of a template (see agenda-template.ts): what a new agenda starts with. */
export interface TemplateItem {
  id: string;
  title: string;
  durationMin: number;
  kind: ItemKind;
  description: string;
  standard?: StandardItem;
}

/** The items around the topics that every new agenda of a network starts with. */
export interface TemplateFrame {
  opening: readonly TemplateItem[];
  closing: readonly TemplateItem[];
}

const standardTemplateItem = (standard: StandardItem): TemplateItem => ({ id: standard, ...STANDARD_TEMPLATE[standard], description: '', standard });

/** The five standard items alone: the frame every agenda holds. */
export const STANDARD_FRAME: TemplateFrame = {
  opening: STANDARD_ITEMS.filter((s) => STANDARD_PART[s] === 'opening').map(standardTemplateItem),
  closing: STANDARD_ITEMS.filter((s) => STANDARD_PART[s] === 'closing').map(standardTemplateItem),
};

/**
 * A new draft agenda from a template (the standard frame alone when none is given): its items
 * with new ids, topics to come between its opening and closing items.
 */
export function templateAgenda(ref: { tenantId: string; meetingId: string }, ids: () => string, template: TemplateFrame = STANDARD_FRAME): Agenda {
  const itemOf = (t: TemplateItem, part: FramePart): AgendaItem => ({
    id: ids(),
    title: t.title,
    durationMin: t.durationMin,
    kind: t.kind,
    description: t.description,
    links: [],
    ...(t.standard ? { standard: t.standard } : { frame: part }),
  });
  return {
    tenantId: ref.tenantId,
    meetingId: ref.meetingId,
    version: 0,
    status: 'draft',
    items: [...template.opening.map((t) => itemOf(t, 'opening')), ...template.closing.map((t) => itemOf(t, 'closing'))],
  };
}

/**
 * Adds a topic item at the end of the topics (just before "Övriga frågor"). The id is minted
 * by the caller (e.g. into the form), so a retried submit finds `duplicate_item_id`.
 */
export function addItem(agenda: Agenda, id: string, draft: AgendaItemDraft): AgendaResult<Agenda> {
  if (agenda.items.some((i) => i.id === id)) return fail('duplicate_item_id', id);
  if (agenda.items.length >= AGENDA_LIMITS.items) return fail('too_many_items');
  const { title, durationMin, kind, description = '', links = [], presenter } = draft;
  // Field by field: a draft from outside cannot bring its own `standard` marker along.
  const item = normaliseItem({ id, title, durationMin, kind, description, links, ...(presenter ? { presenter } : {}) });
  const problems = itemProblems(item);
  if (problems.length > 0) return { ok: false, problems };
  const at = agenda.items.findIndex((i) => slotOf(i) > TOPIC_SLOT);
  const items = [...agenda.items];
  items.splice(at === -1 ? items.length : at, 0, item);
  return ok({ ...agenda, items });
}

/** Changes an item's fields; standard items keep their marker and place. */
export function updateItem(agenda: Agenda, itemId: string, patch: AgendaItemPatch): AgendaResult<Agenda> {
  const current = agenda.items.find((i) => i.id === itemId);
  if (!current) return fail('item_not_found', itemId);
  const { title, durationMin, kind, description, links, presenter } = patch;
  const merged: AgendaItem = { ...current, ...definedOnly({ title, durationMin, kind, description, links }) };
  if (presenter === null) delete merged.presenter;
  else if (presenter !== undefined) merged.presenter = presenter;
  const item = normaliseItem(merged);
  const problems = itemProblems(item);
  if (problems.length > 0) return { ok: false, problems };
  return ok({ ...agenda, items: agenda.items.map((i) => (i.id === itemId ? item : i)) });
}

/** Removes a topic item; standard items cannot be removed. */
export function removeItem(agenda: Agenda, itemId: string): AgendaResult<Agenda> {
  const item = agenda.items.find((i) => i.id === itemId);
  if (!item) return fail('item_not_found', itemId);
  if (item.standard) return fail('standard_item_fixed', itemId);
  // A template item that is no standard item may be left out of one meeting's agenda.
  return ok({ ...agenda, items: agenda.items.filter((i) => i.id !== itemId) });
}

/**
 * Moves a topic item so that it stands at `toIndex` (0-based, in the whole list) afterwards.
 * Only topic items move, and only to an index that topic items hold: between "Föregående
 * protokoll" and "Övriga frågor". Anything else is `standard_item_fixed` or `outside_frame`.
 */
export function moveItem(agenda: Agenda, itemId: string, toIndex: number): AgendaResult<Agenda> {
  const from = agenda.items.findIndex((i) => i.id === itemId);
  const item = agenda.items[from];
  if (!item) return fail('item_not_found', itemId);
  if (isFixed(item)) return fail('standard_item_fixed', itemId);
  const topicIndexes = agenda.items.flatMap((i, n) => (isFixed(i) ? [] : [n]));
  const first = topicIndexes[0] ?? from;
  const last = topicIndexes[topicIndexes.length - 1] ?? from;
  if (!Number.isInteger(toIndex) || toIndex < first || toIndex > last) return fail('outside_frame', itemId);
  const items = agenda.items.filter((i) => i.id !== itemId);
  items.splice(toIndex, 0, item);
  return ok({ ...agenda, items });
}

/** Every problem of one item against the limits. */
export function itemProblems(item: AgendaItem): AgendaProblem[] {
  const codes: AgendaErrorCode[] = [];
  if (!item.title.trim()) codes.push('title_required');
  else if (item.title.length > AGENDA_LIMITS.title) codes.push('title_too_long');
  if (item.description.length > AGENDA_LIMITS.description) codes.push('description_too_long');
  if (!Number.isInteger(item.durationMin) || item.durationMin < AGENDA_LIMITS.minDurationMin || item.durationMin > AGENDA_LIMITS.maxDurationMin) {
    codes.push('duration_out_of_range');
  }
  if (!(ITEM_KINDS as readonly string[]).includes(item.kind)) codes.push('invalid_kind');
  if (item.presenter) {
    const names = [item.presenter.name, ...(item.presenter.kind === 'guest' && item.presenter.organisation ? [item.presenter.organisation] : [])];
    if (!item.presenter.name.trim()) codes.push('presenter_name_required');
    else if (names.some((n) => n.length > AGENDA_LIMITS.presenterName)) codes.push('presenter_name_too_long');
  }
  if (item.links.length > AGENDA_LIMITS.links) codes.push('too_many_links');
  if (item.links.some((l) => l.url.length > AGENDA_LIMITS.url || l.title.length > AGENDA_LIMITS.linkTitle)) codes.push('link_too_long');
  else if (item.links.some((l) => !isHttps(l.url))) codes.push('link_not_https');
  return codes.map((code) => ({ code, itemId: item.id }));
}

/** Every problem of a whole agenda: its items, their number, unique ids and the frame. */
export function agendaProblems(agenda: Agenda): AgendaProblem[] {
  const problems = agenda.items.flatMap(itemProblems);
  if (agenda.items.length > AGENDA_LIMITS.items) problems.push({ code: 'too_many_items' });
  const ids = new Set<string>();
  for (const item of agenda.items) {
    if (ids.has(item.id)) problems.push({ code: 'duplicate_item_id', itemId: item.id });
    ids.add(item.id);
  }
  const inOrder = agenda.items.every((item, n) => n === 0 || slotOf(agenda.items[n - 1]) <= slotOf(item));
  if (!standardsInOrder(agenda.items) || !inOrder) problems.push({ code: 'frame_broken' });
  return problems;
}

/** Each of the five standard items exactly once, in their order. */
export function standardsInOrder(items: readonly Pick<AgendaItem, 'standard'>[]): boolean {
  const standards = items.flatMap((i) => (i.standard ? [i.standard] : []));
  return standards.length === STANDARD_ITEMS.length && standards.every((s, n) => s === STANDARD_ITEMS[n]);
}

/**
 * Publishes the agenda: a new version with the time and, against the version published
 * before (if any), what changed. Publishing again with nothing changed returns it as it is.
 */
export function publishAgenda(agenda: Agenda, at: string, previous?: Agenda): AgendaResult<Agenda> {
  const problems = agendaProblems(agenda);
  if (problems.length > 0) return { ok: false, problems };
  const changes = previous ? diffAgendas(previous, agenda) : [];
  if (previous && agenda.status === 'published' && changes.length === 0) return ok(agenda);
  const { changes: _old, ...rest } = agenda;
  return ok({ ...rest, status: 'published', version: agenda.version + 1, publishedAt: at, ...(previous ? { changes } : {}) });
}

export interface ScheduledItem<I = AgendaItem> {
  item: I;
  /** 1-based number as printed on the agenda. */
  number: number;
  start: string;
  end: string;
}

export interface AgendaSchedule<I = AgendaItem> {
  items: ScheduledItem<I>[];
  /** When the last item ends (HH:MM; past midnight wraps around). */
  end: string;
  totalMin: number;
  /** Minutes the agenda runs past the meeting's end; 0 when it fits or no end was given. */
  overrunMin: number;
}

/** Start and end times of each item, from the meeting's start; `overrunMin` against its end. */
export function scheduleItems<I extends Pick<AgendaItem, 'durationMin'> = AgendaItem>(
  agenda: { items: readonly I[] },
  start: string,
  meetingEnd?: string,
): AgendaResult<AgendaSchedule<I>> {
  const from = minutesOf(start);
  const until = meetingEnd === undefined ? undefined : minutesOf(meetingEnd);
  if (from === undefined || (meetingEnd !== undefined && until === undefined)) return fail('invalid_time');
  let at = from;
  const items = agenda.items.map((item, n) => {
    const begins = at;
    at += item.durationMin;
    return { item, number: n + 1, start: clock(begins), end: clock(at) };
  });
  // An end before the start means the meeting runs past midnight.
  const endAt = until === undefined ? undefined : until <= from ? until + 24 * 60 : until;
  return ok({ items, end: clock(at), totalMin: at - from, overrunMin: endAt === undefined ? 0 : Math.max(0, at - endAt) });
}

/** What changed from one published version to the next, in the order of the new agenda. */
export function diffAgendas(before: Agenda, after: Agenda): AgendaChange[] {
  const old = new Map(before.items.map((item, n) => [item.id, { item, n }]));
  const kept = new Set(after.items.filter((i) => old.has(i.id)).map((i) => i.id));
  const stayed = inPlace(after.items.filter((i) => kept.has(i.id)).map((i) => old.get(i.id)?.n ?? 0));
  const changes: AgendaChange[] = before.items
    .filter((i) => !after.items.some((a) => a.id === i.id))
    .map((i) => ({ type: 'removed', itemId: i.id, title: i.title }));
  let keptIndex = 0;
  after.items.forEach((item, n) => {
    const was = old.get(item.id);
    if (!was) {
      changes.push({ type: 'added', itemId: item.id, title: item.title, number: n + 1 });
      return;
    }
    const { title, id: itemId } = item;
    if (!stayed.has(keptIndex++)) changes.push({ type: 'moved', itemId, title, from: was.n + 1, to: n + 1 });
    changes.push(...itemChanges(was.item, item));
  });
  return changes;
}

function itemChanges(a: AgendaItem, b: AgendaItem): AgendaChange[] {
  const { title, id: itemId } = b;
  const changes: AgendaChange[] = [];
  if (a.title !== b.title) changes.push({ type: 'retitled', itemId, from: a.title, to: b.title });
  if (a.durationMin !== b.durationMin) changes.push({ type: 'duration', itemId, title, from: a.durationMin, to: b.durationMin });
  if (!samePresenter(a.presenter, b.presenter)) {
    changes.push({ type: 'presenter', itemId, title, ...(a.presenter ? { from: a.presenter } : {}), ...(b.presenter ? { to: b.presenter } : {}) });
  }
  if (a.kind !== b.kind) changes.push({ type: 'kind', itemId, title, from: a.kind, to: b.kind });
  if (a.description !== b.description) changes.push({ type: 'description', itemId, title });
  if (JSON.stringify(a.links) !== JSON.stringify(b.links)) changes.push({ type: 'links', itemId, title });
  return changes;
}

function samePresenter(a: Presenter | undefined, b: Presenter | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'member' && b.kind === 'member') return a.memberId === b.memberId && a.name === b.name;
  if (a.kind === 'guest' && b.kind === 'guest') return a.name === b.name && (a.organisation ?? '') === (b.organisation ?? '');
  return false;
}

/**
 * Positions (in `order`) of the items that did not move: a longest increasing run of their
 * old indexes. Everything else counts as moved, so inserting one item reports one change,
 * not a shift of every item after it.
 */
function inPlace(order: readonly number[]): Set<number> {
  const length = order.map(() => 1);
  const prev = order.map(() => -1);
  order.forEach((v, i) => {
    for (let j = 0; j < i; j++) {
      if (order[j] < v && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        prev[i] = j;
      }
    }
  });
  const keep = new Set<number>();
  for (let at = length.indexOf(Math.max(0, ...length)); at >= 0; at = prev[at]) keep.add(at);
  return keep;
}

function normaliseItem(item: AgendaItem): AgendaItem {
  const presenter = item.presenter && normalisePresenter(item.presenter);
  const { presenter: _p, ...rest } = item;
  return {
    ...rest,
    title: oneLine(item.title),
    description: item.description.replace(/\r\n?/g, '\n').trim(),
    links: item.links.map((l) => ({ title: oneLine(l.title), url: l.url.trim() })),
    ...(presenter ? { presenter } : {}),
  };
}

function normalisePresenter(p: Presenter): Presenter {
  if (p.kind === 'member') return { kind: 'member', memberId: p.memberId, name: oneLine(p.name) };
  const organisation = p.organisation === undefined ? '' : oneLine(p.organisation);
  return { kind: 'guest', name: oneLine(p.name), ...(organisation ? { organisation } : {}) };
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function isHttps(url: string): boolean {
  return URL.canParse(url) && new URL(url).protocol === 'https:';
}

function minutesOf(time: string): number | undefined {
  const t = normaliseTime(time);
  if (!t) return undefined;
  const [h, m] = t.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function clock(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

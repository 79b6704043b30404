import type { TemplateSaveRequest } from '../../../contract/routes';
import type { AgendaTemplateResponse, ApiTemplateItem } from '../../../http/api-contract';
import type { ItemFields } from './agenda-draft';

/**
 * The template editor's local copy: pure functions, no React. Items keep a local `key`; the
 * standard items never move or go, the others move within their part (opening or closing).
 */
export type TemplatePart = 'opening' | 'closing';
export type TemplateDraftItem = Omit<ApiTemplateItem, 'id'> & { key: string; id?: string };
export type TemplateDraft = Record<TemplatePart, TemplateDraftItem[]>;

let newKeys = 0;

export function templateDraftFrom(t: Pick<AgendaTemplateResponse, 'opening' | 'closing'>): TemplateDraft {
  const part = (items: readonly ApiTemplateItem[]): TemplateDraftItem[] => items.map((i) => ({ ...i, key: i.id }));
  return { opening: part(t.opening), closing: part(t.closing) };
}

export function templateSaveRequest(d: TemplateDraft): TemplateSaveRequest {
  const part = (items: readonly TemplateDraftItem[]): TemplateSaveRequest['opening'] =>
    items.map(({ key: _key, ...i }) => ({ ...i }));
  return { opening: part(d.opening), closing: part(d.closing) };
}

const fields = (f: ItemFields): Pick<TemplateDraftItem, 'title' | 'kind' | 'durationMin' | 'description'> => ({
  title: f.title.trim(),
  kind: f.kind,
  durationMin: f.durationMin,
  description: f.description,
});

/** A new item last in its part (last of the opening items: just before the meeting's own items). */
export function addTemplateItem(d: TemplateDraft, part: TemplatePart, f: ItemFields): TemplateDraft {
  const item: TemplateDraftItem = { key: `new-${++newKeys}`, ...fields(f) };
  // A closing item goes first among the closing items, where the meeting's own items end.
  return { ...d, [part]: part === 'opening' ? [...d.opening, item] : [item, ...d.closing] };
}

export function updateTemplateItem(d: TemplateDraft, key: string, f: ItemFields): TemplateDraft {
  const change = (items: TemplateDraftItem[]): TemplateDraftItem[] => items.map((i) => (i.key === key ? { ...i, ...fields(f) } : i));
  return { opening: change(d.opening), closing: change(d.closing) };
}

export function removeTemplateItem(d: TemplateDraft, key: string): TemplateDraft {
  const keep = (items: TemplateDraftItem[]): TemplateDraftItem[] => items.filter((i) => i.key !== key || !!i.standard);
  return { opening: keep(d.opening), closing: keep(d.closing) };
}

/** Whether the item at `index` of `part` can move by `delta`: only items that are not standard, within their part. */
export function canMoveTemplateItem(d: TemplateDraft, part: TemplatePart, index: number, delta: -1 | 1): boolean {
  return !!d[part][index] && !d[part][index]?.standard && !!d[part][index + delta];
}

export function moveTemplateItem(d: TemplateDraft, part: TemplatePart, index: number, delta: -1 | 1): TemplateDraft {
  if (!canMoveTemplateItem(d, part, index, delta)) return d;
  const items = [...d[part]];
  const [item] = items.splice(index, 1);
  if (item) items.splice(index + delta, 0, item);
  return { ...d, [part]: items };
}

export function sameTemplate(a: TemplateDraft, b: TemplateDraft): boolean {
  const same = (x: readonly TemplateDraftItem[], y: readonly TemplateDraftItem[]): boolean =>
    x.length === y.length &&
    x.every((i, n) => {
      const o = y[n];
      return !!o && i.key === o.key && sameItem(i, o);
    });
  return same(a.opening, b.opening) && same(a.closing, b.closing);
}

function sameItem(a: TemplateDraftItem, b: TemplateDraftItem): boolean {
  return a.title === b.title && a.kind === b.kind && a.durationMin === b.durationMin && a.description === b.description;
}

const PARTS: readonly TemplatePart[] = ['opening', 'closing'];

/**
 * My edits (`mine`, made on `base`) put into someone else's newer template (`latest`), item by
 * id in each part: the items I changed take my fields, the items I removed go (standard items
 * stay), my new items are added where a new item goes (last of the opening items, first of the
 * closing items); the latest order and everything else of theirs stands. An item I changed that
 * they removed stays removed.
 */
export function reapplyTemplate(base: TemplateDraft, mine: TemplateDraft, latest: TemplateDraft): TemplateDraft {
  const byId = (d: TemplateDraft): Map<string, TemplateDraftItem> =>
    new Map(PARTS.flatMap((p) => d[p].flatMap((i) => (i.id ? [[i.id, i] as const] : []))));
  const baseById = byId(base);
  const mineById = byId(mine);
  const merged = (part: TemplatePart): TemplateDraftItem[] => {
    const kept: TemplateDraftItem[] = [];
    for (const item of latest[part]) {
      const was = item.id ? baseById.get(item.id) : undefined;
      const now = item.id ? mineById.get(item.id) : undefined;
      if (was && !now && !item.standard) continue; // I removed it
      kept.push(was && now && !sameItem(was, now) ? { ...item, title: now.title, kind: now.kind, durationMin: now.durationMin, description: now.description } : item);
    }
    const added = mine[part]
      .filter((i) => !(i.id && baseById.has(i.id)))
      .map(({ id: _gone, ...fresh }): TemplateDraftItem => ({ ...fresh, key: fresh.key.startsWith('new-') ? fresh.key : `new-${++newKeys}` }));
    return part === 'opening' ? [...kept, ...added] : [...added, ...kept];
  };
  return { opening: merged('opening'), closing: merged('closing') };
}

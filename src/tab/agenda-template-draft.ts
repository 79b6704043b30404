import type { TemplateSaveRequest } from '../contract/routes';
import type { AgendaTemplateResponse, ApiTemplateItem } from '../http/api-contract';
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
      return !!o && i.key === o.key && i.title === o.title && i.kind === o.kind && i.durationMin === o.durationMin && i.description === o.description;
    });
  return same(a.opening, b.opening) && same(a.closing, b.closing);
}

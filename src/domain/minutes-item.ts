import type { MinutesItem } from './minutes-model';

/** An item with nothing written yet: one home for its empty fields (the agenda's items, the tab's new item). Bundled by the tab. */
export function blankItem(id: string, title: string, extra: Partial<Omit<MinutesItem, 'id' | 'title'>> = {}): MinutesItem {
  return { id, kind: 'item', title, presenters: [], notes: '', questions: [], responses: [], decisions: [], actions: [], tabled: false, ...extra };
}

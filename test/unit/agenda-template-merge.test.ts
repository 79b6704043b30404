import { draftReducer, initialDraftState, type DraftModel, type DraftState } from '../../src/tab/shared/versioned-draft';
import {
  addTemplateItem,
  reapplyTemplate,
  removeTemplateItem,
  sameTemplate,
  templateDraftFrom,
  updateTemplateItem,
  type TemplateDraft,
} from '../../src/tab/features/agenda/agenda-template-draft';
import type { ApiTemplateItem } from '../../src/http/api-contract';

const item = (id: string, title: string, extra: Partial<ApiTemplateItem> = {}): ApiTemplateItem => ({ id, title, durationMin: 5, kind: 'information', description: '', ...extra });
const server = {
  opening: [item('o1', 'Mötets öppnande'), item('o2', 'Val av justerare'), item('att', 'Närvaro', { standard: 'attendance' })],
  closing: [item('om', 'Övriga frågor', { standard: 'other-matters' }), item('c1', 'Avslutning', { standard: 'closing' })],
};
const base = templateDraftFrom(server);
const titles = (d: TemplateDraft): { opening: string[]; closing: string[] } => ({ opening: d.opening.map((i) => i.title), closing: d.closing.map((i) => i.title) });
const fields = (title: string, durationMin = 5): { title: string; kind: 'information'; durationMin: number; description: string } => ({ title, kind: 'information', durationMin, description: '' });

describe("the template editor's merge of my unsaved edits into a newer template", () => {
  test('with no edits of mine, theirs stands as it is', () => {
    const theirs = templateDraftFrom({ ...server, opening: [item('o0', 'Incheckning'), ...server.opening] });
    expect(sameTemplate(reapplyTemplate(base, base, theirs), theirs)).toBe(true);
  });

  test('the fields I changed win over theirs; the items I did not change keep their version', () => {
    const mine = updateTemplateItem(base, 'o1', fields('Välkommen', 10));
    const theirs = templateDraftFrom({ ...server, opening: [item('o1', 'Öppnande'), item('o2', 'Val av två justerare'), server.opening[2] as ApiTemplateItem] });
    const merged = reapplyTemplate(base, mine, theirs);
    expect(merged.opening.map((i) => [i.id, i.title, i.durationMin])).toEqual([
      ['o1', 'Välkommen', 10],
      ['o2', 'Val av två justerare', 5],
      ['att', 'Närvaro', 5],
    ]);
  });

  test('my new items are added where new items go: last of the opening items, first of the closing items', () => {
    const mine = addTemplateItem(addTemplateItem(base, 'opening', fields('Incheckning')), 'closing', fields('Laget runt'));
    const theirs = templateDraftFrom({ opening: [...server.opening, item('o3', 'Deras punkt')], closing: server.closing });
    const merged = reapplyTemplate(base, mine, theirs);
    expect(titles(merged)).toEqual({
      opening: ['Mötets öppnande', 'Val av justerare', 'Närvaro', 'Deras punkt', 'Incheckning'],
      closing: ['Laget runt', 'Övriga frågor', 'Avslutning'],
    });
    const added = merged.opening[4];
    expect(added?.id).toBeUndefined();
    expect(added?.key).toMatch(/^new-/);
  });

  test('items I removed go, the standard items stay, and their items stay', () => {
    const mine = removeTemplateItem(base, 'o2');
    const theirs = templateDraftFrom({ opening: [...server.opening, item('o3', 'Deras punkt')], closing: server.closing });
    expect(titles(reapplyTemplate(base, mine, theirs)).opening).toEqual(['Mötets öppnande', 'Närvaro', 'Deras punkt']);
    // A standard item missing from my copy (it cannot be removed on the page) is not taken out of theirs.
    const noAttendance = { ...base, opening: base.opening.filter((i) => i.id !== 'att') };
    expect(titles(reapplyTemplate(base, noAttendance, theirs)).opening).toContain('Närvaro');
  });

  test('an item they removed stays removed, even if I changed it; the latest order stands', () => {
    const mine = updateTemplateItem(base, 'o2', fields('Val av en justerare'));
    const theirs = templateDraftFrom({ opening: [server.opening[2] as ApiTemplateItem, server.opening[0] as ApiTemplateItem], closing: server.closing });
    expect(titles(reapplyTemplate(base, mine, theirs)).opening).toEqual(['Närvaro', 'Mötets öppnande']);
  });

  test('through the draft state machine: a conflict keeps my edits aside, and reapplying merges them into the latest', () => {
    type S = { etag: string; opening: ApiTemplateItem[]; closing: ApiTemplateItem[] };
    const model: DraftModel<S, TemplateDraft> = { draftOf: templateDraftFrom, same: sameTemplate, merge: reapplyTemplate };
    const step = (state: DraftState<S, TemplateDraft>, ...actions: Parameters<typeof draftReducer<S, TemplateDraft>>[2][]): DraftState<S, TemplateDraft> =>
      actions.reduce((s, a) => draftReducer(model, s, a), state);
    const mine = addTemplateItem(base, 'opening', fields('Incheckning'));
    const latest: S = { etag: '2', opening: [...server.opening, item('o3', 'Deras punkt')], closing: server.closing };
    let state = step(initialDraftState<S, TemplateDraft>(), { type: 'loaded', server: { etag: '1', ...server } }, { type: 'edited', draft: mine });
    state = step(state, { type: 'failed', problem: { kind: 'conflict', detail: 'x' }, sent: mine, from: 'save', autosave: false });
    state = step(state, { type: 'loaded', server: latest }, { type: 'kept', base, mine });
    expect(state.recovery?.mine).toBe(mine);
    expect(titles(state.draft as TemplateDraft).opening).not.toContain('Incheckning');
    state = step(state, { type: 'reapplied', note: 'inlagda' });
    expect(state.recovery).toBeNull();
    expect(titles(state.draft as TemplateDraft).opening).toEqual(['Mötets öppnande', 'Val av justerare', 'Närvaro', 'Deras punkt', 'Incheckning']);
  });
});

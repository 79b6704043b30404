import { draftReducer, initialDraftState, isDirty, shouldAutosave, type DraftAction, type DraftModel, type DraftState } from '../../src/tab/shared/versioned-draft';

/** The tab's versioned-draft state machine (autosave, If-Match, save state, conflict merge), as a pure reducer. */
interface Server {
  etag: string;
  text: string[];
}
type Draft = string[];

// A tiny domain: lines of text; the merge keeps the latest's lines and adds mine that are new.
const model: DraftModel<Server, Draft> = {
  draftOf: (s) => [...s.text],
  same: (a, b) => a.join('\n') === b.join('\n'),
  merge: (base, mine, latest) => [...latest, ...mine.filter((l) => !base.includes(l) && !latest.includes(l))],
};
const run = (actions: DraftAction<Server, Draft>[], from: DraftState<Server, Draft> = initialDraftState()): DraftState<Server, Draft> =>
  actions.reduce((s, a) => draftReducer(model, s, a), from);
const v1: Server = { etag: '"1"', text: ['a'] };
const v2: Server = { etag: '"2"', text: ['a', 'theirs'] };
const loaded = run([{ type: 'loaded', server: v1 }]);

describe('versioned draft', () => {
  test('loading gives the server version as the draft; an edit makes it dirty and clears the note', () => {
    expect(loaded.load).toEqual({ state: 'ok' });
    expect(loaded.draft).toEqual(['a']);
    expect(isDirty(model, loaded)).toBe(false);
    const edited = run([{ type: 'note', note: 'Sparat' }, { type: 'edited', draft: ['a', 'b'] }], loaded);
    expect(isDirty(model, edited)).toBe(true);
    expect(edited.note).toBeNull();
    expect(run([{ type: 'discarded' }], edited).draft).toEqual(['a']);
  });

  test('a save answered while more was typed keeps the newer draft (autosave), or takes the server copy (button)', () => {
    const typing = run([{ type: 'edited', draft: ['a', 'b', 'c'] }], loaded);
    const saved = { etag: '"2"', text: ['a', 'b'] };
    const kept = run([{ type: 'saved', server: saved, sent: ['a', 'b'], keepNewer: true }], typing);
    expect(kept.draft).toEqual(['a', 'b', 'c']);
    expect(isDirty(model, kept)).toBe(true);
    const replaced = run([{ type: 'saved', server: saved, sent: ['a', 'b'], keepNewer: false }], typing);
    expect(replaced.draft).toEqual(['a', 'b']);
    expect(isDirty(model, replaced)).toBe(false);
  });

  test('a refused autosave is not sent again until the draft changes, and its problem goes when the draft is back to the server copy', () => {
    const edited = run([{ type: 'edited', draft: ['a', 'bad'] }], loaded);
    expect(shouldAutosave(model, edited)).toBe(true);
    expect(shouldAutosave(model, run([{ type: 'busy', busy: 'save' }], edited))).toBe(false);
    const refused = run([{ type: 'failed', problem: { kind: 'invalid', detail: 'Fel', errors: [] }, sent: ['a', 'bad'], from: 'save', autosave: true }], edited);
    expect(refused.judged).toEqual({ sent: ['a', 'bad'], from: 'save' });
    expect(shouldAutosave(model, refused)).toBe(false);
    expect(shouldAutosave(model, run([{ type: 'edited', draft: ['a', 'good'] }], refused))).toBe(true);
    const back = run([{ type: 'edited', draft: ['a'] }], refused);
    expect(back.problem).toBeNull();
    expect(back.judged).toBeNull();
  });

  test('a refused action (send) stays shown when the draft is the server copy', () => {
    const refused = run([{ type: 'failed', problem: { kind: 'invalid', detail: 'Fel', errors: [] }, sent: ['a'], from: 'action', autosave: false }], loaded);
    expect(run([{ type: 'edited', draft: ['a'] }], refused).problem).not.toBeNull();
    expect(refused.rejected).toBeNull();
  });

  test('after a conflict my edits are kept beside the latest version and merged only on request', () => {
    const mine = run([{ type: 'edited', draft: ['a', 'mine'] }], loaded);
    const conflict = run([{ type: 'failed', problem: { kind: 'conflict', detail: 'Någon sparade först' }, sent: ['a', 'mine'], from: 'save', autosave: true }], mine);
    expect(conflict.problem?.kind).toBe('conflict');
    const latest = run([{ type: 'loaded', server: v2 }, { type: 'kept', base: ['a'], mine: ['a', 'mine'] }], conflict);
    expect(latest.draft).toEqual(['a', 'theirs']);
    expect(latest.recovery).toEqual({ base: ['a'], mine: ['a', 'mine'] });
    const merged = run([{ type: 'reapplied', note: 'Infört' }], latest);
    expect(merged.draft).toEqual(['a', 'theirs', 'mine']);
    expect(merged).toMatchObject({ recovery: null, problem: null, note: 'Infört' });
    expect(isDirty(model, merged)).toBe(true);
    expect(run([{ type: 'dropped' }], latest)).toMatchObject({ recovery: null, draft: ['a', 'theirs'] });
  });

  test('nothing is kept aside when I had no unsaved edits', () => {
    expect(run([{ type: 'loaded', server: v2 }, { type: 'kept', base: ['a'], mine: ['a'] }], loaded).recovery).toBeNull();
  });
});

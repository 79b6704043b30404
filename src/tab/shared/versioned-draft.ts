import type { Problem } from '../../http/api-contract';

/** Why a save (or publish, or send) under If-Match failed: someone saved first, the content was refused, or anything else. */
export type SaveProblem =
  | { kind: 'conflict'; detail: string }
  | { kind: 'invalid'; detail: string; errors: NonNullable<Problem['errors']> }
  | { kind: 'error'; error: unknown };

/**
 * The state machine of a draft saved under If-Match (the agenda, the minutes, the agenda
 * template): pure, no React, so it is tested without a browser. `S` is what the server gives
 * (with its etag), `D` the page's editable copy of it.
 */
export interface DraftModel<S, D> {
  /** The editable copy of what the server holds. */
  draftOf(server: S): D;
  /** Whether two drafts say the same (nothing to save). */
  same(a: D, b: D): boolean;
  /** My edits (`mine`, made on `base`) put into the newer `latest`: the domain's three-way merge. */
  merge(base: D, mine: D, latest: D): D;
}

export type Busy = 'save' | (string & {});

export interface DraftState<S, D> {
  load: { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ok' };
  server: S | null;
  draft: D | null;
  /** A save, or another action under the etag (publish, send), under way. */
  busy: Busy | null;
  problem: SaveProblem | null;
  /** For an invalid save or action: the draft the server judged (to find each problem's field), and which it was. */
  judged: { sent: D; from: 'save' | 'action' } | null;
  /** A draft the server refused (400) in an autosave: not sent again until it changes. */
  rejected: D | null;
  /** My unsaved edits, kept aside when the page took a newer version: nothing is lost or merged silently. */
  recovery: { base: D; mine: D } | null;
  /** What just happened ("Sparat", "Publicerad"), until the next edit. */
  note: string | null;
}

export type DraftAction<S, D> =
  | { type: 'loading' }
  | { type: 'loaded'; server: S }
  | { type: 'load-failed'; error: unknown }
  | { type: 'edited'; draft: D }
  | { type: 'discarded' }
  | { type: 'busy'; busy: Busy | null }
  /** A save (of `sent`) or an action came back with the server's new version; `keepNewer`: edits typed meanwhile stay. */
  | { type: 'saved'; server: S; sent: D | null; keepNewer: boolean }
  | { type: 'failed'; problem: SaveProblem; sent: D; from: 'save' | 'action'; autosave: boolean }
  | { type: 'problem'; problem: SaveProblem | null }
  | { type: 'kept'; base: D; mine: D }
  | { type: 'reapplied'; note: string | null }
  | { type: 'dropped' }
  | { type: 'note'; note: string | null };

export function initialDraftState<S, D>(): DraftState<S, D> {
  return { load: { state: 'loading' }, server: null, draft: null, busy: null, problem: null, judged: null, rejected: null, recovery: null, note: null };
}

/** Whether the draft differs from the server's version. */
export function isDirty<S, D>(model: DraftModel<S, D>, state: DraftState<S, D>): boolean {
  return !!state.server && state.draft !== null && !model.same(state.draft, model.draftOf(state.server));
}

/** Whether an autosave should send the draft now: it differs, no save runs, and the server did not refuse this very draft. */
export function shouldAutosave<S, D>(model: DraftModel<S, D>, state: DraftState<S, D>): boolean {
  return isDirty(model, state) && state.busy !== 'save' && !(state.rejected !== null && state.draft !== null && model.same(state.draft, state.rejected));
}

export function draftReducer<S, D>(model: DraftModel<S, D>, state: DraftState<S, D>, action: DraftAction<S, D>): DraftState<S, D> {
  switch (action.type) {
    case 'loading':
      return { ...state, load: { state: 'loading' } };
    case 'loaded': {
      const next = { ...state, load: { state: 'ok' } as const, server: action.server, draft: model.draftOf(action.server) };
      return state.judged?.from === 'save' ? { ...next, problem: null, judged: null } : next;
    }
    case 'load-failed':
      return { ...state, load: { state: 'error', error: action.error } };
    case 'edited': {
      const next = { ...state, draft: action.draft, note: null };
      // Back to what the server holds after a refused save: nothing is left unsaved, nor refused.
      return state.judged?.from === 'save' && !isDirty(model, next) ? { ...next, problem: null, judged: null } : next;
    }
    case 'discarded':
      return state.server ? { ...state, draft: model.draftOf(state.server), problem: null, judged: null } : state;
    case 'busy':
      return { ...state, busy: action.busy };
    case 'saved': {
      const typedOn = action.keepNewer && action.sent !== null && state.draft !== null && !model.same(state.draft, action.sent);
      return { ...state, server: action.server, draft: typedOn ? state.draft : model.draftOf(action.server), problem: null, judged: null };
    }
    case 'failed':
      return {
        ...state,
        problem: action.problem,
        judged: action.problem.kind === 'invalid' ? { sent: action.sent, from: action.from } : null,
        ...(action.autosave && action.problem.kind === 'invalid' ? { rejected: action.sent } : {}),
      };
    case 'problem':
      return { ...state, problem: action.problem, judged: null };
    case 'kept':
      return model.same(action.mine, action.base) ? state : { ...state, recovery: { base: action.base, mine: action.mine } };
    case 'reapplied':
      if (!state.recovery || state.draft === null) return state;
      return { ...state, draft: model.merge(state.recovery.base, state.recovery.mine, state.draft), recovery: null, problem: null, judged: null, note: action.note };
    case 'dropped':
      return { ...state, recovery: null, problem: null, judged: null };
    case 'note':
      return { ...state, note: action.note };
  }
}

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { saveProblemOf } from './save-problem';
import { draftReducer, initialDraftState, isDirty, shouldAutosave, type Busy, type DraftAction, type DraftModel, type DraftState, type SaveProblem } from './versioned-draft';

export interface VersionedDraftOptions<S, D> extends DraftModel<S, D> {
  /** The server's current version. */
  load(): Promise<S>;
  /** Saves `draft` made on `server` (If-Match: its etag); the server's new version. */
  save(draft: D, server: S): Promise<S>;
  /** The conflict's text when the server gives none. */
  conflictFallback: string;
  /**
   * Autosave this long after the last edit (and when `save` is called, e.g. on leaving a field):
   * edits typed while a save runs stay, a refused draft is not sent again until it changes, and
   * the browser asks before the page is left with edits not yet saved. Without it, `save` is a button.
   */
  autosaveMs?: number;
  /** Whether a conflict (412) takes the latest version at once, keeping my edits aside; else the page offers a reload. */
  reloadOnConflict?: boolean;
}

export interface VersionedDraft<S, D> extends DraftState<S, D> {
  dirty: boolean;
  edit(draft: D): void;
  /** Saves the draft when it differs from the server's, one save at a time; the new version, or null. */
  save(): Promise<S | null>;
  /** Another action under the etag (publish, send for justering); `busy` names it while it runs. */
  act(busy: Busy, run: (server: S) => Promise<S>, options?: { invalidAsError?: boolean }): Promise<S | null>;
  /** The server's version again (after a change elsewhere); my unsaved edits are kept aside to re-apply. */
  takeLatest(note?: string | null): Promise<void>;
  /** Loads again without keeping anything aside (a retry, or after an answer that changes the version). */
  refetch(): Promise<S | null>;
  /** My kept edits merged into the version on the page. */
  reapply(note: string | null): void;
  drop(): void;
  discard(): void;
  setNote(note: string | null): void;
  setProblem(problem: SaveProblem | null): void;
}

/**
 * One editor's draft of a versioned resource: load, edit, save under If-Match (button or
 * autosave), the save's state and problems, and after a conflict my edits kept beside the
 * latest version with the domain's merge on request. The state machine is `draftReducer`.
 * `key` says when it is another resource (load again).
 */
export function useVersionedDraft<S, D>(options: VersionedDraftOptions<S, D>, key: string): VersionedDraft<S, D> {
  const opts = useRef(options);
  opts.current = options;
  const model = useMemo<DraftModel<S, D>>(
    () => ({
      draftOf: (s) => opts.current.draftOf(s),
      same: (a, b) => opts.current.same(a, b),
      merge: (base, mine, latest) => opts.current.merge(base, mine, latest),
    }),
    [],
  );
  const [state, setState] = useState<DraftState<S, D>>(initialDraftState);
  // Async work (autosave, a save's answer) reads the latest state outside React's render.
  const ref = useRef(state);
  const dispatch = useCallback(
    (action: DraftAction<S, D>): void => {
      ref.current = draftReducer(model, ref.current, action);
      setState(ref.current);
    },
    [model],
  );

  const refetch = useCallback(async (): Promise<S | null> => {
    try {
      const server = await opts.current.load();
      dispatch({ type: 'loaded', server });
      return server;
    } catch (error) {
      dispatch({ type: 'load-failed', error });
      return null;
    }
  }, [dispatch]);

  useEffect(() => {
    dispatch({ type: 'loading' });
    void refetch();
  }, [key, dispatch, refetch]);

  const keepAndLoad = useCallback(async (): Promise<void> => {
    const { server, draft } = ref.current;
    const latest = await refetch();
    if (latest && server && draft !== null) dispatch({ type: 'kept', base: model.draftOf(server), mine: draft });
  }, [dispatch, model, refetch]);

  const failed = useCallback(
    async (problem: SaveProblem, sent: D, from: 'save' | 'action', autosave: boolean): Promise<void> => {
      dispatch({ type: 'failed', problem, sent, from, autosave });
      if (problem.kind === 'conflict' && opts.current.reloadOnConflict) await keepAndLoad();
    },
    [dispatch, keepAndLoad],
  );

  const save = useCallback(async (): Promise<S | null> => {
    const current = ref.current;
    const { server, draft } = current;
    const auto = opts.current.autosaveMs !== undefined;
    if (!server || draft === null || current.busy !== null) return null;
    if (auto ? !shouldAutosave(model, current) : !isDirty(model, current)) return null;
    dispatch({ type: 'busy', busy: 'save' });
    if (!auto) {
      dispatch({ type: 'problem', problem: null });
      dispatch({ type: 'note', note: null });
    }
    try {
      const next = await opts.current.save(draft, server);
      dispatch({ type: 'saved', server: next, sent: draft, keepNewer: auto });
      return next;
    } catch (error) {
      await failed(saveProblemOf(error, opts.current.conflictFallback), draft, 'save', auto);
      return null;
    } finally {
      dispatch({ type: 'busy', busy: null });
    }
  }, [dispatch, failed, model]);

  const act = useCallback(
    async (busy: Busy, run: (server: S) => Promise<S>, options?: { invalidAsError?: boolean }): Promise<S | null> => {
      const { server } = ref.current;
      if (!server) return null;
      dispatch({ type: 'busy', busy });
      dispatch({ type: 'problem', problem: null });
      dispatch({ type: 'note', note: null });
      try {
        const next = await run(server);
        dispatch({ type: 'saved', server: next, sent: null, keepNewer: false });
        return next;
      } catch (error) {
        const p = saveProblemOf(error, opts.current.conflictFallback);
        await failed(p.kind === 'invalid' && options?.invalidAsError ? { kind: 'error', error } : p, model.draftOf(server), 'action', false);
        return null;
      } finally {
        dispatch({ type: 'busy', busy: null });
      }
    },
    [dispatch, failed, model],
  );

  const takeLatest = useCallback(
    async (note: string | null = null): Promise<void> => {
      dispatch({ type: 'problem', problem: null });
      dispatch({ type: 'note', note });
      await keepAndLoad();
    },
    [dispatch, keepAndLoad],
  );

  const dirty = isDirty(model, state);

  // Autosave: shortly after typing stops (each edit restarts the wait), and after a save that
  // was overtaken by more typing.
  const autosaveMs = options.autosaveMs;
  useEffect(() => {
    if (autosaveMs === undefined || state.busy !== null || !shouldAutosave(model, ref.current)) return;
    const timer = window.setTimeout(() => void save(), autosaveMs);
    return () => window.clearTimeout(timer);
  }, [autosaveMs, state.draft, state.server, state.busy, state.rejected, model, save]);

  // Leaving the page with edits not yet saved (autosave pages): the browser asks first.
  useEffect(() => {
    if (autosaveMs === undefined || !dirty) return;
    const warn = (e: BeforeUnloadEvent): void => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [autosaveMs, dirty]);

  return {
    ...state,
    dirty,
    edit: useCallback((draft: D) => dispatch({ type: 'edited', draft }), [dispatch]),
    save,
    act,
    takeLatest,
    refetch,
    reapply: useCallback((note: string | null) => dispatch({ type: 'reapplied', note }), [dispatch]),
    drop: useCallback(() => dispatch({ type: 'dropped' }), [dispatch]),
    discard: useCallback(() => dispatch({ type: 'discarded' }), [dispatch]),
    setNote: useCallback((note: string | null) => dispatch({ type: 'note', note }), [dispatch]),
    setProblem: useCallback((problem: SaveProblem | null) => dispatch({ type: 'problem', problem }), [dispatch]),
  };
}

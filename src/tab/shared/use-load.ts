import { useCallback, useEffect, useState } from 'react';
import type { NetworkMember } from '../../http/api-contract';
import type { MembersApi } from '../features/members/api';

export type Load<T> = { state: 'loading' } | { state: 'ok'; data: T } | { state: 'error'; error: unknown };

/** Runs `load` when `key` changes (and on retry); the result of a superseded run is dropped. */
export function useLoad<T>(load: () => Promise<T>, key: string): [Load<T>, () => void] {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setResult({ state: 'loading' });
    load().then(
      (data) => current && setResult({ state: 'ok', data }),
      (error: unknown) => current && setResult({ state: 'error', error }),
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure each render; `key` says when it asks for something else.
  }, [key, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [result, retry];
}

/** The network's members, whom the pickers offer: none while they load, fail, or there is no network yet. */
export function useMembers(api: MembersApi, networkId: string | undefined): readonly NetworkMember[] {
  const [loaded] = useLoad(() => (networkId ? api.members(networkId) : Promise.resolve(null)), `members ${networkId ?? ''}`);
  return loaded.state === 'ok' && loaded.data ? loaded.data.members : [];
}

export interface Polled<T> {
  /** The last answer; kept while the next one comes, so the screen does not flicker. */
  data: T | null;
  /** The first load's error, or the last refresh's (the data stays). */
  error: unknown;
  updatedAt: Date | null;
  refresh: () => void;
}

/**
 * Runs `load` when `key` changes, then every `everyMs` and when the page becomes visible
 * again. Answers of a superseded key are dropped, and one run at a time.
 */
export function usePolled<T>(load: () => Promise<T>, key: string, everyMs: number): Polled<T> {
  const [state, setState] = useState<Omit<Polled<T>, 'refresh'>>({ data: null, error: null, updatedAt: null });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    let running = false;
    const run = (): void => {
      if (running) return;
      running = true;
      load().then(
        (data) => current && setState({ data, error: null, updatedAt: new Date() }),
        (error: unknown) => current && setState((was) => ({ ...was, error })),
      ).finally(() => {
        running = false;
      });
    };
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') run();
    };
    run();
    const timer = window.setInterval(run, everyMs);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      current = false;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
    // `load` is a fresh closure each render; `key` says when it asks for something else.
  }, [key, everyMs, attempt]);
  useEffect(() => setState({ data: null, error: null, updatedAt: null }), [key]);
  const refresh = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, refresh };
}

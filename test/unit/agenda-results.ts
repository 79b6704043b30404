import type { AgendaResult } from '../../src/domain/agenda';

/** Ids i1, i2, … (or with another prefix), in the order asked for. */
export function counter(prefix = 'i'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

/** The value of a result that must be ok; fails the test with the problems otherwise. */
export function value<T>(r: AgendaResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.problems)}`);
  return r.value;
}

import type { AttendanceRecord } from '../domain/attendance';

/**
 * What both stores do with a check-in's writes: gather the writes asked for in one turn of the
 * event loop (a burst's clicks arrive many to a turn) and commit them together, each caller going
 * on once its write is committed; and lay writes committed over a list read of the attendance.
 */

/** The end of this turn of the event loop, as Node had it when the store was loaded (a test's fake timers do not hold writes back). */
export const NEXT_TURN: (f: () => void) => void = ((set) => (f: () => void) => void set(f))(setImmediate);

/** One person's attendance as a write left it: the record stored, or undefined when removed. */
export interface AttendanceWritten {
  personId: string;
  record: AttendanceRecord | undefined;
}

/**
 * Lays `writes` (in the order they were committed) over `list`, in place. `list` is in the store's
 * order of person ids, `order` gives a person id's place in it (compared as bytes), and a
 * record a write adds goes where a read would have found it.
 */
export function layWrites(list: AttendanceRecord[], writes: Iterable<AttendanceWritten>, order: (personId: string) => Buffer): void {
  for (const w of writes) {
    const at = sortedIndex(list, order(w.personId), order);
    const there = list[at]?.personId === w.personId;
    if (w.record) list.splice(at, there ? 1 : 0, w.record);
    else if (there) list.splice(at, 1);
  }
}

/** Where a person id of place `id` goes among records in the store's order. */
function sortedIndex(records: readonly AttendanceRecord[], id: Buffer, order: (personId: string) => Buffer): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (Buffer.compare(order(records[mid]?.personId ?? ''), id) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

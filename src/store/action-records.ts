import type { ActionDone, ActionQuery, ActionRecord } from '../app/ports';
import { actionsOf, type MinutesVersion } from '../domain/minutes';

/**
 * Open action items as their own records, the same in both stores. A meeting's records are those
 * of its latest approved version, written when a version is approved (an approved version never
 * changes state again; a later correction is a new number) and moved when one is marked done.
 * Reading them costs what they return, not the full text of every approved protocol.
 */

/** One stored record: the action item, where it stands among its meeting's items, and its mark. */
export interface StoredAction {
  meetingId: string;
  meetingDate: string;
  itemTitle: string;
  /** Its place in the version (items in order, their actions in order): ties in meeting date keep it. */
  ord: number;
  action: ActionRecord['action'];
}

/** The records of an approved version, in their order. */
export function actionRecordsOf(v: MinutesVersion): StoredAction[] {
  return actionsOf(v).map((a, ord) => ({ meetingId: a.meetingId, meetingDate: a.meetingDate, itemTitle: a.itemTitle, ord, action: a.action }));
}

/** Each meeting's latest approved version among `versions`. */
export function latestApproved(versions: readonly MinutesVersion[]): MinutesVersion[] {
  const latest = new Map<string, MinutesVersion>();
  for (const v of versions) {
    if (v.state !== 'approved') continue;
    const seen = latest.get(v.meetingId);
    if (!seen || seen.number < v.number) latest.set(v.meetingId, v);
  }
  return [...latest.values()];
}

/** Meeting date, then meeting, then place in the version: the order every query returns. */
export function byMeetingDate(a: StoredAction, b: StoredAction): number {
  return a.meetingDate.localeCompare(b.meetingDate) || (a.meetingId < b.meetingId ? -1 : a.meetingId > b.meetingId ? 1 : 0) || a.ord - b.ord;
}

/** Whether a record with this mark answers the query (the stores narrow by key first; this is the rule). */
export function answers(q: ActionQuery, r: Pick<StoredAction, 'meetingDate' | 'action'>, done: ActionDone | undefined): boolean {
  if (q.beforeDate !== undefined && !(r.meetingDate < q.beforeDate)) return false;
  if (q.actionId !== undefined) return r.action.id === q.actionId;
  if (q.all || done === undefined) return true;
  return q.doneSince !== undefined && done.at >= q.doneSince;
}

export function toRecord(r: StoredAction, done: ActionDone | undefined): ActionRecord {
  return { meetingId: r.meetingId, meetingDate: r.meetingDate, itemTitle: r.itemTitle, action: r.action, ...(done ? { done } : {}) };
}

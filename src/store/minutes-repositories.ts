import type { MinutesVersion } from '../domain/minutes';
import type { ActionDone, ActionQuery, ActionRecord, Store } from '../app/ports';
import { actionRecordsOf, answers, byMeetingDate, latestApproved, toRecord, type StoredAction } from './action-records';
import { archiveDueAt, idPart, numberRow, type DocumentKey } from './documents';
import { WorkRepositories } from './work-repositories';

/**
 * Action records of a network: open ones keyed by meeting date (the agenda's "before this
 * meeting" is a row range), done ones keyed by when they were marked ("done lately" is a row
 * range), per meeting a document naming its records, and per network when an item was last
 * marked (no done records are read when none is recent).
 */
const placeRow = (prefix: string, r: Pick<StoredAction, 'meetingId' | 'ord'>): string => `${prefix}|${idPart(r.meetingId)}|${String(r.ord).padStart(5, '0')}`;
const openRow = (r: StoredAction): string => placeRow(r.meetingDate, r);
const doneRow = (at: string, r: Pick<StoredAction, 'meetingId' | 'ord'>): string => placeRow(at, r);
/** The rows of records marked at `at`: from its "|" to the next character. */
const markedAt = (at: string): { from: string; to: string } => ({ from: `${at}|`, to: `${at}}` });

/** What an archive's queue entry names: the version's tenant, meeting and `numberRow`. */
export const versionRef = (tenantId: string, meetingId: string, number: number): string[] => [tenantId, meetingId, numberRow(number)];
/** A minutes version's key, from its ref (see versionRef). */
const versionKey = (ref: readonly string[]): DocumentKey => ({ partition: [ref[0] ?? '', ref[1] ?? ''], row: ref[2] ?? '' });

/** The parts of the Store the minutes repositories write: versions, approved versions, archiving due, action records. */
export type MinutesStore = Pick<
  Store,
  | 'getMinutesVersion'
  | 'listMinutesVersions'
  | 'saveMinutesVersion'
  | 'dueArchives'
  | 'listApprovedMinutes'
  | 'setActionDone'
  | 'listActionsDone'
  | 'listActions'
>;

/**
 * Minutes versions and what follows from them, written once on the narrow port: a network's
 * approved versions (an index), archiving due (the queue), and the action records of the latest
 * approved version of each meeting, moved when one is marked done.
 */
export abstract class MinutesRepositories extends WorkRepositories implements MinutesStore {
  async getMinutesVersion(tenantId: string, meetingId: string, number: number): Promise<{ version: MinutesVersion; etag: string } | undefined> {
    const found = await this.documents.etagged('minutesVersions').read(versionKey(versionRef(tenantId, meetingId, number)));
    return found && { version: found.doc, etag: found.etag };
  }

  /** A meeting's versions, oldest first (their rows sort as their numbers). */
  listMinutesVersions(tenantId: string, meetingId: string): Promise<MinutesVersion[]> {
    return this.documents.etagged('minutesVersions').list([tenantId, meetingId]);
  }

  /**
   * Writes the version (and its place in the network's approved versions, with it); an approved one's action records follow.
   * One whose archiving is pending has its entry in the queue first, at when it is due: no version is due without one.
   */
  async saveMinutesVersion(v: MinutesVersion, ifMatch: string | undefined): Promise<string | undefined> {
    const ref = versionRef(v.tenantId, v.meetingId, v.number);
    const dueAt = archiveDueAt(v);
    // Also when the write fails: an entry whose version is not due at its time goes when a tick reaches it.
    if (dueAt !== undefined) await this.documents.queue.put({ kind: 'archive', dueAt, ref });
    const etag = await this.documents.etagged('minutesVersions').write(versionKey(ref), v, ifMatch);
    if (etag === undefined) return undefined;
    if (v.state === 'approved') await this.writeActions(v);
    return etag;
  }

  /** Versions whose archiving is due by `nowIso`, earliest first: the queue's entries due, each version read (see WorkRepositories.due). */
  dueArchives(nowIso: string, limit: number): Promise<MinutesVersion[]> {
    const versions = this.documents.etagged('minutesVersions');
    return this.due('archive', nowIso, limit, async (ref) => (await versions.read(versionKey(ref)))?.doc, archiveDueAt);
  }

  /** A network's approved versions: one partition of the index, by meeting and number. */
  async listApprovedMinutes(tenantId: string, networkId: string): Promise<MinutesVersion[]> {
    const list = await this.documents.index('approvedMinutes').list([tenantId, networkId]);
    return list.sort((a, b) => a.meetingId.localeCompare(b.meetingId) || a.number - b.number);
  }

  async setActionDone(tenantId: string, networkId: string, actionId: string, done: ActionDone | undefined): Promise<void> {
    await this.actionRecordsFilled(tenantId, networkId);
    const partition = [tenantId, networkId];
    const marks = this.documents.collection('actionMarks');
    const before = await marks.read({ partition, row: actionId });
    if (done === undefined) await marks.remove({ partition, row: actionId });
    else {
      await marks.upsert({ partition, row: actionId }, done);
      await this.marked(tenantId, networkId, done.at);
    }
    // The records move: from the open ones (or from where the last mark put them) to where this one puts them.
    for (const r of await this.recordsOf(partition, actionId, before)) {
      await this.putRecord(partition, r, done);
      if (before === undefined ? done === undefined : before.at === done?.at) continue;
      if (before) await this.documents.collection('doneActions').remove({ partition, row: doneRow(before.at, r) });
      else await this.documents.collection('openActions').remove({ partition, row: openRow(r) });
    }
  }

  async listActionsDone(tenantId: string, networkId: string): Promise<Record<string, ActionDone>> {
    const marks = await this.documents.collection('actionMarks').entries([tenantId, networkId]);
    return Object.fromEntries(marks.map((e) => [e.row, e.doc]));
  }

  async listActions(tenantId: string, networkId: string, q: ActionQuery): Promise<ActionRecord[]> {
    await this.actionRecordsFilled(tenantId, networkId);
    const partition = [tenantId, networkId];
    const found: { r: StoredAction; done: ActionDone | undefined }[] = [];
    if (q.actionId !== undefined) {
      // One item: where it is open, and where its mark (a keyed read) put it when done.
      const mark = await this.documents.collection('actionMarks').read({ partition, row: q.actionId });
      for (const r of await this.recordsOf(partition, q.actionId, mark)) found.push({ r, done: mark });
    } else {
      const open = await this.documents.collection('openActions').list(partition, q.beforeDate === undefined ? {} : { to: q.beforeDate });
      for (const r of open) found.push({ r, done: undefined });
      const done = this.documents.collection('doneActions');
      let marked: { done: ActionDone; r: StoredAction }[] = [];
      if (q.all) marked = (await done.list(partition)).map((d) => ({ r: d, done: d.done }));
      else if (q.doneSince !== undefined && (await this.markedSince(tenantId, networkId, q.doneSince))) {
        marked = (await done.list(partition, { from: q.doneSince })).map((d) => ({ r: d, done: d.done }));
      }
      found.push(...marked);
    }
    return found
      .filter((x) => answers(q, x.r, x.done))
      .sort((a, b) => byMeetingDate(a.r, b.r))
      .map((x) => toRecord(stored(x.r), x.done));
  }

  /** The records of an action item: among the open ones, or (marked) those its mark put among the done ones. */
  private async recordsOf(partition: readonly string[], actionId: string, mark: ActionDone | undefined): Promise<StoredAction[]> {
    const list = mark
      ? (await this.documents.collection('doneActions').list(partition, markedAt(mark.at))).map(stored)
      : await this.documents.collection('openActions').list(partition);
    return list.filter((r) => r.action.id === actionId);
  }

  /** Writes a record where its mark puts it: among the open ones, or the done ones. */
  private async putRecord(partition: readonly string[], r: StoredAction, mark: ActionDone | undefined): Promise<void> {
    if (mark) await this.documents.collection('doneActions').upsert({ partition, row: doneRow(mark.at, r) }, { ...r, done: mark });
    else await this.documents.collection('openActions').upsert({ partition, row: openRow(r) }, r);
  }

  /** Replaces a meeting's action records with those of `v` when it is the meeting's latest approved version (and not already written). */
  private async writeActions(v: MinutesVersion): Promise<void> {
    const latest = latestApproved(await this.listMinutesVersions(v.tenantId, v.meetingId))[0];
    if (latest?.number !== v.number) return;
    const partition = [v.tenantId, v.networkId];
    const writtenKey: DocumentKey = { partition, row: v.meetingId };
    const written = await this.documents.collection('actionsWritten').read(writtenKey);
    if (written?.number === v.number) return;
    const marks = new Map<string, ActionDone | undefined>();
    const markOf = async (actionId: string): Promise<ActionDone | undefined> => {
      if (!marks.has(actionId)) marks.set(actionId, await this.documents.collection('actionMarks').read({ partition, row: actionId }));
      return marks.get(actionId);
    };
    if (written) {
      for (const [ord, actionId] of written.ids.entries()) {
        const place = { meetingId: v.meetingId, ord };
        await this.documents.collection('openActions').remove({ partition, row: placeRow(written.meetingDate, place) });
        const mark = await markOf(actionId);
        if (mark) await this.documents.collection('doneActions').remove({ partition, row: doneRow(mark.at, place) });
      }
    }
    const records = actionRecordsOf(v);
    for (const r of records) await this.putRecord(partition, r, await markOf(r.action.id));
    await this.documents.collection('actionsWritten').upsert(writtenKey, { number: v.number, meetingDate: v.content.meeting.date, ids: records.map((r) => r.action.id) });
  }

  /** Notes that an item of the network was marked at `at` (the latest mark only moves forward). */
  private async marked(tenantId: string, networkId: string, at: string): Promise<void> {
    const lastMarked = this.documents.etagged('lastMarked');
    const key = { partition: [tenantId], row: networkId };
    for (let attempt = 0; attempt < 10; attempt++) {
      const found = await lastMarked.read(key);
      if (found && found.doc.at >= at) return;
      if ((await lastMarked.write(key, { at }, found?.etag)) !== undefined) return;
    }
  }

  /** Whether an item of the network may have been marked at or after `since` (a keyed read). */
  private async markedSince(tenantId: string, networkId: string, since: string): Promise<boolean> {
    const found = await this.documents.etagged('lastMarked').read({ partition: [tenantId], row: networkId });
    return found !== undefined && found.doc.at >= since;
  }

  /**
   * Once per network: the records of approved versions written before records were kept this
   * way (each meeting's latest approved version, with the marks already made), and its latest mark.
   */
  private actionRecordsFilled(tenantId: string, networkId: string): Promise<void> {
    return this.filledOnce([tenantId, networkId], 'actionRecords', async () => {
      for (const v of latestApproved(await this.listApprovedMinutes(tenantId, networkId))) await this.writeActions(v);
      const marks = await this.documents.collection('actionMarks').list([tenantId, networkId]);
      const latest = marks.reduce<string | undefined>((max, m) => (max === undefined || m.at > max ? m.at : max), undefined);
      if (latest !== undefined) await this.marked(tenantId, networkId, latest);
    });
  }
}

/** A record as stored among the open ones (a done one without its mark). */
function stored(r: StoredAction & { done?: ActionDone }): StoredAction {
  return { meetingId: r.meetingId, meetingDate: r.meetingDate, itemTitle: r.itemTitle, ord: r.ord, action: r.action };
}

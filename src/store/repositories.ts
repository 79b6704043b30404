import type { Agenda } from '../domain/agenda';
import type { AgendaTemplate } from '../domain/agenda-template';
import type { MinutesDraft, MinutesVersion } from '../domain/minutes';
import { daysBefore, revisedMeeting, type CardRef, type Meeting, type MeetingRevision } from '../domain/meeting';
import type { Member, Network } from '../domain/network';
import type { Proposal } from '../domain/proposal';
import type { SearchDocument } from '../domain/search/document';
import type { ActionDone, ActionQuery, ActionRecord, SearchMarker, SearchPosting, Store } from '../app/ports';
import { actionRecordsOf, answers, byMeetingDate, latestApproved, toRecord, type StoredAction } from './action-records';
import { archiveDueAt, idPart, numberRow, type DocumentKey, type Documents } from './documents';
import { WorkRepositories, type WorkStore } from './work-repositories';

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

/** Runs `work` over the items, a few at a time (in Table Storage each term is its own partition, so no batch spans them). */
async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<unknown>, width = 16): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(work));
}

/** The parts of the Store written once, on the narrow port, for every backend. */
export type RepositoryStore = Pick<
  Store,
  | 'upsertMembers'
  | 'listMemberships'
  | 'listMembers'
  | 'getMember'
  | 'removeMember'
  | 'createMeeting'
  | 'getMeeting'
  | 'listMeetings'
  | 'listMeetingsBefore'
  | 'setMeetingCard'
  | 'setAttendanceClosed'
  | 'reviseMeeting'
  | 'setJusteringCard'
  | 'setAgendaCard'
  | 'getAgenda'
  | 'saveAgenda'
  | 'keepAgendaVersion'
  | 'listAgendaVersions'
  | 'getAgendaTemplate'
  | 'saveAgendaTemplate'
  | 'createProposal'
  | 'getProposal'
  | 'listProposals'
  | 'updateProposal'
  | 'getMinutes'
  | 'saveMinutes'
  | 'getSearchMarker'
  | 'setSearchMarker'
  | 'upsertNetwork'
  | 'getNetwork'
  | 'listNetworks'
  | 'getMinutesVersion'
  | 'listMinutesVersions'
  | 'saveMinutesVersion'
  | 'dueArchives'
  | 'listApprovedMinutes'
  | 'setActionDone'
  | 'listActionsDone'
  | 'listActions'
  | 'putSearchDocument'
  | 'getSearchDocument'
  | 'searchPostings'
> &
  WorkStore;

/** Meetings of a day in the order a person reads them: by start, then id; `dir` -1 for newest first. */
const byDateAndStart = (dir: 1 | -1) => (a: Meeting, b: Meeting): number => dir * (a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.id.localeCompare(b.id));

/**
 * The typed repositories: networks, members and meetings, agendas (drafts, published versions, the network's template),
 * proposals, minutes drafts and versions, action records and the search index (and, from WorkRepositories, jobs, deliveries and leases). A backend extends this class and hands it its `Documents`;
 * the key layout and the rules live here once.
 */
export abstract class DocumentRepositories extends WorkRepositories implements RepositoryStore {
  /** The narrow port the repositories are written on. */
  abstract override readonly documents: Documents;

  /** Members of a network go together (one partition: a transaction of up to 100 in Table Storage); each in its person's memberships with it. */
  async upsertMembers(members: readonly Member[]): Promise<void> {
    await this.documents.collection('members').upsertMany(members.map((m) => ({ key: { partition: [m.tenantId, m.networkId], row: m.id }, doc: m })));
  }

  /** A person's memberships: one partition of the index, in the order of listNetworks. */
  async listMemberships(tenantId: string, personId: string): Promise<Member[]> {
    const list = await this.documents.index('memberships').list([tenantId, personId]);
    return list.sort((a, b) => a.networkId.localeCompare(b.networkId));
  }

  /** A network's roster: one partition. */
  listMembers(tenantId: string, networkId: string): Promise<Member[]> {
    return this.documents.collection('members').list([tenantId, networkId]);
  }

  /**
   * A member is looked up in the network's roster, read as a whole (one partition, one request
   * for a team of up to 1,000): a check-in asks for the clicker (the access check) and for the
   * roster (the card), and a burst's clicks join the one roster read on its way (Table Storage) or
   * the roster as last read (SQLite) rather than each reading a row of its own. Nothing is kept
   * past a write: a member removed through another instance loses access at once.
   */
  async getMember(tenantId: string, networkId: string, memberId: string): Promise<Member | undefined> {
    return (await this.listMembers(tenantId, networkId)).find((m) => m.id === memberId);
  }

  /** Removes the member (and the membership from the person's index); whether there was one. */
  removeMember(tenantId: string, networkId: string, memberId: string): Promise<boolean> {
    return this.documents.collection('members').remove({ partition: [tenantId, networkId], row: memberId });
  }

  /** Stores the meeting unless one with its id exists; what is stored, and whether it was this. */
  async createMeeting(meeting: Meeting): Promise<{ meeting: Meeting; created: boolean }> {
    const meetings = this.documents.collection('meetings');
    const key = { partition: [meeting.tenantId], row: meeting.id };
    if (await meetings.create(key, meeting)) return { meeting, created: true };
    const stored = await meetings.read(key);
    if (!stored) throw new Error('meeting vanished after insert');
    return { meeting: stored, created: false };
  }

  getMeeting(tenantId: string, meetingId: string): Promise<Meeting | undefined> {
    return this.documents.collection('meetings').read({ partition: [tenantId], row: meetingId });
  }

  /** A network's meetings from `fromDate` to `toDate` (both included): a range of its partition of the date index. */
  async listMeetings(tenantId: string, networkId: string, fromDate: string, toDate = '9999-12-31'): Promise<Meeting[]> {
    const found = await this.documents.index('meetingsByDate').list([tenantId, networkId], { from: fromDate, to: `${toDate}}` });
    return found.filter((m) => m.date >= fromDate && m.date <= toDate).sort(byDateAndStart(1));
  }

  /**
   * A page of a network's meetings before `beforeDate`, newest first: at least `limit` (when there
   * are), and every meeting of the oldest date in it (the next page starts before that date).
   * Ranges of the date index are read in ascending order: windows walked back from the cursor (a
   * year, then twice as far each time) until the page is full or the network's first meeting is reached.
   */
  async listMeetingsBefore(tenantId: string, networkId: string, beforeDate: string, limit: number): Promise<Meeting[]> {
    const byDate = this.documents.index('meetingsByDate');
    const partition = [tenantId, networkId];
    const oldest = (await byDate.list(partition, { limit: 1 }))[0]?.date;
    if (oldest === undefined || oldest >= beforeDate) return [];
    const found: Meeting[] = [];
    let upper = beforeDate;
    for (let span = 366; found.length < limit && upper > oldest; span *= 2) {
      const lower = daysBefore(upper, span);
      found.push(...(await byDate.list(partition, { from: lower, to: upper })).sort(byDateAndStart(-1)));
      upper = lower;
    }
    // Every meeting on or after the last window's start is read: the oldest date's others are in `found`.
    const cut = found[limit - 1]?.date;
    return cut === undefined ? found : found.filter((m) => m.date >= cut);
  }

  async setMeetingCard(tenantId: string, meetingId: string, card: CardRef): Promise<void> {
    await this.updateMeeting(tenantId, meetingId, (m) => ({ ...m, card }));
  }

  async setAttendanceClosed(tenantId: string, meetingId: string, closed: boolean): Promise<void> {
    await this.updateMeeting(tenantId, meetingId, (m) => ({ ...m, attendanceClosed: closed }));
  }

  /** The meeting revised (moved in the date index when its date changes), or undefined when there is none. */
  reviseMeeting(tenantId: string, meetingId: string, revision: MeetingRevision): Promise<Meeting | undefined> {
    return this.updateMeeting(tenantId, meetingId, (m) => revisedMeeting(m, revision));
  }

  async setJusteringCard(tenantId: string, meetingId: string, card: CardRef): Promise<void> {
    await this.updateMeeting(tenantId, meetingId, (m) => ({ ...m, justeringCard: card }));
  }

  async setAgendaCard(tenantId: string, meetingId: string, card: CardRef & { version: number }): Promise<void> {
    await this.updateMeeting(tenantId, meetingId, (m) => ({ ...m, agendaCard: card }));
  }

  private updateMeeting(tenantId: string, meetingId: string, change: (m: Meeting) => Meeting): Promise<Meeting | undefined> {
    return this.documents.collection('meetings').update({ partition: [tenantId], row: meetingId }, change);
  }

  async getAgenda(tenantId: string, meetingId: string): Promise<{ agenda: Agenda; etag: string } | undefined> {
    const found = await this.documents.etagged('agendas').read({ partition: [tenantId], row: meetingId });
    return found && { agenda: found.doc, etag: found.etag };
  }

  saveAgenda(agenda: Agenda, ifMatch: string | undefined): Promise<string | undefined> {
    return this.documents.etagged('agendas').write({ partition: [agenda.tenantId], row: agenda.meetingId }, agenda, ifMatch);
  }

  async keepAgendaVersion(agenda: Agenda): Promise<void> {
    await this.documents.collection('agendaVersions').create({ partition: [agenda.tenantId, agenda.meetingId], row: numberRow(agenda.version) }, agenda);
  }

  listAgendaVersions(tenantId: string, meetingId: string): Promise<Agenda[]> {
    return this.documents.collection('agendaVersions').list([tenantId, meetingId]);
  }

  async getAgendaTemplate(tenantId: string, networkId: string): Promise<{ template: AgendaTemplate; etag: string } | undefined> {
    const found = await this.documents.etagged('agendaTemplates').read({ partition: [tenantId], row: networkId });
    return found && { template: found.doc, etag: found.etag };
  }

  saveAgendaTemplate(template: AgendaTemplate, ifMatch: string | undefined): Promise<string | undefined> {
    return this.documents.etagged('agendaTemplates').write({ partition: [template.tenantId], row: template.networkId }, template, ifMatch);
  }

  /** Stores a proposal unless one with its id exists; returns what is stored. */
  async createProposal(p: Proposal): Promise<Proposal> {
    const proposals = this.documents.collection('proposals');
    const key = { partition: [p.tenantId, p.meetingId], row: p.id };
    if (await proposals.create(key, p)) return p;
    const stored = await proposals.read(key);
    if (!stored) throw new Error('proposal vanished after insert');
    return stored;
  }

  getProposal(tenantId: string, meetingId: string, proposalId: string): Promise<Proposal | undefined> {
    return this.documents.collection('proposals').read({ partition: [tenantId, meetingId], row: proposalId });
  }

  /** A meeting's proposals, oldest first. */
  async listProposals(tenantId: string, meetingId: string): Promise<Proposal[]> {
    const list = await this.documents.collection('proposals').list([tenantId, meetingId]);
    return list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async updateProposal(p: Proposal): Promise<void> {
    await this.documents.collection('proposals').upsert({ partition: [p.tenantId, p.meetingId], row: p.id }, p);
  }

  async getMinutes(tenantId: string, meetingId: string): Promise<{ minutes: MinutesDraft; etag: string } | undefined> {
    const found = await this.documents.etagged('minutes').read({ partition: [tenantId], row: meetingId });
    return found && { minutes: found.doc, etag: found.etag };
  }

  saveMinutes(m: MinutesDraft, ifMatch: string | undefined): Promise<string | undefined> {
    return this.documents.etagged('minutes').write({ partition: [m.tenantId], row: m.meetingId }, m, ifMatch);
  }

  getSearchMarker(tenantId: string, networkId: string): Promise<SearchMarker | undefined> {
    return this.documents.collection('searchMarkers').read({ partition: [tenantId], row: networkId });
  }

  setSearchMarker(marker: SearchMarker): Promise<void> {
    return this.documents.collection('searchMarkers').upsert({ partition: [marker.tenantId], row: marker.networkId }, marker);
  }

  async upsertNetwork(n: Network): Promise<void> {
    await this.documents.collection('networks').upsert({ partition: [n.tenantId], row: n.id }, n);
  }

  getNetwork(tenantId: string, networkId: string): Promise<Network | undefined> {
    return this.documents.collection('networks').read({ partition: [tenantId], row: networkId });
  }

  /** A tenant's networks, or every tenant's (the background work's): by tenant, then id. */
  async listNetworks(tenantId?: string): Promise<Network[]> {
    const networks = this.documents.collection('networks');
    const list = tenantId === undefined ? await networks.all() : await networks.list([tenantId]);
    return list.sort((a, b) => a.tenantId.localeCompare(b.tenantId) || a.id.localeCompare(b.id));
  }

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

  /**
   * Puts a protocol in the index: a posting per distinct term (partition: tenant and term), and
   * the document with the terms it is indexed under, so a later put removes the terms it no longer holds.
   */
  async putSearchDocument(doc: SearchDocument, terms: readonly string[]): Promise<void> {
    const documents = this.documents.collection('searchDocuments');
    const postings = this.documents.collection('postings');
    const key = { partition: [doc.tenantId], row: doc.meetingId };
    const before = await documents.read(key);
    const now = [...new Set(terms)];
    const keep = new Set(now);
    const gone = (before?.terms ?? []).filter((t) => !keep.has(t));
    await inBatches(now, (term) => postings.upsert({ partition: [doc.tenantId, term], row: doc.meetingId }, { networkId: doc.networkId, year: doc.year }));
    await inBatches(gone, (term) => postings.remove({ partition: [doc.tenantId, term], row: doc.meetingId }));
    await documents.upsert(key, { ...doc, terms: now });
  }

  async getSearchDocument(tenantId: string, meetingId: string): Promise<SearchDocument | undefined> {
    const found = await this.documents.collection('searchDocuments').read({ partition: [tenantId], row: meetingId });
    if (!found) return undefined;
    const { terms: _terms, ...doc } = found;
    return doc;
  }

  /** A term's postings: one partition, those of the asked networks. */
  async searchPostings(tenantId: string, term: string, networkIds: readonly string[]): Promise<SearchPosting[]> {
    const wanted = new Set(networkIds);
    if (wanted.size === 0) return [];
    const out: SearchPosting[] = [];
    for (const { row, doc } of await this.documents.collection('postings').entries([tenantId, term])) {
      if (wanted.has(doc.networkId)) out.push({ meetingId: row, networkId: doc.networkId, year: Number(doc.year) });
    }
    return out;
  }
}

/** A record as stored among the open ones (a done one without its mark). */
function stored(r: StoredAction & { done?: ActionDone }): StoredAction {
  return { meetingId: r.meetingId, meetingDate: r.meetingDate, itemTitle: r.itemTitle, ord: r.ord, action: r.action };
}

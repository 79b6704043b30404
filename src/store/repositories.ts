import type { Agenda } from '../domain/agenda';
import type { AgendaTemplate } from '../domain/agenda-template';
import type { MinutesDraft } from '../domain/minutes';
import { daysBefore, revisedMeeting, type CardRef, type Meeting, type MeetingRevision } from '../domain/meeting';
import type { Member, Network } from '../domain/network';
import type { Proposal } from '../domain/proposal';
import type { SearchDocument } from '../domain/search/document';
import type { SearchMarker, SearchPosting, Store } from '../app/ports';
import { numberRow, type Documents } from './documents';
import type { WorkStore } from './work-repositories';
import { MinutesRepositories, type MinutesStore } from './minutes-repositories';

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
  | 'putSearchDocument'
  | 'getSearchDocument'
  | 'searchPostings'
> &
  MinutesStore &
  WorkStore;

/** Meetings of a day in the order a person reads them: by start, then id; `dir` -1 for newest first. */
const byDateAndStart = (dir: 1 | -1) => (a: Meeting, b: Meeting): number => dir * (a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.id.localeCompare(b.id));

/**
 * The typed repositories: networks, members and meetings, agendas (drafts, published versions, the network's template),
 * proposals, minutes drafts and the search index (and, from MinutesRepositories, minutes versions and action records; from WorkRepositories, jobs, deliveries and leases). A backend extends this class and hands it its `Documents`;
 * the key layout and the rules live here once.
 */
export abstract class DocumentRepositories extends MinutesRepositories implements RepositoryStore {
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

import type { Agenda } from '../domain/agenda';
import type { AgendaTemplate } from '../domain/agenda-template';
import type { MinutesDraft } from '../domain/minutes';
import type { Proposal } from '../domain/proposal';
import type { SearchMarker, Store } from '../app/ports';
import { numberRow, type Documents } from './documents';
import { WorkRepositories, type WorkStore } from './work-repositories';

/** The parts of the Store written once, on the narrow port, for every backend. */
export type RepositoryStore = Pick<
  Store,
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
> &
  WorkStore;

/**
 * The typed repositories: agendas (drafts, published versions, the network's template),
 * proposals and minutes drafts (and, from WorkRepositories, jobs, deliveries and leases). A
 * backend extends this class and hands it its `Documents`; the key layout and the rules live here once.
 */
export abstract class DocumentRepositories extends WorkRepositories implements RepositoryStore {
  /** The narrow port the repositories are written on. */
  abstract override readonly documents: Documents;

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
}

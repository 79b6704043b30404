import { DomainError } from '../domain/errors';
import type { Meeting, Person } from '../domain/meeting';
import { canEditAgenda, isCurrentMember, roleOf, type Member } from '../domain/network';
import { declineProblems, proposalProblems, type Proposal, type ProposalProblem } from '../domain/proposal';
import type { AgendaService } from './agendas';
import type { Clock, Store } from './ports';
import type { Caller } from './tab-queries';
import { meetingMember } from './access';

/** Tells people about proposals: the chair group about a new one, the proposer about the decision. */
export interface ProposalNotifier {
  toEditors(meeting: Meeting, proposal: Proposal, editors: Member[]): Promise<void>;
  toProposer(meeting: Meeting, proposal: Proposal): Promise<void>;
}

export class ProposalInvalid extends DomainError {
  constructor(readonly problems: ProposalProblem[]) {
    super('bad_request', 'proposal invalid');
  }
}

export interface Propose {
  tenantId: string;
  meetingId: string;
  proposalId: string;
  title: string;
  description: string;
  by: Person & { teamsUserId?: string };
}

/** Members propose agenda items; the chair group accepts (the item joins the agenda) or declines with a reason. */
export class ProposalService {
  constructor(
    private readonly deps: { store: Store; clock: Clock; agendas: AgendaService; notifier: ProposalNotifier; log: { warn(o: object, m?: string): void } },
  ) {}

  async propose(cmd: Propose): Promise<Proposal> {
    const { store, clock } = this.deps;
    const problems = proposalProblems(cmd.title, cmd.description);
    if (problems.length > 0) throw new ProposalInvalid(problems);
    const { meeting } = await meetingMember(store, cmd.tenantId, cmd.meetingId, cmd.by.id);
    const mine: Proposal = {
      tenantId: cmd.tenantId,
      meetingId: cmd.meetingId,
      id: cmd.proposalId,
      title: cmd.title.trim(),
      description: cmd.description.trim(),
      proposedBy: cmd.by,
      status: 'pending',
      createdAt: clock.now().toISOString(),
    };
    const stored = await store.createProposal(mine);
    if (stored.createdAt === mine.createdAt && stored.title === mine.title) {
      const editors = (await store.listMembers(cmd.tenantId, meeting.networkId)).filter((m) => isCurrentMember(m) && canEditAgenda(roleOf(m)));
      await this.notify(() => this.deps.notifier.toEditors(meeting, stored, editors));
    }
    return stored;
  }

  async list(caller: Caller, meetingId: string): Promise<Proposal[]> {
    await this.deps.agendas.read(caller, meetingId);
    return this.deps.store.listProposals(caller.tenantId, meetingId);
  }

  async accept(caller: Caller, meetingId: string, proposalId: string): Promise<Proposal> {
    const proposal = await this.pending(caller, meetingId, proposalId, 'accepted');
    if (proposal.status === 'accepted') return proposal;
    const { meeting } = await this.deps.agendas.addAcceptedItem(caller, meetingId, proposal.id, {
      title: proposal.title,
      description: proposal.description,
      durationMin: 15,
      kind: 'diskussion',
      presenter: { kind: 'member', memberId: proposal.proposedBy.id, name: proposal.proposedBy.name },
    });
    return this.decide(meeting, { ...proposal, status: 'accepted' }, caller);
  }

  async decline(caller: Caller, meetingId: string, proposalId: string, reason: string): Promise<Proposal> {
    const problems = declineProblems(reason);
    if (problems.length > 0) throw new ProposalInvalid(problems);
    const proposal = await this.pending(caller, meetingId, proposalId, 'declined');
    if (proposal.status === 'declined') return proposal;
    const { meeting } = await this.deps.agendas.read(caller, meetingId);
    return this.decide(meeting, { ...proposal, status: 'declined', reason: reason.trim() }, caller);
  }

  /** The proposal, if the caller may decide it and it is undecided (or already decided the same way: a retry). */
  private async pending(caller: Caller, meetingId: string, proposalId: string, decision: Proposal['status']): Promise<Proposal> {
    const { meeting } = await this.deps.agendas.read(caller, meetingId);
    if (!(await this.deps.agendas.canEdit(caller, meeting.networkId))) throw new DomainError('forbidden');
    const proposal = await this.deps.store.getProposal(caller.tenantId, meetingId, proposalId);
    if (!proposal) throw new DomainError('not_found');
    if (proposal.status !== 'pending' && proposal.status !== decision) throw new DomainError('conflict');
    return proposal;
  }

  private async decide(meeting: Meeting, decided: Proposal, caller: Caller): Promise<Proposal> {
    const done: Proposal = { ...decided, decidedBy: { id: caller.userId, name: caller.name }, decidedAt: this.deps.clock.now().toISOString() };
    await this.deps.store.updateProposal(done);
    await this.notify(() => this.deps.notifier.toProposer(meeting, done));
    return done;
  }

  /** A message that cannot be delivered is logged; the decision stands. */
  private async notify(send: () => Promise<void>): Promise<void> {
    try {
      await send();
    } catch (err) {
      this.deps.log.warn({ err }, 'could not notify about a proposal');
    }
  }
}

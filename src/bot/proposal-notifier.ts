import type { Logger, Store } from '../app/ports';
import type { ProposalNotifier } from '../app/proposals';
import { proposalDecisionCard, proposalToEditorsCard } from '../cards/proposal-cards';
import type { Meeting } from '../domain/meeting';
import type { Member } from '../domain/network';
import type { Proposal } from '../domain/proposal';
import type { TeamsMessenger } from './teams-messenger';
import { meetingTabUrl } from './meeting-places';

/** Proposals are told in the personal chat with the bot: to the chair group, then to the proposer. */
export class TeamsProposalNotifier implements ProposalNotifier {
  constructor(private readonly deps: { store: Store; messenger: TeamsMessenger; publicUrl: string; log: Logger }) {}

  async toEditors(meeting: Meeting, proposal: Proposal, editors: Member[]): Promise<void> {
    const network = await this.deps.store.getNetwork(meeting.tenantId, meeting.networkId);
    if (!network) return;
    const tabUrl = meetingTabUrl(this.deps.publicUrl, meeting.id);
    for (const editor of editors) {
      await this.deps.messenger
        .sendPersonal(network.address, meeting.tenantId, editor.teamsUserId, proposalToEditorsCard(meeting, proposal, tabUrl, meeting.locale))
        .catch((err: unknown) => this.deps.log.warn({ err, member: editor.id }, 'could not tell an editor about a proposal'));
    }
  }

  async toProposer(meeting: Meeting, proposal: Proposal): Promise<void> {
    const network = await this.deps.store.getNetwork(meeting.tenantId, meeting.networkId);
    const to = proposal.proposedBy.teamsUserId;
    if (!network || !to) return;
    await this.deps.messenger.sendPersonal(network.address, meeting.tenantId, to, proposalDecisionCard(meeting, proposal, meeting.locale));
  }
}

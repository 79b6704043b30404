import type { CardDelivery } from '../app/delivery';
import type { ProposalNotifier } from '../app/proposals';
import { proposalDecisionCard, proposalToEditorsCard } from '../cards/proposal-cards';
import type { Meeting } from '../domain/meeting';
import type { Member } from '../domain/network';
import type { Proposal } from '../domain/proposal';
import { meetingTabUrl } from './meeting-places';
import type { TabLinkSettings } from '../domain/tab-links';

/** Proposals are told in the personal chat with the bot: to the chair group, then to the proposer (each once, through the outbox). */
export class TeamsProposalNotifier implements ProposalNotifier {
  constructor(private readonly deps: { delivery: CardDelivery; tabLinks: TabLinkSettings }) {}

  async toEditors(meeting: Meeting, proposal: Proposal, editors: Member[]): Promise<void> {
    const tabUrl = meetingTabUrl(this.deps.tabLinks, meeting);
    for (const editor of editors) {
      await this.deps.delivery.send({
        ...this.about(meeting),
        id: `proposal/${meeting.id}/${proposal.id}/${editor.id}`,
        to: editor.teamsUserId,
        card: proposalToEditorsCard(meeting, proposal, tabUrl, meeting.locale),
      });
    }
  }

  async toProposer(meeting: Meeting, proposal: Proposal): Promise<void> {
    const to = proposal.proposedBy.teamsUserId;
    if (!to) return;
    await this.deps.delivery.send({
      ...this.about(meeting),
      id: `proposal-decision/${meeting.id}/${proposal.id}/${proposal.status}`,
      to,
      card: proposalDecisionCard(meeting, proposal, meeting.locale),
    });
  }

  private about(meeting: Meeting): { tenantId: string; networkId: string; meetingId: string; kind: 'personal' } {
    return { tenantId: meeting.tenantId, networkId: meeting.networkId, meetingId: meeting.id, kind: 'personal' };
  }
}

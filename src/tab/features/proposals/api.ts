import type { ApiProposal, ProposalsResponse } from '../../../http/api-contract';
import { ROUTES as R } from '../../../contract/routes';
import type { ApiCore } from '../../shared/api';

export interface ProposalsApi {
  proposals(meetingId: string): Promise<ProposalsResponse>;
  acceptProposal(meetingId: string, proposalId: string): Promise<ApiProposal>;
  declineProposal(meetingId: string, proposalId: string, reason: string): Promise<ApiProposal>;
}

export function proposalsApi({ call, answer }: ApiCore): ProposalsApi {
  return {
    proposals: (meetingId) => answer(R.proposals, { meetingId }),
    acceptProposal: (meetingId, proposalId) => answer(R.acceptProposal, { meetingId, proposalId }),
    declineProposal: async (meetingId, proposalId, reason) => (await call(R.declineProposal, { meetingId, proposalId }, { body: { reason } })).body,
  };
}

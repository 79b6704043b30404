import type { Person } from './meeting';

export const PROPOSAL_LIMITS = { title: 200, description: 2000, reason: 1000 } as const;

/** An item a member proposes for a meeting's agenda; the chair group accepts or declines it. */
export interface Proposal {
  tenantId: string;
  meetingId: string;
  /** Minted into the proposal form: a retried submit proposes once. */
  id: string;
  title: string;
  description: string;
  proposedBy: Person & { teamsUserId?: string };
  status: 'pending' | 'accepted' | 'declined';
  reason?: string;
  decidedBy?: Person;
  createdAt: string;
  decidedAt?: string;
}

export type ProposalProblem = 'title_required' | 'title_too_long' | 'description_too_long' | 'reason_required' | 'reason_too_long';

export function proposalProblems(title: string, description: string): ProposalProblem[] {
  const problems: ProposalProblem[] = [];
  if (!title.trim()) problems.push('title_required');
  if (title.length > PROPOSAL_LIMITS.title) problems.push('title_too_long');
  if (description.length > PROPOSAL_LIMITS.description) problems.push('description_too_long');
  return problems;
}

export function declineProblems(reason: string): ProposalProblem[] {
  if (!reason.trim()) return ['reason_required'];
  return reason.length > PROPOSAL_LIMITS.reason ? ['reason_too_long'] : [];
}

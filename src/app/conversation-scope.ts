import { DomainError, type ErrorCode } from '../domain/errors';
import type { Meeting } from '../domain/meeting';
import { isCurrentMember, type Member } from '../domain/network';
import type { Store } from './ports';

/**
 * Where a card action came from: a team's channel (the team is a network), or a chat (the
 * justerare's and the proposer's personal chat with the bot).
 */
export type Conversation =
  | { kind: 'team'; tenantId: string; teamId: string; personId: string }
  | { kind: 'chat'; tenantId: string; personId: string };

/**
 * The one rule for "does this id belong to the conversation it arrived from" (to be absorbed
 * by the access policy): from a team's channel, the meeting must be of that team's network (and
 * tenant: the store is keyed by tenant, so another tenant's meeting is not found); from a chat,
 * the person must be a member of the meeting's network now. Someone who left the team acts on
 * nothing of its network. `networkId` is the network the id belongs to, `member` the person's
 * stored membership of it. Returns the refusal, or undefined when the id belongs.
 */
export function scopeRefusal(conversation: Conversation, networkId: string, member: Member | undefined): ErrorCode | undefined {
  if (conversation.kind === 'team' && networkId !== conversation.teamId) return 'other_network';
  if (member?.leftAt !== undefined) return 'not_a_member';
  if (conversation.kind === 'chat' && !isCurrentMember(member)) return 'other_network';
  return undefined;
}

/** Refuses a meeting that is stored under another network than the one it is being used in. */
export function mustBeOfNetwork(meeting: Meeting, networkId: string): void {
  if (meeting.networkId !== networkId) throw new DomainError('other_network');
}

/** Checks card actions' ids against their conversation, before any use case runs. */
export class ConversationScope {
  constructor(private readonly deps: { store: Store }) {}

  /** The meeting a card action names, when it belongs to the conversation; else a DomainError. */
  async meeting(conversation: Conversation, meetingId: string): Promise<Meeting> {
    const meeting = await this.deps.store.getMeeting(conversation.tenantId, meetingId);
    if (!meeting) throw new DomainError('meeting_not_found');
    await this.check(conversation, meeting.networkId);
    return meeting;
  }

  /** An id minted into a form for a new meeting: free (for a new meeting of the team), or a meeting that belongs (a retried submit). */
  async newMeetingId(conversation: Conversation, meetingId: string): Promise<void> {
    const meeting = await this.deps.store.getMeeting(conversation.tenantId, meetingId);
    const networkId = meeting?.networkId ?? (conversation.kind === 'team' ? conversation.teamId : undefined);
    if (networkId !== undefined) await this.check(conversation, networkId);
  }

  private async check(conversation: Conversation, networkId: string): Promise<void> {
    const member = await this.deps.store.getMember(conversation.tenantId, networkId, conversation.personId);
    const refusal = scopeRefusal(conversation, networkId, member);
    if (refusal) throw new DomainError(refusal);
  }
}

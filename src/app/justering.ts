import { DomainError } from '../domain/errors';
import type { Meeting } from '../domain/meeting';
import {
  approve,
  currentContent,
  justeringRefusal,
  requestChange,
  MINUTES_LIMITS,
  type JusteringRefusal,
  type MinutesContent,
  type MinutesVersion,
} from '../domain/minutes';
import type { MinutesDeps } from './minutes-ports';
import { Access, can, versionTarget, type Actor, type Caller } from './policy';

/** A justerare's answer on their card, and what the card should show afterwards. */
export type JusteringOutcome =
  | { kind: 'approved'; version: MinutesVersion; meeting: Meeting; complete: boolean }
  | { kind: 'change_requested'; version: MinutesVersion; meeting: Meeting }
  | { kind: 'refused'; reason: JusteringRefusal; version: MinutesVersion; meeting: Meeting; current?: MinutesContent };

/** The justerare's answers to a version sent for justering: approve, or ask for a change. */
export class JusteringService {
  private readonly access: Access;

  constructor(private readonly deps: MinutesDeps) {
    this.access = new Access(deps.store);
  }

  /** A justerare approves a version from their card. Approving twice is approving once. */
  async approve(caller: Caller, meetingId: string, number: number): Promise<JusteringOutcome> {
    return this.answer('approve', caller, meetingId, number, (v, a) => approve(v, { memberId: a.personId, name: a.name }, this.now()));
  }

  /**
   * A justerare asks for a change; the comment is required. On a version already justerat it is
   * refused (`already_approved`), so the justerare is told rather than the comment dropped.
   */
  async requestChange(caller: Caller, meetingId: string, number: number, comment: string): Promise<JusteringOutcome> {
    const text = comment.trim();
    if (text === '') throw new DomainError('bad_request', 'comment required');
    if (text.length > MINUTES_LIMITS.comment) throw new DomainError('field_too_long');
    return this.answer('requestChange', caller, meetingId, number, (v, a) => requestChange(v, { memberId: a.personId, name: a.name }, text, this.now()));
  }

  /** A version as its justerare (or any member) may read it, with the current draft when it moved on. */
  async versionFor(tenantId: string, userId: string, meetingId: string, number: number): Promise<{ version: MinutesVersion; meeting: Meeting }> {
    const { meeting } = await this.access.meeting({ tenantId, userId, name: '' }, meetingId, 'readMinutes');
    const found = await this.deps.store.getMinutesVersion(tenantId, meetingId, number);
    if (!found) throw new DomainError('not_found');
    return { version: found.version, meeting };
  }

  private async answer(
    action: 'approve' | 'requestChange',
    caller: Caller,
    meetingId: string,
    number: number,
    change: (v: MinutesVersion, a: Actor) => MinutesVersion,
  ): Promise<JusteringOutcome> {
    const { store } = this.deps;
    const { tenantId } = caller;
    // Someone not in the meeting's network now (or acting from another network's conversation)
    // is refused outright; a member who is not a justerare of the version is told so below.
    const { meeting, actor } = await this.access.meeting(caller, meetingId, 'readMinutes');
    for (let attempt = 0; ; attempt++) {
      const found = await store.getMinutesVersion(tenantId, meetingId, number);
      const draft = await store.getMinutes(tenantId, meetingId);
      if (!found || !draft) throw new DomainError('not_found');
      const version = found.version;
      // Only a justerare of this version, in the team now and not its secretary, answers it.
      const refusal = can(actor, action, versionTarget(meeting, version)) ? justeringRefusal(version, draft.minutes, actor.personId) : 'not_justerare';
      // Approving again is approving once; asking for a change of what is justerat is refused.
      if (refusal === 'already_approved' && action === 'approve' && version.approvals.some((a) => a.memberId === actor.personId)) {
        return { kind: 'approved', version, meeting, complete: true };
      }
      if (refusal) return { kind: 'refused', reason: refusal, version, meeting, current: currentContent(draft.minutes.content) };
      const next = change(version, actor);
      if (next === version) return this.outcomeOf(next, meeting);
      const etag = await store.saveMinutesVersion(next, found.etag);
      if (!etag) {
        if (attempt >= 5) throw new DomainError('conflict');
        continue;
      }
      if (next.state === 'approved') {
        this.deps.onApproved?.(next);
        // Searchable once the answer is given (indexing never rejects; reindex repairs a failure).
        await this.deps.search?.index(next);
      }
      await this.afterAnswer(meeting, next, version);
      return this.outcomeOf(next, meeting);
    }
  }

  private outcomeOf(v: MinutesVersion, meeting: Meeting): JusteringOutcome {
    if (v.state === 'changes_requested') return { kind: 'change_requested', version: v, meeting };
    return { kind: 'approved', version: v, meeting, complete: v.state === 'approved' };
  }

  private async afterAnswer(meeting: Meeting, next: MinutesVersion, before: MinutesVersion): Promise<void> {
    void this.deps.channel.showStatus(meeting, next);
    const request = next.changeRequests.length > before.changeRequests.length ? next.changeRequests.at(-1) : undefined;
    if (!request) return;
    const draft = await this.deps.store.getMinutes(meeting.tenantId, meeting.id);
    const secretary = draft?.minutes.content.secretary;
    const to = secretary?.kind === 'member' ? await this.deps.store.getMember(meeting.tenantId, meeting.networkId, secretary.memberId) : undefined;
    if (to) await this.deps.channel.tellSecretary(meeting, next, to, request);
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}

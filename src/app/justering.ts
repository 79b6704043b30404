import { DomainError } from '../domain/errors';
import type { Meeting } from '../domain/meeting';
import {
  approve,
  justeringRefusal,
  requestChange,
  MINUTES_LIMITS,
  type JusteringRefusal,
  type MinutesContent,
  type MinutesVersion,
} from '../domain/minutes';
import type { Member } from '../domain/network';
import { meetingMember } from './access';
import type { MinutesDeps } from './minutes-ports';

/** A justerare's answer on their card, and what the card should show afterwards. */
export type JusteringOutcome =
  | { kind: 'approved'; version: MinutesVersion; meeting: Meeting; complete: boolean }
  | { kind: 'change_requested'; version: MinutesVersion; meeting: Meeting }
  | { kind: 'refused'; reason: JusteringRefusal; version: MinutesVersion; meeting: Meeting; current?: MinutesContent };

/** The justerare's answers to a version sent for justering: approve, or ask for a change. */
export class JusteringService {
  constructor(private readonly deps: MinutesDeps) {}

  /** A justerare approves a version from their card. Approving twice is approving once. */
  async approve(tenantId: string, userId: string, meetingId: string, number: number): Promise<JusteringOutcome> {
    return this.answer(tenantId, userId, meetingId, number, (v, m) => approve(v, { memberId: m.id, name: m.name }, this.now()));
  }

  /** A justerare asks for a change; the comment is required. */
  async requestChange(tenantId: string, userId: string, meetingId: string, number: number, comment: string): Promise<JusteringOutcome> {
    const text = comment.trim();
    if (text === '') throw new DomainError('bad_request', 'comment required');
    if (text.length > MINUTES_LIMITS.comment) throw new DomainError('field_too_long');
    return this.answer(tenantId, userId, meetingId, number, (v, m) => requestChange(v, { memberId: m.id, name: m.name }, text, this.now()));
  }

  /** A version as its justerare (or any member) may read it, with the current draft when it moved on. */
  async versionFor(tenantId: string, userId: string, meetingId: string, number: number): Promise<{ version: MinutesVersion; meeting: Meeting }> {
    const { meeting } = await meetingMember(this.deps.store, tenantId, meetingId, userId);
    const found = await this.deps.store.getMinutesVersion(tenantId, meetingId, number);
    if (!found) throw new DomainError('not_found');
    return { version: found.version, meeting };
  }

  private async answer(
    tenantId: string,
    userId: string,
    meetingId: string,
    number: number,
    change: (v: MinutesVersion, m: Member) => MinutesVersion,
  ): Promise<JusteringOutcome> {
    const { store } = this.deps;
    const meeting = await store.getMeeting(tenantId, meetingId);
    if (!meeting) throw new DomainError('meeting_not_found');
    const member = await store.getMember(tenantId, meeting.networkId, userId);
    for (let attempt = 0; ; attempt++) {
      const found = await store.getMinutesVersion(tenantId, meetingId, number);
      const draft = await store.getMinutes(tenantId, meetingId);
      if (!found || !draft) throw new DomainError('not_found');
      const version = found.version;
      const refusal = member ? justeringRefusal(version, draft.minutes, member.id) : 'not_justerare';
      if (refusal === 'already_approved' && member && version.approvals.some((a) => a.memberId === member.id)) {
        return { kind: 'approved', version, meeting, complete: true };
      }
      if (refusal || !member) return { kind: 'refused', reason: refusal ?? 'not_justerare', version, meeting, current: draft.minutes.content };
      const next = change(version, member);
      if (next === version) return this.outcomeOf(next, meeting);
      const etag = await store.saveMinutesVersion(next, found.etag);
      if (!etag) {
        if (attempt >= 5) throw new DomainError('conflict');
        continue;
      }
      if (next.state === 'approved') this.deps.onApproved?.(next);
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

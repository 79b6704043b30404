import { isJusterare } from '../domain/minutes';
import { isCurrentMember, type Member } from '../domain/network';
import type { JusteringChannel } from './minutes';
import type { Logger, Store } from './ports';

/**
 * People left a network's team: each version still waiting for one of them as justerare can no
 * longer be justerad as sent (their approval is refused), so its secretary is told in their
 * personal chat; they name another justerare and send again, which supersedes the version.
 */
export async function tellWhereJusterareLeft(deps: { store: Store; channel: JusteringChannel; log: Logger }, left: readonly Member[]): Promise<void> {
  const first = left[0];
  if (!first) return;
  const { store, channel } = deps;
  const { tenantId, networkId } = first;
  for (const meeting of await store.listMeetings(tenantId, networkId, '')) {
    const version = (await store.listMinutesVersions(tenantId, meeting.id)).at(-1);
    if (!version || version.state !== 'pending') continue;
    const answered = new Set([...version.approvals, ...version.changeRequests].map((a) => a.memberId));
    const gone = left.filter((m) => isJusterare(version, m.id) && !answered.has(m.id));
    if (gone.length === 0) continue;
    const secretaryRef = version.content.secretary?.kind === 'member' ? version.content.secretary.memberId : version.sentBy.memberId;
    const current = async (id: string): Promise<Member | undefined> => {
      const m = await store.getMember(tenantId, networkId, id);
      return isCurrentMember(m) ? m : undefined;
    };
    const secretary = (await current(secretaryRef)) ?? (await current(version.sentBy.memberId));
    if (!secretary) {
      deps.log.warn({ meetingId: meeting.id, version: version.number }, 'a justerare left and no secretary is left to tell');
      continue;
    }
    for (const m of gone) await channel.tellJusterareLeft(meeting, version, secretary, { name: m.name });
  }
}

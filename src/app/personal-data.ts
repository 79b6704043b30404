import { DomainError } from '../domain/errors';
import type { Meeting } from '../domain/meeting';
import { actionsOf, contentHash } from '../domain/minutes';
import type { MinutesVersion } from '../domain/minutes-model';
import { ownsAction } from '../domain/action-owners';
import { ERASURE_EXPLANATION, ERASED_PERSON, mentionsOf, type PersonalDataErasure, type PersonalDataExport } from '../domain/personal-data';
import type { Proposal } from '../domain/proposal';
import { Access, type Caller } from './policy';
import type { Clock, Store } from './ports';

export type { PersonalDataErasure, PersonalDataExport } from '../domain/personal-data';

/**
 * One person's data in one network: taken out (GDPR art. 15 and 20) or erased as far as the law
 * allows (art. 17), by the network's admins only (`managePersonalData` in the access policy).
 *
 * What erasure removes: the member record, check-ins of meetings whose minutes are not
 * approved, the personal cards addressed to them (reminders, notices); what it pseudonymises:
 * their proposals (and proposals they decided) and the action items they marked done.
 * What stays: approved protocols and the check-ins of their meetings. A justerat protokoll is
 * an allmän handling (public record, TF 2 kap.), kept under the archive rules; it cannot be
 * altered, and its content hash (the archive's Innehållshash) must still match. Drafts not yet
 * approved stay as the secretary wrote them: the answer names each place they mention the person.
 */

const isApproved = (versions: readonly MinutesVersion[]): boolean => versions.some((v) => v.state === 'approved');

export class PersonalData {
  private readonly access: Access;

  constructor(private readonly deps: { store: Store; clock: Clock }) {
    this.access = new Access(deps.store);
  }

  async export(caller: Caller, networkId: string, personId: string): Promise<PersonalDataExport> {
    const { network } = await this.access.network(caller, networkId, 'managePersonalData');
    const { store } = this.deps;
    const tenantId = network.tenantId;
    const member = await store.getMember(tenantId, networkId, personId);
    const meetings = await this.meetings(tenantId, networkId);
    const attendance: PersonalDataExport['attendance'] = [];
    const proposals: Proposal[] = [];
    const approvals: PersonalDataExport['approvals'] = [];
    const minutesVersions: PersonalDataExport['minutesVersions'] = [];
    const drafts: PersonalDataExport['drafts'] = [];
    let name = member?.name;
    for (const meeting of meetings) {
      const mine = (await store.listAttendance(tenantId, meeting.id)).find((r) => r.personId === personId);
      if (mine) {
        attendance.push({ ...mine, meetingDate: meeting.date });
        name ??= mine.name;
      }
    }
    for (const meeting of meetings) {
      proposals.push(...(await store.listProposals(tenantId, meeting.id)).filter((p) => p.proposedBy.id === personId || p.decidedBy?.id === personId));
      for (const v of await store.listMinutesVersions(tenantId, meeting.id)) {
        for (const a of v.approvals) if (a.memberId === personId) approvals.push({ meetingId: v.meetingId, version: v.number, kind: 'approval', answer: a });
        for (const c of v.changeRequests) if (c.memberId === personId) approvals.push({ meetingId: v.meetingId, version: v.number, kind: 'changeRequest', answer: c });
        const mentions = mentionsOf({ content: v.content, sentBy: v.sentBy }, personId, name);
        if (mentions.length > 0) minutesVersions.push({ meetingId: v.meetingId, version: v.number, state: v.state, hash: v.hash, publicRecord: v.state === 'approved', mentions });
      }
      const draft = await store.getMinutes(tenantId, meeting.id);
      const inDraft = draft ? mentionsOf(draft.minutes.content, personId, name) : [];
      if (inDraft.length > 0) drafts.push({ meetingId: meeting.id, kind: 'minutes', mentions: inDraft });
      const agenda = await store.getAgenda(tenantId, meeting.id);
      const inAgenda = agenda ? mentionsOf(agenda.agenda, personId, name) : [];
      if (inAgenda.length > 0) drafts.push({ meetingId: meeting.id, kind: 'agenda', mentions: inAgenda });
      for (const published of await store.listAgendaVersions(tenantId, meeting.id)) {
        const inVersion = mentionsOf(published, personId, name);
        if (inVersion.length > 0) drafts.push({ meetingId: meeting.id, kind: 'agendaVersion', version: published.version, mentions: inVersion });
      }
    }
    const approved = await store.listApprovedMinutes(tenantId, networkId);
    const done = await store.listActionsDone(tenantId, networkId);
    const otherNetworks: PersonalDataExport['otherNetworks'] = [];
    for (const other of await store.listNetworks(tenantId)) {
      if (other.id !== networkId && (await store.getMember(tenantId, other.id, personId))) otherNetworks.push({ id: other.id, name: other.name });
    }
    return {
      tenantId,
      networkId,
      networkName: network.name,
      personId,
      exportedAt: this.deps.clock.now().toISOString(),
      membership: member ?? null,
      otherNetworks,
      attendance,
      meetingsCreated: meetings.filter((m) => m.createdBy.id === personId).map((m) => ({ meetingId: m.id, date: m.date, start: m.start })),
      proposals,
      actionItems: approved.flatMap(actionsOf).filter((a) => ownsAction(a.action, personId, new Set())),
      actionsMarkedDone: Object.entries(done).filter(([, d]) => d.by === personId).map(([actionId, d]) => ({ actionId, ...d })),
      approvals,
      minutesVersions,
      drafts,
    };
  }

  /**
   * Erases what may go (see the module comment). Refused while the person is in the team: the
   * next read of Teams' roster would store them again. Running it twice changes nothing more.
   */
  async erase(caller: Caller, networkId: string, personId: string): Promise<PersonalDataErasure> {
    const found = await this.export(caller, networkId, personId);
    if (found.membership && found.membership.leftAt === undefined) throw new DomainError('person_in_team');
    const { store } = this.deps;
    const tenantId = found.tenantId;
    const erasedAt = this.deps.clock.now().toISOString();
    const removedAttendance: string[] = [];
    const keptAttendance: string[] = [];
    for (const record of found.attendance) {
      if (isApproved(await store.listMinutesVersions(tenantId, record.meetingId))) keptAttendance.push(record.meetingId);
      else if (await store.removeAttendance(tenantId, record.meetingId, personId)) removedAttendance.push(record.meetingId);
    }
    const pseudonymised: string[] = [];
    for (const p of found.proposals) {
      await store.updateProposal({
        ...p,
        proposedBy: p.proposedBy.id === personId ? { ...ERASED_PERSON } : p.proposedBy,
        ...(p.decidedBy?.id === personId ? { decidedBy: { ...ERASED_PERSON } } : {}),
      });
      pseudonymised.push(`${p.meetingId}/${p.id}`);
    }
    for (const done of found.actionsMarkedDone) await store.setActionDone(tenantId, networkId, done.actionId, { by: ERASED_PERSON.id, at: done.at });
    const personalCards = found.membership ? await store.removePersonalDeliveries(tenantId, found.membership.teamsUserId) : 0;
    const membership = await store.removeMember(tenantId, networkId, personId);
    // The approved protocols are read again: what is kept is checked, not assumed.
    const approvedProtocols = found.minutesVersions.filter((v) => v.publicRecord).map((v) => ({ meetingId: v.meetingId, version: v.version, hash: v.hash }));
    for (const p of approvedProtocols) {
      const stored = await store.getMinutesVersion(tenantId, p.meetingId, p.version);
      if (!stored || contentHash(stored.version.content) !== p.hash) throw new Error(`approved minutes ${p.meetingId} v${p.version} no longer match their hash`);
    }
    return {
      tenantId,
      networkId,
      personId,
      erasedAt,
      removed: { membership, attendance: removedAttendance, personalCards },
      pseudonymised: { proposals: pseudonymised, actionsMarkedDone: found.actionsMarkedDone.map((d) => d.actionId) },
      kept: {
        approvedProtocols,
        attendanceOfApprovedMeetings: keptAttendance,
        drafts: found.drafts.map(({ meetingId, kind, version }) => ({ meetingId, kind, ...(version !== undefined ? { version } : {}) })),
        meetingsCreated: found.meetingsCreated.map((m) => m.meetingId),
      },
      explanation: { ...ERASURE_EXPLANATION },
    };
  }

  /** Every meeting of the network, past and future. */
  private meetings(tenantId: string, networkId: string): Promise<Meeting[]> {
    return this.deps.store.listMeetings(tenantId, networkId, '0000-01-01');
  }
}

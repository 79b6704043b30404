import type restify from 'restify';
import type { AgendaService, VersionedAgenda, VersionedTemplate } from '../app/agendas';
import type { ProposalService } from '../app/proposals';
import type { Proposal } from '../domain/proposal';
import { termPlanMessage } from '../cards/agenda-strings';
import { MeetingInvalid, type MeetingService } from '../app/meetings';
import { scheduleItems } from '../domain/agenda';
import type { Caller, MyMeeting, TabQueries } from '../app/tab-queries';
import { strings } from '../cards';
import { DomainError } from '../domain/errors';
import type { AppLogger } from '../log';
import type { Member, NetworkRole } from '../domain/network';
import type { Meeting } from '../domain/meeting';
import type { AgendaTemplateResponse, AttendanceResponse, TermPlanResponse, AgendaResponse, ApiProposal, ProposalsResponse, DevIdentitiesResponse, MembersResponse, MeResponse, MyMeetingsResponse, NetworkMember, NetworkResponse } from './api-contract';
import { SsoError, type SsoVerifier } from './sso';
import type { MinutesUseCases } from '../app/minutes';
import type { PersonalData } from '../app/personal-data';
import type { SearchService } from '../app/search';
import { registerMinutesApi } from './minutes-api';
import { registerImportApi } from './import-api';
import type { ProtocolImports } from '../app/imports';
import type { ProtocolExports } from '../app/exports';
import { zipStream } from './zip-stream';
import { routeTable } from './routing';
import type { CurrentMeetingResponse, MeetingResponse, MeetingSummary, SearchResponse } from './api-contract';
import { ownersText } from '../domain/minutes';

export interface ApiDeps {
  queries: TabQueries;
  meetings: MeetingService;
  agendas: AgendaService;
  proposals: ProposalService;
  minutes: MinutesUseCases;
  /** The admins' export and erasure of one person's data. */
  personalData: PersonalData;
  /** Full-text search over approved protocols. */
  search: SearchService;
  /** Old protocols read from files and saved as importerat (the chair group). */
  imports: ProtocolImports;
  /** Protocols as justera-protokoll/1 JSON, and a network's whole archive as one zip. */
  exports: ProtocolExports;
  sso: SsoVerifier;
  /** Local mode: the dev identity header is honoured and the dev picker is served. */
  localMode: boolean;
  log: AppLogger;
}

const DEV_HEADER = 'x-justera-dev-user';

/** The tab's JSON API under /api/v1, from the route table (src/contract/routes.ts). Every route but the dev picker's authenticates first. */
export function registerApi(server: restify.Server, deps: ApiDeps): void {
  const { serve, servePublic, serveFile, serveStream, unserved } = routeTable(server, (req) => authenticate(req, deps), deps.log);

  servePublic('devIdentities', async () => {
    if (!deps.localMode) throw new DomainError('not_found');
    const identities = (await deps.queries.everyMember()).map(({ member: m, network }) => ({
      id: devId(m.tenantId, m.id),
      name: m.name,
      email: m.email,
      municipality: m.municipality,
      networkName: network.name,
    }));
    return { identities } satisfies DevIdentitiesResponse;
  });

  serve('me', async (caller) => {
    const networks = await deps.queries.myNetworks(caller);
    const name = caller.name || networks[0]?.member.name || '';
    return {
      user: { id: caller.userId, name, tenantId: caller.tenantId },
      networks: networks.map(({ network, role }) => ({ id: network.id, name: network.name, role })),
    } satisfies MeResponse;
  });

  serve('search', async (caller, { query }) => {
    const { q, network, year, organisation, person, openActions, field } = query;
    const answer = await deps.search.search(caller, {
      q,
      ...(network ? { network } : {}),
      ...(year ? { year: Number(year) } : {}),
      ...(organisation ? { organisation } : {}),
      ...(person ? { person } : {}),
      ...(openActions === 'true' ? { openActions: true } : {}),
      ...(field ? { field } : {}),
    });
    return {
      more: answer.more,
      variants: answer.variants,
      results: answer.results.map((r) => ({ ...r, hits: r.hits.map(({ actionId: _id, ...h }) => h) })),
    } satisfies SearchResponse;
  });

  serve('myMeetings', async (caller) => {
    const list = await deps.queries.myMeetings(caller);
    return { meetings: list.map(meetingSummary) } satisfies MyMeetingsResponse;
  });

  serve('network', async (caller, { params: { networkId } }) => {
    const { network, role, capabilities } = await deps.queries.network(caller, networkId);
    return { id: network.id, name: network.name, channels: network.channels, role, capabilities, minutesKind: network.minutesKind ?? 'protokoll' } satisfies NetworkResponse;
  });

  serve('setMinutesKind', async (caller, { params: { networkId }, body }) => {
    await deps.queries.setMinutesKind(caller, networkId, body.kind);
    const { network, role, capabilities } = await deps.queries.network(caller, networkId);
    return { id: network.id, name: network.name, channels: network.channels, role, capabilities, minutesKind: network.minutesKind ?? 'protokoll' } satisfies NetworkResponse;
  });

  serve('members', async (caller, { params: { networkId } }) => {
    const { members, capabilities } = await deps.queries.members(caller, networkId);
    return { members: members.map(memberView), canAssignRoles: capabilities.assignRoles, capabilities } satisfies MembersResponse;
  });

  /** The open action items an agenda shows under "Föregående protokoll". */
  const openActionsBefore = async (v: VersionedAgenda): Promise<AgendaResponse['openActions']> =>
    (await deps.minutes.actions.openActionsBefore(v.meeting)).map((a) => ({ id: a.action.id, text: a.action.text, owner: ownersText(a.action.owners), meetingDate: a.meetingDate, itemTitle: a.itemTitle, ...(a.action.due ? { due: a.action.due } : {}) }));
  registerMinutesApi(serve, deps.minutes);
  registerImportApi(serve, deps.imports);
  serveFile('minutesDocument', (caller, { params: { meetingId, version, kind } }) =>
    kind === 'json' ? deps.exports.json(caller, meetingId, version) : deps.minutes.past.document(caller, meetingId, version, kind),
  );
  serveStream('exportArchive', async (caller, { params: { networkId } }) => {
    const { name, entries } = await deps.exports.archive(caller, networkId);
    return { name, contentType: 'application/zip', chunks: zipStream(entries, new Date()) };
  });

  /** The meeting as it is stored now, with my status and the counts, and what I may do to it. */
  const meetingAnswer = async (caller: Caller, meetingId: string): Promise<MeetingResponse> => {
    const { capabilities } = await deps.meetings.read(caller, meetingId);
    const { meeting, summary, myStatus } = await deps.queries.attendance(caller, meetingId);
    return { meeting: meetingSummary({ meeting, myStatus, counts: summary.counts }), capabilities };
  };
  serve('meeting', (caller, { params: { meetingId } }) => meetingAnswer(caller, meetingId));
  serve('editMeeting', async (caller, { params: { meetingId }, body }) => {
    const result = await deps.meetings.edit(caller, meetingId, body);
    if (!result.ok) throw new MeetingInvalid(result.errors);
    return meetingAnswer(caller, meetingId);
  });
  serve('cancelMeeting', async (caller, { params: { meetingId } }) => {
    await deps.meetings.cancel(caller, meetingId);
    return meetingAnswer(caller, meetingId);
  });
  serve('createMeeting', async (caller, { params: { networkId }, body: { formId, past, ...values }, locale }) => {
    const result = await deps.meetings.create({ tenantId: caller.tenantId, networkId, formId, values, by: { id: caller.userId, name: caller.name }, locale, ...(past ? { past } : {}) });
    if (!result.ok) throw new MeetingInvalid(result.errors);
    return meetingAnswer(caller, result.meeting.id);
  });

  serve('attendance', async (caller, { params: { meetingId } }) => {
    const { meeting, summary, myStatus } = await deps.queries.attendance(caller, meetingId);
    return {
      meetingId: meeting.id,
      attendanceClosed: meeting.attendanceClosed,
      counts: summary.counts,
      groups: summary.groups.map((g) => ({ municipality: g.municipality, people: g.people.map((p) => ({ name: p.name, status: p.status })) })),
      guests: summary.guests.map((p) => ({ name: p.name, status: p.status })),
      apologies: summary.apologies.map((a) => ({ name: a.name, municipality: a.municipality })),
      missingMunicipalities: summary.missingMunicipalities,
      myStatus,
    } satisfies AttendanceResponse;
  });

  serve('agenda', async (caller, { params: { meetingId } }) => {
    const v = await deps.agendas.read(caller, meetingId);
    return agendaView(v, v.capabilities.editAgenda, await openActionsBefore(v));
  });

  serve('saveAgenda', async (caller, { params: { meetingId }, body, ifMatch }) => {
    const v = await deps.agendas.saveItems(caller, meetingId, body.items, ifMatch);
    return agendaView(v, true, await openActionsBefore(v));
  });

  serve('publishAgenda', async (caller, { params: { meetingId }, ifMatch }) => {
    const v = await deps.agendas.publish(caller, meetingId, ifMatch);
    return agendaView(v, true, await openActionsBefore(v));
  });

  serve('agendaTemplate', async (caller, { params: { networkId } }) => templateView(await deps.agendas.readTemplate(caller, networkId)));

  serve('saveAgendaTemplate', async (caller, { params: { networkId }, body, ifMatch }) =>
    templateView(await deps.agendas.saveTemplate(caller, networkId, body, ifMatch)),
  );

  serve('personalData', (caller, { params: { networkId, personId } }) => deps.personalData.export(caller, networkId, personId));
  serve('erasePersonalData', (caller, { params: { networkId, personId } }) => deps.personalData.erase(caller, networkId, personId));

  serve('proposals', async (caller, { params: { meetingId } }) => ({
    proposals: (await deps.proposals.list(caller, meetingId)).map(proposalView),
  }) satisfies ProposalsResponse);

  serve('acceptProposal', async (caller, { params: { meetingId, proposalId } }) => proposalView(await deps.proposals.accept(caller, meetingId, proposalId)));

  serve('declineProposal', async (caller, { params: { meetingId, proposalId }, body: { reason } }) =>
    proposalView(await deps.proposals.decline(caller, meetingId, proposalId, reason)),
  );

  const plannedView = (m: Meeting): TermPlanResponse['created'][number] => ({ id: m.id, date: m.date, start: m.start, end: m.end, place: m.place });
  serve('termPlan', async (caller, { params: { networkId }, body, locale }) => {
    const result = await deps.meetings.plan({
      tenantId: caller.tenantId,
      networkId,
      planId: body.planId,
      text: body.text,
      by: { id: caller.userId, name: caller.name },
      locale,
    });
    const s = strings(locale);
    return {
      created: result.created.map(plannedView),
      alreadyPlanned: result.alreadyPlanned.map(plannedView),
      problems: [
        ...result.problems.map((p) => ({ code: p.code, severity: p.severity, detail: termPlanMessage(p, locale) })),
        ...result.refused.map((r) => ({
          code: 'not_created',
          severity: 'error' as const,
          detail: `"${result.drafts[r.index]?.source ?? ''}": ${Object.values(r.errors).map((e) => s.fieldErrors[e]).join(' ')}`,
        })),
      ],
    } satisfies TermPlanResponse;
  });

  serve('setRole', async (caller, { params: { networkId, memberId }, body }) => {
    const updated = await deps.queries.assignRole(caller, networkId, memberId, body.role);
    return memberView(updated) satisfies NetworkMember;
  });

  serve('currentMeeting', async (caller, { params: { networkId } }) => {
    const found = await deps.queries.currentMeeting(caller, networkId);
    return { meeting: found ? meetingSummary(found.current) : null, today: found?.today ?? false } satisfies CurrentMeetingResponse;
  });

  const missing = unserved();
  if (missing.length > 0) throw new Error(`API routes without a handler: ${missing.join(', ')}`);
}

const meetingSummary = ({ meeting: m, myStatus, counts }: MyMeeting): MeetingSummary => ({
  id: m.id,
  networkId: m.networkId,
  networkName: m.networkName,
  date: m.date,
  start: m.start,
  end: m.end,
  place: m.place,
  mode: m.mode,
  ...(m.teamsLink ? { teamsLink: m.teamsLink } : {}),
  attendanceClosed: m.attendanceClosed,
  myStatus,
  counts,
  ...(m.cancelled ? { cancelled: true } : {}),
  ...(m.movedFrom ? { movedFrom: m.movedFrom } : {}),
  ...(m.recordedAfterwards ? { recordedAfterwards: true } : {}),
});

const memberView = ({ member, role }: { member: Member; role: NetworkRole }): NetworkMember => ({
  id: member.id,
  name: member.name,
  email: member.email,
  municipality: member.municipality,
  role,
});

function agendaView(v: VersionedAgenda, canEdit: boolean, openActions: AgendaResponse['openActions']): AgendaResponse {
  const schedule = scheduleItems(v.agenda, v.meeting.start, v.meeting.end);
  const times = schedule.ok ? schedule.value : undefined;
  return {
    meetingId: v.agenda.meetingId,
    version: v.agenda.version,
    status: v.agenda.status,
    ...(v.agenda.publishedAt ? { publishedAt: v.agenda.publishedAt } : {}),
    items: v.agenda.items.map((item, n) => ({
      ...item,
      number: n + 1,
      start: times?.items[n]?.start ?? '',
      end: times?.items[n]?.end ?? '',
    })),
    overrunMin: times?.overrunMin ?? 0,
    canEdit,
    capabilities: v.capabilities,
    etag: v.etag,
    openActions,
  };
}

function templateView(v: VersionedTemplate): AgendaTemplateResponse {
  const { template } = v;
  return {
    networkId: template.networkId,
    opening: template.opening,
    closing: template.closing,
    isDefault: v.isDefault,
    ...(template.updatedAt ? { updatedAt: template.updatedAt } : {}),
    ...(template.updatedBy ? { updatedBy: template.updatedBy.name } : {}),
    capabilities: v.capabilities,
    etag: v.etag,
  };
}

function proposalView(p: Proposal): ApiProposal {
  return {
    id: p.id,
    title: p.title,
    description: p.description,
    proposedBy: { id: p.proposedBy.id, name: p.proposedBy.name },
    status: p.status,
    ...(p.reason ? { reason: p.reason } : {}),
    createdAt: p.createdAt,
    ...(p.decidedAt ? { decidedAt: p.decidedAt } : {}),
  };
}

/** Bearer token (always), or the dev identity header (local mode only). */
async function authenticate(req: restify.Request, deps: ApiDeps): Promise<Caller> {
  const auth = req.header('authorization') ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
  if (bearer) {
    try {
      return await deps.sso.verify(bearer);
    } catch (err) {
      deps.log.warn({ reason: err instanceof SsoError ? err.reason : 'verification failed' }, 'token refused');
      throw new DomainError('unauthenticated');
    }
  }
  const dev = req.header(DEV_HEADER);
  if (dev && deps.localMode) {
    const caller = await deps.queries.memberAsCaller(...fromDevId(dev));
    if (caller) return caller;
  }
  throw new DomainError('unauthenticated');
}

function devId(tenantId: string, memberId: string): string {
  return Buffer.from(JSON.stringify([tenantId, memberId]), 'utf8').toString('base64url');
}

function fromDevId(id: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(id, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    // fall through: an unreadable id is no identity
  }
  return ['', ''];
}

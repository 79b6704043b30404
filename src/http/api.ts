import type restify from 'restify';
import { z } from 'zod';
import type { AgendaService, VersionedAgenda } from '../app/agendas';
import type { ProposalService } from '../app/proposals';
import type { Proposal } from '../domain/proposal';
import { termPlanMessage } from '../cards/agenda-strings';
import type { MeetingService } from '../app/meetings';
import { scheduleItems } from '../domain/agenda';
import type { Caller, MyMeeting, TabQueries } from '../app/tab-queries';
import { localeFrom, strings } from '../cards';
import { DomainError } from '../domain/errors';
import type { AppLogger } from '../log';
import type { Member, NetworkRole } from '../domain/network';
import type { AttendanceResponse, TermPlanRequest, TermPlanResponse, AgendaResponse, ApiProposal, ProposalsResponse, DevIdentitiesResponse, MembersResponse, MeResponse, MyMeetingsResponse, NetworkMember, NetworkResponse, RoleRequest } from './api-contract';
import { SsoError, type SsoVerifier } from './sso';
import type { MinutesService } from '../app/minutes';
import { registerMinutesApi } from './minutes-api';
import { sendProblem } from './problem';
import type { CurrentMeetingResponse, MeetingSummary } from './api-contract';

export interface ApiDeps {
  queries: TabQueries;
  meetings: MeetingService;
  agendas: AgendaService;
  proposals: ProposalService;
  minutes: MinutesService;
  sso: SsoVerifier;
  /** Local mode: the dev identity header is honoured and the dev picker is served. */
  localMode: boolean;
  log: AppLogger;
}

const DEV_HEADER = 'x-justera-dev-user';

/** The tab's JSON API under /api/v1. Every route authenticates first. */
export function registerApi(server: restify.Server, deps: ApiDeps): void {
  const route = (path: string, handler: (caller: Caller, req: restify.Request) => Promise<unknown>, method: 'get' | 'put' | 'post' = 'get'): void => {
    server[method](path, async (req: restify.Request, res: restify.Response) => {
      try {
        const caller = await authenticate(req, deps);
        res.setHeader('cache-control', 'no-store');
        const body = await handler(caller, req);
        const etag = (body as { etag?: unknown } | null)?.etag;
        if (typeof etag === 'string') res.setHeader('etag', etag);
        res.json(200, body);
      } catch (err) {
        sendProblem(req, res, err, deps.log);
      }
    });
  };

  server.get('/api/v1/dev/identities', async (req: restify.Request, res: restify.Response) => {
    if (!deps.localMode) return sendProblem(req, res, new DomainError('not_found'), deps.log);
    const identities = (await deps.queries.everyMember()).map(({ member: m, network }) => ({
      id: devId(m.tenantId, m.id),
      name: m.name,
      email: m.email,
      municipality: m.municipality,
      networkName: network.name,
    }));
    res.json(200, { identities } satisfies DevIdentitiesResponse);
  });

  route('/api/v1/me', async (caller) => {
    const networks = await deps.queries.myNetworks(caller);
    const name = caller.name || networks[0]?.member.name || '';
    return {
      user: { id: caller.userId, name, tenantId: caller.tenantId },
      networks: networks.map(({ network, role }) => ({ id: network.id, name: network.name, role })),
    } satisfies MeResponse;
  });

  route('/api/v1/me/meetings', async (caller) => {
    const list = await deps.queries.myMeetings(caller);
    return { meetings: list.map(meetingSummary) } satisfies MyMeetingsResponse;
  });

  route('/api/v1/networks/:networkId', async (caller, req) => {
    const networkId = keyParam(req, 'networkId');
    const { network, role } = await deps.queries.network(caller, networkId);
    return { id: network.id, name: network.name, channels: network.channels, role } satisfies NetworkResponse;
  });

  route('/api/v1/networks/:networkId/members', async (caller, req) => {
    const members = await deps.queries.members(caller, keyParam(req, 'networkId'));
    return { members: members.map(memberView), canAssignRoles: await deps.queries.canAssignRoles(caller, keyParam(req, 'networkId')) } satisfies MembersResponse;
  });

  const meetingId = (req: restify.Request): string => idParam(req, 'meetingId');
  /** The open action items an agenda shows under "Föregående protokoll". */
  const openActionsBefore = async (v: VersionedAgenda): Promise<AgendaResponse['openActions']> =>
    (await deps.minutes.openActionsBefore(v.meeting)).map((a) => ({ id: a.action.id, text: a.action.text, owner: a.action.owner.name, meetingDate: a.meetingDate, itemTitle: a.itemTitle, ...(a.action.due ? { due: a.action.due } : {}) }));
  registerMinutesApi(route, deps.minutes, { meetingId, ifMatch, key: keyParam });

  route('/api/v1/meetings/:meetingId/attendance', async (caller, req) => {
    const { meeting, summary, myStatus } = await deps.queries.attendance(caller, meetingId(req));
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

  route('/api/v1/meetings/:meetingId/agenda', async (caller, req) => {
    const v = await deps.agendas.read(caller, meetingId(req));
    return agendaView(v, await deps.agendas.canEdit(caller, v.meeting.networkId), await openActionsBefore(v));
  });

  route(
    '/api/v1/meetings/:meetingId/agenda',
    async (caller, req) => {
      const id = meetingId(req);
      const match = ifMatch(req);
      const parsed = saveRequest.safeParse(req.body);
      if (!parsed.success) throw new DomainError('bad_request');
      const v = await deps.agendas.saveItems(caller, id, parsed.data.items, match);
      return agendaView(v, true, await openActionsBefore(v));
    },
    'put',
  );

  route(
    '/api/v1/meetings/:meetingId/agenda/publish',
    async (caller, req) => {
      const v = await deps.agendas.publish(caller, meetingId(req), ifMatch(req));
      return agendaView(v, true, await openActionsBefore(v));
    },
    'post',
  );

  const proposalId = (req: restify.Request): string => idParam(req, 'proposalId');

  route('/api/v1/meetings/:meetingId/proposals', async (caller, req) => ({
    proposals: (await deps.proposals.list(caller, meetingId(req))).map(proposalView),
  }) satisfies ProposalsResponse);

  route(
    '/api/v1/meetings/:meetingId/proposals/:proposalId/accept',
    async (caller, req) => proposalView(await deps.proposals.accept(caller, meetingId(req), proposalId(req))),
    'post',
  );

  route(
    '/api/v1/meetings/:meetingId/proposals/:proposalId/decline',
    async (caller, req) => {
      const reason = (req.body as { reason?: unknown } | undefined)?.reason;
      if (typeof reason !== 'string') throw new DomainError('bad_request');
      return proposalView(await deps.proposals.decline(caller, meetingId(req), proposalId(req), reason));
    },
    'post',
  );

  route(
    '/api/v1/networks/:networkId/term-plan',
    async (caller, req) => {
      const networkId = keyParam(req, 'networkId');
      const body = req.body as Partial<TermPlanRequest> | undefined;
      if (typeof body?.text !== 'string' || body.text.length > 5000 || typeof body.planId !== 'string' || body.planId.length > 40 || !ID.test(body.planId)) {
        throw new DomainError('bad_request');
      }
      const locale = localeFrom(req.header('accept-language'));
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
        created: result.created.map((m) => ({ id: m.id, date: m.date, start: m.start, end: m.end, place: m.place })),
        problems: [
          ...result.problems.map((p) => ({ code: p.code, severity: p.severity, detail: termPlanMessage(p, locale) })),
          ...result.refused.map((r) => ({
            code: 'not_created',
            severity: 'error' as const,
            detail: `"${result.drafts[r.index]?.source ?? ''}": ${Object.values(r.errors).map((e) => s.fieldErrors[e]).join(' ')}`,
          })),
        ],
      } satisfies TermPlanResponse;
    },
    'post',
  );

  route(
    '/api/v1/networks/:networkId/members/:memberId/role',
    async (caller, req) => {
      const body = req.body as Partial<RoleRequest> | undefined;
      if (typeof body?.role !== 'string') throw new DomainError('bad_request');
      const updated = await deps.queries.assignRole(caller, keyParam(req, 'networkId'), keyParam(req, 'memberId'), body.role);
      return memberView(updated) satisfies NetworkMember;
    },
    'put',
  );

  route('/api/v1/networks/:networkId/meetings/current', async (caller, req) => {
    const networkId = keyParam(req, 'networkId');
    const found = await deps.queries.currentMeeting(caller, networkId);
    return { meeting: found ? meetingSummary(found.current) : null, today: found?.today ?? false } satisfies CurrentMeetingResponse;
  });
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
});

const memberView = ({ member, role }: { member: Member; role: NetworkRole }): NetworkMember => ({
  id: member.id,
  name: member.name,
  email: member.email,
  municipality: member.municipality,
  role,
});

const presenter = z.union([
  z.object({ kind: z.literal('member'), memberId: z.string().min(1).max(200), name: z.string().max(400) }),
  z.object({ kind: z.literal('guest'), name: z.string().max(400), organisation: z.string().max(400).optional() }),
]);
const saveRequest = z.object({
  items: z
    .array(
      z.object({
        id: z.string().min(1).max(64).optional(),
        title: z.string().max(1000),
        presenter: presenter.optional(),
        durationMin: z.number().int(),
        kind: z.enum(['information', 'diskussion', 'beslut']),
        description: z.string().max(20000).optional(),
        links: z.array(z.object({ title: z.string().max(1000), url: z.string().max(4000) })).max(50).optional(),
      }),
    )
    .max(100),
});

/** Ids Justera mints (meetings, proposals): letters, digits, - and _. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

function idParam(req: restify.Request, name: string): string {
  const id = String(req.params[name] ?? '');
  if (!ID.test(id)) throw new DomainError('bad_request');
  return id;
}

/** Ids from Teams (a team's 19:…@thread id, an Entra object id) or a client: any text, bounded. */
function keyParam(req: restify.Request, name: string): string {
  const key = String(req.params[name] ?? '');
  if (!key || key.length > 200) throw new DomainError('bad_request');
  return key;
}

function ifMatch(req: restify.Request): string {
  const value = req.header('if-match');
  if (!value) throw new DomainError('precondition_required');
  return value;
}

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
    etag: v.etag,
    openActions,
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

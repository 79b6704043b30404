import type restify from 'restify';
import { z } from 'zod';
import { MinutesInvalid, type MinutesUseCases, type MinutesView } from '../app/minutes';
import type { JusteringOutcome } from '../app/justering';
import type { Caller } from '../app/tab-queries';
import { minutesProblemText } from '../cards/justering-cards';
import { ATTENDANCE_STATUSES } from '../domain/attendance';
import { DomainError } from '../domain/errors';
import { MEETING_MODES, type Locale } from '../domain/meeting';
import type { MinutesContentInput, MinutesVersion } from '../domain/minutes';
import type { ApiMinutesVersion, MinutesResponse, MyActionsResponse, NetworkActionsResponse, PastMeetingsResponse, Problem } from './api-contract';

export type Route = (path: string, handler: (caller: Caller, req: restify.Request) => Promise<unknown>, method?: 'get' | 'put' | 'post') => void;

/** Lengths are checked by the domain (with messages at the field); this bounds what is parsed at all. */
const str = z.string().max(50_000);
const shortStr = z.string().max(1000);
const id = z.string().min(1).max(100);
const date = z.string().max(10);
const time = z.string().max(5);

const personRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), memberId: id, name: shortStr }),
  z.object({ kind: z.literal('named'), name: shortStr }),
]);
const presenter = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), memberId: id, name: shortStr }),
  z.object({ kind: z.literal('guest'), name: shortStr, organisation: shortStr.optional() }),
]);

const contentSchema = z.object({
  networkName: shortStr,
  meeting: z.object({ date, start: time, end: time, place: shortStr, mode: z.enum(MEETING_MODES), teamsLink: z.string().max(2000).optional() }),
  secretary: personRef.optional(),
  justerare: z.array(z.object({ kind: z.literal('member'), memberId: id, name: shortStr })).max(10),
  attendees: z
    .array(
      z.object({
        id,
        name: shortStr,
        municipality: shortStr,
        status: z.enum(ATTENDANCE_STATUSES),
        guest: z.boolean(),
        substituteFor: shortStr.optional(),
        arrivedAt: time.optional(),
      }),
    )
    .max(1000)
    .optional(),
  items: z
    .array(
      z.object({
        id,
        agendaItemId: id.optional(),
        title: shortStr,
        presenter: presenter.optional(),
        notes: str,
        decisions: z.array(str).max(50),
        actions: z.array(z.object({ id, text: str, owner: personRef, due: date.optional() })).max(50),
        tabled: z.boolean(),
      }),
    )
    .max(200)
    .optional(),
  nextMeetings: z.array(z.object({ date, start: time.optional(), end: time.optional(), place: shortStr.optional() })).max(20),
  nextMeetingNote: str.optional(),
}) satisfies z.ZodType<MinutesContentInput>;

/** The tab's minutes routes: read, autosave under If-Match, send for justering, answer as justerare, action items. */
export function registerMinutesApi(
  route: Route,
  { drafting, justering, actions, past }: MinutesUseCases,
  helpers: {
    meetingId(req: restify.Request): string;
    /** A bounded path parameter by name (Teams ids and the like). */
    key(req: restify.Request, name: string): string;
    ifMatch(req: restify.Request): string;
  },
): void {
  const { meetingId, ifMatch, key } = helpers;
  const networkId = (req: restify.Request): string => key(req, 'networkId');
  const version = (req: restify.Request): number => {
    const n = Number(req.params.version);
    if (!Number.isInteger(n) || n < 1 || n > 999_999) throw new DomainError('bad_request');
    return n;
  };

  route('/api/v1/meetings/:meetingId/minutes', async (caller, req) => minutesView(await drafting.read(caller, meetingId(req))));

  route(
    '/api/v1/meetings/:meetingId/minutes',
    async (caller, req) => {
      const match = ifMatch(req);
      const parsed = contentSchema.safeParse((req.body as { content?: unknown } | undefined)?.content);
      if (!parsed.success) throw new DomainError('bad_request');
      return minutesView(await drafting.save(caller, meetingId(req), parsed.data as MinutesContentInput, match));
    },
    'put',
  );

  route('/api/v1/meetings/:meetingId/minutes/send', async (caller, req) => minutesView(await drafting.send(caller, meetingId(req), ifMatch(req))), 'post');

  route('/api/v1/meetings/:meetingId/minutes/versions/:version', async (caller, req) => {
    const found = await justering.versionFor(caller.tenantId, caller.userId, meetingId(req), version(req));
    return versionView(found.version);
  });

  route(
    '/api/v1/meetings/:meetingId/minutes/versions/:version/approve',
    async (caller, req) => answerView(await justering.approve(caller.tenantId, caller.userId, meetingId(req), version(req))),
    'post',
  );

  route(
    '/api/v1/meetings/:meetingId/minutes/versions/:version/request-change',
    async (caller, req) => {
      const comment = (req.body as { comment?: unknown } | undefined)?.comment;
      if (typeof comment !== 'string') throw new DomainError('bad_request');
      return answerView(await justering.requestChange(caller.tenantId, caller.userId, meetingId(req), version(req), comment));
    },
    'post',
  );

  route(
    '/api/v1/meetings/:meetingId/minutes/versions/:version/archive',
    async (caller, req) => versionView(await past.retryArchive(caller, meetingId(req), version(req))),
    'post',
  );

  route('/api/v1/networks/:networkId/actions', async (caller, req) => {
    return { actions: await actions.networkActions(caller, networkId(req)) } satisfies NetworkActionsResponse;
  });

  route('/api/v1/me/actions', async (caller) => ({ actions: await actions.myActions(caller) }) satisfies MyActionsResponse);

  route('/api/v1/networks/:networkId/minutes', async (caller, req) => {
    const meetings = await past.pastMeetings(caller, networkId(req));
    return {
      meetings: meetings.map((p) => ({
        id: p.meeting.id,
        date: p.meeting.date,
        start: p.meeting.start,
        end: p.meeting.end,
        place: p.meeting.place,
        started: p.started,
        status: p.status,
        versions: p.versions.map((v) => ({ number: v.number, state: v.state, approvals: v.approvals, hash: v.hash })),
        documents: p.approved?.archive?.documents ?? [],
      })),
    } satisfies PastMeetingsResponse;
  });

  route(
    '/api/v1/networks/:networkId/actions/:actionId/done',
    async (caller, req) => {
      const done = (req.body as { done?: unknown } | undefined)?.done;
      if (typeof done !== 'boolean') throw new DomainError('bad_request');
      await actions.markAction(caller, networkId(req), key(req, 'actionId'), done);
      return { ok: true };
    },
    'post',
  );
}

function versionView(v: MinutesVersion): ApiMinutesVersion {
  return {
    number: v.number,
    hash: v.hash,
    state: v.state,
    sentAt: v.sentAt,
    sentBy: v.sentBy.name,
    approvals: v.approvals,
    changeRequests: v.changeRequests,
    ...(v.approvedAt ? { approvedAt: v.approvedAt } : {}),
    documents: v.archive?.documents ?? [],
    archive: v.archive?.state ?? null,
    ...(v.archive?.state === 'failed' && v.archive.lastError ? { archiveError: v.archive.lastError } : {}),
    content: v.content,
  };
}

function minutesView(v: MinutesView): MinutesResponse {
  return {
    meetingId: v.meeting.id,
    networkId: v.meeting.networkId,
    content: v.minutes.content,
    etag: v.etag,
    status: v.status,
    canEdit: v.capabilities.editMinutes,
    capabilities: v.capabilities,
    versions: v.versions.map(versionView),
  };
}

function answerView(o: JusteringOutcome): { outcome: string; reason?: string; version: ApiMinutesVersion } {
  if (o.kind === 'refused') {
    if (o.reason === 'not_justerare') throw new DomainError('forbidden');
    if (o.reason === 'already_approved') throw new DomainError('already_justerad');
    throw new DomainError('conflict', o.reason);
  }
  return { outcome: o.kind, version: versionView(o.version) };
}

/** The body of a 400 for invalid minutes: each problem at its field, in the reader's language. */
export function minutesProblemBody(err: unknown, locale: Locale): Pick<Problem, 'detail' | 'errors'> | undefined {
  if (!(err instanceof MinutesInvalid)) return undefined;
  const errors = err.problems.map((p) => ({ code: p.code, field: p.field, detail: minutesProblemText(p, locale) }));
  return { detail: errors[0]?.detail ?? '', errors };
}

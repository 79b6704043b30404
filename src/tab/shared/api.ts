import type {
  ApiMinutesContentInput,
  PastMeetingsResponse,
  AgendaResponse,
  AgendaSaveRequest,
  AgendaTemplateResponse,
  ApiProposal,
  AttendanceResponse,
  CurrentMeetingResponse,
  DevIdentitiesResponse,
  ApiMinutesVersion,
  MembersResponse,
  MeResponse,
  MeetingResponse,
  MinutesResponse,
  MyActionsResponse,
  MyMeetingsResponse,
  NetworkMember,
  NetworkResponse,
  Problem,
  ProposalsResponse,
  Role,
  TermPlanResponse,
  MinutesAnswerResponse,
} from '../../http/api-contract';
import { pathOf, ROUTES, type TemplateSaveRequest, type ApiRoute, type BodyOf, type MeetingCreateRequest, type MeetingEditRequest, type Method, type PathArgs, type ResponseOf } from '../../contract/routes';
import type { MinutesKind } from '../../domain/minutes-model';

/** A failed API call: the HTTP status (0 when the server was not reached) and the problem+json body, if any. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? `HTTP ${status}`);
  }
}

/** Who the caller is, as request headers: an SSO bearer token, or the local-mode dev header. */
export type Credentials = () => Promise<Record<string, string>>;

export const DEV_USER_HEADER = 'X-Justera-Dev-User';

export interface Api {
  me(): Promise<MeResponse>;
  myMeetings(): Promise<MyMeetingsResponse>;
  network(networkId: string): Promise<NetworkResponse>;
  /** The agenda with its ETag (from the ETag header). */
  agenda(meetingId: string): Promise<AgendaResponse>;
  /** PUT with If-Match: `etag`; 412 (ApiError) when someone else saved first. */
  saveAgenda(meetingId: string, request: AgendaSaveRequest, etag: string): Promise<AgendaResponse>;
  publishAgenda(meetingId: string, etag: string): Promise<AgendaResponse>;
  /** The network's agenda template with its ETag (`"default"` while it uses the default). */
  agendaTemplate(networkId: string): Promise<AgendaTemplateResponse>;
  /** PUT with If-Match: `etag` (the chair group); 412 when someone else saved first. */
  saveAgendaTemplate(networkId: string, request: TemplateSaveRequest, etag: string): Promise<AgendaTemplateResponse>;
  proposals(meetingId: string): Promise<ProposalsResponse>;
  acceptProposal(meetingId: string, proposalId: string): Promise<ApiProposal>;
  declineProposal(meetingId: string, proposalId: string, reason: string): Promise<ApiProposal>;
  members(networkId: string): Promise<MembersResponse>;
  /** Admins only; answers the member with the new role. */
  setRole(networkId: string, memberId: string, role: Role): Promise<NetworkMember>;
  /** The chair group or admins: protokoll or minnesanteckningar; answers the network. */
  setMinutesKind(networkId: string, kind: MinutesKind): Promise<NetworkResponse>;
  /** Editors only; `planId` makes a retry create nothing new. */
  planTerm(networkId: string, planId: string, text: string): Promise<TermPlanResponse>;
  /** The network's meeting today, else the next upcoming one (the meeting side panel's). */
  currentMeeting(networkId: string): Promise<CurrentMeetingResponse>;
  /** The meetings of the last year up to today, newest first, with their minutes' status and documents. */
  pastMeetings(networkId: string): Promise<PastMeetingsResponse>;
  attendance(meetingId: string): Promise<AttendanceResponse>;
  /** The minutes with their ETag; the first read starts them from the agenda and the check-in. */
  minutes(meetingId: string): Promise<MinutesResponse>;
  /** PUT with If-Match: `etag`; 412 when someone else saved first, 400 with each problem at its field. */
  /** The attendance or the items left out of `content` stay as the server has them (they may follow the check-in and the agenda). */
  saveMinutes(meetingId: string, content: ApiMinutesContentInput, etag: string): Promise<MinutesResponse>;
  /** "Skicka för justering" with If-Match: `etag`. */
  sendMinutes(meetingId: string, etag: string): Promise<MinutesResponse>;
  /** A justerare's answer to a version: approve, or ask for a change with a comment. */
  answerMinutes(meetingId: string, version: number, answer: { approve: true } | { comment: string }): Promise<MinutesAnswerResponse>;
  minutesVersion(meetingId: string, version: number): Promise<ApiMinutesVersion>;
  /** An archived document of the local folder archive (its webUrl opens nowhere), fetched with the caller's sign-in. */
  document(meetingId: string, version: number, kind: 'pdf' | 'docx'): Promise<Blob>;
  /** Archives a justerat version again after the archive refused it (those who write the minutes). */
  retryArchive(meetingId: string, version: number): Promise<ApiMinutesVersion>;
  /** The meeting as stored now, and what I may do to it (move, cancel). */
  meeting(meetingId: string): Promise<MeetingResponse>;
  /** The chair group moves or edits it; 400 with each problem at its field. */
  editMeeting(meetingId: string, values: MeetingEditRequest): Promise<MeetingResponse>;
  /** The chair group cancels it ("Inställd"); again changes nothing. */
  cancelMeeting(meetingId: string): Promise<MeetingResponse>;
  /** A meeting from the tab; `past: true` records one already held (the chair group), to write its minutes. */
  createMeeting(networkId: string, request: MeetingCreateRequest): Promise<MeetingResponse>;
  /** "Mina uppdrag": my action items from approved minutes across my networks. */
  myActions(): Promise<MyActionsResponse>;
  /** Marks an action item done (or open again): its owner or an editor. */
  markAction(networkId: string, actionId: string, done: boolean): Promise<void>;
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as { detail?: unknown }).detail === 'string';
}

interface RequestOptions {
  method?: Method;
  body?: unknown;
  ifMatch?: string;
}

async function request<T>(path: string, headers: Record<string, string>, opts: RequestOptions = {}): Promise<{ body: T; etag: string | null }> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? 'GET',
      headers: {
        accept: 'application/json',
        ...headers,
        ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(opts.ifMatch !== undefined ? { 'if-match': opts.ifMatch } : {}),
      },
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, null);
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, isProblem(body) ? body : null);
  return { body: body as T, etag: res.headers.get('etag') };
}

/** An answer whose `etag` is taken from the ETag header (the body's copy only if the header is missing). */
function withEtag<T extends { etag: string }>(answer: { body: T; etag: string | null }): T {
  return { ...answer.body, etag: answer.etag ?? answer.body.etag };
}

/** The call of one route of the table: its path from `args`, its method, body and If-Match. */
type Call = <T extends ApiRoute>(route: T, args: PathArgs<T>, opts?: { body?: BodyOf<T>; ifMatch?: string }) => Promise<{ body: ResponseOf<T>; etag: string | null }>;

export function createApi(credentials: Credentials, acceptLanguage: string): Api {
  const headers = async (): Promise<Record<string, string>> => ({ 'accept-language': acceptLanguage, ...(await credentials()) });
  const call: Call = async (route, args, opts = {}) =>
    request(pathOf(route, args), await headers(), {
      method: route.method,
      ...(opts.body !== undefined ? { body: opts.body } : {}),
      ...(opts.ifMatch !== undefined ? { ifMatch: opts.ifMatch } : {}),
    });
  /** The answer's body, for a route that sends none. */
  const answer = async <T extends ApiRoute>(route: T, args: PathArgs<T>): Promise<ResponseOf<T>> => (await call(route, args)).body;
  const R = ROUTES;
  return {
    me: () => answer(R.me, {}),
    myMeetings: () => answer(R.myMeetings, {}),
    network: (networkId) => answer(R.network, { networkId }),
    agenda: async (meetingId) => withEtag(await call(R.agenda, { meetingId })),
    saveAgenda: async (meetingId, body, etag) => withEtag(await call(R.saveAgenda, { meetingId }, { body, ifMatch: etag })),
    publishAgenda: async (meetingId, etag) => withEtag(await call(R.publishAgenda, { meetingId }, { ifMatch: etag })),
    agendaTemplate: async (networkId) => withEtag(await call(R.agendaTemplate, { networkId })),
    saveAgendaTemplate: async (networkId, body, etag) => withEtag(await call(R.saveAgendaTemplate, { networkId }, { body, ifMatch: etag })),
    proposals: (meetingId) => answer(R.proposals, { meetingId }),
    acceptProposal: (meetingId, proposalId) => answer(R.acceptProposal, { meetingId, proposalId }),
    declineProposal: async (meetingId, proposalId, reason) => (await call(R.declineProposal, { meetingId, proposalId }, { body: { reason } })).body,
    members: (networkId) => answer(R.members, { networkId }),
    setRole: async (networkId, memberId, role) => (await call(R.setRole, { networkId, memberId }, { body: { role } })).body,
    setMinutesKind: async (networkId, kind) => (await call(R.setMinutesKind, { networkId }, { body: { kind } })).body,
    planTerm: async (networkId, planId, text) => (await call(R.termPlan, { networkId }, { body: { planId, text } })).body,
    currentMeeting: (networkId) => answer(R.currentMeeting, { networkId }),
    pastMeetings: (networkId) => answer(R.pastMeetings, { networkId }),
    attendance: (meetingId) => answer(R.attendance, { meetingId }),
    minutes: async (meetingId) => withEtag(await call(R.minutes, { meetingId })),
    saveMinutes: async (meetingId, content, etag) => withEtag(await call(R.saveMinutes, { meetingId }, { body: { content }, ifMatch: etag })),
    sendMinutes: async (meetingId, etag) => withEtag(await call(R.sendMinutes, { meetingId }, { ifMatch: etag })),
    answerMinutes: async (meetingId, version, reply) =>
      'approve' in reply
        ? answer(R.approveMinutes, { meetingId, version })
        : (await call(R.requestMinutesChange, { meetingId, version }, { body: { comment: reply.comment } })).body,
    minutesVersion: (meetingId, version) => answer(R.minutesVersion, { meetingId, version }),
    retryArchive: (meetingId, version) => answer(R.retryArchive, { meetingId, version }),
    document: async (meetingId, version, kind) => {
      let res: Response;
      try {
        res = await fetch(pathOf(R.minutesDocument, { meetingId, version, kind }), { headers: await headers(), credentials: 'omit', cache: 'no-store' });
      } catch {
        throw new ApiError(0, null);
      }
      if (!res.ok) {
        const body: unknown = await res.json().catch(() => null);
        throw new ApiError(res.status, isProblem(body) ? body : null);
      }
      return res.blob();
    },
    meeting: (meetingId) => answer(R.meeting, { meetingId }),
    editMeeting: async (meetingId, body) => (await call(R.editMeeting, { meetingId }, { body })).body,
    cancelMeeting: (meetingId) => answer(R.cancelMeeting, { meetingId }),
    createMeeting: async (networkId, body) => (await call(R.createMeeting, { networkId }, { body })).body,
    myActions: () => answer(R.myActions, {}),
    markAction: async (networkId, actionId, done) => {
      await call(R.markAction, { networkId, actionId }, { body: { done } });
    },
  };
}

/** Local mode only: the people the dev identity picker offers. Null when the server is not in local mode (404). */
export async function devIdentities(acceptLanguage: string): Promise<DevIdentitiesResponse['identities'] | null> {
  try {
    return (await request<DevIdentitiesResponse>(pathOf(ROUTES.devIdentities, {}), { 'accept-language': acceptLanguage })).body.identities;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

import * as z from 'zod/mini';
import { ITEM_KINDS, STANDARD_ITEMS } from '../domain/agenda';
import { ATTENDANCE_STATUSES } from '../domain/attendance';
import { MEETING_MODES } from '../domain/meeting';
import { currentInput, type LegacyMinutesContentInput } from '../domain/minutes-legacy';
import { ARCHIVED_DOCUMENT_KINDS, ITEM_KINDS_MINUTES, ITEM_NUMBERINGS, MINUTES_ATTENDANCE, MINUTES_FORMAT, MINUTES_KINDS, OWNER_ROLES, type MinutesContentInput } from '../domain/minutes-model';
import { NETWORK_ROLES } from '../domain/network';
import { SEARCH_FIELDS } from '../domain/search/query';
import { protokollDocumentSchema } from './protokoll';
import type {
  AgendaResponse,
  AgendaTemplateResponse,
  ApiMinutesVersion,
  ApiProposal,
  AttendanceResponse,
  CurrentMeetingResponse,
  DevIdentitiesResponse,
  MembersResponse,
  MeResponse,
  MeetingResponse,
  MinutesAnswerResponse,
  MinutesResponse,
  MyActionsResponse,
  MyMeetingsResponse,
  NetworkActionsResponse,
  NetworkMember,
  NetworkResponse,
  ImportReadResponse,
  ImportSaveResponse,
  PastMeetingsResponse,
  SearchResponse,
  PersonalDataErasure,
  PersonalDataExport,
  ProposalsResponse,
  TermPlanResponse,
} from '../http/api-contract';

/**
 * The tab's JSON API under /api/v1, declared once: each route's method, path, the zod schema of
 * its path parameters, query and body, whether it needs If-Match, and its response type. The
 * server registers its handlers from this table and validates every input here before a
 * handler runs (src/http/routing.ts); the tab's API client (src/tab/api.ts) builds its paths and
 * bodies from the same entries.
 *
 * zod/mini, not classic zod: the tab bundles this module, and zod/mini adds about 25 KB to it
 * (8 KB gzipped) where classic zod would add some 450 KB (both minified).
 *
 * The schemas bound what is parsed at all; the rules with a message at the field (lengths,
 * dates, the agenda's frame, who may do what) stay in the domain and the use cases.
 */

// ---------------------------------------------------------------------------------------------
// Building blocks

const text = (max: number) => z.string().check(z.maxLength(max));
/** Lengths are checked by the domain (with messages at the field); this bounds what is parsed at all. */
const longText = text(50_000);
const shortText = text(1000);
const date = text(10);
const time = text(5);
const memberId = z.string().check(z.minLength(1), z.maxLength(200));
const itemId = z.string().check(z.minLength(1), z.maxLength(100));

/** Ids Justera mints (meetings, proposals): letters, digits, - and _. */
export const MINTED_ID = /^[A-Za-z0-9_-]{1,64}$/;
const mintedId = z.string().check(z.regex(MINTED_ID));
/** Ids from Teams (a team's 19:…@thread id, an Entra object id) or a client: any text, bounded. */
const teamsKey = z.string().check(z.minLength(1), z.maxLength(200));
/** A minutes version number in the path: 1 to 999999. */
const versionNumber = z.pipe(z.string().check(z.regex(/^[1-9][0-9]{0,5}$/)), z.transform(Number));

const presenter = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), memberId, name: shortText }),
  z.object({ kind: z.literal('guest'), name: shortText, organisation: z.optional(shortText) }),
]);
const personRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), memberId, name: shortText }),
  z.object({ kind: z.literal('named'), name: shortText }),
]);

/** PUT …/agenda: the items in order; an item without id is new. */
const agendaSaveRequest = z.object({
  items: z
    .array(
      z.object({
        id: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
        title: shortText,
        presenter: z.optional(presenter),
        durationMin: z.int(),
        kind: z.enum(ITEM_KINDS),
        description: z.optional(text(20_000)),
        links: z.optional(z.array(z.object({ title: shortText, url: text(4000) })).check(z.maxLength(50))),
      }),
    )
    .check(z.maxLength(100)),
});
export type AgendaSaveRequest = z.infer<typeof agendaSaveRequest>;

/** PUT …/agenda-template: the items before the topics and after them, in order; an item without id is new. */
const templateItem = z.object({
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  title: shortText,
  durationMin: z.int(),
  kind: z.enum(ITEM_KINDS),
  description: z.optional(text(20_000)),
  standard: z.optional(z.enum(STANDARD_ITEMS)),
});
const templateSaveRequest = z.object({
  opening: z.array(templateItem).check(z.maxLength(100)),
  closing: z.array(templateItem).check(z.maxLength(100)),
});
export type TemplateSaveRequest = z.infer<typeof templateSaveRequest>;

const memberRef = z.object({ kind: z.literal('member'), memberId, name: shortText });
const actionOwner = z.discriminatedUnion('kind', [
  memberRef,
  z.object({ kind: z.literal('named'), name: shortText }),
  z.object({ kind: z.literal('role'), role: z.enum(OWNER_ROLES), name: shortText }),
  z.object({ kind: z.literal('group'), name: shortText, members: z.array(memberRef).check(z.maxLength(200)) }),
]);
const nextMeetings = z.array(z.object({ date, start: z.optional(time), end: z.optional(time), place: z.optional(shortText) })).check(z.maxLength(20));

/** A list of at most `max`, which a save may leave out (the attendance, the items: "as they are"). */
const optionalList = <T extends z.ZodMiniType>(element: T, max: number) => z.optional(z.array(element).check(z.maxLength(max)));
const people = { secretary: z.optional(personRef), justerare: z.array(memberRef).check(z.maxLength(10)) };

/** The minutes' content in the current shape (domain/minutes-model.ts). */
const currentMinutesContent = z.object({
  format: z.literal(MINUTES_FORMAT),
  kind: z.enum(MINUTES_KINDS),
  numbering: z.enum(ITEM_NUMBERINGS),
  networkName: shortText,
  meeting: z.object({
    date,
    start: z.optional(time),
    end: z.optional(time),
    place: z.optional(shortText),
    mode: z.optional(z.enum(MEETING_MODES)),
    teamsLink: z.optional(text(2000)),
  }),
  chair: z.optional(personRef),
  ...people,
  attendees: optionalList(
    z.object({
      id: itemId,
      name: shortText,
      organisation: shortText,
      role: z.optional(shortText),
      status: z.enum(MINUTES_ATTENDANCE),
      guest: z.boolean(),
      substituteFor: z.optional(shortText),
      arrivedAt: z.optional(time),
      leftAt: z.optional(time),
    }),
    1000,
  ),
  items: optionalList(
    z.object({
      id: itemId,
      kind: z.enum(ITEM_KINDS_MINUTES),
      agendaItemId: z.optional(itemId),
      title: shortText,
      presenters: z.array(presenter).check(z.maxLength(50)),
      notes: longText,
      questions: z.array(longText).check(z.maxLength(20)),
      responses: z.array(z.object({ speaker: shortText, text: longText })).check(z.maxLength(1000)),
      decisions: z.array(longText).check(z.maxLength(50)),
      actions: z.array(z.object({ id: itemId, text: longText, owners: z.array(actionOwner).check(z.maxLength(50)), due: z.optional(date) })).check(z.maxLength(50)),
      tabled: z.boolean(),
    }),
    200,
  ),
  nextMeetings,
  nextMeetingNote: z.optional(longText),
});

/**
 * The shape the tab sent before the protocol model (no `format`): a tab still open, or cached by
 * Teams, keeps saving until it reloads. Read into the current shape by minutes-legacy.ts.
 */
const legacyMinutesContent = z.object({
  format: z.optional(z.undefined()),
  networkName: shortText,
  meeting: z.object({ date, start: time, end: time, place: shortText, mode: z.enum(MEETING_MODES), teamsLink: z.optional(text(2000)) }),
  ...people,
  attendees: optionalList(
    z.object({ id: itemId, name: shortText, municipality: shortText, status: z.enum(ATTENDANCE_STATUSES), guest: z.boolean(), substituteFor: z.optional(shortText), arrivedAt: z.optional(time) }),
    1000,
  ),
  items: optionalList(
    z.object({
      id: itemId,
      agendaItemId: z.optional(itemId),
      title: shortText,
      presenter: z.optional(presenter),
      notes: longText,
      decisions: z.array(longText).check(z.maxLength(50)),
      actions: z.array(z.object({ id: itemId, text: longText, owner: personRef, due: z.optional(date) })).check(z.maxLength(50)),
      tabled: z.boolean(),
    }),
    200,
  ),
  nextMeetings,
  nextMeetingNote: z.optional(longText),
}) satisfies z.ZodMiniType<LegacyMinutesContentInput>;

const minutesContent = z.pipe(
  z.union([currentMinutesContent, legacyMinutesContent]),
  z.transform((c): MinutesContentInput => currentInput(c)),
) satisfies z.ZodMiniType<MinutesContentInput, unknown>;

/** PUT …/minutes: the content; the attendance or the items left out stay as the server has them. */
const minutesSaveRequest = z.object({ content: minutesContent });
export type MinutesSaveRequest = z.infer<typeof minutesSaveRequest>;

/** The longest planning text the term plan reads (the tab's field stops there too). */
export const TERM_PLAN_TEXT_MAX = 5000;
const termPlanRequest = z.object({ planId: z.string().check(z.maxLength(40), z.regex(MINTED_ID)), text: text(TERM_PLAN_TEXT_MAX) });
export type TermPlanRequest = z.infer<typeof termPlanRequest>;

/** The meeting form's fields ("ny träff", "Ändra träff"): checked with a message at each field by the domain. */
const meetingValues = { date: text(32), start: text(16), end: text(16), place: text(200), mode: text(32), teamsLink: text(2000) };
/** PUT /meetings/:meetingId: the meeting's new date, times, place, form and link. */
const meetingEditRequest = z.object(meetingValues);
export type MeetingEditRequest = z.infer<typeof meetingEditRequest>;
/** POST /networks/:networkId/meetings: a meeting from the tab; `past` confirms a meeting already held, recorded to write its minutes. */
const meetingCreateRequest = z.object({ formId: z.string().check(z.regex(MINTED_ID)), past: z.optional(z.boolean()), ...meetingValues });
export type MeetingCreateRequest = z.infer<typeof meetingCreateRequest>;

/** The largest file the import reads: a real protocol with pictures (10 MiB). */
export const IMPORT_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** The largest import request: two files of the largest size in base64, or many smaller ones (the tab sends one a request). */
export const IMPORT_BODY_MAX_BYTES = 32 * 1024 * 1024;
/** A file in an import request: its name and its bytes in base64 (JSON, not multipart: one parser, one schema). */
const uploadedFile = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(255)),
  content: z.string().check(z.maxLength(Math.ceil(IMPORT_FILE_MAX_BYTES / 3) * 4), z.regex(/^[A-Za-z0-9+/]*={0,2}$/)),
});
/** POST …/imports/read: the files to read (nothing is stored). */
const importReadRequest = z.object({ files: z.array(uploadedFile).check(z.minLength(1), z.maxLength(20)) });
export type ImportReadRequest = z.infer<typeof importReadRequest>;
/** POST …/imports: a reviewed draft and the file it was read from (or the JSON document itself). */
const importSaveRequest = z.object({ document: protokollDocumentSchema, original: uploadedFile });
export type ImportSaveRequest = z.infer<typeof importSaveRequest>;

const roleRequest = z.object({ role: z.enum(NETWORK_ROLES) });
export type RoleRequest = z.infer<typeof roleRequest>;

// ---------------------------------------------------------------------------------------------
// The route type

type Schema = z.ZodMiniType;
export type Method = 'GET' | 'PUT' | 'POST';

export interface ApiRoute<P extends Schema = Schema, Q extends Schema = Schema, B extends Schema | undefined = Schema | undefined, R = unknown> {
  method: Method;
  /** restify's form: `/api/v1/meetings/:meetingId/agenda`; each `:name` is a key of `params`. */
  path: string;
  params: P;
  query: Q;
  /** The JSON body, or undefined for a route that reads none (whatever is sent is ignored). */
  body: B;
  /** Needs `If-Match: <etag>` (428 without it). */
  ifMatch: boolean;
  /** `none`: no caller needed (the local dev identity picker only). */
  auth: 'caller' | 'none';
  /** Never set: carries the response type to the server's handler and the tab's client. */
  readonly response?: R;
}

export type ParamsOf<T> = T extends ApiRoute<infer P, Schema, Schema | undefined, unknown> ? z.output<P> : never;
export type QueryOf<T> = T extends ApiRoute<Schema, infer Q, Schema | undefined, unknown> ? z.output<Q> : never;
export type BodyOf<T> = T extends ApiRoute<Schema, Schema, infer B, unknown> ? (B extends Schema ? z.output<B> : undefined) : never;
export type ResponseOf<T> = T extends ApiRoute<Schema, Schema, Schema | undefined, infer R> ? R : never;
/** Path parameters as a client writes them (a version number as a number). */
export type PathArgs<T> = T extends ApiRoute<infer P, Schema, Schema | undefined, unknown> ? { [K in keyof z.input<P>]: string | number } : never;
/** Query parameters as a client writes them. */
export type QueryArgs<T> = T extends ApiRoute<Schema, infer Q, Schema | undefined, unknown> ? { [K in keyof z.input<Q>]?: string | number } : never;

const noParams = z.object({});
const noQuery = z.object({});

/** One route; `R` is its response type: `route<AgendaResponse>()({ … })`. No `query`: the route reads none (others are ignored). */
export function route<R>() {
  return <P extends Schema = typeof noParams, Q extends Schema = typeof noQuery, B extends Schema | undefined = undefined, A extends 'caller' | 'none' = 'caller'>(spec: {
    method: Method;
    path: string;
    params?: P;
    query?: Q;
    body?: B;
    ifMatch?: boolean;
    auth?: A;
  }): ApiRoute<P, Q, B, R> & { auth: A } => ({
    method: spec.method,
    path: spec.path,
    params: (spec.params ?? noParams) as P,
    query: (spec.query ?? noQuery) as Q,
    body: spec.body as B,
    ifMatch: spec.ifMatch ?? false,
    auth: spec.auth ?? ('caller' as A),
  });
}

const meeting = z.object({ meetingId: mintedId });
const network = z.object({ networkId: teamsKey });
const version = z.object({ meetingId: mintedId, version: versionNumber });
const person = z.object({ networkId: teamsKey, personId: teamsKey });
const V1 = '/api/v1';
/** A page of the archive: the meetings dated before `before` (YYYY-MM-DD); from today without it. */
const archivePage = z.object({ before: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))) });
/** Full-text search: the query (quoted phrases allowed) and its filters. */
const searchQuery = z.object({
  q: z.string().check(z.maxLength(300)),
  network: z.optional(teamsKey),
  year: z.optional(z.string().check(z.regex(/^\d{4}$/))),
  organisation: z.optional(z.string().check(z.maxLength(200))),
  person: z.optional(z.string().check(z.maxLength(200))),
  openActions: z.optional(z.enum(['true', 'false'])),
  field: z.optional(z.enum(SEARCH_FIELDS)),
});

// ---------------------------------------------------------------------------------------------
// The table

export const ROUTES = {
  devIdentities: route<DevIdentitiesResponse>()({ method: 'GET', path: `${V1}/dev/identities`, auth: 'none' }),
  me: route<MeResponse>()({ method: 'GET', path: `${V1}/me` }),
  myMeetings: route<MyMeetingsResponse>()({ method: 'GET', path: `${V1}/me/meetings` }),
  myActions: route<MyActionsResponse>()({ method: 'GET', path: `${V1}/me/actions` }),
  /** "Sök i protokoll": approved protocols of every network the caller may search (src/app/search.ts). */
  search: route<SearchResponse>()({ method: 'GET', path: `${V1}/search`, query: searchQuery }),

  network: route<NetworkResponse>()({ method: 'GET', path: `${V1}/networks/:networkId`, params: network }),
  members: route<MembersResponse>()({ method: 'GET', path: `${V1}/networks/:networkId/members`, params: network }),
  setRole: route<NetworkMember>()({
    method: 'PUT',
    path: `${V1}/networks/:networkId/members/:memberId/role`,
    params: z.object({ networkId: teamsKey, memberId: teamsKey }),
    body: roleRequest,
  }),
  setMinutesKind: route<NetworkResponse>()({ method: 'PUT', path: `${V1}/networks/:networkId/minutes-kind`, params: network, body: z.object({ kind: z.enum(MINUTES_KINDS) }) }),
  currentMeeting: route<CurrentMeetingResponse>()({ method: 'GET', path: `${V1}/networks/:networkId/meetings/current`, params: network }),
  agendaTemplate: route<AgendaTemplateResponse>()({ method: 'GET', path: `${V1}/networks/:networkId/agenda-template`, params: network }),
  saveAgendaTemplate: route<AgendaTemplateResponse>()({
    method: 'PUT',
    path: `${V1}/networks/:networkId/agenda-template`,
    params: network,
    body: templateSaveRequest,
    ifMatch: true,
  }),
  termPlan: route<TermPlanResponse>()({ method: 'POST', path: `${V1}/networks/:networkId/term-plan`, params: network, body: termPlanRequest }),
  /** The archive, newest first, a page at a time: `before` is the previous page's `next`. */
  pastMeetings: route<PastMeetingsResponse>()({ method: 'GET', path: `${V1}/networks/:networkId/minutes`, params: network, query: archivePage }),
  networkActions: route<NetworkActionsResponse>()({ method: 'GET', path: `${V1}/networks/:networkId/actions`, params: network }),
  markAction: route<{ ok: true }>()({
    method: 'POST',
    path: `${V1}/networks/:networkId/actions/:actionId/done`,
    params: z.object({ networkId: teamsKey, actionId: teamsKey }),
    body: z.object({ done: z.boolean() }),
  }),

  /** Everything stored about one person in the network, as JSON (the network's admins only). */
  personalData: route<PersonalDataExport>()({ method: 'GET', path: `${V1}/networks/:networkId/people/:personId/data`, params: person }),
  /** Erases what may go of one person's data and says what stays in approved protocols, and why (the network's admins only). */
  erasePersonalData: route<PersonalDataErasure>()({ method: 'POST', path: `${V1}/networks/:networkId/people/:personId/erase`, params: person }),

  /** Old protocols (the chair group): read uploaded files into drafts for review; nothing is stored. */
  readImports: route<ImportReadResponse>()({ method: 'POST', path: `${V1}/networks/:networkId/imports/read`, params: network, body: importReadRequest }),
  /** Saves a reviewed draft as an imported protocol (importerat), its original file archived beside it. */
  saveImport: route<ImportSaveResponse>()({ method: 'POST', path: `${V1}/networks/:networkId/imports`, params: network, body: importSaveRequest }),

  createMeeting: route<MeetingResponse>()({ method: 'POST', path: `${V1}/networks/:networkId/meetings`, params: network, body: meetingCreateRequest }),
  meeting: route<MeetingResponse>()({ method: 'GET', path: `${V1}/meetings/:meetingId`, params: meeting }),
  editMeeting: route<MeetingResponse>()({ method: 'PUT', path: `${V1}/meetings/:meetingId`, params: meeting, body: meetingEditRequest }),
  cancelMeeting: route<MeetingResponse>()({ method: 'POST', path: `${V1}/meetings/:meetingId/cancel`, params: meeting }),
  attendance: route<AttendanceResponse>()({ method: 'GET', path: `${V1}/meetings/:meetingId/attendance`, params: meeting }),
  agenda: route<AgendaResponse>()({ method: 'GET', path: `${V1}/meetings/:meetingId/agenda`, params: meeting }),
  saveAgenda: route<AgendaResponse>()({ method: 'PUT', path: `${V1}/meetings/:meetingId/agenda`, params: meeting, body: agendaSaveRequest, ifMatch: true }),
  publishAgenda: route<AgendaResponse>()({ method: 'POST', path: `${V1}/meetings/:meetingId/agenda/publish`, params: meeting, ifMatch: true }),
  proposals: route<ProposalsResponse>()({ method: 'GET', path: `${V1}/meetings/:meetingId/proposals`, params: meeting }),
  acceptProposal: route<ApiProposal>()({
    method: 'POST',
    path: `${V1}/meetings/:meetingId/proposals/:proposalId/accept`,
    params: z.object({ meetingId: mintedId, proposalId: mintedId }),
  }),
  declineProposal: route<ApiProposal>()({
    method: 'POST',
    path: `${V1}/meetings/:meetingId/proposals/:proposalId/decline`,
    params: z.object({ meetingId: mintedId, proposalId: mintedId }),
    body: z.object({ reason: longText }),
  }),

  minutes: route<MinutesResponse>()({ method: 'GET', path: `${V1}/meetings/:meetingId/minutes`, params: meeting }),
  saveMinutes: route<MinutesResponse>()({ method: 'PUT', path: `${V1}/meetings/:meetingId/minutes`, params: meeting, body: minutesSaveRequest, ifMatch: true }),
  sendMinutes: route<MinutesResponse>()({ method: 'POST', path: `${V1}/meetings/:meetingId/minutes/send`, params: meeting, ifMatch: true }),
  minutesVersion: route<ApiMinutesVersion>()({ method: 'GET', path: `${V1}/meetings/:meetingId/minutes/versions/:version`, params: version }),
  approveMinutes: route<MinutesAnswerResponse>()({ method: 'POST', path: `${V1}/meetings/:meetingId/minutes/versions/:version/approve`, params: version }),
  requestMinutesChange: route<MinutesAnswerResponse>()({
    method: 'POST',
    path: `${V1}/meetings/:meetingId/minutes/versions/:version/request-change`,
    params: version,
    body: z.object({ comment: longText }),
  }),
  /**
   * An archived document of the local folder archive (pdf, docx, an import's original), served to
   * the network's members; the answer is the file. `json`: any justerat or imported version as
   * justera-protokoll/1, built from the version whichever archive holds its documents.
   */
  minutesDocument: route<Blob>()({
    method: 'GET',
    path: `${V1}/meetings/:meetingId/minutes/versions/:version/documents/:kind`,
    params: z.object({ meetingId: mintedId, version: versionNumber, kind: z.enum(ARCHIVED_DOCUMENT_KINDS) }),
  }),
  retryArchive: route<ApiMinutesVersion>()({ method: 'POST', path: `${V1}/meetings/:meetingId/minutes/versions/:version/archive`, params: version }),
  /** The network's whole archive as one zip: per year, each protocol's JSON, PDF, DOCX (and original), with index.json (`exportArchive`). */
  exportArchive: route<Blob>()({ method: 'GET', path: `${V1}/networks/:networkId/archive/export`, params: network }),
} as const;

export type RouteName = keyof typeof ROUTES;

/** The path of a route with its parameters filled in, each URL-encoded, and its query if it has one. */
export function pathOf<T extends ApiRoute>(route: T, args: PathArgs<T>, query?: QueryArgs<T>): string {
  const values = args as Record<string, string | number>;
  const path = route.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => encodeURIComponent(String(values[name] ?? '')));
  const search = new URLSearchParams(Object.entries((query ?? {}) as Record<string, string | number | undefined>).flatMap(([k, v]): [string, string][] => (v === undefined ? [] : [[k, String(v)]])));
  const q = search.toString();
  return q ? `${path}?${q}` : path;
}

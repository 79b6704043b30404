/**
 * The tab's JSON API under /api/v1: request and response shapes shared by the server and the
 * tab (src/tab imports these types only). Every request carries `Authorization: Bearer <Teams
 * SSO token>`; in local mode only, `X-Justera-Dev-User: <member id>` may stand in for it.
 * Errors are application/problem+json (`Problem`), with a message in the user's language.
 * Each route (method, path, the schemas of its input, this response type) is declared once in
 * src/contract/routes.ts; the request bodies' types come from its schemas.
 */

export type { AgendaSaveRequest, MinutesSaveRequest, RoleRequest, TermPlanRequest } from '../contract/routes';
/** GET …/people/{id}/data and POST …/people/{id}/erase (admins): one person's data in a network. */
export type { PersonalDataErasure, PersonalDataExport } from '../domain/personal-data';

export type Role = 'admin' | 'ordforande' | 'sekreterare' | 'presidium' | 'member';
export type ApiMode = 'onsite' | 'online' | 'hybrid';
export type ApiStatus = 'onsite' | 'online' | 'apologies';

export interface Problem {
  type: string;
  title: string;
  status: number;
  /** Human-readable, Swedish unless the request's Accept-Language prefers English. */
  detail: string;
  /** Stable code, e.g. "unauthenticated", "forbidden", "not_found", "bad_request", "conflict". */
  code: string;
  /** For an invalid agenda: each problem, at its item. */
  errors?: { code: string; itemId?: string; field?: string; detail: string }[];
}

/**
 * What the caller may do to the thing a response is about (its network, meeting or minutes),
 * answered by the server's access policy: the tab shows or hides controls by these, and
 * never by role rules of its own.
 */
export interface ApiCapabilities {
  readNetwork: boolean;
  assignRoles: boolean;
  createMeeting: boolean;
  checkIn: boolean;
  closeAttendance: boolean;
  /** Move or edit the meeting, cancel it, record a meeting already held (the chair group). */
  editMeeting: boolean;
  cancelMeeting: boolean;
  recordPastMeeting: boolean;
  editAgenda: boolean;
  /** Edit the network's agenda template (the chair group). */
  editAgendaTemplate: boolean;
  proposeItem: boolean;
  decideProposal: boolean;
  planTerm: boolean;
  /** Choose protokoll or minnesanteckningar for the network (the chair group and admins). */
  setMinutesKind: boolean;
  readMinutes: boolean;
  editMinutes: boolean;
  sendMinutes: boolean;
  /** Approve the version waiting for justering (minutes only: its justerare, in the team now, not its secretary). */
  approve: boolean;
  requestChange: boolean;
  retryArchive: boolean;
  markActionDone: boolean;
  setOwnMunicipality: boolean;
  /** Read old protocols from files and save them as importerat (the chair group). */
  importProtocols: boolean;
  /** Take the network's whole archive out as one zip (the chair group and admins). */
  exportArchive: boolean;
}

/** GET /api/v1/dev/identities — local mode only (404 otherwise): who the dev picker offers. */
export interface DevIdentitiesResponse {
  identities: { id: string; name: string; email: string; municipality: string; networkName: string }[];
}

/** GET /api/v1/me */
export interface MeResponse {
  user: { id: string; name: string; tenantId: string };
  networks: { id: string; name: string; role: Role }[];
}

export interface MeetingSummary {
  id: string;
  networkId: string;
  networkName: string;
  date: string;
  start: string;
  end: string;
  place: string;
  mode: ApiMode;
  teamsLink?: string;
  attendanceClosed: boolean;
  myStatus: ApiStatus | null;
  counts: Record<ApiStatus, number>;
  /** Cancelled by the chair group ("Inställd"). */
  cancelled?: boolean;
  /** The date and times it had before it was moved ("Flyttad till …"). */
  movedFrom?: { date: string; start: string; end: string };
  /** Recorded after it took place, to write its minutes. */
  recordedAfterwards?: boolean;
}

/** GET, PUT /api/v1/meetings/:meetingId, POST …/cancel, POST /networks/:networkId/meetings: the meeting and what I may do to it. */
export interface MeetingResponse {
  meeting: MeetingSummary;
  capabilities: ApiCapabilities;
}

/** GET /api/v1/me/meetings — my upcoming meetings across my networks, soonest first. */
export interface MyMeetingsResponse {
  meetings: MeetingSummary[];
}

/** GET /api/v1/networks/:networkId (the Teams team id, URL-encoded) — 403 if not a member. */
export interface NetworkResponse {
  id: string;
  name: string;
  channels: { id: string; name: string }[];
  role: Role;
  capabilities: ApiCapabilities;
  /** The network's record of a meeting: protokoll (justerat by justerare) or minnesanteckningar (approved by the secretary or the chair). */
  minutesKind: MinutesKind;
}

export interface NetworkMember {
  id: string;
  name: string;
  email: string;
  municipality: string;
  role: Role;
}

/** GET /api/v1/networks/:networkId/members — any member may list them. */
export interface MembersResponse {
  members: NetworkMember[];
  /** Whether the caller may change the roles (team owners and admins): `capabilities.assignRoles`. */
  canAssignRoles: boolean;
  capabilities: ApiCapabilities;
}

/** PUT /api/v1/networks/:networkId/members/:memberId/role (`RoleRequest`) — admins only; answers the member. */

export type ApiItemKind = 'information' | 'diskussion' | 'beslut';
export type ApiStandardItem = 'attendance' | 'previous-minutes' | 'other-matters' | 'next-meeting' | 'closing';

export interface ApiTemplateItem {
  id: string;
  title: string;
  durationMin: number;
  kind: ApiItemKind;
  description: string;
  standard?: ApiStandardItem;
}

/**
 * GET /api/v1/networks/:networkId/agenda-template — any member: the items every new agenda of
 * the network starts with, around the topics, and its ETag (`"default"` while the network uses
 * the default). PUT the same path with If-Match and `TemplateSaveRequest` — the chair group;
 * 412 when someone else saved first, 400 with each problem at its item.
 */
export interface AgendaTemplateResponse {
  networkId: string;
  opening: ApiTemplateItem[];
  closing: ApiTemplateItem[];
  isDefault: boolean;
  updatedAt?: string;
  updatedBy?: string;
  capabilities: ApiCapabilities;
  etag: string;
}
export type ApiPresenter = { kind: 'member'; memberId: string; name: string } | { kind: 'guest'; name: string; organisation?: string };

export interface ApiAgendaItem {
  id: string;
  title: string;
  presenter?: ApiPresenter;
  durationMin: number;
  kind: ApiItemKind;
  description: string;
  links: { title: string; url: string }[];
  /** Set on the five standard items, which keep their place. */
  standard?: ApiStandardItem;
  /** Set on the other items of the network's template: they hold their place before (opening) or after (closing) the topics. */
  frame?: 'opening' | 'closing';
  /** Computed from the meeting's start. */
  start: string;
  end: string;
  number: number;
}

/**
 * GET /api/v1/meetings/:meetingId/agenda — the draft, with an ETag header. Any member.
 * PUT the same path with If-Match and `AgendaSaveRequest` — editors only; 412 when someone
 * else saved first, 428 without If-Match. POST …/agenda/publish with If-Match publishes it.
 */
export interface AgendaResponse {
  meetingId: string;
  version: number;
  status: 'draft' | 'published';
  publishedAt?: string;
  items: ApiAgendaItem[];
  /** Minutes the items run past the meeting's end. */
  overrunMin: number;
  /** `capabilities.editAgenda`. */
  canEdit: boolean;
  capabilities: ApiCapabilities;
  etag: string;
  /** Action items from the network's earlier approved minutes, not yet done: shown under "Föregående protokoll". */
  openActions: { id: string; text: string; owner: string; due?: string; meetingDate: string; itemTitle: string }[];
}

export interface ApiProposal {
  id: string;
  title: string;
  description: string;
  proposedBy: { id: string; name: string };
  status: 'pending' | 'accepted' | 'declined';
  reason?: string;
  createdAt: string;
  decidedAt?: string;
}

/**
 * GET /api/v1/meetings/:meetingId/proposals — any member. POST …/proposals/:id/accept (the
 * item joins the agenda, a published card updates) or …/decline with `{ reason }` — editors
 * only. Deciding again the same way changes nothing; the other way is a 412 conflict.
 */
export interface ProposalsResponse {
  proposals: ApiProposal[];
}

/**
 * POST /api/v1/networks/:networkId/term-plan — editors. The planning text as the networks
 * write it ("Fredagar kl 13–15: 4/2 Falköping, 8/4 Karlsborg, 3/6 Mariestad"); `planId`
 * (letters, digits, - and _) makes a retry create nothing new. Each created meeting gets its
 * own agenda draft; its check-in card is posted when the agenda is first published.
 */
export interface TermPlanResponse {
  created: { id: string; date: string; start: string; end: string; place: string }[];
  /** Meetings the network already has at a line's date and start (the plan pasted again): nothing new is made. */
  alreadyPlanned: { id: string; date: string; start: string; end: string; place: string }[];
  /** What could not be read or created, each with a Swedish (or English) sentence. */
  problems: { code: string; severity: 'error' | 'warning'; detail: string }[];
}

/**
 * GET /api/v1/meetings/:meetingId/attendance — members. The live attendance the check-in card
 * shows: counts, who is present by municipality, guests, apologies, municipalities missing.
 */
export interface AttendanceResponse {
  meetingId: string;
  attendanceClosed: boolean;
  counts: Record<ApiStatus, number>;
  groups: { municipality: string; people: { name: string; status: 'onsite' | 'online' }[] }[];
  guests: { name: string; status: 'onsite' | 'online' }[];
  apologies: { name: string; municipality: string }[];
  missingMunicipalities: string[];
  myStatus: ApiStatus | null;
}

/**
 * GET /api/v1/networks/:networkId/meetings/current — members. The meeting a meeting side
 * panel shows: the network's meeting today (local date, Europe/Stockholm unless TIME_ZONE
 * says otherwise), else the next upcoming one; `meeting` null when there is none.
 */
export interface CurrentMeetingResponse {
  meeting: MeetingSummary | null;
  /** True when `meeting` is today; false when it is the next upcoming one. */
  today: boolean;
}

// ---------------------------------------------------------------------------------------------
// Minutes (protokoll) and justering

export type {
  ActionItem as ApiActionItem,
  MinutesAttendee as ApiMinutesAttendee,
  MinutesContent as ApiMinutesContent,
  MinutesContentInput as ApiMinutesContentInput,
  MinutesItem as ApiMinutesItem,
  NextMeeting as ApiNextMeeting,
  PersonRef as ApiPersonRef,
} from '../domain/minutes-model';
import type { ActionItem as DomainActionItem, Approval, ArchivedDocument, ChangeRequest, MinutesContent as DomainMinutesContent, MinutesKind, MinutesStatus, VersionState } from '../domain/minutes-model';
import type { ProtokollDocument } from '../domain/import/protokoll';
import type { SearchAnswer } from '../domain/search/result';

export type { MinutesStatus as ApiMinutesStatus } from '../domain/minutes-model';

export interface ApiMinutesVersion {
  number: number;
  hash: string;
  state: VersionState;
  sentAt: string;
  sentBy: string;
  approvals: Approval[];
  changeRequests: ChangeRequest[];
  approvedAt?: string;
  documents: ArchivedDocument[];
  archive: 'pending' | 'done' | 'failed' | null;
  /** Why the archive refused it, when it did (POST …/versions/{n}/archive tries again). */
  archiveError?: string;
  content: DomainMinutesContent;
}

/** POST …/minutes/versions/{n}/approve and …/request-change: what the answer did, and the version as it now stands. */
export interface MinutesAnswerResponse {
  outcome: string;
  reason?: string;
  version: ApiMinutesVersion;
}

/** GET/PUT /api/v1/meetings/{id}/minutes, POST …/minutes/send. PUT and send need If-Match. */
export interface MinutesResponse {
  meetingId: string;
  networkId: string;
  content: DomainMinutesContent;
  etag: string;
  status: MinutesStatus;
  /** `capabilities.editMinutes`. */
  canEdit: boolean;
  capabilities: ApiCapabilities;
  versions: ApiMinutesVersion[];
}

export interface ApiAction {
  meetingId: string;
  meetingDate: string;
  itemTitle: string;
  action: DomainActionItem;
  networkId: string;
  networkName: string;
  done?: { by: string; at: string };
}

/** GET /api/v1/me/actions ("Mina uppdrag"). */
export interface MyActionsResponse {
  actions: ApiAction[];
}

/** GET /api/v1/search — protocols where the query is found, newest first, each with its passages' hits (the search use case's answer as it is). */
export type SearchResponse = SearchAnswer;

/** GET /api/v1/networks/{id}/actions. */
export interface NetworkActionsResponse {
  actions: ApiAction[];
}

/** GET /api/v1/networks/{id}/minutes[?before=YYYY-MM-DD] — a page of the network's meetings up to today, newest first, and their minutes. */
export interface PastMeetingsResponse {
  /** The cursor of the next (older) page: `before=<next>`; absent on the last page. */
  next?: string;
  meetings: {
    id: string;
    date: string;
    start: string;
    end: string;
    place: string;
    /** Whether the minutes have been started. */
    started: boolean;
    status: MinutesStatus;
    versions: Pick<ApiMinutesVersion, 'number' | 'state' | 'approvals' | 'hash'>[];
    /** The documents of the latest justerat version (of an imported protocol: its original file and its JSON). */
    documents: ArchivedDocument[];
    /** An imported protocol (importerat, never justerat): its title, the period when it has no date, and the original's SHA-256. */
    imported?: { title: string; approximateDate?: string; file: string; sha256: string };
  }[];
}

/** POST /api/v1/networks/{id}/imports/read: each file read, in the order sent. */
export interface ImportReadResponse {
  files: ImportFileReading[];
}

/** One file read: the draft (justera-protokoll/1 with review marks) and the text the marks point into, or why it cannot be read. */
export type ImportFileReading =
  | { ok: true; file: string; sha256: string; mediaType: string; text: string; document: ProtokollDocument }
  | { ok: false; file: string; sha256: string; error: { code: string; message: string; messageEn: string } };

/** POST /api/v1/networks/{id}/imports: the imported protocol as saved. */
export interface ImportSaveResponse {
  meetingId: string;
  /** False when the same file had been saved into the network before (nothing new stored). */
  created: boolean;
  version: ApiMinutesVersion;
  sha256: string;
}

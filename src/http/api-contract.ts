/**
 * The tab's JSON API under /api/v1: request and response shapes shared by the server and the
 * tab (src/tab imports these types only). Every request carries `Authorization: Bearer <Teams
 * SSO token>`; in local mode only, `X-Justera-Dev-User: <member id>` may stand in for it.
 * Errors are application/problem+json (`Problem`), with a message in the user's language.
 */

export type Role = 'admin' | 'ordforande' | 'sekreterare' | 'presidium' | 'member';
export type ApiMode = 'onsite' | 'online' | 'hybrid';
export type ApiStatus = 'onsite' | 'online' | 'apologies';

export interface Problem {
  type: string;
  title: string;
  status: number;
  /** Human-readable, Swedish unless the request's Accept-Language prefers English. */
  detail: string;
  /** Stable code, e.g. "unauthenticated", "forbidden", "not_found", "bad_request". */
  code: string;
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
}

/** PUT /api/v1/networks/:networkId/members/:memberId/role — admins only; answers the member. */
export interface RoleRequest {
  role: Role;
}

import type {
  DevIdentitiesResponse,
  MeResponse,
  MyMeetingsResponse,
  NetworkResponse,
  Problem,
} from '../http/api-contract';

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
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as { detail?: unknown }).detail === 'string';
}

async function getJson<T>(path: string, headers: Record<string, string>): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept: 'application/json', ...headers }, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new ApiError(0, null);
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, isProblem(body) ? body : null);
  return body as T;
}

export function createApi(credentials: Credentials, acceptLanguage: string): Api {
  const get = async <T,>(path: string): Promise<T> => getJson<T>(path, { 'accept-language': acceptLanguage, ...(await credentials()) });
  return {
    me: () => get<MeResponse>('/api/v1/me'),
    myMeetings: () => get<MyMeetingsResponse>('/api/v1/me/meetings'),
    network: (networkId) => get<NetworkResponse>(`/api/v1/networks/${encodeURIComponent(networkId)}`),
  };
}

/** Local mode only: the people the dev identity picker offers. Null when the server is not in local mode (404). */
export async function devIdentities(acceptLanguage: string): Promise<DevIdentitiesResponse['identities'] | null> {
  try {
    return (await getJson<DevIdentitiesResponse>('/api/v1/dev/identities', { 'accept-language': acceptLanguage })).identities;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

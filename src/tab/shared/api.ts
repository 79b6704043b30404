import type { DevIdentitiesResponse, Problem } from '../../http/api-contract';
import { pathOf, ROUTES, type ApiRoute, type BodyOf, type Method, type PathArgs, type QueryArgs, type ResponseOf } from '../../contract/routes';

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

export function isProblem(body: unknown): body is Problem {
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

/** A file the service answers with (a document, an export), fetched with the caller's headers; its Response for the name and type. */
export async function fetchFile(path: string, headers: Record<string, string>): Promise<{ blob: Blob; res: Response }> {
  let res: Response;
  try {
    res = await fetch(path, { headers, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new ApiError(0, null);
  }
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null);
    throw new ApiError(res.status, isProblem(body) ? body : null);
  }
  return { blob: await res.blob(), res };
}

/** An answer whose `etag` is taken from the ETag header (the body's copy only if the header is missing). */
export function withEtag<T extends { etag: string }>(answer: { body: T; etag: string | null }): T {
  return { ...answer.body, etag: answer.etag ?? answer.body.etag };
}

/** The call of one route of the table: its path from `args`, its method, body and If-Match. */
export type Call = <T extends ApiRoute>(route: T, args: PathArgs<T>, opts?: { body?: BodyOf<T>; ifMatch?: string }) => Promise<{ body: ResponseOf<T>; etag: string | null }>;

/** What every feature's API calls are made with: the caller's headers and the typed calls of the route table. */
export interface ApiCore {
  /** The caller's headers: Accept-Language and the credentials. */
  headers: () => Promise<Record<string, string>>;
  call: Call;
  /** The answer's body, for a route that sends none. */
  answer: <T extends ApiRoute>(route: T, args: PathArgs<T>) => Promise<ResponseOf<T>>;
  /** The answer's body, for a GET route that reads a query. */
  query: <T extends ApiRoute>(route: T, args: PathArgs<T>, query: QueryArgs<T>) => Promise<ResponseOf<T>>;
}

export function createApiCore(credentials: Credentials, acceptLanguage: string): ApiCore {
  const headers = async (): Promise<Record<string, string>> => ({ 'accept-language': acceptLanguage, ...(await credentials()) });
  const call: Call = async (route, args, opts = {}) =>
    request(pathOf(route, args), await headers(), {
      method: route.method,
      ...(opts.body !== undefined ? { body: opts.body } : {}),
      ...(opts.ifMatch !== undefined ? { ifMatch: opts.ifMatch } : {}),
    });
  const answer = async <T extends ApiRoute>(route: T, args: PathArgs<T>): Promise<ResponseOf<T>> => (await call(route, args)).body;
  const query = async <T extends ApiRoute>(route: T, args: PathArgs<T>, q: QueryArgs<T>): Promise<ResponseOf<T>> =>
    (await request<ResponseOf<T>>(pathOf(route, args, q), await headers(), { method: route.method })).body;
  return { headers, call, answer, query };
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

import type { TokenCredential } from '@azure/identity';
import { Client, GraphClientError, HTTPMessageHandler, type Context, type Middleware } from '@microsoft/microsoft-graph-client';

export const GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export interface GraphClientOptions {
  /** App-only identity (ClientSecretCredential, ManagedIdentityCredential, ...). */
  credential: TokenCredential;
  /** Service root including the version; default https://graph.microsoft.com/v1.0. */
  baseUrl?: string;
  /** Default https://graph.microsoft.com/.default (the app's granted permissions, e.g. Sites.Selected). */
  scopes?: string[];
  /** Each request, including reading its body, is aborted after this long. Default 30 s. */
  requestTimeoutMs?: number;
}

/** Getting a token failed; carries the credential's own error. A GraphClientError so the client passes it through unwrapped. */
export class TokenUnavailable extends GraphClientError {
  constructor(readonly reason: unknown) {
    super(`no access token: ${reason instanceof Error ? reason.message : String(reason)}`);
    this.name = 'TokenUnavailable';
  }
}

/**
 * A Graph client whose middleware chain is: bearer token and timeout, then fetch. Left out on
 * purpose:
 * - RetryHandler: it retries 429/503 itself (sleeping out Retry-After inside one call, up to
 *   its own limits) and gives up silently on uploads, which hides Retry-After from the caller.
 *   The outbox worker owns retries; each call here is one attempt, and its failure says when
 *   to come back (ArchiveUnavailable.retryAfterMs).
 * - AuthenticationHandler: it attaches the token only to https Graph hosts, so an emulator on
 *   http://127.0.0.1 would see none; ours attaches it to every request this client makes, all
 *   of which go to `baseUrl`.
 * - RedirectHandler: fetch follows the download redirect itself, dropping Authorization when
 *   the redirect leaves the origin.
 */
export function createGraphClient(options: GraphClientOptions): Client {
  const root = new URL(options.baseUrl ?? GRAPH_BASE_URL);
  const segments = root.pathname.split('/').filter((s) => s !== '');
  const version = segments.pop() ?? 'v1.0';
  const bearer = new BearerTokenMiddleware(options.credential, options.scopes ?? [GRAPH_SCOPE], options.requestTimeoutMs ?? 30_000);
  return Client.initWithMiddleware({
    baseUrl: [root.origin, ...segments].join('/'),
    defaultVersion: version,
    middleware: [bearer, new HTTPMessageHandler()],
  });
}

class BearerTokenMiddleware implements Middleware {
  private next?: Middleware;

  constructor(
    private readonly credential: TokenCredential,
    private readonly scopes: string[],
    private readonly timeoutMs: number,
  ) {}

  async execute(context: Context): Promise<void> {
    let token: string;
    try {
      const accessToken = await this.credential.getToken(this.scopes);
      if (!accessToken) throw new Error('the credential returned no token');
      token = accessToken.token;
    } catch (e) {
      throw new TokenUnavailable(e);
    }
    const options = context.options ?? {};
    const headers = new Headers(options.headers);
    headers.set('Authorization', `Bearer ${token}`);
    context.options = { ...options, headers, signal: AbortSignal.timeout(this.timeoutMs) };
    if (!this.next) throw new Error('BearerTokenMiddleware is the last in the chain');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

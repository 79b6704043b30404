import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

/** Who is calling the tab API. */
export interface Principal {
  tenantId: string;
  /** Entra object id: the same id members are stored under. */
  userId: string;
  name: string;
}

export class SsoError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'SsoError';
  }
}

export interface SsoOptions {
  /** The tab's app registration (AAD_APP_CLIENT_ID); empty refuses every token. */
  clientId: string;
  /** The app's own Application ID URI, api://<the service's public host>/<client id>: the audience of v1 tokens. */
  appIdUri: string;
  allowedTenants: readonly string[];
  /** https://login.microsoftonline.com, or a test issuer on 127.0.0.1. */
  authority: string;
}

const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com';

/**
 * Verifies a Teams SSO token (authentication.getAuthToken): RS256 signature against the
 * issuer's published keys, issuer, audience, expiry and the allowed tenants.
 */
export class SsoVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly opts: SsoOptions) {
    this.keys = createRemoteJWKSet(new URL(`${opts.authority}/common/discovery/v2.0/keys`), {
      timeoutDuration: 5000,
      cooldownDuration: 30_000,
      cacheMaxAge: 12 * 3600_000,
    });
  }

  async verify(token: string): Promise<Principal> {
    if (!this.opts.clientId) throw new SsoError('sso not configured (AAD_APP_CLIENT_ID)');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, { algorithms: ['RS256'], clockTolerance: 60, requiredClaims: ['exp', 'iss', 'aud', 'tid', 'oid'] }));
    } catch (err) {
      throw new SsoError(`token rejected: ${(err as Error).name}`);
    }
    const tid = String(payload.tid).toLowerCase();
    if (!this.opts.allowedTenants.includes(tid)) throw new SsoError('tenant not allowed');
    if (!this.issuers(tid).includes(String(payload.iss))) throw new SsoError('wrong issuer');
    if (!this.audienceOk(payload.aud)) throw new SsoError('wrong audience');
    const name = [payload.name, payload.preferred_username].find((v): v is string => typeof v === 'string') ?? '';
    return { tenantId: tid, userId: String(payload.oid), name };
  }

  /** v2.0 tokens name the authority and tenant; v1 tokens (the Teams default) the STS. */
  private issuers(tid: string): string[] {
    const v2 = `${this.opts.authority}/${tid}/v2.0`;
    return this.opts.authority === DEFAULT_AUTHORITY ? [v2, `https://sts.windows.net/${tid}/`] : [v2];
  }

  /**
   * The client id itself (v2) or exactly this app's Application ID URI (v1). Another domain
   * before the client id (api://evil.example/<client id>) is another resource, not ours.
   */
  private audienceOk(aud: JWTPayload['aud']): boolean {
    const list = Array.isArray(aud) ? aud : [aud];
    return list.some((a) => a === this.opts.clientId || (this.opts.appIdUri !== '' && a === this.opts.appIdUri));
  }
}

import http from 'node:http';
import { closeServer, listenOn127 } from './local-server';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';

/**
 * A token issuer on 127.0.0.1 standing in for Entra ID: it publishes its signing keys where
 * Entra does (/common/discovery/v2.0/keys) and signs Teams-SSO-shaped tokens, so the real
 * verification code runs against it.
 */
export class TestIssuer {
  url = '';
  private server?: http.Server;
  private key!: KeyLike;
  private readonly kid = 'test-key-1';

  async start(): Promise<this> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    this.key = privateKey;
    const jwk = { ...(await exportJWK(publicKey)), kid: this.kid, use: 'sig', alg: 'RS256' };
    this.server = http.createServer((req, res) => {
      if (req.url === '/common/discovery/v2.0/keys') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ keys: [jwk] }));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    this.url = `http://127.0.0.1:${await listenOn127(this.server)}`;
    return this;
  }

  stop(): Promise<void> {
    return closeServer(this.server);
  }

  /** A token as Teams SSO would hand the tab; `over` changes any claim, `key` signs with another key. */
  async token(claims: { tid: string; oid: string; aud: string; name?: string } & JWTPayload, opts: { expiresIn?: string; key?: KeyLike; kid?: string } = {}): Promise<string> {
    return new SignJWT({ ver: '2.0', ...claims, iss: claims.iss ?? `${this.url}/${claims.tid}/v2.0` })
      .setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? this.kid, typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime(opts.expiresIn ?? '1h')
      .sign(opts.key ?? this.key);
  }
}

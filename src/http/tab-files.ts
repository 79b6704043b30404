import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type restify from 'restify';
import { DomainError } from '../domain/errors';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Teams (web, desktop, Outlook, Microsoft 365) may frame the tab; nobody else. */
const FRAME_ANCESTORS =
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://teams.cloud.microsoft https://*.cloud.microsoft https://*.office.com https://outlook.office.com https://*.skype.com";

/** Assets are named by a hash of their content (scripts/build-tab.ts): a new build is new names. */
const ASSET_CACHE = 'public, max-age=31536000, immutable';
/** The page names the assets, so the browser asks each time whether it changed (ETag, 304). */
const PAGE_CACHE = 'no-cache';

/** The encodings the build writes beside each text file, in the order they are preferred. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number]['name'] | 'identity';

/**
 * The content codings an Accept-Encoding header accepts, best first (RFC 9110 12.5.3): by
 * q-value, brotli before gzip at equal q, `*` standing for what is not named; identity last.
 */
function acceptedEncodings(header: string | undefined): Encoding[] {
  const q = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.toLowerCase().split(';');
    const coding = name?.trim();
    if (!coding) continue;
    const weight = params.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(p)).find((m) => m !== null);
    q.set(coding, weight ? Number(weight[1]) : 1);
  }
  const weightOf = (coding: string): number => q.get(coding) ?? q.get('*') ?? 0;
  const compressed = ENCODINGS.map((e, order) => ({ name: e.name, q: weightOf(e.name), order }))
    .filter((e) => e.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order)
    .map((e) => e.name);
  // Identity is always sent when nothing else fits (a 406 would only break an odd client).
  return [...compressed, 'identity'];
}

/** The strong ETag of one representation (an encoding of the file is a representation of its own). */
function etagOf(data: Buffer): string {
  return `"${createHash('sha256').update(data).digest('base64url').slice(0, 22)}"`;
}

/** Whether If-None-Match names this ETag (weak comparison, as RFC 9110 13.1.2 asks for GET). */
function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * Serves the built tab (dist/tab) under /tab: files under /tab/assets/, and index.html for
 * every other /tab/ path, where the tab routes on the client. Each is sent in the best encoding
 * the browser accepts that the build wrote (brotli, gzip, else as it is); assets are cached for
 * a year, the page is revalidated by ETag. Source maps are never served.
 */
export function registerTabFiles(server: restify.Server, tabDir: string): void {
  const root = path.resolve(tabDir);
  const assets = path.join(root, 'assets');

  const send = (req: restify.Request, res: restify.Response, file: string, cache: string, next: restify.Next): void => {
    void (async () => {
      const encodings = acceptedEncodings(req.header('accept-encoding'));
      for (const encoding of encodings) {
        const suffix = ENCODINGS.find((e) => e.name === encoding)?.suffix ?? '';
        let data: Buffer;
        try {
          data = await fs.promises.readFile(file + suffix);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          // A file the build did not compress (too small, or not text) is sent as it is.
          if (code === 'ENOENT' && encoding !== 'identity') continue;
          // Answered as problem+json by the server's error handler; the log says why.
          throw code === 'ENOENT' ? new DomainError('not_found', `no such file; is the tab built (npm run build)? ${path.relative(root, file)}`) : err;
        }
        const headers: Record<string, string | number> = {
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'cache-control': cache,
          vary: 'Accept-Encoding',
          'content-security-policy': FRAME_ANCESTORS,
          'x-content-type-options': 'nosniff',
        };
        if (encoding !== 'identity') headers['content-encoding'] = encoding;
        if (cache === PAGE_CACHE) {
          const etag = etagOf(data);
          headers.etag = etag;
          if (notModified(req.header('if-none-match'), etag)) {
            res.writeHead(304, headers);
            res.end();
            return;
          }
        }
        headers['content-length'] = data.length;
        res.writeHead(200, headers);
        res.end(data);
        return;
      }
    })().then(
      () => next(),
      (err: unknown) => next(err instanceof Error ? err : new Error(String(err))),
    );
  };

  server.get('/tab/assets/*', (req, res, next) => {
    const file = path.resolve(assets, decodeURIComponent(String(req.params['*'] ?? '')));
    // Only what the build put there, and never a source map, even one left by hand.
    const servable = file.startsWith(assets + path.sep) && !file.endsWith('.map') && !ENCODINGS.some((e) => file.endsWith(e.suffix));
    if (!servable) next(new DomainError('not_found', 'not a tab asset'));
    else send(req, res, file, ASSET_CACHE, next);
  });
  const index = (req: restify.Request, res: restify.Response, next: restify.Next): void => {
    send(req, res, path.join(root, 'index.html'), PAGE_CACHE, next);
  };
  server.get('/tab', index);
  server.get('/tab/*', index);
}

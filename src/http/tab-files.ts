import fs from 'node:fs';
import path from 'node:path';
import type restify from 'restify';
import { DomainError } from '../domain/errors';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Teams (web, desktop, Outlook, Microsoft 365) may frame the tab; nobody else. */
const FRAME_ANCESTORS =
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://teams.cloud.microsoft https://*.cloud.microsoft https://*.office.com https://outlook.office.com https://*.skype.com";

/**
 * Serves the built tab (dist/tab) under /tab: files under /tab/assets/, and index.html for
 * every other /tab/ path, where the tab routes on the client.
 */
export function registerTabFiles(server: restify.Server, tabDir: string): void {
  const root = path.resolve(tabDir);
  // The response is written when the file has been read; restify's next() waits for that.
  const send = (res: restify.Response, file: string, cache: string, next: restify.Next): void => {
    fs.readFile(file, (err, data) => {
      if (err) {
        // Answered as problem+json by the server's error handler; the log says why.
        next(err.code === 'ENOENT' ? new DomainError('not_found', `no such file; is the tab built (npm run build)? ${path.relative(root, file)}`) : err);
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': cache,
        'content-security-policy': FRAME_ANCESTORS,
        'x-content-type-options': 'nosniff',
      });
      res.end(data);
      next();
    });
  };
  server.get('/tab/assets/*', (req, res, next) => {
    const file = path.resolve(root, 'assets', decodeURIComponent(String(req.params['*'] ?? '')));
    if (!file.startsWith(path.join(root, 'assets') + path.sep)) next(new DomainError('not_found', 'outside the assets'));
    else send(res, file, 'public, max-age=31536000, immutable', next);
  });
  const index = (_req: restify.Request, res: restify.Response, next: restify.Next): void => {
    send(res, path.join(root, 'index.html'), 'no-cache', next);
  };
  server.get('/tab', index);
  server.get('/tab/*', index);
}

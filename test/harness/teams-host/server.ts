import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ROOT } from '../process';

const HOST_DIR = path.join(ROOT, 'test', 'harness', 'teams-host');
const STATIC: Readonly<Record<string, { file: string; type: string }>> = {
  '/host/': { file: 'host.html', type: 'text/html; charset=utf-8' },
  '/host/host.js': { file: 'host.js', type: 'text/javascript; charset=utf-8' },
};
const PROXIED = /^\/(tab|api\/v1)(\/|$|\?)/;

/** An API request as the service received it through the proxy. */
export interface SeenApiRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  devUser: string | undefined;
  acceptLanguage: string | undefined;
  status: number;
}

export interface TeamsHost {
  /** The origin the host page and the tab share, e.g. http://127.0.0.1:41234 */
  origin: string;
  /** The host page with query parameters (see host.js). */
  pageUrl(params: Record<string, string>): string;
  apiRequests: SeenApiRequest[];
  stop(): Promise<void>;
}

/**
 * Serves the Teams host test page and proxies /tab/* and /api/v1/* to the service, so host
 * and tab share one origin as in Teams' own same-origin checks; records what the tab sent
 * to the API.
 */
export async function startTeamsHost(service: string): Promise<TeamsHost> {
  const upstream = new URL(service);
  const apiRequests: SeenApiRequest[] = [];
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const page = STATIC[url.split('?')[0] ?? ''];
    if (req.method === 'GET' && page) {
      res.writeHead(200, { 'content-type': page.type, 'cache-control': 'no-store' });
      res.end(fs.readFileSync(path.join(HOST_DIR, page.file)));
      return;
    }
    if (!PROXIED.test(url)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: url, headers: { ...req.headers, host: upstream.host } },
      (upstreamRes) => {
        if (url.startsWith('/api/v1')) {
          apiRequests.push({
            method: req.method ?? 'GET',
            path: url,
            authorization: req.headers.authorization,
            devUser: header(req, 'x-justera-dev-user'),
            acceptLanguage: req.headers['accept-language'],
            status: upstreamRes.statusCode ?? 0,
          });
        }
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    forward.on('error', (err) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: ${err.message}`);
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    pageUrl: (params) => `${origin}/host/?${new URLSearchParams(params).toString()}`,
    apiRequests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

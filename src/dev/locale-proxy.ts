import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The Agents Playground stamps every activity "en-US", whatever the user's language. This
 * small proxy between it and the bot makes it play a Teams client with another locale
 * (sv-SE by default), so the local demo shows what a Swedish member sees. Dev only.
 */
export async function startLocaleProxy(target: string, locale: string): Promise<{ url: string; stop(): Promise<void> }> {
  const to = new URL(target);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = relabel(Buffer.concat(chunks), locale);
      const headers = { ...req.headers, host: to.host, 'content-length': String(body.length) };
      const upstream = http.request(
        { host: to.hostname, port: to.port, path: to.pathname + to.search, method: req.method, headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${to.pathname}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function relabel(body: Buffer, locale: string): Buffer {
  if (body.length === 0) return body;
  try {
    const activity = JSON.parse(body.toString('utf8')) as { locale?: string; entities?: { type?: string; locale?: string }[] };
    if (activity.locale) activity.locale = locale;
    for (const e of activity.entities ?? []) if (e.type === 'clientInfo' && e.locale) e.locale = locale;
    return Buffer.from(JSON.stringify(activity), 'utf8');
  } catch {
    return body;
  }
}

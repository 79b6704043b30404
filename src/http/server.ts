import restify from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Store } from '../app/ports';
import { requestContext, type AppLogger } from '../log';
import { registerApi, type ApiDeps } from './api';
import { PRIVACY_HTML, TERMS_HTML } from './legal-pages';
import { registerTabFiles } from './tab-files';

export interface HttpDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  store: Store;
  log: AppLogger;
  api: Omit<ApiDeps, 'log'>;
  /** Where the built tab is (dist/tab). */
  tabDir: string;
}

/** Largest request body accepted on /api/messages; Teams activities are far smaller. */
const MAX_BODY_BYTES = 256 * 1024;

export function createHttpServer({ adapter, bot, store, log, api, tabDir }: HttpDeps): restify.Server {
  const server = restify.createServer({ name: 'justera', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

  server.pre((req, res, next) => {
    res.setHeader('x-request-id', req.getId());
    next();
  });

  server.post('/api/messages', async (req, res) => {
    await requestContext.run({ reqId: req.getId() }, () => adapter.process(req, res, (ctx) => bot.run(ctx)));
  });

  server.get('/healthz', async (_req, res) => {
    const store_ = await store.health();
    res.status(store_.ok ? 200 : 503);
    res.json({ status: store_.ok ? 'ok' : 'unhealthy', store: store_.detail });
  });

  registerApi(server, { ...api, log });
  registerTabFiles(server, tabDir);

  for (const [route, html] of [['/privacy', PRIVACY_HTML], ['/terms', TERMS_HTML]] as const) {
    server.get(route, (_req, res, next) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=3600' });
      res.end(html);
      next();
    });
  }

  server.on('after', (req: restify.Request, res: restify.Response) => {
    log.info(
      { reqId: req.getId(), method: req.method, url: req.url, status: res.statusCode, ms: Date.now() - req.time() },
      'request',
    );
  });
  server.on('restifyError', (req: restify.Request, _res: restify.Response, err: Error, cb: () => void) => {
    log.warn({ reqId: req.getId(), url: req.url, err: { name: err.name, message: err.message } }, 'request error');
    cb();
  });
  return server;
}

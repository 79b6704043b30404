import restify from 'restify';
import { z } from 'zod';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Store } from '../app/ports';
import { requestContext, type AppLogger } from '../log';
import { registerApi, type ApiDeps } from './api';
import { InputInvalid, issueFields, sendProblem } from './problem';
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

const party = z.object({ id: z.string().max(1024) });
/**
 * The least an activity must be for botbuilder to handle it (a Teams activity always is):
 * a type, where replies go, and the conversation. Anything else is the bot's to judge.
 */
const activityShape = z.object({
  type: z.string().min(1).max(64),
  serviceUrl: z.string().url().max(2048),
  conversation: z.object({ id: z.string().min(1).max(1024) }),
  from: party.optional(),
  recipient: party.optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
});

/** The activity's shape problems, each at its field; none for an activity botbuilder can take. */
function activityProblems(body: unknown): InputInvalid | undefined {
  const parsed = activityShape.safeParse(body);
  if (parsed.success) return undefined;
  return new InputInvalid(issueFields(parsed.error.issues));
}

export function createHttpServer({ adapter, bot, store, log, api, tabDir }: HttpDeps): restify.Server {
  const server = restify.createServer({ name: 'justera', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

  server.pre((req, res, next) => {
    res.setHeader('x-request-id', req.getId());
    next();
  });

  server.post('/api/messages', async (req, res) => {
    // botbuilder answers 500 for an activity without a type: bad input is a 400 problem here.
    const invalid = activityProblems(req.body);
    if (invalid) return sendProblem(req, res, invalid, log);
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
  // What restify refuses itself (malformed JSON, a body over the limit, no such route, a wrong
  // method) and what a route throws answer problem+json like every other error.
  server.on('restifyError', (req: restify.Request, res: restify.Response, err: Error, cb: () => void) => {
    log.warn({ reqId: req.getId(), url: req.url, err: { name: err.name, message: err.message } }, 'request error');
    sendProblem(req, res, err, log);
    cb();
  });
  return server;
}

import { trace } from '@opentelemetry/api';
import restify from 'restify';
import type { Activity, ActivityHandler, CloudAdapter } from 'botbuilder';
import { tenantOf } from '../bot/teams-context';
import { DomainError } from '../domain/errors';
import type { Store } from '../app/ports';
import { requestContext, type AppLogger } from '../log';
import { IMPORT_BODY_MAX_BYTES, ROUTES } from '../contract/routes';
import { registerApi, type ApiDeps } from './api';
import { registerHealth } from './health';
import { InputInvalid, sendProblem } from './problem';
import { LEGAL_PAGES, pageLocale, type LegalSettings } from './legal-pages';
import { registerTabFiles } from './tab-files';

export interface HttpDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  store: Store;
  log: AppLogger;
  api: Omit<ApiDeps, 'log'>;
  /** Where the built tab is (dist/tab). */
  tabDir: string;
  /** Outside local mode: the tenants whose activities the bot handles (ALLOWED_TENANTS); undefined in local mode. */
  allowedTenants?: readonly string[];
  /** Who the privacy notice and the accessibility statement name. */
  legal: LegalSettings;
}

/** The paths of the import routes (src/contract/routes.ts readImports, saveImport), which take files. */
const IMPORT_PATHS = [ROUTES.readImports.path, ROUTES.saveImport.path].map((p) => new RegExp(`^${p.replace(/:[A-Za-z]+/g, '[^/]+')}$`));

/** Runs restify's handlers in turn (a plugin is a list of them), as `server.use` would. */
function chain(handlers: readonly restify.RequestHandler[], req: restify.Request, res: restify.Response, done: restify.Next): void {
  const step = (i: number): void => {
    const handler = handlers[i];
    if (!handler) return void done();
    const next = (arg?: unknown): void => (arg === undefined || arg === null ? step(i + 1) : (done as (a: unknown) => void)(arg));
    void handler(req, res, next as restify.Next);
  };
  step(0);
}

/** Largest request body accepted on /api/messages; Teams activities are far smaller. */
const MAX_BODY_BYTES = 256 * 1024;

/**
 * The least an activity must be for botbuilder to handle it (a Teams activity always is):
 * a type, where replies go, and the conversation. Anything else is the bot's to judge.
 * Checked by hand rather than with a schema: it runs before every invoke (a check-in burst).
 */
function activityProblems(body: unknown): InputInvalid | undefined {
  const problems: { field: string; message: string }[] = [];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return new InputInvalid([{ field: '', message: 'an activity is a JSON object' }]);
  const a = body as Record<string, unknown>;
  const text = (v: unknown, max: number): boolean => typeof v === 'string' && v.length > 0 && v.length <= max;
  const object = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!text(a.type, 64)) problems.push({ field: 'type', message: 'a text of 1 to 64 characters' });
  if (!text(a.serviceUrl, 2048) || !isUrl(a.serviceUrl as string)) problems.push({ field: 'serviceUrl', message: 'a URL' });
  if (!object(a.conversation)) problems.push({ field: 'conversation', message: 'an object with an id' });
  else if (!text(a.conversation.id, 1024)) problems.push({ field: 'conversation.id', message: 'a text of 1 to 1024 characters' });
  for (const party of ['from', 'recipient'] as const) {
    const v = a[party];
    if (v === undefined) continue;
    if (!object(v)) problems.push({ field: party, message: 'an object' });
    else if (typeof v.id !== 'string' || v.id.length > 1024) problems.push({ field: `${party}.id`, message: 'a text of at most 1024 characters' });
  }
  if (a.channelData !== undefined && !object(a.channelData)) problems.push({ field: 'channelData', message: 'an object' });
  return problems.length > 0 ? new InputInvalid(problems) : undefined;
}

function isUrl(s: string): boolean {
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
}

export function createHttpServer({ adapter, bot, store, log, api, tabDir, allowedTenants, legal }: HttpDeps): restify.Server {
  const server = restify.createServer({ name: 'justera', handleUncaughtExceptions: false });
  // Import uploads carry whole protocols (base64 in JSON, up to IMPORT_BODY_MAX_BYTES); every other body stays small.
  const small = restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false });
  const large = restify.plugins.bodyParser({ maxBodySize: IMPORT_BODY_MAX_BYTES, mapParams: false });
  server.use((req, res, next) => chain(IMPORT_PATHS.some((p) => p.test(req.path())) ? large : small, req, res, next));

  server.pre((req, res, next) => {
    res.setHeader('x-request-id', req.getId());
    next();
  });

  server.post('/api/messages', async (req, res) => {
    // botbuilder answers 500 for an activity without a type: bad input is a 400 problem here.
    const invalid = activityProblems(req.body);
    if (invalid) return sendProblem(req, res, invalid, log);
    // The app may be installed in any tenant (the bot and the SSO app are usable from every
    // tenant); only the cooperation's tenants are served, on the bot's side as on the tab's.
    if (allowedTenants) {
      const tenant = tenantOf(req.body as Partial<Activity>).toLowerCase();
      if (!allowedTenants.includes(tenant)) {
        log.warn({ reqId: req.getId(), tenant: tenant || '(none)' }, 'activity from a tenant not allowed');
        return sendProblem(req, res, new DomainError('tenant_not_allowed'), log);
      }
    }
    await requestContext.run({ reqId: req.getId() }, () => adapter.process(req, res, (ctx) => bot.run(ctx)));
  });

  registerHealth(server, store, log);
  registerApi(server, { ...api, log });
  registerTabFiles(server, tabDir);

  // The privacy notice, the accessibility statement and the terms: Swedish, or English when asked.
  for (const [route, render] of Object.entries(LEGAL_PAGES)) {
    server.get(route, (req, res, next) => {
      const locale = pageLocale(req.url, req.header('accept-language'));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=3600', vary: 'accept-language', 'content-language': locale });
      res.end(render(legal, locale));
      next();
    });
  }

  // With telemetry on, a request is named by its route in Application Insights ("POST /api/messages",
  // "GET /api/v1/meetings/:id/agenda"), not by its method alone; without it there is no span.
  server.on('routed', (req: restify.Request) => {
    const route = req.getRoute()?.path;
    const span = trace.getActiveSpan();
    if (!span || typeof route !== 'string') return;
    span.setAttribute('http.route', route);
    span.updateName(`${req.method} ${route}`);
  });

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

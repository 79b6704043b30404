import type restify from 'restify';
import type * as z from 'zod/mini';
import type { Caller } from '../app/tab-queries';
import type { ApiRoute, BodyOf, ParamsOf, QueryOf, ResponseOf, RouteName } from '../contract/routes';
import { ROUTES } from '../contract/routes';
import { DomainError } from '../domain/errors';
import type { Locale } from '../domain/meeting';
import { localeFrom } from '../cards';
import type { AppLogger } from '../log';
import { InputInvalid, issueFields, sendProblem } from './problem';

/** What a handler gets: the route's input, parsed by its schemas. */
export interface RouteInput<T extends ApiRoute> {
  params: ParamsOf<T>;
  query: QueryOf<T>;
  body: BodyOf<T>;
  /** The If-Match header of a route that needs one ('' otherwise). */
  ifMatch: string;
  locale: Locale;
  req: restify.Request;
}

export type Handler<T extends ApiRoute> = (caller: Caller, input: RouteInput<T>) => Promise<ResponseOf<T>>;
type CallerRoute = { [N in RouteName]: (typeof ROUTES)[N]['auth'] extends 'caller' ? N : never }[RouteName];
type PublicRoute = Exclude<RouteName, CallerRoute>;
/** Registers the handler of one route of the table that needs a signed-in caller. */
export type Serve = <N extends CallerRoute>(name: N, handler: Handler<(typeof ROUTES)[N]>) => void;
/** Registers the handler of one route that needs no caller (the local dev identity picker). */
export type ServePublic = <N extends PublicRoute>(name: N, handler: (input: RouteInput<(typeof ROUTES)[N]>) => Promise<ResponseOf<(typeof ROUTES)[N]>>) => void;

/** A file a route answers with instead of JSON. */
export interface FileBody {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}
/** A file a route answers with as it is made: chunks written as they come, none held whole. */
export interface StreamBody {
  name: string;
  contentType: string;
  chunks: AsyncIterable<Uint8Array>;
}
/** Registers the handler of a route that answers with a streamed download (an archive's zip). */
export type ServeStream = <N extends CallerRoute>(name: N, handler: (caller: Caller, input: RouteInput<(typeof ROUTES)[N]>) => Promise<StreamBody>) => void;
/** Registers the handler of a route that answers with a file (an archived document). */
export type ServeFile = <N extends CallerRoute>(name: N, handler: (caller: Caller, input: RouteInput<(typeof ROUTES)[N]>) => Promise<FileBody>) => void;

/**
 * Registers the tab API's handlers from the route table, in one place: authenticate, parse the
 * path parameters, query and body with the route's schemas (400 problem+json with each field's
 * path), require If-Match where the route says so (428), then run the handler and answer JSON
 * (with its ETag header when the answer has one) or problem+json.
 */
export function routeTable(
  server: restify.Server,
  authenticate: (req: restify.Request) => Promise<Caller>,
  log: AppLogger,
): { serve: Serve; servePublic: ServePublic; serveFile: ServeFile; serveStream: ServeStream; unserved(): RouteName[] } {
  const served = new Set<RouteName>();
  const register = (name: RouteName, run: (req: restify.Request) => Promise<unknown>, file: false | 'file' | 'stream' = false): void => {
    const route: ApiRoute = ROUTES[name];
    served.add(name);
    const method = route.method === 'GET' ? 'get' : route.method === 'PUT' ? 'put' : 'post';
    server[method](route.path, async (req: restify.Request, res: restify.Response) => {
      try {
        res.setHeader('cache-control', 'no-store');
        const body = await run(req);
        if (file === 'file') return sendFile(res, body as FileBody);
        if (file === 'stream') return await sendStream(res, body as StreamBody, log);
        const etag = (body as { etag?: unknown } | null)?.etag;
        if (typeof etag === 'string') res.setHeader('etag', etag);
        res.json(200, body);
      } catch (err) {
        sendProblem(req, res, err, log);
      }
    });
  };
  /** A route that needs a signed-in caller, answered as JSON, a file or a stream. */
  const withCaller =
    (answer: false | 'file' | 'stream') =>
    <N extends CallerRoute>(name: N, handler: (caller: Caller, input: RouteInput<(typeof ROUTES)[N]>) => Promise<unknown>): void =>
      register(
        name,
        async (req) => {
          const caller = await authenticate(req);
          return handler(caller, parseInput(ROUTES[name], req) as RouteInput<(typeof ROUTES)[N]>);
        },
        answer,
      );
  const serve: Serve = withCaller(false);
  const servePublic: ServePublic = (name, handler) =>
    register(name, async (req) => handler(parseInput(ROUTES[name], req) as RouteInput<(typeof ROUTES)[typeof name]>));
  const serveFile: ServeFile = withCaller('file');
  const serveStream: ServeStream = withCaller('stream');
  return { serve, servePublic, serveFile, serveStream, unserved: () => (Object.keys(ROUTES) as RouteName[]).filter((n) => !served.has(n)) };
}

function parseInput(route: ApiRoute, req: restify.Request): RouteInput<ApiRoute> {
  const problems: { field: string; message: string }[] = [];
  const parse = <S extends z.ZodMiniType>(schema: S, value: unknown, prefix: string): z.output<S> | undefined => {
    const result = schema.safeParse(value);
    if (result.success) return result.data as z.output<S>;
    problems.push(...issueFields(result.error.issues, prefix));
    return undefined;
  };
  const params = parse(route.params, { ...(req.params as Record<string, unknown>) }, 'params');
  const query = parse(route.query, Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams), 'query');
  if (problems.length > 0) throw new InputInvalid(problems);
  const ifMatch = route.ifMatch ? req.header('if-match') : '';
  if (!ifMatch && route.ifMatch) throw new DomainError('precondition_required');
  const body = route.body ? parse(route.body, req.body, '') : undefined;
  if (problems.length > 0) throw new InputInvalid(problems);
  return { params, query, body, ifMatch, locale: localeFrom(req.header('accept-language')), req } as RouteInput<ApiRoute>;
}

/**
 * Answers with a file, opened in place (inline) under its name: `filename` in ASCII for old
 * clients and `filename*` (RFC 5987, UTF-8) with the real name, å, ä and ö included.
 */
function sendFile(res: restify.Response, file: FileBody): void {
  res.writeHead(200, {
    'content-type': file.contentType,
    'content-length': String(file.bytes.byteLength),
    'content-disposition': disposition('inline', file.name),
    'x-content-type-options': 'nosniff',
  });
  res.end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}

/** Content-Disposition with the name in ASCII for old clients and `filename*` (RFC 5987, UTF-8). */
function disposition(type: 'inline' | 'attachment', name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Answers with a download written as it is made (chunked), waiting for the client to take each
 * chunk before making more. The first chunk is made before the headers go, so a refusal is
 * still a problem+json answer; a failure later can only cut the connection (the zip is then
 * incomplete, which unzip tools report).
 */
async function sendStream(res: restify.Response, body: StreamBody, log: AppLogger): Promise<void> {
  const it = body.chunks[Symbol.asyncIterator]();
  let next = await it.next();
  res.writeHead(200, {
    'content-type': body.contentType,
    'content-disposition': disposition('attachment', body.name),
    'x-content-type-options': 'nosniff',
  });
  try {
    while (!next.done) {
      if (!res.write(Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength))) {
        await new Promise<void>((resolve) => {
          const done = (): void => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
          };
          res.on('drain', done);
          res.on('close', done);
        });
      }
      if (res.destroyed) {
        await it.return?.();
        return;
      }
      next = await it.next();
    }
    res.end();
  } catch (err) {
    log.error({ err }, 'download failed midway');
    res.destroy(err instanceof Error ? err : undefined);
  }
}

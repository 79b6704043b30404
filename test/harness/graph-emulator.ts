import type { TokenCredential } from '@azure/identity';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ARCHIVE_COLUMNS } from '../../src/archive/archive-naming';

/** The app-only identity of a client talking to the emulator: always the same token ('' gets a 401). */
export function fixedTokenCredential(token = 'test-app-token'): TokenCredential {
  return { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }) };
}

/**
 * What a faulty Graph does to one call:
 * - throttle: 429 with Retry-After (seconds);
 * - unavailable: 503, with Retry-After when given;
 * - drop: the connection is destroyed before anything is done;
 * - dropAfterWrite: an upload or fields PATCH is applied, then the connection is destroyed
 *   (the caller never hears that it worked); on a read it is a plain drop;
 * - stall: no answer at all, until the client gives up or the emulator stops.
 */
export type GraphFault =
  | { kind: 'throttle'; retryAfterSeconds: number }
  | { kind: 'unavailable'; retryAfterSeconds?: number }
  | { kind: 'drop' }
  | { kind: 'dropAfterWrite' }
  | { kind: 'stall' };

export interface RandomFaults {
  /** Seeds the PRNG that picks which calls fail and how: the same seed, the same sequence. */
  seed: number;
  /** Share of calls that fail, 0..1. */
  fraction: number;
  faults: GraphFault[];
  /** Failing stops after this many calls (counted whether they failed or not)... */
  calls?: number;
  /** ...or after this long, whichever comes first. */
  forMs?: number;
}

export interface EmulatedDocument {
  id: string;
  /** Decoded path below the drive root, e.g. "Protokoll/IM-nätverket/2021/x.pdf". */
  path: string;
  name: string;
  bytes: Buffer;
  contentType: string;
  fields: Record<string, unknown>;
  webUrl: string;
  eTag: string;
}

export interface EmulatedCall {
  method: string;
  path: string;
  /** The status answered, or what was done instead. */
  outcome: number | 'dropped' | 'droppedAfterWrite' | 'stalled';
}

export interface GraphEmulatorOptions {
  driveId?: string;
  siteId?: string;
  /** Where webUrl values point. */
  webUrlBase?: string;
  /** The library's columns (internal names) that fields PATCH accepts; default ours plus Title. */
  columns?: string[];
}

interface Item {
  id: string;
  segments: string[];
  folder: boolean;
  bytes: Buffer;
  contentType: string;
  fields: Record<string, unknown>;
  version: number;
  listItemId: string;
  guid: string;
  created: string;
  modified: string;
}

type Json = Record<string, unknown>;
type Answer = { status: number; body?: Json | Buffer; headers?: Record<string, string>; wrote?: boolean };

const GRAPH_ERROR_CODES: Record<number, string> = {
  400: 'invalidRequest',
  401: 'InvalidAuthenticationToken',
  404: 'itemNotFound',
  405: 'methodNotAllowed',
  409: 'nameAlreadyExists',
  412: 'preconditionFailed',
  429: 'activityLimitReached',
  503: 'serviceNotAvailable',
};

/**
 * The part of Microsoft Graph the SharePoint archive uses, on 127.0.0.1 and a random port:
 * upload by path with conflictBehavior, items by path and id, content (through a download
 * redirect, as Graph does), the list item and its fields with ETags. Names match without
 * regard to case, as in SharePoint. Faults are injected per call, in order or by a seeded PRNG.
 */
export class GraphEmulator {
  readonly driveId: string;
  readonly siteId: string;
  readonly calls: EmulatedCall[] = [];
  /** Runs as each call arrives, before it is answered: lets a test act as someone else in between. */
  beforeCall?: (call: { method: string; path: string }) => void;
  private readonly webUrlBase: string;
  private readonly columns: Set<string>;
  private readonly items = new Map<string, Item>();
  private scheduled: GraphFault[] = [];
  private random?: { next: () => number; fraction: number; faults: GraphFault[]; callsLeft: number; untilMs: number };
  private server?: http.Server;
  private listItemSeq = 0;

  constructor(options: GraphEmulatorOptions = {}) {
    this.driveId = options.driveId ?? 'b!justera-protokoll';
    this.siteId = options.siteId ?? 'skaraborg.sharepoint.example,1b3c,9f2e';
    this.webUrlBase = options.webUrlBase ?? 'https://skaraborg.sharepoint.example/sites/natverk/Delade%20dokument';
    this.columns = new Set(options.columns ?? ['Title', ...ARCHIVE_COLUMNS.map((c) => c.internalName)]);
  }

  /** Starts listening; returns the service root to give the client, e.g. http://127.0.0.1:PORT/v1.0. */
  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this.baseUrl;
  }

  get origin(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('graph emulator not started');
    return `http://127.0.0.1:${address.port}`;
  }

  get baseUrl(): string {
    return `${this.origin}/v1.0`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = undefined;
  }

  /** The next n calls meet this fault. */
  failNext(n: number, fault: GraphFault): void {
    for (let i = 0; i < n; i++) this.scheduled.push(fault);
  }

  /** From now on, a seeded share of calls fail, until `calls` calls or `forMs` have passed. */
  failRandomly(plan: RandomFaults): void {
    this.random = {
      next: mulberry32(plan.seed),
      fraction: plan.fraction,
      faults: plan.faults,
      callsLeft: plan.calls ?? Number.POSITIVE_INFINITY,
      untilMs: plan.forMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + plan.forMs,
    };
  }

  stopFailing(): void {
    this.scheduled = [];
    this.random = undefined;
  }

  /** Files in the drive (folders left out), in the order they were created. */
  documents(): EmulatedDocument[] {
    return [...this.items.values()]
      .filter((item) => !item.folder)
      .map((item) => ({
        id: item.id,
        path: item.segments.join('/'),
        name: item.segments[item.segments.length - 1] ?? '',
        bytes: item.bytes,
        contentType: item.contentType,
        fields: { ...item.fields },
        webUrl: this.webUrl(item),
        eTag: this.driveItemETag(item),
      }));
  }

  /** Puts a document there as someone else would, e.g. to occupy a name. */
  putDocument(path: string, bytes: Uint8Array, fields: Record<string, unknown> = {}): EmulatedDocument {
    const item = this.write(path.split('/'), Buffer.from(bytes), 'application/octet-stream');
    Object.assign(item.fields, fields);
    const stored = this.documents().find((d) => d.id === item.id);
    if (!stored) throw new Error('document vanished');
    return stored;
  }

  /** Someone edits a document's columns in SharePoint: its ETags change. */
  editFields(itemId: string, fields: Record<string, unknown>): void {
    const item = this.items.get(itemId);
    if (!item) throw new Error(`no item ${itemId}`);
    Object.assign(item.fields, fields);
    this.touch(item);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', this.origin);
    const method = req.method ?? 'GET';
    const record = (outcome: EmulatedCall['outcome']): void => {
      this.calls.push({ method, path: decodeURIComponent(url.pathname), outcome });
    };
    this.beforeCall?.({ method, path: decodeURIComponent(url.pathname) });
    const fault = this.nextFault();
    if (fault?.kind === 'drop' || (fault?.kind === 'dropAfterWrite' && !isWrite(method))) {
      record('dropped');
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'stall') {
      record('stalled');
      return;
    }
    let answer: Answer;
    if (fault?.kind === 'throttle' || fault?.kind === 'unavailable') {
      const status = fault.kind === 'throttle' ? 429 : 503;
      answer = graphError(status, status === 429 ? 'The request has been throttled.' : 'The service is temporarily unavailable.');
      if (fault.retryAfterSeconds !== undefined) answer.headers = { 'Retry-After': String(fault.retryAfterSeconds) };
    } else {
      answer = this.route(method, url, req.headers, body);
    }
    if (fault?.kind === 'dropAfterWrite' && answer.wrote) {
      record('droppedAfterWrite');
      req.socket.destroy();
      return;
    }
    record(answer.status);
    const payload = Buffer.isBuffer(answer.body) ? answer.body : answer.body ? Buffer.from(JSON.stringify(answer.body)) : undefined;
    const contentType = Buffer.isBuffer(answer.body) ? {} : answer.body ? { 'Content-Type': 'application/json' } : {};
    res.writeHead(answer.status, { ...contentType, ...answer.headers });
    res.end(payload);
  }

  private nextFault(): GraphFault | undefined {
    const scheduled = this.scheduled.shift();
    if (scheduled) return scheduled;
    const random = this.random;
    if (!random) return undefined;
    if (random.callsLeft <= 0 || Date.now() >= random.untilMs) {
      this.random = undefined;
      return undefined;
    }
    random.callsLeft--;
    if (random.next() >= random.fraction) return undefined;
    return random.faults[Math.floor(random.next() * random.faults.length)];
  }

  private route(method: string, url: URL, headers: http.IncomingHttpHeaders, body: Buffer): Answer {
    const download = /^\/download\/([^/]+)$/.exec(url.pathname);
    if (download) return this.download(method, decodeURIComponent(download[1] ?? ''));

    const authorization = headers.authorization ?? '';
    if (!/^Bearer \S+/.test(authorization)) {
      return { ...graphError(401, 'Access token is empty.'), headers: { 'WWW-Authenticate': 'Bearer realm=""' } };
    }
    const match = /^\/v1\.0(?:\/sites\/([^/]+))?\/drives\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (!match) return graphError(400, 'Invalid request');
    const [, site, drive, rest = ''] = match;
    if ((site !== undefined && decodeURIComponent(site) !== this.siteId) || decodeURIComponent(drive ?? '') !== this.driveId) {
      return graphError(404, 'The resource could not be found.');
    }

    const byPath = /^root:\/(.+?)(:(\/content)?)?$/.exec(rest);
    if (byPath) {
      const segments = (byPath[1] ?? '').split('/').map(decodeURIComponent);
      if (byPath[3]) {
        if (method !== 'PUT') return graphError(405, 'Method not allowed');
        return this.upload(segments, url.searchParams.get('@microsoft.graph.conflictBehavior') ?? 'replace', headers, body);
      }
      if (method !== 'GET') return graphError(405, 'Method not allowed');
      const item = this.find(segments);
      return item ? { status: 200, body: this.driveItemJson(item) } : graphError(404, 'The resource could not be found.');
    }

    const byId = /^items\/([^/]+)(\/content|\/listItem|\/listItem\/fields)?$/.exec(rest);
    if (!byId) return graphError(400, 'Invalid request');
    const item = this.items.get(decodeURIComponent(byId[1] ?? ''));
    if (!item) return graphError(404, 'The resource could not be found.');
    const part = byId[2] ?? '';
    if (part === '/listItem/fields' && method === 'PATCH') return this.patchFields(item, headers['if-match'], body);
    if (method !== 'GET') return graphError(405, 'Method not allowed');
    switch (part) {
      case '':
        return { status: 200, body: this.driveItemJson(item) };
      case '/content':
        return item.folder
          ? graphError(400, 'Folders have no content.')
          : { status: 302, headers: { Location: `${this.origin}/download/${encodeURIComponent(item.id)}?v=${item.version}` } };
      case '/listItem':
        return { status: 200, body: this.listItemJson(item, url.searchParams.get('$expand') === 'fields') };
      default:
        return { status: 200, body: this.fieldsJson(item) };
    }
  }

  private upload(segments: string[], conflictBehavior: string, headers: http.IncomingHttpHeaders, body: Buffer): Answer {
    if (!['fail', 'replace', 'rename'].includes(conflictBehavior)) return graphError(400, `Invalid conflictBehavior: ${conflictBehavior}`);
    const refused = refusedPath(segments);
    if (refused) return graphError(400, refused);
    const contentType = headers['content-type'] ?? 'application/octet-stream';
    const existing = this.find(segments);
    if (existing?.folder) return graphError(409, 'A folder with that name already exists.');
    if (existing && conflictBehavior === 'fail') return graphError(409, 'The specified item name already exists.');
    if (existing && conflictBehavior === 'replace') {
      existing.bytes = body;
      existing.contentType = contentType;
      this.touch(existing);
      return { status: 200, body: this.driveItemJson(existing), wrote: true };
    }
    const target = existing ? this.freeName(segments) : segments;
    return { status: 201, body: this.driveItemJson(this.write(target, body, contentType)), wrote: true };
  }

  private patchFields(item: Item, ifMatch: string | undefined, body: Buffer): Answer {
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== this.listItemETag(item)) {
      return graphError(412, 'The resource has changed since the caller last read it; usually an eTag mismatch');
    }
    let fields: unknown;
    try {
      fields = JSON.parse(body.toString('utf8'));
    } catch {
      return graphError(400, 'Invalid JSON body');
    }
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return graphError(400, 'Invalid request');
    const unknownField = Object.keys(fields).find((name) => !this.columns.has(name));
    if (unknownField !== undefined) return graphError(400, `Field '${unknownField}' is not recognized`);
    Object.assign(item.fields, fields);
    this.touch(item);
    return { status: 200, body: this.fieldsJson(item), wrote: true };
  }

  private download(method: string, id: string): Answer {
    const item = this.items.get(id);
    if (method !== 'GET') return graphError(405, 'Method not allowed');
    if (!item || item.folder) return graphError(404, 'The resource could not be found.');
    return { status: 200, body: item.bytes, headers: { 'Content-Type': item.contentType } };
  }

  private find(segments: string[]): Item | undefined {
    const key = pathKey(segments);
    return [...this.items.values()].find((item) => pathKey(item.segments) === key);
  }

  /** Creates the file and any missing folders above it, as an upload by path does. */
  private write(segments: string[], bytes: Buffer, contentType: string): Item {
    for (let depth = 1; depth < segments.length; depth++) {
      if (!this.find(segments.slice(0, depth))) this.newItem(segments.slice(0, depth), true, Buffer.alloc(0), '');
    }
    return this.newItem(segments, false, bytes, contentType);
  }

  private newItem(segments: string[], folder: boolean, bytes: Buffer, contentType: string): Item {
    const now = new Date().toISOString();
    const item: Item = {
      id: `01${randomUUID().replace(/-/g, '').toUpperCase().slice(0, 30)}`,
      segments,
      folder,
      bytes,
      contentType,
      fields: {},
      version: 1,
      listItemId: String(++this.listItemSeq),
      guid: randomUUID().toUpperCase(),
      created: now,
      modified: now,
    };
    this.items.set(item.id, item);
    return item;
  }

  /** SharePoint's rename: "name 1.ext", "name 2.ext", ... */
  private freeName(segments: string[]): string[] {
    const name = segments[segments.length - 1] ?? '';
    const dot = name.lastIndexOf('.');
    const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    for (let n = 1; ; n++) {
      const candidate = [...segments.slice(0, -1), `${stem} ${n}${extension}`];
      if (!this.find(candidate)) return candidate;
    }
  }

  private touch(item: Item): void {
    item.version++;
    item.modified = new Date().toISOString();
  }

  private driveItemETag(item: Item): string {
    return `"{${item.guid}},${item.version}"`;
  }

  private listItemETag(item: Item): string {
    return `"${item.guid},${item.version}"`;
  }

  private webUrl(item: Item): string {
    return `${this.webUrlBase}/${item.segments.map(encodeURIComponent).join('/')}`;
  }

  private driveItemJson(item: Item): Json {
    const parent = item.segments.slice(0, -1).join('/');
    return {
      id: item.id,
      name: item.segments[item.segments.length - 1],
      eTag: this.driveItemETag(item),
      cTag: `"c:{${item.guid}},${item.version}"`,
      createdDateTime: item.created,
      lastModifiedDateTime: item.modified,
      size: item.bytes.length,
      webUrl: this.webUrl(item),
      parentReference: { driveId: this.driveId, driveType: 'documentLibrary', path: `/drives/${this.driveId}/root:${parent ? `/${parent}` : ''}` },
      ...(item.folder ? { folder: { childCount: 0 } } : { file: { mimeType: item.contentType } }),
    };
  }

  private listItemJson(item: Item, withFields: boolean): Json {
    return {
      id: item.listItemId,
      eTag: this.listItemETag(item),
      createdDateTime: item.created,
      lastModifiedDateTime: item.modified,
      webUrl: this.webUrl(item),
      contentType: { id: '0x0101', name: 'Document' },
      ...(withFields ? { fields: this.fieldsJson(item) } : {}),
    };
  }

  private fieldsJson(item: Item): Json {
    return { '@odata.etag': this.listItemETag(item), id: item.listItemId, FileLeafRef: item.segments[item.segments.length - 1], ...item.fields };
  }
}

function graphError(status: number, message: string): Answer {
  const code = GRAPH_ERROR_CODES[status] ?? 'generalException';
  return {
    status,
    body: { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': randomUUID(), 'client-request-id': randomUUID() } } },
  };
}

function isWrite(method: string): boolean {
  return method === 'PUT' || method === 'PATCH';
}

function pathKey(segments: string[]): string {
  return segments.map((s) => s.normalize('NFC').toLowerCase()).join('/');
}

/** A small seeded PRNG: the same seed gives the same sequence in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The site and library part of a document's decoded path, which counts toward SharePoint's 400 characters. */
const LIBRARY_PATH = 'sites/justera-arkiv/Delade dokument';

/**
 * Why SharePoint refuses a path (Graph answers 400 invalidRequest), or undefined: a segment over
 * 255 characters or a path over 400 (site and library included), the characters " * : < > ? / \ |
 * and control characters, names starting with "~$" or holding "_vti_", leading or trailing
 * spaces and trailing dots, the Windows device names (with or without extension), desktop.ini
 * and .lock, and "forms" at the library's root.
 */
export function refusedPath(segments: readonly string[]): string | undefined {
  if (`${LIBRARY_PATH}/${segments.join('/')}`.length > 400) return 'The path is too long (over 400 characters).';
  for (const [i, name] of segments.entries()) {
    if (name.length > 255) return `The name is too long: ${name.slice(0, 40)}…`;
    if (/["*:<>?\\|\u0000-\u001f]/.test(name)) return `The name contains invalid characters: ${name}`;
    if (name.startsWith('~$') || /_vti_/i.test(name)) return `The name is reserved: ${name}`;
    if (name !== name.trim() || name.endsWith('.') || name === '') return `The name must not start or end with a space or end with a period: ${name}`;
    if (/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i.test(name) || /^(desktop\.ini|\.lock)$/i.test(name)) return `The name is reserved: ${name}`;
    if (i === 0 && name.toLowerCase() === 'forms') return `The name is reserved: ${name}`;
  }
  return undefined;
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the bot sent to Teams, as the emulator saw it. */
export interface Sent {
  kind: 'post' | 'reply' | 'update' | 'create';
  conversationId: string;
  activityId: string;
  activity: Record<string, unknown>;
  at: number;
}

export interface RosterMember {
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
  userPrincipalName?: string;
  userRole?: string;
}

/**
 * A Bot Connector service on 127.0.0.1 that records what the bot sends, answers roster and
 * channel look-ups for one team, and can fail sends on demand: the next few, or all of them
 * for a time (500, 429 with Retry-After, 503), as in an outage.
 */
export class ConnectorEmulator {
  readonly sent: Sent[] = [];
  roster: RosterMember[] = [];
  /** Rosters of other teams, by team id (tests with two networks); any other team has `roster`. */
  readonly rosters = new Map<string, RosterMember[]>();
  channels: { id: string; name?: string }[] = [];
  pageSize = 0;
  /** How many roster pages the bot has read. */
  rosterPageReads = 0;
  private failures: { status: number; retryAfter?: string }[] = [];
  private outage?: { until: number; answers: { status: number; retryAfter?: string }[]; next: number };
  private server?: http.Server;
  private seq = 0;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    const addr = this.server?.address() as AddressInfo | undefined;
    if (!addr) throw new Error('connector emulator not started');
    return `http://127.0.0.1:${addr.port}`;
  }

  async stop(): Promise<void> {
    const s = this.server;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  /**
   * An outage: for `ms` from now every send (post, update, new chat) fails, in turn with each
   * of `answers` (e.g. 500, 429 with Retry-After, 503). Returns when the outage ends.
   */
  failFor(ms: number, answers: { status: number; retryAfter?: string }[]): number {
    this.outage = { until: Date.now() + ms, answers, next: 0 };
    return this.outage.until;
  }

  /** How many sends the outage refused. */
  refused = 0;

  /** Sends it picks are never answered (a Teams that hangs on them); they are not recorded. */
  holdIf?: (send: { method: string; path: string }) => boolean;

  /** The next n sends (posts or updates) fail with this status. */
  failNext(n: number, status: number, retryAfter?: string): void {
    for (let i = 0; i < n; i++) this.failures.push({ status, ...(retryAfter ? { retryAfter } : {}) });
  }

  updatesOf(activityId: string): Sent[] {
    return this.sent.filter((s) => s.kind === 'update' && s.activityId === activityId);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://x');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const json = (status: number, value: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    // parts: v3, conversations|teams, id, ...
    if (parts[0] !== 'v3') return json(404, { error: 'not found' });
    const isSend = req.method === 'PUT' || (req.method === 'POST' && parts[1] === 'conversations');
    const outage = this.outage && Date.now() < this.outage.until ? this.outage : undefined;
    if (isSend && (this.failures.length > 0 || outage)) {
      const f = outage ? outage.answers[outage.next++ % outage.answers.length] : this.failures.shift();
      if (outage) this.refused++;
      res.writeHead(f?.status ?? 500, { 'content-type': 'application/json', ...(f?.retryAfter ? { 'retry-after': f.retryAfter } : {}) });
      res.end(JSON.stringify({ error: { code: 'Throttled', message: 'injected failure' } }));
      return;
    }
    if (isSend && this.holdIf?.({ method: req.method ?? '', path: decodeURIComponent(url.pathname) })) return;
    const activity = (body ? JSON.parse(body) : {}) as Record<string, unknown>;
    const at = Date.now();
    if (parts[1] === 'teams' && parts[3] === 'conversations' && req.method === 'GET') {
      return json(200, { conversations: this.channels });
    }
    if (parts[1] !== 'conversations') return json(404, { error: 'not found' });
    const conv = parts[2] ?? '';
    if (req.method === 'POST' && parts.length === 2) {
      const id = `conv-${++this.seq}`;
      this.sent.push({ kind: 'create', conversationId: id, activityId: id, activity, at });
      return json(201, { id, activityId: id });
    }
    if (req.method === 'GET' && parts[3] === 'pagedmembers') {
      this.rosterPageReads++;
      const size = this.pageSize || Number(url.searchParams.get('pageSize') ?? 500);
      const start = Number(url.searchParams.get('continuationToken') ?? 0);
      const roster = this.rosters.get(conv) ?? this.roster;
      const members = roster.slice(start, start + size);
      const next = start + size < roster.length ? String(start + size) : undefined;
      return json(200, { members, ...(next ? { continuationToken: next } : {}) });
    }
    if (req.method === 'GET' && parts[3] === 'members' && parts[4]) {
      const m = (this.rosters.get(conv) ?? this.roster).find((r) => r.id === parts[4] || r.aadObjectId === parts[4]);
      return m ? json(200, m) : json(404, { error: { code: 'MemberNotFoundInConversation' } });
    }
    if (parts[3] === 'activities') {
      if (req.method === 'PUT' && parts[4]) {
        this.sent.push({ kind: 'update', conversationId: conv, activityId: parts[4], activity, at });
        return json(200, { id: parts[4] });
      }
      if (req.method === 'POST') {
        const id = `act-${++this.seq}`;
        this.sent.push({ kind: parts[4] ? 'reply' : 'post', conversationId: conv, activityId: id, activity, at });
        return json(200, { id });
      }
    }
    json(404, { error: 'not found' });
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The largest number of updates to one card that arrived within any one-second window. */
export function maxUpdatesInAnySecond(updates: readonly Sent[]): number {
  const times = updates.map((u) => u.at).sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while ((times[j] ?? 0) - (times[i] ?? 0) >= 1000) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

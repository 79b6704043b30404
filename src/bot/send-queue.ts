import { parseRetryAfter } from '../retry-after';

/**
 * Serialises sends to each Teams conversation and spaces them out, so that a burst never
 * comes near Teams' limit (7 per second per conversation). A 429 or a 5xx is retried after
 * Retry-After (or a backoff) a bounded number of times.
 */
export interface SendQueueOptions {
  sendsPerSecond: number;
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const RETRYABLE = new Set([412, 429, 502, 503, 504]);

export class SendQueue {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly lastStart = new Map<string, number>();
  private readonly gapMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly maxAttempts: number;

  constructor(opts: SendQueueOptions) {
    this.gapMs = 1000 / opts.sendsPerSecond;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.now = opts.now ?? Date.now;
    this.maxAttempts = opts.maxAttempts ?? 5;
  }

  /** Runs `send` after the conversation's earlier sends, at most `sendsPerSecond` starts a second. */
  enqueue<T>(conversationId: string, send: () => Promise<T>): Promise<T> {
    const key = conversationId.split(';')[0] ?? conversationId;
    const prev = this.tails.get(key) ?? Promise.resolve();
    const run = prev.then(
      () => this.withRetry(key, send),
      () => this.withRetry(key, send),
    );
    const tail = run.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return run;
  }

  private async withRetry<T>(key: string, send: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const wait = (this.lastStart.get(key) ?? -Infinity) + this.gapMs - this.now();
      if (wait > 0) await this.sleep(wait);
      this.lastStart.set(key, this.now());
      try {
        return await send();
      } catch (err) {
        const status = statusOf(err);
        if (attempt >= this.maxAttempts || status === undefined || !RETRYABLE.has(status)) throw err;
        await this.sleep(retryAfterMs(err) ?? Math.min(30000, 500 * 2 ** (attempt - 1)));
      }
    }
  }
}

export function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { statusCode?: unknown; status?: unknown };
  const s = e.statusCode ?? e.status;
  return typeof s === 'number' ? s : undefined;
}

/** Longest wait a Teams Retry-After is followed for (longer answers are cut to this). */
const MAX_RETRY_AFTER_MS = 120_000;

/** Retry-After from a REST error (seconds or an HTTP date), in milliseconds. */
export function retryAfterMs(err: unknown, now = Date.now()): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const headers = (err as { response?: { headers?: { get?: (n: string) => string | undefined } } }).response?.headers;
  const wait = parseRetryAfter(typeof headers?.get === 'function' ? headers.get('retry-after') : undefined, now);
  return wait === undefined ? undefined : Math.min(wait, MAX_RETRY_AFTER_MS);
}

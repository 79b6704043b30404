/**
 * Retry-After, read once for every service we call (Teams' Bot Connector and Graph): the
 * header's wait (RFC 9110: seconds, or an HTTP date), capped at one bound so that a service
 * answering "come back tomorrow" cannot park an archive or a card for a day.
 */

/** The longest wait any Retry-After is followed for; longer answers are cut to this (and logged). */
export const RETRY_AFTER_CAP_MS = 120_000;

export interface RetryAfterLog {
  warn(obj: object, msg?: string): void;
}

/** The header as milliseconds from `nowMs`, uncapped; undefined when there is none or it cannot be read. */
export function parseRetryAfter(value: string | null | undefined, nowMs = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** The wait to honour: the header's, at most RETRY_AFTER_CAP_MS; a longer one is logged as capped. */
export function retryAfterWait(value: string | null | undefined, from: string, log?: RetryAfterLog, nowMs = Date.now()): number | undefined {
  const asked = parseRetryAfter(value, nowMs);
  if (asked === undefined || asked <= RETRY_AFTER_CAP_MS) return asked;
  log?.warn({ from, askedMs: asked, waitMs: RETRY_AFTER_CAP_MS }, 'Retry-After is longer than the cap; waiting the cap instead');
  return RETRY_AFTER_CAP_MS;
}

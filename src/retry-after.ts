/**
 * An HTTP Retry-After header (RFC 9110: seconds, or an HTTP date) as milliseconds from `nowMs`;
 * undefined when there is none or it cannot be read. Shared by the Teams send queue and the
 * SharePoint archive, each of which decides what to do with the wait.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

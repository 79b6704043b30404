import type { TableClient } from '@azure/data-tables';
/** The row format of Table Storage shared by the store and its narrow port (./tables-documents.ts). */
import { idPart } from './documents';

/** Keys may not hold / \ # ? or control characters; Teams ids hold some of them. base64url holds none. */
export function key(...parts: string[]): string {
  return parts.map(idPart).join('.');
}

/**
 * A string property holds at most 64 KiB (32K UTF-16 units); a protocol can be longer. Long
 * documents are split over doc, doc1, doc2 … (an entity holds up to 1 MiB).
 */
const CHUNK = 30_000;
export type ChunkedDoc = Record<string, string>;

export function chunked(json: string): ChunkedDoc {
  const out: ChunkedDoc = { doc: json.slice(0, CHUNK) };
  for (let i = 1; i * CHUNK < json.length; i++) out[`doc${i}`] = json.slice(i * CHUNK, (i + 1) * CHUNK);
  return out;
}

export function unchunked(row: Record<string, unknown>): string {
  let text = String(row['doc']);
  for (let i = 1; typeof row[`doc${i}`] === 'string'; i++) text += row[`doc${i}`] as string;
  return text;
}

/** The HTTP status of a Table Storage error. */
export function statusOf(err: unknown): number | undefined {
  const s = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof s === 'number' ? s : undefined;
}

/** The parts a `key` was made of. */
export function unkey(k: string): string[] {
  return k.split('.').map((p) => Buffer.from(p, 'base64url').toString('utf8'));
}

/** Properties the service adds to every row (as the SDK names them). */
export const SERVICE_PROPERTIES: ReadonlySet<string> = new Set(['partitionKey', 'rowKey', 'etag', 'timestamp', 'odata.etag', 'odata.metadata']);

/** Deletes a row (under `etag`, when given); whether it was there (and still under it). */
export async function deleted(table: TableClient, partitionKey: string, rowKey: string, etag?: string): Promise<boolean> {
  try {
    await table.deleteEntity(partitionKey, rowKey, etag === undefined ? {} : { etag });
    return true;
  } catch (err) {
    const status = statusOf(err);
    if (status === 404 || status === 412) return false;
    throw err;
  }
}

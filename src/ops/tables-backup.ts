import fs from 'node:fs';
import readline from 'node:readline';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { openTables, TABLES, type TableName, type TablesStoreOptions } from '../store/tables-store';
import { SERVICE_PROPERTIES } from '../store/tables-rows';

/**
 * Export and restore of the Table Storage store as JSON Lines (format `justera-tables/1`).
 *
 * Line 1 is a header: `{"format":"justera-tables/1","exportedAt":"<ISO>","tables":[…]}`.
 * Every other line is one entity: `{"table":"meetings","PartitionKey":"…","RowKey":"…",
 * "properties":{"doc":{"type":"String","value":"…"},"untilMs":{"type":"Double","value":1.7e12}}}`.
 * `table` is the store's table name without the configured prefix (TABLES_PREFIX), so a restore
 * may go to another prefix or account. Property types are the Table service's EDM types:
 * String, Boolean, Int32 and Double (JSON values), Int64 (a decimal string), DateTime (ISO 8601
 * text as the service gives it), Binary (base64), Guid. Timestamp and ETag are the service's and
 * are not exported. The service answers Int32 and Double without a type, so a Double holding a
 * whole number within Int32's range comes back an Int32 (Justera writes no such value).
 */
export const TABLES_EXPORT_FORMAT = 'justera-tables/1';

export type EdmType = 'String' | 'Boolean' | 'Int32' | 'Double' | 'Int64' | 'DateTime' | 'Binary' | 'Guid';
export interface TypedValue {
  type: EdmType;
  value: string | number | boolean;
}
export interface ExportedEntity {
  table: TableName;
  PartitionKey: string;
  RowKey: string;
  properties: Record<string, TypedValue>;
}
export interface ExportHeader {
  format: typeof TABLES_EXPORT_FORMAT;
  exportedAt: string;
  tables: TableName[];
}

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/**
 * A property as the SDK reads it with `disableTypeConversion` (`{type, value}`), as its EDM type
 * and value. The service annotates Double, Int64, DateTime, Binary and Guid; for a value without
 * annotation the SDK guesses (a whole number "Int32", a boolean as text), which is corrected here
 * the way the service typed it when it was written: a whole number past Int32 is a Double.
 */
export function typed(read: unknown): TypedValue | undefined {
  if (typeof read !== 'object' || read === null) return undefined;
  const { type, value } = read as { type?: unknown; value?: unknown };
  switch (type) {
    case 'String':
      return typeof value === 'string' ? { type, value } : undefined;
    case 'Boolean':
      return { type, value: value === true || value === 'true' };
    case 'Int32': {
      const n = Number(value);
      return Number.isInteger(n) && n >= INT32.min && n <= INT32.max ? { type, value: n } : { type: 'Double', value: n };
    }
    case 'Double': {
      const n = Number(value);
      // NaN and the infinities stay text, as the service writes them.
      return { type, value: Number.isFinite(n) ? n : String(value) };
    }
    case 'Int64':
    case 'DateTime':
    case 'Binary':
    case 'Guid':
      return { type, value: String(value) };
    default:
      return undefined;
  }
}

/** A typed value as the SDK writes it: annotated with its type, so an integral Double stays a Double. */
function untyped(v: TypedValue): unknown {
  return v.type === 'String' ? v.value : { type: v.type, value: v.value };
}

/** Writes every entity of every table to `outFile` (JSON Lines, see the format above); returns the count per table. */
export async function exportTables(opts: TablesStoreOptions, outFile: string, now: Date = new Date()): Promise<Record<TableName, number>> {
  if (fs.existsSync(outFile)) throw new Error(`${outFile} exists already; an export never overwrites a file`);
  const tables = await openTables(opts);
  const counts = Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<TableName, number>;
  const out = fs.createWriteStream(`${outFile}.partial`, { encoding: 'utf8' });
  const write = (line: object): Promise<void> =>
    new Promise((resolve, reject) => (out.write(`${JSON.stringify(line)}\n`) ? resolve() : out.once('drain', resolve).once('error', reject)));
  try {
    await write({ format: TABLES_EXPORT_FORMAT, exportedAt: now.toISOString(), tables: [...TABLES] } satisfies ExportHeader);
    for (const table of TABLES) {
      for await (const row of tables[table].listEntities<Record<string, unknown>>({ disableTypeConversion: true })) {
        const properties: Record<string, TypedValue> = {};
        for (const [name, value] of Object.entries(row)) {
          if (SERVICE_PROPERTIES.has(name) || value === null || value === undefined) continue;
          const t = typed(value);
          if (!t) throw new Error(`${table}: property ${name} has a type this export does not know`);
          properties[name] = t;
        }
        await write({ table, PartitionKey: String(row.partitionKey), RowKey: String(row.rowKey), properties } satisfies ExportedEntity);
        counts[table] += 1;
      }
    }
  } finally {
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
  fs.renameSync(`${outFile}.partial`, outFile);
  return counts;
}

/**
 * Restores an export into the account and prefix of `opts`, whose tables must be empty (a
 * restore never mixes two states). Entities of one partition go in transactions of up to 100.
 */
export async function restoreTables(opts: TablesStoreOptions, inFile: string): Promise<Record<TableName, number>> {
  const tables = await openTables(opts);
  for (const table of TABLES) {
    for await (const _row of tables[table].listEntities({ queryOptions: { select: ['RowKey'] } })) {
      throw new Error(`table ${opts.tablePrefix}${table} is not empty: restore into empty tables (another TABLES_PREFIX or a new account)`);
    }
  }
  const counts = Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<TableName, number>;
  const pending = new Map<string, { client: TableClient; table: TableName; actions: TransactionAction[] }>();
  const flush = async (key: string): Promise<void> => {
    const batch = pending.get(key);
    if (!batch || batch.actions.length === 0) return;
    await batch.client.submitTransaction(batch.actions);
    counts[batch.table] += batch.actions.length;
    pending.delete(key);
  };
  const lines = readline.createInterface({ input: fs.createReadStream(inFile, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo += 1;
    if (!line.trim()) continue;
    const record = JSON.parse(line) as Partial<ExportHeader & ExportedEntity>;
    if (lineNo === 1) {
      if (record.format !== TABLES_EXPORT_FORMAT) throw new Error(`${inFile} is not a ${TABLES_EXPORT_FORMAT} export`);
      continue;
    }
    const table = record.table;
    if (!table || !(TABLES as readonly string[]).includes(table) || typeof record.PartitionKey !== 'string' || typeof record.RowKey !== 'string') {
      throw new Error(`${inFile}:${lineNo}: not an entity of this store`);
    }
    const entity: Record<string, unknown> = { partitionKey: record.PartitionKey, rowKey: record.RowKey };
    for (const [name, value] of Object.entries(record.properties ?? {})) entity[name] = untyped(value);
    const key = `${table}\n${record.PartitionKey}`;
    const batch = pending.get(key) ?? { client: tables[table], table, actions: [] };
    batch.actions.push(['create', entity as { partitionKey: string; rowKey: string }]);
    pending.set(key, batch);
    if (batch.actions.length === 100) await flush(key);
  }
  for (const key of [...pending.keys()]) await flush(key);
  return counts;
}

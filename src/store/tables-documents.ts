import { odata, type TableClient } from '@azure/data-tables';
import type { Collection, DocumentKey, Documents, DueEntry, DueKind, DueQueue, EtagCollection, EtagDocuments, PlainDocuments } from './documents';
import { chunked, key, SERVICE_PROPERTIES, statusOf, unchunked, unkey } from './tables-rows';

/** Where a collection lives in Table Storage: its table, and how its keys and rows are written. */
interface TableLayout {
  table: string;
  /** The row key is written as is (a six-digit number) rather than encoded. */
  plainRow?: boolean;
  /** Every row in this one partition, the key's parts all in the row key (the layout jobs were first written in). */
  onePartition?: string;
  /** The document's fields are the row's properties (a flat document: a lease), not JSON in `doc`. */
  fields?: boolean;
}

const LAYOUTS: Record<keyof PlainDocuments | keyof EtagDocuments, TableLayout> = {
  agendaVersions: { table: 'agendaversions', plainRow: true },
  proposals: { table: 'proposals' },
  searchMarkers: { table: 'searchmarkers' },
  jobs: { table: 'jobs', onePartition: 'jobs' },
  deliveriesByPerson: { table: 'deliveriesbyperson' },
  marks: { table: 'storemarks' },
  agendas: { table: 'agendas' },
  agendaTemplates: { table: 'agendatemplates' },
  minutes: { table: 'minutes' },
  deliveries: { table: 'deliveries' },
  leases: { table: 'leases', fields: true },
};

/** Runs a one-time fill of the queue for `kind` unless its marker says it ran (the store's `backfillOnce`). */
export type QueueFillOnce = (kind: DueKind, fill: () => Promise<void>) => Promise<void>;

/**
 * The narrow port on Table Storage: a collection is a table; the partition key is the partition's
 * parts encoded (see `key`), the row key the row encoded; the ETag is Table Storage's own. A long
 * document is split over several properties (see `chunked`).
 */
export class TablesDocuments implements Documents {
  readonly queue: DueQueue;

  constructor(private readonly client: (table: string) => TableClient, once: QueueFillOnce) {
    this.queue = new TablesDueQueue(client, once);
  }

  collection<K extends keyof PlainDocuments>(name: K): Collection<PlainDocuments[K]> {
    return new TablesCollection<PlainDocuments[K]>(this.client, LAYOUTS[name]);
  }

  etagged<K extends keyof EtagDocuments>(name: K): EtagCollection<EtagDocuments[K]> {
    return new TablesEtagCollection<EtagDocuments[K]>(this.client, LAYOUTS[name]);
  }
}

/** Deletes a row (under `etag`, when given); whether it was there (and still under it). */
async function deleted(table: TableClient, partitionKey: string, rowKey: string, etag?: string): Promise<boolean> {
  try {
    await table.deleteEntity(partitionKey, rowKey, etag === undefined ? {} : { etag });
    return true;
  } catch (err) {
    const status = statusOf(err);
    if (status === 404 || status === 412) return false;
    throw err;
  }
}

/** A table's rows as documents: the keys and the reads both kinds of collection share. */
abstract class TableRows<T> {
  constructor(private readonly client: (table: string) => TableClient, private readonly layout: TableLayout) {}

  protected get table(): TableClient {
    return this.client(this.layout.table);
  }

  protected keys(k: DocumentKey): { partitionKey: string; rowKey: string } {
    const { onePartition, plainRow } = this.layout;
    if (onePartition !== undefined) return { partitionKey: onePartition, rowKey: key(...k.partition, k.row) };
    return { partitionKey: key(...k.partition), rowKey: plainRow ? k.row : key(k.row) };
  }

  protected entity(k: DocumentKey, doc: T): Record<string, unknown> & { partitionKey: string; rowKey: string } {
    return { ...this.keys(k), ...(this.layout.fields ? (doc as Record<string, unknown>) : chunked(JSON.stringify(doc))) };
  }

  private docOf(row: Record<string, unknown>): T {
    if (!this.layout.fields) return JSON.parse(unchunked(row)) as T;
    return Object.fromEntries(Object.entries(row).filter(([name]) => !SERVICE_PROPERTIES.has(name))) as T;
  }

  protected async row(k: DocumentKey): Promise<{ doc: T; etag: string } | undefined> {
    const { partitionKey, rowKey } = this.keys(k);
    try {
      const row = await this.table.getEntity<Record<string, unknown>>(partitionKey, rowKey);
      return { doc: this.docOf(row), etag: row.etag };
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  /** Creates the row (ifMatch undefined) or replaces it under the ETag; undefined when it was there, or someone else wrote first. */
  protected async write(k: DocumentKey, doc: T, ifMatch: string | undefined): Promise<string | undefined> {
    const entity = this.entity(k, doc);
    try {
      const res = ifMatch === undefined ? await this.table.createEntity(entity) : await this.table.updateEntity(entity, 'Replace', { etag: ifMatch });
      return res.etag;
    } catch (err) {
      const status = statusOf(err);
      if (status === 409 || status === 412 || status === 400) return undefined;
      throw err;
    }
  }

  remove(k: DocumentKey, ifMatch?: string): Promise<boolean> {
    const { partitionKey, rowKey } = this.keys(k);
    return deleted(this.table, partitionKey, rowKey, ifMatch);
  }

  /** The partition's rows: Table Storage returns them in row key order. */
  async list(partition: readonly string[]): Promise<T[]> {
    const out: T[] = [];
    const { onePartition } = this.layout;
    // In one partition, a partition's rows are a key range: its parts' keys, then '.' (and '/' sorts right after '.').
    const filter = onePartition === undefined ? odata`PartitionKey eq ${key(...partition)}` : odata`PartitionKey eq ${onePartition} and RowKey gt ${`${key(...partition)}.`} and RowKey lt ${`${key(...partition)}/`}`;
    for await (const row of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) out.push(this.docOf(row));
    return out;
  }
}

class TablesCollection<T> extends TableRows<T> implements Collection<T> {
  async read(k: DocumentKey): Promise<T | undefined> {
    return (await this.row(k))?.doc;
  }

  async create(k: DocumentKey, doc: T): Promise<boolean> {
    return (await this.write(k, doc, undefined)) !== undefined;
  }

  async upsert(k: DocumentKey, doc: T): Promise<void> {
    await this.table.upsertEntity(this.entity(k, doc), 'Replace');
  }
}

class TablesEtagCollection<T> extends TableRows<T> implements EtagCollection<T> {
  read(k: DocumentKey): Promise<{ doc: T; etag: string } | undefined> {
    return this.row(k);
  }

  override write(k: DocumentKey, doc: T, ifMatch: string | undefined): Promise<string | undefined> {
    return super.write(k, doc, ifMatch);
  }
}

/** A queue row's key: when it is due, then the ref's parts encoded (the layout the queue's job rows were first written in). */
const dueRowKey = (e: Pick<DueEntry, 'dueAt' | 'ref'>): string => `${e.dueAt}|${key(...e.ref)}`;

/**
 * Due work written before the queue, found once per kind by the properties its rows had then:
 * a job's `done` and `dueAt` (all jobs in one partition), a delivery's `dueAt` (empty unless pending).
 */
const BEFORE_THE_QUEUE: Record<DueKind, { table: string; filter: string; entry: (row: { partitionKey?: string; rowKey?: string; dueAt: string }) => DueEntry }> = {
  job: { table: 'jobs', filter: odata`PartitionKey eq ${'jobs'} and done eq false`, entry: (row) => ({ kind: 'job', dueAt: row.dueAt, ref: unkey(row.rowKey ?? '') }) },
  delivery: {
    table: 'deliveries',
    filter: odata`dueAt ne ${''}`,
    entry: (row) => ({ kind: 'delivery', dueAt: row.dueAt, ref: [...unkey(row.partitionKey ?? ''), ...unkey(row.rowKey ?? '')] }),
  },
};

/**
 * The queue on Table Storage: the `duework` table, a partition per kind, the row key when it is
 * due and what it is about, so what is due by a time is one key range of one partition
 * (`RowKey lt '<time>}'`: '}' sorts after the '|' that ends the time).
 */
class TablesDueQueue implements DueQueue {
  constructor(private readonly client: (table: string) => TableClient, private readonly once: QueueFillOnce) {}

  private get table(): TableClient {
    return this.client('duework');
  }

  async put(e: DueEntry): Promise<void> {
    await this.table.upsertEntity({ partitionKey: e.kind, rowKey: dueRowKey(e) }, 'Replace');
  }

  async due(kind: DueKind, by: string, limit: number, after?: DueEntry): Promise<(DueEntry & { etag: string })[]> {
    await this.once(kind, () => this.fillFromBefore(kind));
    const out: (DueEntry & { etag: string })[] = [];
    if (limit <= 0) return out;
    const filter =
      after === undefined
        ? odata`PartitionKey eq ${kind} and RowKey lt ${`${by}}`}`
        : odata`PartitionKey eq ${kind} and RowKey gt ${dueRowKey(after)} and RowKey lt ${`${by}}`}`;
    const pages = this.table.listEntities({ queryOptions: { filter, select: ['RowKey'] } }).byPage({ maxPageSize: limit });
    for await (const page of pages) {
      for (const row of page) {
        const rowKey = row.rowKey ?? '';
        const bar = rowKey.indexOf('|');
        out.push({ kind, dueAt: rowKey.slice(0, bar), ref: unkey(rowKey.slice(bar + 1)), etag: row.etag });
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  remove(e: DueEntry, ifMatch?: string): Promise<boolean> {
    return deleted(this.table, e.kind, dueRowKey(e), ifMatch);
  }

  private async fillFromBefore(kind: DueKind): Promise<void> {
    const { table, filter, entry } = BEFORE_THE_QUEUE[kind];
    const rows = this.client(table).listEntities<{ dueAt: string }>({ queryOptions: { filter, select: ['PartitionKey', 'RowKey', 'dueAt'] } });
    for await (const row of rows) if (typeof row.dueAt === 'string' && row.dueAt !== '') await this.put(entry(row));
  }
}

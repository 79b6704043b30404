import { odata, type TableClient } from '@azure/data-tables';
import {
  archiveDueAt,
  INDEXES,
  ORDERED,
  ORDERED_INDEXES,
  type Collection,
  type DocumentKey,
  type Documents,
  type DueQueue,
  type Entry,
  type EtagCollection,
  type EtagDocuments,
  type Index,
  type IndexedDocuments,
  type Keyed,
  type PlainDocuments,
  type RowRange,
} from './documents';
import { chunked, deleted, key, SERVICE_PROPERTIES, statusOf, unchunked, unkey } from './tables-rows';
import { TablesDueQueue } from './tables-queue';

/** Where a collection lives in Table Storage: its table, and whether its row key is written as is (ordered: see ORDERED) rather than encoded. */
interface TableLayout {
  table: string;
  /** The row key is written as is (a six-digit number) rather than encoded. */
  plainRow?: boolean;
  /** Every row in this one partition, the key's parts all in the row key (the layout jobs were first written in). */
  onePartition?: string;
  /** The document is the entity's own properties (a flat object: a lease, a posting), not JSON in `doc`. */
  fields?: boolean;
  /** Properties written from the document beside it (what a filter of the table reads). */
  properties?: (doc: never) => Record<string, string | boolean>;
}

/** A minutes version's properties: the approved index's fill and the archive queue's fill (BEFORE_THE_QUEUE) filter on them. */
const versionProperties = (v: EtagDocuments['minutesVersions']): Record<string, string | boolean> => ({
  tenant: v.tenantId,
  network: v.networkId,
  approved: INDEXES.approvedMinutes.key(v) !== undefined,
  archiveDue: archiveDueAt(v) ?? '',
});

const LAYOUTS: Record<keyof PlainDocuments | keyof EtagDocuments, TableLayout> = {
  members: { table: 'members' },
  meetings: { table: 'meetings' },
  agendaVersions: { table: 'agendaversions', plainRow: true },
  proposals: { table: 'proposals' },
  searchMarkers: { table: 'searchmarkers' },
  jobs: { table: 'jobs', onePartition: 'jobs' },
  deliveriesByPerson: { table: 'deliveriesbyperson' },
  agendas: { table: 'agendas' },
  agendaTemplates: { table: 'agendatemplates' },
  minutes: { table: 'minutes' },
  deliveries: { table: 'deliveries' },
  leases: { table: 'leases', fields: true },
  minutesVersions: { table: 'minutesversions', plainRow: true, properties: versionProperties },
  networks: { table: 'networks' },
  actionMarks: { table: 'actionsdone' },
  openActions: { table: 'openactions', plainRow: true },
  doneActions: { table: 'doneactions', plainRow: true },
  actionsWritten: { table: 'actionswritten' },
  lastMarked: { table: 'lastmarked' },
  backfills: { table: 'backfills' },
  searchDocuments: { table: 'searchdocs' },
  postings: { table: 'searchterms', fields: true },
};

/**
 * Each index is a table of its own, a row per document in it holding a copy of the document,
 * written after the document (every write of it rewrites the copy), keyed as INDEXES says.
 */
interface IndexTable {
  table: string;
  of: keyof PlainDocuments | keyof EtagDocuments;
  /** How many parts of an index partition one fill covers (and its marker is keyed by). */
  scope: number;
  /**
   * The filter that finds, in the collection's table, the documents of a fill's scope written
   * before the index was kept (one scan, once per scope); of what it finds, those whose place is
   * in the scope are indexed.
   */
  fill: (...scope: string[]) => string;
}
const INDEX_TABLES: Record<keyof IndexedDocuments, IndexTable> = {
  approvedMinutes: {
    table: 'approvedminutes',
    of: 'minutesVersions',
    scope: 2,
    // Versions written before the index have these properties.
    fill: (tenantId, networkId) => odata`tenant eq ${tenantId} and network eq ${networkId} and approved eq true`,
  },
  memberships: {
    table: 'memberships',
    of: 'members',
    // Once per tenant: its members of every network (their partitions begin with the tenant's part).
    scope: 1,
    fill: (tenantId) => odata`PartitionKey ge ${`${key(tenantId)}.`} and PartitionKey lt ${`${key(tenantId)}/`}`,
  },
  meetingsByDate: {
    table: 'meetingsbydate',
    of: 'meetings',
    // Once per network: the tenant's meetings, those of the network indexed.
    scope: 2,
    fill: (tenantId) => odata`PartitionKey eq ${key(tenantId)}`,
  },
};

/** Where a document appears in an index (undefined: not in it). */
const placeIn = (name: keyof IndexedDocuments, doc: unknown): DocumentKey | undefined => (INDEXES[name].key as (d: unknown) => DocumentKey | undefined)(doc);
/** The indexes of a collection. */
const indexesOf = (collection: string): (keyof IndexedDocuments)[] =>
  (Object.keys(INDEXES) as (keyof IndexedDocuments)[]).filter((name) => INDEXES[name].of === collection);
const sameKey = (a: DocumentKey, b: DocumentKey): boolean => a.row === b.row && a.partition.join('\n') === b.partition.join('\n');

/**
 * Collections (and indexes) whose reads join a read of the same rows already on its way: every
 * action reads its network, a check-in its meeting and the roster (the clicker looked up in it),
 * and the card's refresh the network's meetings of the day.
 */
const SHARED: ReadonlySet<string> = new Set(['networks', 'members', 'meetings', 'meetingsByDate']);

/**
 * The narrow port on Table Storage: a collection is a table; the partition key is the partition's
 * parts encoded (see `key`), the row key the row encoded (or as is, for an ordered collection);
 * the ETag is Table Storage's own. A long document is split over several properties (see `chunked`).
 */
export class TablesDocuments implements Documents {
  readonly queue: DueQueue;
  /** Index partitions this instance has seen filled. */
  private readonly filled = new Set<string>();

  constructor(
    private readonly client: (table: string) => TableClient,
    /** Called after each write to a table (the store's shared reads of it start over). */
    private readonly wrote: (table: string) => void = () => undefined,
    /** How the store shares a read of a table already on its way (TablesStore.shared). */
    private readonly shared: <R>(table: string, id: string, read: () => Promise<R>) => Promise<R> = (_t, _id, read) => read(),
  ) {
    this.queue = new TablesDueQueue(client, (marker, fill) => this.markedOnce('duework', marker, fill));
  }

  collection<K extends keyof PlainDocuments>(name: K): Collection<PlainDocuments[K]> {
    return new TablesCollection<PlainDocuments[K]>(this.client, LAYOUTS[name], this.hooks(name));
  }

  etagged<K extends keyof EtagDocuments>(name: K): EtagCollection<EtagDocuments[K]> {
    return new TablesEtagCollection<EtagDocuments[K]>(this.client, LAYOUTS[name], this.hooks(name));
  }

  index<K extends keyof IndexedDocuments>(name: K): Index<IndexedDocuments[K]> {
    const { of, scope, fill } = INDEX_TABLES[name];
    const rows = this.indexRows<IndexedDocuments[K]>(name);
    return {
      list: async (partition, range) => {
        const within = partition.slice(0, scope);
        await this.markedOnce(INDEX_TABLES[name].table, `${key(...within)}~meta`, async () => {
          const old = this.client(LAYOUTS[of].table).listEntities<Record<string, unknown>>({ queryOptions: { filter: fill(...within) } });
          for await (const row of old) {
            const doc = JSON.parse(unchunked(row)) as IndexedDocuments[K];
            const at = placeIn(name, doc);
            if (at && within.every((part, i) => at.partition[i] === part)) await rows.upsert(at, doc);
          }
        });
        return rows.list(partition, range);
      },
    };
  }

  /** An index's rows: ordered ones as written (read by range), others encoded as a collection's. */
  private indexRows<T>(name: keyof IndexedDocuments): TablesCollection<T> {
    const { table } = INDEX_TABLES[name];
    return new TablesCollection<T>(this.client, { table, plainRow: ORDERED_INDEXES.includes(name) }, {
      ordered: ORDERED_INDEXES.includes(name),
      indexed: false,
      written: async () => this.wrote(table),
      removed: async () => this.wrote(table),
      shared: (id, read) => (SHARED.has(name) ? this.shared(table, id, read) : read()),
    });
  }

  /** The index rows of `collection` for a document written (`doc`) where `before` was, or removed (`before` only): written, moved, removed. */
  private async indexed(collection: string, doc: unknown, before: unknown): Promise<void> {
    for (const name of indexesOf(collection)) {
      const at = doc === undefined ? undefined : placeIn(name, doc);
      const was = before === undefined ? undefined : placeIn(name, before);
      const rows = this.indexRows<unknown>(name);
      if (at) await rows.upsert(at, doc);
      if (was && !(at && sameKey(at, was))) await rows.remove(was);
    }
  }

  /**
   * Runs `fill` (what was stored before an index or a queue was kept, written into it) unless the
   * marker row `markerPk`/~backfilled in `table` says it ran; looked for once per instance.
   */
  async markedOnce(table: string, markerPk: string, fill: () => Promise<void>): Promise<void> {
    const seen = `${table}/${markerPk}`;
    if (this.filled.has(seen)) return;
    const marker = await this.client(table).getEntity(markerPk, '~backfilled').catch((err: unknown) => {
      if (statusOf(err) === 404) return undefined;
      throw err;
    });
    if (!marker) {
      await fill();
      await this.client(table).upsertEntity({ partitionKey: markerPk, rowKey: '~backfilled', at: new Date().toISOString() }, 'Replace');
    }
    this.filled.add(seen);
  }

  private hooks(name: keyof PlainDocuments | keyof EtagDocuments): RowHooks {
    const { table } = LAYOUTS[name];
    return {
      ordered: (ORDERED as readonly string[]).includes(name),
      indexed: indexesOf(name).length > 0,
      written: async (doc, before) => {
        this.wrote(table);
        await this.indexed(name, doc, before);
      },
      removed: async (before) => {
        this.wrote(table);
        if (before !== undefined) await this.indexed(name, undefined, before);
      },
      shared: (id, read) => (SHARED.has(name) ? this.shared(table, id, read) : read()),
    };
  }
}

/** What a collection tells its backend: writes (for indexes and shared reads), and reads to share. */
interface RowHooks {
  ordered: boolean;
  /** The collection has indexes: a removal reads the document first (its index rows go with it). */
  indexed: boolean;
  /** A document was written (where `before` was, when known: see Collection.update). */
  written(doc: unknown, before?: unknown): Promise<void>;
  /** A row was removed (`before`: the document it held, when read). */
  removed(before: unknown): Promise<void>;
  shared<R>(id: string, read: () => Promise<R>): Promise<R>;
}

/** A table's rows as documents: the keys and the reads both kinds of collection share. */
abstract class TableRows<T> {
  constructor(
    private readonly client: (table: string) => TableClient,
    private readonly layout: TableLayout,
    protected readonly hooks: RowHooks,
  ) {}

  protected get table(): TableClient {
    return this.client(this.layout.table);
  }

  protected keys(k: DocumentKey): { partitionKey: string; rowKey: string } {
    const { onePartition, plainRow } = this.layout;
    if (onePartition !== undefined) return { partitionKey: onePartition, rowKey: key(...k.partition, k.row) };
    return { partitionKey: key(...k.partition), rowKey: plainRow ? k.row : key(k.row) };
  }

  protected entity(k: DocumentKey, doc: T): Record<string, unknown> & { partitionKey: string; rowKey: string } {
    const own = this.layout.fields ? (doc as Record<string, unknown>) : chunked(JSON.stringify(doc));
    return { ...this.keys(k), ...(this.layout.properties ? (this.layout.properties as (d: T) => Record<string, unknown>)(doc) : {}), ...own };
  }

  protected docOf(row: Record<string, unknown>): T {
    if (!this.layout.fields) return JSON.parse(unchunked(row)) as T;
    return Object.fromEntries(Object.entries(row).filter(([name]) => !SERVICE_PROPERTIES.has(name))) as T;
  }

  /** The key's document and ETag, joining a read of it on its way (see SHARED). */
  protected row(k: DocumentKey): Promise<{ doc: T; etag: string } | undefined> {
    const { partitionKey, rowKey } = this.keys(k);
    return this.hooks.shared(`${partitionKey}\n${rowKey}`, () => this.fresh(k));
  }

  /** The key's document and ETag, read now. */
  protected async fresh(k: DocumentKey): Promise<{ doc: T; etag: string } | undefined> {
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
    let etag: string | undefined;
    try {
      const res = ifMatch === undefined ? await this.table.createEntity(entity) : await this.table.updateEntity(entity, 'Replace', { etag: ifMatch });
      etag = res.etag;
    } catch (err) {
      const status = statusOf(err);
      if (status === 409 || status === 412 || status === 400) return undefined;
      throw err;
    }
    await this.hooks.written(doc);
    return etag;
  }

  async entries(partition: readonly string[], range: RowRange = {}): Promise<Entry<T>[]> {
    if (!this.hooks.ordered && (range.from !== undefined || range.to !== undefined)) throw new Error(`${this.layout.table}: not read by row range`);
    const { onePartition, plainRow } = this.layout;
    // In one partition, a partition's rows are a key range: its parts' keys, then '.' (and '/' sorts right after '.').
    let filter =
      onePartition === undefined
        ? odata`PartitionKey eq ${key(...partition)}`
        : odata`PartitionKey eq ${onePartition} and RowKey gt ${`${key(...partition)}.`} and RowKey lt ${`${key(...partition)}/`}`;
    if (range.from !== undefined) filter += ` and ${odata`RowKey ge ${range.from}`}`;
    if (range.to !== undefined) filter += ` and ${odata`RowKey lt ${range.to}`}`;
    const read = async (): Promise<Entry<T>[]> => {
      const out: Entry<T>[] = [];
      const pages = this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } }).byPage({ maxPageSize: Math.min(range.limit ?? 1000, 1000) });
      for await (const page of pages) {
        for (const row of page) {
          if (range.limit !== undefined && out.length >= range.limit) return out;
          const rowKey = String(row.rowKey);
          const row_ = plainRow ? rowKey : onePartition !== undefined ? (unkey(rowKey).at(-1) ?? '') : Buffer.from(rowKey, 'base64url').toString('utf8');
          out.push({ row: row_, doc: this.docOf(row) });
        }
        if (range.limit !== undefined && out.length >= range.limit) break;
      }
      return out;
    };
    return [...(await this.hooks.shared(`list\n${filter}\n${range.limit ?? ''}`, read))];
  }

  async list(partition: readonly string[], range?: RowRange): Promise<T[]> {
    return (await this.entries(partition, range)).map((e) => e.doc);
  }

  async all(): Promise<T[]> {
    const out: T[] = [];
    for await (const row of this.table.listEntities<Record<string, unknown>>()) out.push(this.docOf(row));
    return out;
  }

  /** Deletes the row (only under `ifMatch`, when given); whether it was there (and still under it). */
  async remove(k: DocumentKey, ifMatch?: string): Promise<boolean> {
    const { partitionKey, rowKey } = this.keys(k);
    // A document in indexes is read first: its index rows go with it.
    const before = this.hooks.indexed ? (await this.fresh(k))?.doc : undefined;
    const removed = await deleted(this.table, partitionKey, rowKey, ifMatch);
    if (removed) await this.hooks.removed(before);
    return removed;
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
    await this.hooks.written(doc);
  }

  /** A partition's documents as transactions of up to 100 (one partition's only: a transaction spans no more). */
  async upsertMany(docs: readonly Keyed<T>[]): Promise<void> {
    const byPartition = new Map<string, Keyed<T>[]>();
    for (const d of docs) {
      const pk = this.keys(d.key).partitionKey;
      const group = byPartition.get(pk);
      if (group) group.push(d);
      else byPartition.set(pk, [d]);
    }
    for (const group of byPartition.values()) {
      for (let i = 0; i < group.length; i += 100) {
        await this.table.submitTransaction(group.slice(i, i + 100).map((d) => ['upsert', this.entity(d.key, d.doc), 'Replace']));
      }
    }
    for (const d of docs) await this.hooks.written(d.doc);
  }

  async update(k: DocumentKey, change: (doc: T) => T): Promise<T | undefined> {
    for (let attempt = 0; ; attempt++) {
      const found = await this.fresh(k);
      if (!found) return undefined;
      const next = change(found.doc);
      try {
        await this.table.updateEntity(this.entity(k, next), 'Replace', { etag: found.etag });
      } catch (err) {
        // Another instance wrote it since: read again.
        if (statusOf(err) !== 412 || attempt >= 10) throw err;
        continue;
      }
      await this.hooks.written(next, found.doc);
      return next;
    }
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

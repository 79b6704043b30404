import { odata, type TableClient } from '@azure/data-tables';
import {
  INDEXES,
  ORDERED,
  type Collection,
  type DocumentKey,
  type Documents,
  type Entry,
  type EtagCollection,
  type EtagDocuments,
  type Index,
  type IndexedDocuments,
  type PlainDocuments,
  type RowRange,
} from './documents';
import { chunked, key, statusOf, unchunked } from './tables-rows';

/** Where a collection lives in Table Storage: its table, and whether its row key is written as is (ordered: see ORDERED) rather than encoded. */
interface TableLayout {
  table: string;
  plainRow?: boolean;
  /** The document is the entity's own properties (a flat object), not JSON in `doc`. */
  fields?: boolean;
  /** Properties written from the document beside it (what a filter of the table reads). */
  properties?: (doc: never) => Record<string, string | boolean>;
}

/** A minutes version's properties: the approved index's fill and the archive queue's fill (tables-store.ts) filter on them. */
const versionProperties = (v: EtagDocuments['minutesVersions']): Record<string, string | boolean> => ({
  tenant: v.tenantId,
  network: v.networkId,
  approved: INDEXES.approvedMinutes.key(v) !== undefined,
  archiveDue: v.archive?.state === 'pending' ? v.archive.nextAttemptAt : '',
});

const LAYOUTS: Record<keyof PlainDocuments | keyof EtagDocuments, TableLayout> = {
  agendaVersions: { table: 'agendaversions', plainRow: true },
  proposals: { table: 'proposals' },
  searchMarkers: { table: 'searchmarkers' },
  agendas: { table: 'agendas' },
  agendaTemplates: { table: 'agendatemplates' },
  minutes: { table: 'minutes' },
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
const INDEX_TABLES: Record<keyof IndexedDocuments, { table: string; of: keyof EtagDocuments; fill: IndexFill }> = {
  approvedMinutes: {
    table: 'approvedminutes',
    of: 'minutesVersions',
    // Versions written before the index have these properties; the one scan of the table, once per network.
    fill: (tenantId, networkId) => odata`tenant eq ${tenantId} and network eq ${networkId} and approved eq true`,
  },
};
/** The filter that finds, in the collection's table, the documents of an index partition written before the index was kept. */
type IndexFill = (...partition: string[]) => string;

/** The properties of an entity that are not the document's own. */
const SYSTEM = new Set(['partitionKey', 'rowKey', 'etag', 'timestamp', 'odata.etag', 'odata.metadata']);
/** Collections whose reads join a read of the same row already on its way (every action reads its network). */
const SHARED: ReadonlySet<string> = new Set(['networks']);

/**
 * The narrow port on Table Storage: a collection is a table; the partition key is the partition's
 * parts encoded (see `key`), the row key the row encoded (or as is, for an ordered collection);
 * the ETag is Table Storage's own. A long document is split over several properties (see `chunked`).
 */
export class TablesDocuments implements Documents {
  /** Index partitions this instance has seen filled. */
  private readonly filled = new Set<string>();

  constructor(
    private readonly client: (table: string) => TableClient,
    /** Called after each write to a table (the store's shared reads of it start over). */
    private readonly wrote: (table: string) => void = () => undefined,
    /** How the store shares a read of a table already on its way (TablesStore.shared). */
    private readonly shared: <R>(table: string, id: string, read: () => Promise<R>) => Promise<R> = (_t, _id, read) => read(),
  ) {}

  collection<K extends keyof PlainDocuments>(name: K): Collection<PlainDocuments[K]> {
    return new TablesCollection<PlainDocuments[K]>(this.client, LAYOUTS[name], this.hooks(name));
  }

  etagged<K extends keyof EtagDocuments>(name: K): EtagCollection<EtagDocuments[K]> {
    return new TablesEtagCollection<EtagDocuments[K]>(this.client, LAYOUTS[name], this.hooks(name));
  }

  index<K extends keyof IndexedDocuments>(name: K): Index<IndexedDocuments[K]> {
    const { table, of, fill } = INDEX_TABLES[name];
    const rows = new TablesCollection<IndexedDocuments[K]>(this.client, { table, plainRow: true }, this.hooks(name));
    return {
      list: async (partition) => {
        await this.filledOnce(name, partition, async () => {
          const old = this.client(LAYOUTS[of].table).listEntities<Record<string, unknown>>({ queryOptions: { filter: fill(...partition) } });
          for await (const row of old) await this.indexed(of, JSON.parse(unchunked(row)));
        });
        return rows.list(partition);
      },
    };
  }

  /** Writes the rows of the indexes of `collection` for a document just written. */
  private async indexed(collection: string, doc: unknown): Promise<void> {
    for (const [name, index] of Object.entries(INDEXES)) {
      if (index.of !== collection) continue;
      const at = index.key(doc as IndexedDocuments[keyof IndexedDocuments]);
      const { table } = INDEX_TABLES[name as keyof IndexedDocuments];
      if (at) await this.client(table).upsertEntity({ partitionKey: key(...at.partition), rowKey: at.row, ...chunked(JSON.stringify(doc)) }, 'Replace');
    }
  }

  /** Runs `fill` unless the index partition's marker row says it ran (once per instance it is looked for). */
  private async filledOnce(name: keyof IndexedDocuments, partition: readonly string[], fill: () => Promise<void>): Promise<void> {
    const { table } = INDEX_TABLES[name];
    const markerPk = `${key(...partition)}~meta`;
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

  private hooks(name: string): RowHooks {
    const table = LAYOUTS[name as keyof typeof LAYOUTS]?.table ?? INDEX_TABLES[name as keyof IndexedDocuments].table;
    return {
      ordered: (ORDERED as readonly string[]).includes(name),
      written: async (doc) => {
        this.wrote(table);
        await this.indexed(name, doc);
      },
      removed: () => this.wrote(table),
      shared: (id, read) => (SHARED.has(name) ? this.shared(table, id, read) : read()),
    };
  }
}

/** What a collection tells its backend: writes (for indexes and shared reads), and reads to share. */
interface RowHooks {
  ordered: boolean;
  written(doc: unknown): Promise<void>;
  removed(): void;
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
    return { partitionKey: key(...k.partition), rowKey: this.layout.plainRow ? k.row : key(k.row) };
  }

  protected entity(k: DocumentKey, doc: T): Record<string, unknown> & { partitionKey: string; rowKey: string } {
    const own = this.layout.fields ? (doc as Record<string, unknown>) : chunked(JSON.stringify(doc));
    return { ...this.keys(k), ...(this.layout.properties ? (this.layout.properties as (d: T) => Record<string, unknown>)(doc) : {}), ...own };
  }

  protected docOf(row: Record<string, unknown>): T {
    if (!this.layout.fields) return JSON.parse(unchunked(row)) as T;
    return Object.fromEntries(Object.entries(row).filter(([name]) => !SYSTEM.has(name))) as T;
  }

  protected row(k: DocumentKey): Promise<{ doc: T; etag: string } | undefined> {
    const { partitionKey, rowKey } = this.keys(k);
    return this.hooks.shared(`${partitionKey}\n${rowKey}`, async () => {
      try {
        const row = await this.table.getEntity<Record<string, unknown>>(partitionKey, rowKey);
        return { doc: this.docOf(row), etag: row.etag };
      } catch (err) {
        if (statusOf(err) === 404) return undefined;
        throw err;
      }
    });
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
    const pk = key(...partition);
    let filter = odata`PartitionKey eq ${pk}`;
    if (range.from !== undefined) filter += ` and ${odata`RowKey ge ${range.from}`}`;
    if (range.to !== undefined) filter += ` and ${odata`RowKey lt ${range.to}`}`;
    const read = async (): Promise<Entry<T>[]> => {
      const out: Entry<T>[] = [];
      const pages = this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } }).byPage({ maxPageSize: Math.min(range.limit ?? 1000, 1000) });
      for await (const page of pages) {
        for (const row of page) {
          if (range.limit !== undefined && out.length >= range.limit) return out;
          const rowKey = String(row.rowKey);
          out.push({ row: this.layout.plainRow ? rowKey : Buffer.from(rowKey, 'base64url').toString('utf8'), doc: this.docOf(row) });
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

  async remove(k: DocumentKey): Promise<boolean> {
    const { partitionKey, rowKey } = this.keys(k);
    try {
      await this.table.deleteEntity(partitionKey, rowKey);
      return true;
    } catch (err) {
      if (statusOf(err) === 404) return false;
      throw err;
    } finally {
      this.hooks.removed();
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

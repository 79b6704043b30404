import { odata, type TableClient } from '@azure/data-tables';
import type { Collection, DocumentKey, Documents, EtagCollection, EtagDocuments, PlainDocuments } from './documents';
import { chunked, key, statusOf, unchunked } from './tables-rows';

/** Where a collection lives in Table Storage: its table, and whether its row key is written as is (a six-digit number) rather than encoded. */
interface TableLayout {
  table: string;
  plainRow?: boolean;
}

const LAYOUTS: Record<keyof PlainDocuments | keyof EtagDocuments, TableLayout> = {
  agendaVersions: { table: 'agendaversions', plainRow: true },
  proposals: { table: 'proposals' },
  searchMarkers: { table: 'searchmarkers' },
  agendas: { table: 'agendas' },
  agendaTemplates: { table: 'agendatemplates' },
  minutes: { table: 'minutes' },
};

/**
 * The narrow port on Table Storage: a collection is a table; the partition key is the partition's
 * parts encoded (see `key`), the row key the row encoded; the ETag is Table Storage's own. A long
 * document is split over several properties (see `chunked`).
 */
export class TablesDocuments implements Documents {
  constructor(private readonly client: (table: string) => TableClient) {}

  collection<K extends keyof PlainDocuments>(name: K): Collection<PlainDocuments[K]> {
    return new TablesCollection<PlainDocuments[K]>(this.client, LAYOUTS[name]);
  }

  etagged<K extends keyof EtagDocuments>(name: K): EtagCollection<EtagDocuments[K]> {
    return new TablesEtagCollection<EtagDocuments[K]>(this.client, LAYOUTS[name]);
  }
}

/** A table's rows as documents: the keys and the reads both kinds of collection share. */
abstract class TableRows<T> {
  constructor(private readonly client: (table: string) => TableClient, private readonly layout: TableLayout) {}

  protected get table(): TableClient {
    return this.client(this.layout.table);
  }

  protected keys(k: DocumentKey): { partitionKey: string; rowKey: string } {
    return { partitionKey: key(...k.partition), rowKey: this.layout.plainRow ? k.row : key(k.row) };
  }

  protected async row(k: DocumentKey): Promise<{ doc: T; etag: string } | undefined> {
    const { partitionKey, rowKey } = this.keys(k);
    try {
      const row = await this.table.getEntity<Record<string, unknown>>(partitionKey, rowKey);
      return { doc: JSON.parse(unchunked(row)) as T, etag: row.etag };
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  /** Creates the row (ifMatch undefined) or replaces it under the ETag; undefined when it was there, or someone else wrote first. */
  protected async write(k: DocumentKey, doc: T, ifMatch: string | undefined): Promise<string | undefined> {
    const entity = { ...this.keys(k), ...chunked(JSON.stringify(doc)) };
    try {
      const res = ifMatch === undefined ? await this.table.createEntity(entity) : await this.table.updateEntity(entity, 'Replace', { etag: ifMatch });
      return res.etag;
    } catch (err) {
      const status = statusOf(err);
      if (status === 409 || status === 412 || status === 400) return undefined;
      throw err;
    }
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
    await this.table.upsertEntity({ ...this.keys(k), ...chunked(JSON.stringify(doc)) }, 'Replace');
  }

  /** The partition's rows: Table Storage returns them in row key order. */
  async list(partition: readonly string[]): Promise<T[]> {
    const out: T[] = [];
    const filter = odata`PartitionKey eq ${key(...partition)}`;
    for await (const row of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) out.push(JSON.parse(unchunked(row)) as T);
    return out;
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

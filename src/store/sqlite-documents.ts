import type Database from 'better-sqlite3';
import type { Collection, DocumentKey, Documents, EtagCollection, EtagDocuments, PlainDocuments } from './documents';

/** Where a collection lives in SQLite: its table, the columns of its partition, its row column. */
interface TableLayout {
  table: string;
  partition: readonly string[];
  row: string;
  /** The row column holds an integer (a version number); the port's row is its six-digit text. */
  integerRow?: boolean;
}

const PLAIN: Record<keyof PlainDocuments, TableLayout> = {
  agendaVersions: { table: 'agenda_versions', partition: ['tenant_id', 'meeting_id'], row: 'version', integerRow: true },
  proposals: { table: 'proposals', partition: ['tenant_id', 'meeting_id'], row: 'id' },
  searchMarkers: { table: 'search_markers', partition: ['tenant_id'], row: 'network_id' },
};

/** These tables also have a `revision` column: the ETag is "r<revision>". */
const ETAGGED: Record<keyof EtagDocuments, TableLayout> = {
  agendas: { table: 'agendas', partition: ['tenant_id'], row: 'meeting_id' },
  agendaTemplates: { table: 'agenda_templates', partition: ['tenant_id'], row: 'network_id' },
  minutes: { table: 'minutes', partition: ['tenant_id'], row: 'meeting_id' },
};

/** The revision an ETag of ours names ("r12" → 12), or undefined for any other text. */
export function revisionOf(etag: string): number | undefined {
  const m = /^"r(\d+)"$/.exec(etag);
  return m ? Number(m[1]) : undefined;
}

type Statements = (sql: string) => Database.Statement;
type Param = string | number;

/** The narrow port on SQLite: each collection is one of the store's tables (see SCHEMA in sqlite-store.ts). */
export class SqliteDocuments implements Documents {
  constructor(private readonly stmt: Statements) {}

  collection<K extends keyof PlainDocuments>(name: K): Collection<PlainDocuments[K]> {
    return new SqliteCollection<PlainDocuments[K]>(this.stmt, PLAIN[name]);
  }

  etagged<K extends keyof EtagDocuments>(name: K): EtagCollection<EtagDocuments[K]> {
    return new SqliteEtagCollection<EtagDocuments[K]>(this.stmt, ETAGGED[name]);
  }
}

/** The key's column values and the SQL that names them. */
class Keyed {
  readonly where: string;
  readonly partitionWhere: string;
  readonly columns: string;
  readonly marks: string;

  constructor(readonly layout: TableLayout) {
    this.partitionWhere = layout.partition.map((c) => `${c} = ?`).join(' AND ');
    this.where = `${this.partitionWhere} AND ${layout.row} = ?`;
    this.columns = [...layout.partition, layout.row].join(', ');
    this.marks = [...layout.partition, layout.row].map(() => '?').join(', ');
  }

  params(key: DocumentKey): Param[] {
    if (key.partition.length !== this.layout.partition.length) throw new Error(`${this.layout.table}: a key of ${this.layout.partition.length} partition parts`);
    return [...key.partition, this.layout.integerRow ? Number(key.row) : key.row];
  }
}

class SqliteCollection<T> implements Collection<T> {
  private readonly keyed: Keyed;

  constructor(private readonly stmt: Statements, layout: TableLayout) {
    this.keyed = new Keyed(layout);
  }

  async read(key: DocumentKey): Promise<T | undefined> {
    const row = this.stmt(`SELECT doc FROM ${this.keyed.layout.table} WHERE ${this.keyed.where}`).get(...this.keyed.params(key)) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as T) : undefined;
  }

  async create(key: DocumentKey, doc: T): Promise<boolean> {
    const { table } = this.keyed.layout;
    const info = this.stmt(`INSERT OR IGNORE INTO ${table} (${this.keyed.columns}, doc) VALUES (${this.keyed.marks}, ?)`).run(...this.keyed.params(key), JSON.stringify(doc));
    return info.changes === 1;
  }

  async upsert(key: DocumentKey, doc: T): Promise<void> {
    const { table } = this.keyed.layout;
    this.stmt(`INSERT OR REPLACE INTO ${table} (${this.keyed.columns}, doc) VALUES (${this.keyed.marks}, ?)`).run(...this.keyed.params(key), JSON.stringify(doc));
  }

  async list(partition: readonly string[]): Promise<T[]> {
    const { table, row } = this.keyed.layout;
    const rows = this.stmt(`SELECT doc FROM ${table} WHERE ${this.keyed.partitionWhere} ORDER BY ${row}`).all(...partition) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as T);
  }
}

class SqliteEtagCollection<T> implements EtagCollection<T> {
  private readonly keyed: Keyed;

  constructor(private readonly stmt: Statements, layout: TableLayout) {
    this.keyed = new Keyed(layout);
  }

  async read(key: DocumentKey): Promise<{ doc: T; etag: string } | undefined> {
    const row = this.stmt(`SELECT revision, doc FROM ${this.keyed.layout.table} WHERE ${this.keyed.where}`).get(...this.keyed.params(key)) as
      | { revision: number; doc: string }
      | undefined;
    return row ? { doc: JSON.parse(row.doc) as T, etag: `"r${row.revision}"` } : undefined;
  }

  async write(key: DocumentKey, doc: T, ifMatch: string | undefined): Promise<string | undefined> {
    const { table } = this.keyed.layout;
    const json = JSON.stringify(doc);
    if (ifMatch === undefined) {
      const info = this.stmt(`INSERT OR IGNORE INTO ${table} (${this.keyed.columns}, revision, doc) VALUES (${this.keyed.marks}, 1, ?)`).run(...this.keyed.params(key), json);
      return info.changes === 1 ? '"r1"' : undefined;
    }
    const revision = revisionOf(ifMatch);
    if (revision === undefined) return undefined;
    const info = this.stmt(`UPDATE ${table} SET revision = revision + 1, doc = ? WHERE ${this.keyed.where} AND revision = ?`).run(json, ...this.keyed.params(key), revision);
    return info.changes === 1 ? `"r${revision + 1}"` : undefined;
  }
}

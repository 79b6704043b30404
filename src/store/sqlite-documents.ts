import type Database from 'better-sqlite3';
import type { Collection, DocumentKey, Documents, DueEntry, DueKind, DueQueue, EtagCollection, EtagDocuments, PlainDocuments } from './documents';

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
  jobs: { table: 'jobs', partition: ['tenant_id'], row: 'id' },
  deliveriesByPerson: { table: 'deliveries_by_person', partition: ['tenant_id', 'person_id'], row: 'delivery_id' },
  marks: { table: 'store_marks', partition: ['tenant_id'], row: 'name' },
};

/** These tables also have a `revision` column: the ETag is "r<revision>". */
const ETAGGED: Record<keyof EtagDocuments, TableLayout> = {
  agendas: { table: 'agendas', partition: ['tenant_id'], row: 'meeting_id' },
  agendaTemplates: { table: 'agenda_templates', partition: ['tenant_id'], row: 'network_id' },
  minutes: { table: 'minutes', partition: ['tenant_id'], row: 'meeting_id' },
  deliveries: { table: 'deliveries', partition: ['tenant_id'], row: 'id' },
  leases: { table: 'leases', partition: ['tenant_id'], row: 'name' },
};

/** The revision an ETag of ours names ("r12" → 12), or undefined for any other text. */
export function revisionOf(etag: string): number | undefined {
  const m = /^"r(\d+)"$/.exec(etag);
  return m ? Number(m[1]) : undefined;
}

/** A queue entry's ref as the `ref` column holds it. */
export const refText = (ref: readonly string[]): string => JSON.stringify(ref);

type Statements = (sql: string) => Database.Statement;
type Param = string | number;

/** The narrow port on SQLite: each collection is one of the store's tables (see SCHEMA in sqlite-store.ts). */
export class SqliteDocuments implements Documents {
  readonly queue: DueQueue;

  constructor(private readonly stmt: Statements) {
    this.queue = new SqliteDueQueue(stmt);
  }

  collection<K extends keyof PlainDocuments>(name: K): Collection<PlainDocuments[K]> {
    return new SqliteCollection<PlainDocuments[K]>(this.stmt, PLAIN[name]);
  }

  etagged<K extends keyof EtagDocuments>(name: K): EtagCollection<EtagDocuments[K]> {
    return new SqliteEtagCollection<EtagDocuments[K]>(this.stmt, ETAGGED[name]);
  }
}

/** A table's rows as documents: the key's column values, the SQL that names them, and the reads both kinds of collection share. */
abstract class TableRows<T> {
  protected readonly where: string;
  protected readonly partitionWhere: string;
  protected readonly columns: string;
  protected readonly marks: string;

  constructor(protected readonly stmt: Statements, protected readonly layout: TableLayout) {
    this.partitionWhere = layout.partition.map((c) => `${c} = ?`).join(' AND ');
    this.where = `${this.partitionWhere} AND ${layout.row} = ?`;
    this.columns = [...layout.partition, layout.row].join(', ');
    this.marks = [...layout.partition, layout.row].map(() => '?').join(', ');
  }

  protected params(key: DocumentKey): Param[] {
    if (key.partition.length !== this.layout.partition.length) throw new Error(`${this.layout.table}: a key of ${this.layout.partition.length} partition parts`);
    return [...key.partition, this.layout.integerRow ? Number(key.row) : key.row];
  }

  async list(partition: readonly string[]): Promise<T[]> {
    const { table, row } = this.layout;
    const rows = this.stmt(`SELECT doc FROM ${table} WHERE ${this.partitionWhere} ORDER BY ${row}`).all(...partition) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as T);
  }
}

class SqliteCollection<T> extends TableRows<T> implements Collection<T> {
  async read(key: DocumentKey): Promise<T | undefined> {
    const row = this.stmt(`SELECT doc FROM ${this.layout.table} WHERE ${this.where}`).get(...this.params(key)) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as T) : undefined;
  }

  async create(key: DocumentKey, doc: T): Promise<boolean> {
    const info = this.stmt(`INSERT OR IGNORE INTO ${this.layout.table} (${this.columns}, doc) VALUES (${this.marks}, ?)`).run(...this.params(key), JSON.stringify(doc));
    return info.changes === 1;
  }

  async upsert(key: DocumentKey, doc: T): Promise<void> {
    this.stmt(`INSERT OR REPLACE INTO ${this.layout.table} (${this.columns}, doc) VALUES (${this.marks}, ?)`).run(...this.params(key), JSON.stringify(doc));
  }

  async remove(key: DocumentKey): Promise<boolean> {
    return this.stmt(`DELETE FROM ${this.layout.table} WHERE ${this.where}`).run(...this.params(key)).changes === 1;
  }
}

class SqliteEtagCollection<T> extends TableRows<T> implements EtagCollection<T> {
  async read(key: DocumentKey): Promise<{ doc: T; etag: string } | undefined> {
    const row = this.stmt(`SELECT revision, doc FROM ${this.layout.table} WHERE ${this.where}`).get(...this.params(key)) as { revision: number; doc: string } | undefined;
    return row ? { doc: JSON.parse(row.doc) as T, etag: `"r${row.revision}"` } : undefined;
  }

  async write(key: DocumentKey, doc: T, ifMatch: string | undefined): Promise<string | undefined> {
    const { table } = this.layout;
    const json = JSON.stringify(doc);
    if (ifMatch === undefined) {
      const info = this.stmt(`INSERT OR IGNORE INTO ${table} (${this.columns}, revision, doc) VALUES (${this.marks}, 1, ?)`).run(...this.params(key), json);
      return info.changes === 1 ? '"r1"' : undefined;
    }
    const revision = revisionOf(ifMatch);
    if (revision === undefined) return undefined;
    const info = this.stmt(`UPDATE ${table} SET revision = revision + 1, doc = ? WHERE ${this.where} AND revision = ?`).run(json, ...this.params(key), revision);
    return info.changes === 1 ? `"r${revision + 1}"` : undefined;
  }

  async remove(key: DocumentKey, ifMatch?: string): Promise<boolean> {
    const { table } = this.layout;
    if (ifMatch === undefined) return this.stmt(`DELETE FROM ${table} WHERE ${this.where}`).run(...this.params(key)).changes === 1;
    const revision = revisionOf(ifMatch);
    if (revision === undefined) return false;
    return this.stmt(`DELETE FROM ${table} WHERE ${this.where} AND revision = ?`).run(...this.params(key), revision).changes === 1;
  }
}

/** The queue on SQLite: the `due_work` table, its key (kind, due_at, ref) the order a tick reads. */
class SqliteDueQueue implements DueQueue {
  constructor(private readonly stmt: Statements) {}

  async put(e: DueEntry): Promise<void> {
    this
      .stmt('INSERT INTO due_work (kind, due_at, ref, revision) VALUES (?, ?, ?, 1) ON CONFLICT (kind, due_at, ref) DO UPDATE SET revision = revision + 1')
      .run(e.kind, e.dueAt, refText(e.ref));
  }

  async due(kind: DueKind, by: string, limit: number, after?: DueEntry): Promise<(DueEntry & { etag: string })[]> {
    const rows = (
      after === undefined
        ? this.stmt('SELECT due_at, ref, revision FROM due_work WHERE kind = ? AND due_at <= ? ORDER BY due_at, ref LIMIT ?').all(kind, by, limit)
        : this
            .stmt('SELECT due_at, ref, revision FROM due_work WHERE kind = ? AND due_at <= ? AND (due_at, ref) > (?, ?) ORDER BY due_at, ref LIMIT ?')
            .all(kind, by, after.dueAt, refText(after.ref), limit)
    ) as { due_at: string; ref: string; revision: number }[];
    return rows.map((r) => ({ kind, dueAt: r.due_at, ref: JSON.parse(r.ref) as string[], etag: `"r${r.revision}"` }));
  }

  async remove(e: DueEntry, ifMatch?: string): Promise<boolean> {
    if (ifMatch === undefined) return this.stmt('DELETE FROM due_work WHERE kind = ? AND due_at = ? AND ref = ?').run(e.kind, e.dueAt, refText(e.ref)).changes === 1;
    const revision = revisionOf(ifMatch);
    if (revision === undefined) return false;
    return this.stmt('DELETE FROM due_work WHERE kind = ? AND due_at = ? AND ref = ? AND revision = ?').run(e.kind, e.dueAt, refText(e.ref), revision).changes === 1;
  }
}

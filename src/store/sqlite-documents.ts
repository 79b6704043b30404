import type Database from 'better-sqlite3';
import {
  INDEXES,
  ORDERED,
  ORDERED_INDEXES,
  type Collection,
  type DocumentKey,
  type Documents,
  type DueEntry,
  type DueKind,
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

type Param = string | number | null;

/** Where a collection lives in SQLite: its table, the columns of its partition, its row column. */
interface TableLayout {
  table: string;
  partition: readonly string[];
  row: string;
  /** The row column holds an integer (a version number); the port's row is its six-digit text. */
  integerRow?: boolean;
  /** Columns written from the document beside it (what the table's own indexes and queries read). */
  columns?: Record<string, (doc: never) => Param>;
  /** The document is these columns (field → column), not JSON in a `doc` column. */
  fields?: Record<string, string>;
}

const MINUTES_VERSION_COLUMNS = {
  network_id: (v: EtagDocuments['minutesVersions']): Param => v.networkId,
  approved: (v: EtagDocuments['minutesVersions']): Param => (INDEXES.approvedMinutes.key(v) ? 1 : 0),
};

const PLAIN: Record<keyof PlainDocuments, TableLayout> = {
  members: { table: 'members', partition: ['tenant_id', 'network_id'], row: 'id' },
  meetings: { table: 'meetings', partition: ['tenant_id'], row: 'id' },
  agendaVersions: { table: 'agenda_versions', partition: ['tenant_id', 'meeting_id'], row: 'version', integerRow: true },
  proposals: { table: 'proposals', partition: ['tenant_id', 'meeting_id'], row: 'id' },
  searchMarkers: { table: 'search_markers', partition: ['tenant_id'], row: 'network_id' },
  jobs: { table: 'jobs', partition: ['tenant_id'], row: 'id' },
  deliveriesByPerson: { table: 'deliveries_by_person', partition: ['tenant_id', 'person_id'], row: 'delivery_id' },
  networks: { table: 'networks', partition: ['tenant_id'], row: 'id' },
  actionMarks: { table: 'actions_done', partition: ['tenant_id', 'network_id'], row: 'action_id' },
  openActions: { table: 'open_actions', partition: ['tenant_id', 'network_id'], row: 'row' },
  doneActions: { table: 'done_actions', partition: ['tenant_id', 'network_id'], row: 'row' },
  actionsWritten: { table: 'actions_written', partition: ['tenant_id', 'network_id'], row: 'meeting_id' },
  backfills: { table: 'backfills', partition: ['tenant_id', 'network_id'], row: 'name' },
  searchDocuments: { table: 'search_docs', partition: ['tenant_id'], row: 'meeting_id' },
  postings: { table: 'search_postings', partition: ['tenant_id', 'term'], row: 'meeting_id', fields: { networkId: 'network_id', year: 'year' } },
};

/** These tables also have a `revision` column: the ETag is "r<revision>". */
const ETAGGED: Record<keyof EtagDocuments, TableLayout> = {
  agendas: { table: 'agendas', partition: ['tenant_id'], row: 'meeting_id' },
  agendaTemplates: { table: 'agenda_templates', partition: ['tenant_id'], row: 'network_id' },
  minutes: { table: 'minutes', partition: ['tenant_id'], row: 'meeting_id' },
  deliveries: { table: 'deliveries', partition: ['tenant_id'], row: 'id' },
  leases: { table: 'leases', partition: ['tenant_id'], row: 'name' },
  minutesVersions: { table: 'minutes_versions', partition: ['tenant_id', 'meeting_id'], row: 'number', integerRow: true, columns: MINUTES_VERSION_COLUMNS },
  lastMarked: { table: 'last_marked', partition: ['tenant_id'], row: 'network_id' },
};

/**
 * Each index as a query of its collection's table (on the columns and expressions SCHEMA indexes):
 * the partition's parameters fill `where`; an index read by range bounds `rowBound` (what its
 * rows sort by first: see INDEXES).
 */
interface IndexQuery {
  table: string;
  where: string;
  order: string;
  rowBound?: string;
}
const INDEX_QUERIES: Record<keyof IndexedDocuments, IndexQuery> = {
  approvedMinutes: { table: 'minutes_versions', where: 'tenant_id = ? AND network_id = ? AND approved = 1', order: 'meeting_id, number' },
  memberships: { table: 'members', where: 'tenant_id = ? AND id = ?', order: 'network_id' },
  meetingsByDate: { table: 'meetings', where: "tenant_id = ? AND json_extract(doc, '$.networkId') = ?", order: "json_extract(doc, '$.date'), id", rowBound: "json_extract(doc, '$.date')" },
};

/** The revision an ETag of ours names ("r12" → 12), or undefined for any other text. */
export function revisionOf(etag: string): number | undefined {
  const m = /^"r(\d+)"$/.exec(etag);
  return m ? Number(m[1]) : undefined;
}

/** A queue entry's ref as the `ref` column holds it. */
export const refText = (ref: readonly string[]): string => JSON.stringify(ref);

type Statements = (sql: string) => Database.Statement;
/** Runs `work` as one transaction (written or not at all, and nothing else writes between its read and its write). */
export type Atomically = <R>(work: () => R) => R;
/** How the store keeps reads of some tables between writes (SqliteStore.kept); reads of other tables run as they are. */
export type KeptReads = <R>(sql: string, params: readonly Param[], read: () => R) => R;

/** The narrow port on SQLite: each collection is one of the store's tables (see SCHEMA in sqlite-store.ts). */
export class SqliteDocuments implements Documents {
  readonly queue: DueQueue;

  constructor(
    private readonly stmt: Statements,
    private readonly kept: KeptReads = (_sql, _params, read) => read(),
    private readonly atomically: Atomically = (work) => work(),
  ) {
    this.queue = new SqliteDueQueue(stmt);
  }

  collection<K extends keyof PlainDocuments>(name: K): Collection<PlainDocuments[K]> {
    return new SqliteCollection<PlainDocuments[K]>(this.stmt, this.kept, PLAIN[name], (ORDERED as readonly string[]).includes(name), this.atomically);
  }

  etagged<K extends keyof EtagDocuments>(name: K): EtagCollection<EtagDocuments[K]> {
    return new SqliteEtagCollection<EtagDocuments[K]>(this.stmt, this.kept, ETAGGED[name], (ORDERED as readonly string[]).includes(name));
  }

  index<K extends keyof IndexedDocuments>(name: K): Index<IndexedDocuments[K]> {
    const { table, where, order, rowBound } = INDEX_QUERIES[name];
    return {
      list: async (partition, range = {}) => {
        if (!ORDERED_INDEXES.includes(name) && (range.from !== undefined || range.to !== undefined)) throw new Error(`${name}: not read by row range`);
        const params: Param[] = [...partition];
        let bounded = where;
        if (range.from !== undefined) {
          bounded += ` AND ${rowBound} >= ?`;
          params.push(range.from);
        }
        if (range.to !== undefined) {
          bounded += ` AND ${rowBound} < ?`;
          params.push(range.to);
        }
        const sql = `SELECT doc FROM ${table} WHERE ${bounded} ORDER BY ${order}${limitOf(range)}`;
        const docs = this.kept(sql, params, () => (this.stmt(sql).all(...params) as { doc: string }[]).map((r) => JSON.parse(r.doc) as IndexedDocuments[K]));
        return [...docs];
      },
    };
  }
}

/** A table's rows as documents: the keys, the columns and the reads both kinds of collection share. */
abstract class TableRows<T> {
  readonly where: string;
  readonly partitionWhere: string;
  /** Key columns, then the document's columns. */
  readonly columns: string[];
  /** What a SELECT names to make the document. */
  protected readonly docSelect: string;

  constructor(
    protected readonly stmt: Statements,
    private readonly kept: KeptReads,
    readonly layout: TableLayout,
    private readonly ordered: boolean,
  ) {
    this.partitionWhere = layout.partition.map((c) => `${c} = ?`).join(' AND ');
    this.where = `${this.partitionWhere} AND ${layout.row} = ?`;
    this.columns = [...layout.partition, layout.row, ...(layout.fields ? Object.values(layout.fields) : ['doc']), ...Object.keys(layout.columns ?? {})];
    this.docSelect = layout.fields ? Object.values(layout.fields).join(', ') : 'doc';
  }

  protected params(key: DocumentKey): Param[] {
    if (key.partition.length !== this.layout.partition.length) throw new Error(`${this.layout.table}: a key of ${this.layout.partition.length} partition parts`);
    return [...key.partition, this.rowParam(key.row)];
  }

  private rowParam(row: string): Param {
    return this.layout.integerRow ? Number(row) : row;
  }

  /** The values of the columns after the key: the document's own, then those written from it. */
  protected docValues(doc: T): Param[] {
    const { fields, columns } = this.layout;
    const own: Param[] = fields ? Object.keys(fields).map((f) => (doc as Record<string, Param>)[f] ?? null) : [JSON.stringify(doc)];
    return [...own, ...Object.values(columns ?? {}).map((c) => (c as (d: T) => Param)(doc))];
  }

  protected docOf(row: Record<string, unknown>): T {
    const { fields } = this.layout;
    if (!fields) return JSON.parse(String(row['doc'])) as T;
    return Object.fromEntries(Object.entries(fields).map(([f, c]) => [f, row[c]])) as T;
  }

  /** The key's document, with what `extra` names made of its row (kept, for a kept table, as SqliteStore.kept says). */
  protected selectOne<R>(extra: string, key: DocumentKey, made: (row: Record<string, unknown>) => R): R | undefined {
    const sql = `SELECT ${extra}${this.docSelect} FROM ${this.layout.table} WHERE ${this.where}`;
    const params = this.params(key);
    return this.kept(sql, params, () => {
      const row = this.stmt(sql).get(...params) as Record<string, unknown> | undefined;
      return row && made(row);
    });
  }

  async entries(partition: readonly string[], range: RowRange = {}): Promise<Entry<T>[]> {
    const { table, row } = this.layout;
    if (!this.ordered && (range.from !== undefined || range.to !== undefined)) throw new Error(`${table}: not read by row range`);
    const params: Param[] = [...partition];
    let where = this.partitionWhere;
    if (range.from !== undefined) {
      where += ` AND ${row} >= ?`;
      params.push(this.rowParam(range.from));
    }
    if (range.to !== undefined) {
      where += ` AND ${row} < ?`;
      params.push(this.rowParam(range.to));
    }
    const sql = `SELECT ${row} AS row_key, ${this.docSelect} FROM ${table} WHERE ${where} ORDER BY ${row}${limitOf(range)}`;
    const read = (): Entry<T>[] =>
      (this.stmt(sql).all(...params) as Record<string, unknown>[]).map((r) => ({
        row: this.layout.integerRow ? String(r['row_key']).padStart(6, '0') : String(r['row_key']),
        doc: this.docOf(r),
      }));
    return [...this.kept(sql, params, read)];
  }

  async list(partition: readonly string[], range?: RowRange): Promise<T[]> {
    return (await this.entries(partition, range)).map((e) => e.doc);
  }

  async all(): Promise<T[]> {
    const sql = `SELECT ${this.docSelect} FROM ${this.layout.table} ORDER BY ${[...this.layout.partition, this.layout.row].join(', ')}`;
    return [...this.kept(sql, [], () => (this.stmt(sql).all() as Record<string, unknown>[]).map((r) => this.docOf(r)))];
  }
}

/** A LIMIT clause for a range's limit (none without one). */
const limitOf = (range: RowRange): string => (range.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(range.limit))}`);

class SqliteCollection<T> extends TableRows<T> implements Collection<T> {
  constructor(stmt: Statements, kept: KeptReads, layout: TableLayout, ordered: boolean, private readonly atomically: Atomically) {
    super(stmt, kept, layout, ordered);
  }

  async read(key: DocumentKey): Promise<T | undefined> {
    return this.selectOne('', key, (row) => this.docOf(row));
  }

  async create(key: DocumentKey, doc: T): Promise<boolean> {
    return this.insert('INSERT OR IGNORE', key, doc) === 1;
  }

  async upsert(key: DocumentKey, doc: T): Promise<void> {
    this.insert('INSERT OR REPLACE', key, doc);
  }

  async upsertMany(docs: readonly Keyed<T>[]): Promise<void> {
    this.atomically(() => {
      for (const { key, doc } of docs) this.insert('INSERT OR REPLACE', key, doc);
    });
  }

  async update(key: DocumentKey, change: (doc: T) => T): Promise<T | undefined> {
    // One transaction, read to write (the store's kept reads are not asked: this reads the row as it is).
    return this.atomically(() => {
      const row = this.stmt(`SELECT ${this.docSelect} FROM ${this.layout.table} WHERE ${this.where}`).get(...this.params(key)) as Record<string, unknown> | undefined;
      if (!row) return undefined;
      const next = change(this.docOf(row));
      this.insert('INSERT OR REPLACE', key, next);
      return next;
    });
  }

  async remove(key: DocumentKey): Promise<boolean> {
    return this.stmt(`DELETE FROM ${this.layout.table} WHERE ${this.where}`).run(...this.params(key)).changes > 0;
  }

  private insert(verb: string, key: DocumentKey, doc: T): number {
    const sql = `${verb} INTO ${this.layout.table} (${this.columns.join(', ')}) VALUES (${this.columns.map(() => '?').join(', ')})`;
    return this.stmt(sql).run(...this.params(key), ...this.docValues(doc)).changes;
  }
}

class SqliteEtagCollection<T> extends TableRows<T> implements EtagCollection<T> {
  async read(key: DocumentKey): Promise<{ doc: T; etag: string } | undefined> {
    return this.selectOne('revision, ', key, (row) => ({ doc: this.docOf(row), etag: `"r${Number(row['revision'])}"` }));
  }

  async write(key: DocumentKey, doc: T, ifMatch: string | undefined): Promise<string | undefined> {
    const { table } = this.layout;
    const keyCount = this.layout.partition.length + 1;
    if (ifMatch === undefined) {
      const sql = `INSERT OR IGNORE INTO ${table} (${this.columns.join(', ')}, revision) VALUES (${this.columns.map(() => '?').join(', ')}, 1)`;
      const info = this.stmt(sql).run(...this.params(key), ...this.docValues(doc));
      return info.changes === 1 ? '"r1"' : undefined;
    }
    const revision = revisionOf(ifMatch);
    if (revision === undefined) return undefined;
    const set = this.columns.slice(keyCount).map((c) => `${c} = ?`).join(', ');
    const info = this.stmt(`UPDATE ${table} SET revision = revision + 1, ${set} WHERE ${this.where} AND revision = ?`).run(...this.docValues(doc), ...this.params(key), revision);
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

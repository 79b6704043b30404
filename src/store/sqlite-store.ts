import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../app/ports';
import type { AttendanceRecord } from '../domain/attendance';
import { deepFreeze } from '../domain/frozen';
import { versionRef } from './minutes-repositories';
import { DocumentRepositories } from './repositories';
import { refText, SqliteDocuments } from './sqlite-documents';
import { layWrites, NEXT_TURN } from './attendance-writes';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS networks (
  tenant_id TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (tenant_id, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS members (
  tenant_id TEXT NOT NULL, network_id TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (tenant_id, network_id, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS members_by_person ON members (tenant_id, id);
CREATE TABLE IF NOT EXISTS meetings (
  tenant_id TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (tenant_id, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS meetings_by_date ON meetings (tenant_id, json_extract(doc, '$.networkId'), json_extract(doc, '$.date'));
CREATE TABLE IF NOT EXISTS leases (
  tenant_id TEXT NOT NULL, name TEXT NOT NULL, revision INTEGER NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (tenant_id, name)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS agendas (
  tenant_id TEXT NOT NULL, meeting_id TEXT NOT NULL, revision INTEGER NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (tenant_id, meeting_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS agenda_versions (
  tenant_id TEXT NOT NULL, meeting_id TEXT NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (tenant_id, meeting_id, version)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS agenda_templates (
  tenant_id TEXT NOT NULL, network_id TEXT NOT NULL, revision INTEGER NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (tenant_id, network_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS proposals (
  tenant_id TEXT NOT NULL, meeting_id TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (tenant_id, meeting_id, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS jobs (
  tenant_id TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (tenant_id, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS minutes (
  tenant_id TEXT NOT NULL, meeting_id TEXT NOT NULL, revision INTEGER NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (tenant_id, meeting_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS minutes_versions (
  tenant_id TEXT NOT NULL, meeting_id TEXT NOT NULL, number INTEGER NOT NULL, network_id TEXT NOT NULL,
  revision INTEGER NOT NULL, approved INTEGER NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (tenant_id, meeting_id, number)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS minutes_approved ON minutes_versions (tenant_id, network_id) WHERE approved = 1;
CREATE TABLE IF NOT EXISTS actions_done (
  tenant_id TEXT NOT NULL, network_id TEXT NOT NULL, action_id TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (tenant_id, network_id, action_id)) WITHOUT ROWID;
DROP TABLE IF EXISTS actions;
CREATE TABLE IF NOT EXISTS open_actions (
  tenant_id TEXT NOT NULL, network_id TEXT NOT NULL, row TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (tenant_id, network_id, row)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS done_actions (
  tenant_id TEXT NOT NULL, network_id TEXT NOT NULL, row TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (tenant_id, network_id, row)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS actions_written (
  tenant_id TEXT NOT NULL, network_id TEXT NOT NULL, meeting_id TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (tenant_id, network_id, meeting_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS last_marked (
  tenant_id TEXT NOT NULL, network_id TEXT NOT NULL, revision INTEGER NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (tenant_id, network_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS backfills (
  tenant_id TEXT NOT NULL, network_id TEXT NOT NULL, name TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (tenant_id, network_id, name)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS store_meta (name TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS attendance (
  tenant_id TEXT NOT NULL, meeting_id TEXT NOT NULL, person_id TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (tenant_id, meeting_id, person_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS deliveries (
  tenant_id TEXT NOT NULL, id TEXT NOT NULL, revision INTEGER NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (tenant_id, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS deliveries_by_person (
  tenant_id TEXT NOT NULL, person_id TEXT NOT NULL, delivery_id TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (tenant_id, person_id, delivery_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS due_work (
  kind TEXT NOT NULL, due_at TEXT NOT NULL, ref TEXT NOT NULL, revision INTEGER NOT NULL,
  PRIMARY KEY (kind, due_at, ref)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS search_docs (
  tenant_id TEXT NOT NULL, meeting_id TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (tenant_id, meeting_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS search_postings (
  tenant_id TEXT NOT NULL, term TEXT NOT NULL, meeting_id TEXT NOT NULL, network_id TEXT NOT NULL, year INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, term, meeting_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS search_markers (
  tenant_id TEXT NOT NULL, network_id TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (tenant_id, network_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS search_postings_meeting ON search_postings (tenant_id, meeting_id);
`;

type DocRow = { doc: string };

/** One attendance write waiting for its turn's commit: the statement, what the kept list becomes, and its caller. */
interface AttendanceWrite {
  tenantId: string;
  meetingId: string;
  personId: string;
  /** The record as stored, or undefined for a removal. */
  record: AttendanceRecord | undefined;
  run: () => boolean;
  done: (changed: boolean) => void;
  failed: (err: unknown) => void;
}


/** The embedded store's file in the data folder (DATA_DIR). */
export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'justera.db');
}

/** A person id's place in SQLite's order of person_id (BINARY: the UTF-8 bytes). */
const utf8Order = (personId: string): Buffer => Buffer.from(personId, 'utf8');

/**
 * The embedded store: SQLite in WAL mode. A write is committed to the write-ahead log
 * before the call returns (and before Teams is told it succeeded), so it survives the
 * service being killed at any moment. synchronous=NORMAL skips the fsync per commit: a
 * power cut may lose the last moments' writes but never corrupts the store.
 */
export class SqliteStore extends DocumentRepositories implements Store {
  readonly documents: SqliteDocuments;
  private readonly db: Database.Database;
  /** Prepared once per SQL text: preparing costs more than running a keyed read. */
  private readonly statements = new Map<string, Database.Statement>();
  /**
   * Each meeting's attendance as last read, kept current by this store's own writes, so a burst of
   * check-ins does not parse the whole list again on every click. Another connection's commit
   * (another process on the same file) changes PRAGMA data_version, which empties it.
   */
  private readonly attendance = new Map<string, readonly AttendanceRecord[]>();
  /**
   * The parsed documents of the tables every action reads (networks, members, meetings), as last
   * read, by query. This store's write to a table forgets that table's entries; another
   * connection's commit forgets them all (as for `attendance`). A check-in reads its network,
   * member and meeting several times; none of them changes in a burst. Entries are frozen, so a
   * caller cannot change what the next one reads.
   */
  private readonly reads = new Map<string, Map<string, unknown>>();
  private dataVersion: unknown;
  private versionAsked = false;
  /** Attendance writes asked for in this turn of the event loop, committed together at its end (attendanceWrite). */
  private queuedAttendance: AttendanceWrite[] = [];

  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    super();
    this.db = new Database(file);
    this.documents = new SqliteDocuments(
      (sql) => this.stmt(sql),
      (sql, params, read) => this.kept(sql, params, read),
      (work) => this.db.transaction(work).immediate(),
    );
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.upgradeToQueue();
    this.searchTermsKept();
  }

  /**
   * Once per store file written before the queue of due work: jobs not done, pending deliveries
   * and versions whose archiving is pending get their entries, from the columns that said so
   * then (dropped after); leases become documents.
   */
  private upgradeToQueue(): void {
    const has = (table: string, column: string): boolean => (this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((c) => c.name === column);
    this.db.transaction(() => {
      const put = this.db.prepare('INSERT OR IGNORE INTO due_work (kind, due_at, ref, revision) VALUES (?, ?, ?, 1)');
      type Due = { tenant_id: string; id: string; due_at: string };
      if (has('jobs', 'done')) {
        for (const r of this.db.prepare('SELECT tenant_id, id, due_at FROM jobs WHERE done = 0').all() as Due[]) put.run('job', r.due_at, refText([r.tenant_id, r.id]));
        this.db.exec('DROP INDEX IF EXISTS jobs_due; ALTER TABLE jobs DROP COLUMN done; ALTER TABLE jobs DROP COLUMN due_at;');
      }
      if (has('deliveries', 'due_at')) {
        for (const r of this.db.prepare('SELECT tenant_id, id, due_at FROM deliveries WHERE due_at IS NOT NULL').all() as Due[]) put.run('delivery', r.due_at, refText([r.tenant_id, r.id]));
        this.db.exec('DROP INDEX IF EXISTS deliveries_due; ALTER TABLE deliveries DROP COLUMN due_at;');
      }
      if (has('minutes_versions', 'archive_due')) {
        type Version = { tenant_id: string; meeting_id: string; number: number; archive_due: string };
        for (const r of this.db.prepare('SELECT tenant_id, meeting_id, number, archive_due FROM minutes_versions WHERE archive_due IS NOT NULL').all() as Version[]) {
          put.run('archive', r.archive_due, refText(versionRef(r.tenant_id, r.meeting_id, r.number)));
        }
        this.db.exec('DROP INDEX IF EXISTS minutes_archive_due; ALTER TABLE minutes_versions DROP COLUMN archive_due;');
      }
      if (has('leases', 'owner')) {
        this.db.exec(`ALTER TABLE leases ADD COLUMN revision INTEGER NOT NULL DEFAULT 1; ALTER TABLE leases ADD COLUMN doc TEXT NOT NULL DEFAULT '';
          UPDATE leases SET doc = json_object('owner', owner, 'untilMs', until_ms); ALTER TABLE leases DROP COLUMN owner; ALTER TABLE leases DROP COLUMN until_ms;`);
      }
    })();
  }

  /**
   * Once per store file: the terms each search document was indexed under, written into it (as
   * the index now keeps them, so a later put removes the postings of terms no longer held).
   */
  private searchTermsKept(): void {
    if (this.db.prepare('SELECT value FROM store_meta WHERE name = ?').get('searchTerms')) return;
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE search_docs SET doc = json_set(doc, '$.terms', json((SELECT json_group_array(term) FROM search_postings p WHERE p.tenant_id = search_docs.tenant_id AND p.meeting_id = search_docs.meeting_id)))
           WHERE json_extract(doc, '$.terms') IS NULL`,
        )
        .run();
      this.db.prepare('INSERT OR REPLACE INTO store_meta (name, value) VALUES (?, ?)').run('searchTerms', new Date().toISOString());
    })();
  }

  async putAttendance(r: AttendanceRecord): Promise<void> {
    const doc = JSON.stringify(r);
    await this.attendanceWrite({
      tenantId: r.tenantId,
      meetingId: r.meetingId,
      personId: r.personId,
      record: Object.freeze(JSON.parse(doc) as AttendanceRecord),
      run: () => this.stmt('INSERT OR REPLACE INTO attendance (tenant_id, meeting_id, person_id, doc) VALUES (?, ?, ?, ?)').run(r.tenantId, r.meetingId, r.personId, doc).changes > 0,
    });
  }

  async removeAttendance(tenantId: string, meetingId: string, personId: string): Promise<boolean> {
    return this.attendanceWrite({
      tenantId,
      meetingId,
      personId,
      record: undefined,
      run: () => this.stmt('DELETE FROM attendance WHERE tenant_id = ? AND meeting_id = ? AND person_id = ?').run(tenantId, meetingId, personId).changes > 0,
    });
  }

  /**
   * A check-in's write, committed together with the others asked for in the same turn of the event
   * loop (a burst's clicks arrive many to a turn): one transaction for them all, and each caller
   * goes on once it is committed, so an answer still never says what the store does not hold. The
   * clicks of a turn then all read the attendance as it stands after the turn, the same list, so
   * what is made from it (the summary, the card's names) is made once for them (see summaryOf).
   */
  private attendanceWrite(w: Omit<AttendanceWrite, 'done' | 'failed'>): Promise<boolean> {
    return new Promise<boolean>((done, failed) => {
      this.queuedAttendance.push({ ...w, done, failed });
      if (this.queuedAttendance.length === 1) NEXT_TURN(() => this.commitAttendance());
    });
  }

  private commitAttendance(): void {
    const batch = this.queuedAttendance;
    this.queuedAttendance = [];
    if (batch.length === 0) return;
    let changed: boolean[];
    try {
      changed = this.db.transaction(() => batch.map((w) => w.run()))();
    } catch {
      // One of them failed: each on its own, so only that one's caller is told.
      for (const w of batch) {
        try {
          const c = w.run();
          this.keptAttendanceAll([w]);
          w.done(c);
        } catch (err) {
          w.failed(err);
        }
      }
      return;
    }
    this.keptAttendanceAll(batch);
    batch.forEach((w, i) => w.done(changed[i] ?? false));
  }

  async listAttendance(tenantId: string, meetingId: string): Promise<AttendanceRecord[]> {
    this.othersWrote();
    const key = `${tenantId}\n${meetingId}`;
    let list = this.attendance.get(key);
    if (!list) {
      const read = this.all<AttendanceRecord>('SELECT doc FROM attendance WHERE tenant_id = ? AND meeting_id = ? ORDER BY person_id', tenantId, meetingId);
      list = read.map((record) => Object.freeze(record));
      this.attendance.set(key, list);
    }
    return [...list];
  }

  /**
   * Forgets what was read when another connection has committed since (see `attendance` and
   * `reads`). Asked once per turn of the event loop: a commit by another process is seen from the
   * next turn, as if this turn's reads had all happened at its start. (Asking SQLite on every read
   * cost a check-in more than the reads it saved.)
   */
  private othersWrote(): void {
    if (this.versionAsked) return;
    this.versionAsked = true;
    setImmediate(() => {
      this.versionAsked = false;
    });
    const version = this.stmt('PRAGMA data_version').pluck().get();
    if (version !== this.dataVersion) {
      this.attendance.clear();
      this.reads.clear();
    }
    this.dataVersion = version;
  }

  /** A turn's committed writes applied to the kept lists: each meeting's list copied once, not once per write. */
  private keptAttendanceAll(batch: readonly Pick<AttendanceWrite, 'tenantId' | 'meetingId' | 'personId' | 'record'>[]): void {
    this.othersWrote();
    const changed = new Map<string, AttendanceRecord[]>();
    for (const w of batch) {
      const key = `${w.tenantId}\n${w.meetingId}`;
      let list = changed.get(key);
      if (!list) {
        const kept = this.attendance.get(key);
        if (!kept) continue;
        list = [...kept];
        changed.set(key, list);
      }
      layWrites(list, [w], utf8Order);
    }
    for (const [key, list] of changed) this.attendance.set(key, list);
  }

  async health(): Promise<{ ok: boolean; detail: string }> {
    try {
      this.stmt('SELECT count(*) AS n FROM meetings').get();
      return { ok: true, detail: 'sqlite ok' };
    } catch (e) {
      return { ok: false, detail: `sqlite: ${(e as Error).message}` };
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.commitAttendance();
    if (this.db.open) this.db.close();
  }

  /** A prepared statement; one that writes a table whose reads are kept forgets them when it runs. */
  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      const table = WRITES.exec(sql)?.[1]?.toLowerCase();
      if (table && KEPT_TABLES.has(table)) {
        const run = statement.run.bind(statement);
        statement.run = (...params: unknown[]) => {
          const info = run(...params);
          this.reads.delete(table);
          return info;
        };
      }
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private all<T>(sql: string, ...params: string[]): T[] {
    return [...this.kept(sql, params, () => (this.stmt(sql).all(...params) as DocRow[]).map((r) => JSON.parse(r.doc) as T))];
  }

  /** A read of a kept table as last read (see `reads`), or read now and kept. */
  private kept<R>(sql: string, params: readonly (string | number | null)[], read: () => R): R {
    const table = READS.exec(sql)?.[1]?.toLowerCase();
    if (!table || !KEPT_TABLES.has(table)) return read();
    this.othersWrote();
    let entries = this.reads.get(table);
    if (!entries) this.reads.set(table, (entries = new Map()));
    const key = `${sql}\u0000${params.join('\u0000')}`;
    if (entries.has(key)) return entries.get(key) as R;
    const value = deepFreeze(read());
    if (entries.size >= MAX_KEPT_READS) entries.clear();
    entries.set(key, value);
    return value;
  }
}

/** Tables whose reads are kept between writes (see SqliteStore.reads). */
const KEPT_TABLES = new Set(['networks', 'members', 'meetings']);
const WRITES = /^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE|DELETE\s+FROM)\s+(\w+)/i;
const READS = /^\s*SELECT\b[\s\S]*?\bFROM\s+(\w+)/i;
/** Per table; past it the table's kept reads start over (a bound on memory, not a policy). */
const MAX_KEPT_READS = 5000;

import { odata, TableClient } from '@azure/data-tables';
import { ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { Store } from '../app/ports';
import type { AttendanceRecord } from '../domain/attendance';
import { layWrites, NEXT_TURN, type AttendanceWritten } from './attendance-writes';
import { DocumentRepositories } from './repositories';
import { TablesDocuments } from './tables-documents';
import { key, statusOf, unchunked } from './tables-rows';

export interface TablesStoreOptions {
  connectionString?: string;
  accountUrl?: string;
  managedIdentityClientId?: string;
  tablePrefix: string;
  /** With accountUrl: the Entra credential to use instead of the managed identity (an operator's `az login` for backups). */
  credential?: TokenCredential;
}

type Doc = { partitionKey: string; rowKey: string; doc: string };
/** An attendance write waiting for its meeting's next batch: what it leaves, the document, and its caller. */
type QueuedAttendance = { written: AttendanceWritten; doc: string; done: (existed: boolean) => void; failed: (err: unknown) => void };
/** A meeting's attendance on this instance (see listAttendance and attendanceWrite). */
type AttendancePartition = {
  /** Writes waiting for the next batch, in the order asked. */
  queued: QueuedAttendance[];
  /** A batch is on its way (one at a time per meeting: commits come in the order sent). */
  sending: boolean;
  /** The list read on its way. */
  read?: Promise<AttendanceRecord[]>;
  /** The writes committed while `read` is on its way, in order: laid over what it brings. */
  since: AttendanceWritten[];
};
/** An attendance row's place in a partition: Table Storage's order of row keys (ASCII: base64url). */
const rowOrder = (personId: string): Buffer => Buffer.from(key(personId), 'latin1');
/** A read on its way. */
type SharedRead = { read: Promise<unknown> };
/** A bound on the reads joined or kept per table (memory, not policy). */
const MAX_SHARED_READS = 5000;

/**
 * Every table of the store, without the configured prefix (the backup export names them so).
 * `actions` held the action records before they were kept on the narrow port (openactions,
 * doneactions …, rebuilt from the approved versions once per network); an older export still restores.
 */
export const TABLES = ['networks', 'members', 'meetings', 'attendance', 'leases', 'agendas', 'agendaversions', 'agendatemplates', 'jobs', 'proposals', 'minutes', 'minutesversions', 'actionsdone', 'deliveries', 'searchdocs', 'searchterms', 'actions', 'meetingsbydate', 'memberships', 'duework', 'searchmarkers', 'openactions', 'doneactions', 'actionswritten', 'lastmarked', 'backfills', 'approvedminutes', 'deliveriesbyperson'] as const;
export type TableName = (typeof TABLES)[number];

/** A client for each of the store's tables, each created when missing. */
export async function openTables(opts: TablesStoreOptions): Promise<Record<TableName, TableClient>> {
  const make = (name: TableName): TableClient => {
    const tableName = `${opts.tablePrefix}${name}`;
    if (opts.connectionString) {
      const insecure = /^UseDevelopmentStorage=true|DefaultEndpointsProtocol=http;/i.test(opts.connectionString);
      return TableClient.fromConnectionString(opts.connectionString, tableName, { allowInsecureConnection: insecure });
    }
    if (!opts.accountUrl) throw new Error('TablesStore needs a connection string or an account URL');
    const credential: TokenCredential =
      opts.credential ?? new ManagedIdentityCredential(opts.managedIdentityClientId ? { clientId: opts.managedIdentityClientId } : {});
    return new TableClient(opts.accountUrl, tableName, credential);
  };
  const tables = Object.fromEntries(TABLES.map((t) => [t, make(t)])) as Record<TableName, TableClient>;
  await Promise.all(
    Object.values(tables).map((t) =>
      t.createTable().catch((err: unknown) => {
        if (statusOf(err) !== 409) throw err;
      }),
    ),
  );
  return tables;
}

/**
 * The Store on Azure Table Storage: one table per kind, each row a JSON document, partitioned
 * by tenant (and network or meeting) so a meeting's attendance is one partition. Conditional
 * writes (ETags) keep read-modify-write safe across service instances.
 */
export class TablesStore extends DocumentRepositories implements Store {
  readonly documents: TablesDocuments;

  /** Reads on their way, by table and what they read (see `shared`). */
  private readonly inflight = new Map<TableName, Map<string, SharedRead>>();

  private constructor(private readonly tables: Record<TableName, TableClient>) {
    super();
    this.documents = new TablesDocuments(
      (table) => this.tables[table as TableName],
      (table) => this.wrote(table as TableName),
      (table, id, read) => this.shared(table as TableName, id, read),
    );
  }

  static async open(opts: TablesStoreOptions): Promise<TablesStore> {
    return new TablesStore(await openTables(opts));
  }

  async putAttendance(r: AttendanceRecord): Promise<void> {
    const doc = JSON.stringify(r);
    await this.attendanceWrite(key(r.tenantId, r.meetingId), { personId: r.personId, record: JSON.parse(doc) as AttendanceRecord }, doc);
  }

  removeAttendance(tenantId: string, meetingId: string, personId: string): Promise<boolean> {
    return this.attendanceWrite(key(tenantId, meetingId), { personId, record: undefined }, '');
  }

  /**
   * A meeting's attendance: the list read on its way is joined, even one sent before this
   * instance's last write to it, with the writes this instance committed since it was sent laid
   * over what it brings (`layWrites`), so a caller always sees its own write, and a burst's clicks
   * share few reads. Nothing is kept once it has come.
   */
  async listAttendance(tenantId: string, meetingId: string): Promise<AttendanceRecord[]> {
    const pk = key(tenantId, meetingId);
    const p = this.attendanceOf(pk);
    if (!p.read) {
      const ended = (): void => {
        p.read = undefined;
        p.since = [];
        this.idle(pk, p);
      };
      p.read = this.list<AttendanceRecord>('attendance', pk).then(
        (rows) => {
          // At once as it comes, before any caller goes on: a write committed later is not in `since`, and no caller joined after it.
          layWrites(rows, p.since, rowOrder);
          ended();
          return rows;
        },
        (err: unknown) => {
          ended();
          throw err;
        },
      );
    }
    return [...(await p.read)];
  }

  /** A meeting's attendance as this instance is sending and reading it (by partition), while it is. */
  private readonly attendance = new Map<string, AttendancePartition>();

  private attendanceOf(pk: string): AttendancePartition {
    let p = this.attendance.get(pk);
    if (!p) {
      p = { queued: [], sending: false, since: [] };
      this.attendance.set(pk, p);
    }
    return p;
  }

  /** Forgets a meeting's attendance state once nothing is waiting, on its way or read. */
  private idle(pk: string, p: AttendancePartition): void {
    if (!p.read && !p.sending && p.queued.length === 0 && this.attendance.get(pk) === p) this.attendance.delete(pk);
  }

  /**
   * A check-in's write, sent together with the meeting's others asked for in the same turn of the
   * event loop (and while the batch before is on its way): one entity-group transaction for up to
   * 100 of them, one meeting being one partition. Each caller goes on once its write is
   * committed, so an answer never says what the store does not hold. Whether a removed row was there.
   */
  private attendanceWrite(pk: string, written: AttendanceWritten, doc: string): Promise<boolean> {
    return new Promise<boolean>((done, failed) => {
      const p = this.attendanceOf(pk);
      p.queued.push({ written, doc, done, failed });
      if (p.queued.length === 1 && !p.sending) NEXT_TURN(() => void this.sendAttendance(pk, p));
    });
  }

  /** Sends the meeting's waiting writes, a batch at a time, until none waits. */
  private async sendAttendance(pk: string, p: AttendancePartition): Promise<void> {
    if (p.sending) return;
    p.sending = true;
    try {
      while (p.queued.length > 0) {
        // One write per person in a batch (a transaction refuses two on one row): a person's next write, and every one after it, waits for the next batch.
        const batch: QueuedAttendance[] = [];
        const rest: QueuedAttendance[] = [];
        const people = new Set<string>();
        for (const q of p.queued) {
          if (batch.length < 100 && !people.has(q.written.personId)) batch.push(q);
          else rest.push(q);
          people.add(q.written.personId);
        }
        p.queued = rest;
        await this.commitAttendance(pk, p, batch);
      }
    } finally {
      p.sending = false;
      this.idle(pk, p);
    }
  }

  /**
   * One batch: the records put as one transaction (one alone as a plain write), each removal on its
   * own (a transaction's removal of a row not there fails the whole). When the transaction fails,
   * each record is written on its own, so only a failing one's caller is told.
   */
  private async commitAttendance(pk: string, p: AttendancePartition, batch: readonly QueuedAttendance[]): Promise<void> {
    const client = this.tables.attendance;
    const entity = (q: QueuedAttendance): Doc => ({ partitionKey: pk, rowKey: key(q.written.personId), doc: q.doc });
    const committed = (q: QueuedAttendance, existed: boolean): void => {
      // A read on its way was maybe sent before: its callers see this write laid over it.
      if (p.read) p.since.push(q.written);
      q.done(existed);
    };
    const putOne = (q: QueuedAttendance): Promise<void> => client.upsertEntity<Doc>(entity(q), 'Replace').then(() => committed(q, true), q.failed);
    const removeOne = (q: QueuedAttendance): Promise<void> =>
      client.deleteEntity(pk, key(q.written.personId)).then(
        () => committed(q, true),
        (err: unknown) => (statusOf(err) === 404 ? committed(q, false) : q.failed(err)),
      );
    const puts = batch.filter((q) => q.written.record);
    const putAll = async (): Promise<void> => {
      if (puts.length < 2) return Promise.all(puts.map(putOne)).then(() => undefined);
      try {
        await client.submitTransaction(puts.map((q) => ['upsert', entity(q), 'Replace']));
      } catch {
        await Promise.all(puts.map(putOne));
        return;
      }
      for (const q of puts) committed(q, true);
    };
    await Promise.all([putAll(), ...batch.filter((q) => !q.written.record).map(removeOne)]);
  }

  /** The documents of the rows the filter selects (all rows without one). */
  private async query<T>(table: TableName, filter?: string): Promise<T[]> {
    const out: T[] = [];
    const queryOptions = filter === undefined ? {} : { filter };
    for await (const row of this.tables[table].listEntities<Record<string, unknown>>({ queryOptions })) out.push(JSON.parse(unchunked(row)) as T);
    return out;
  }

  async health(): Promise<{ ok: boolean; detail: string }> {
    try {
      await this.tables.leases.getEntity(key('health'), key('probe')).catch((err: unknown) => {
        if (statusOf(err) !== 404) throw err;
      });
      return { ok: true, detail: 'tables ok' };
    } catch (err) {
      return { ok: false, detail: `tables: ${(err as Error).message}` };
    }
  }

  async close(): Promise<void> {
    // Clients hold no resources that need closing.
  }

  /**
   * One round trip for the same read asked for while it is on its way: a burst's clicks all read the
   * network, the meeting and the roster (the clicker looked up in it), and would each send the same
   * request (the attendance is joined as listAttendance says). Only reads that started after this instance's last write to the table
   * are joined (see `wrote`), so a caller always sees its own writes; what another instance wrote
   * is seen as a read of its own would see it, from Table Storage. Nothing is kept once it
   * has come: a member removed through another instance loses access at once here too.
   */
  private shared<T>(table: TableName, id: string, read: () => Promise<T>): Promise<T> {
    let running = this.inflight.get(table);
    if (!running) {
      running = new Map();
      this.inflight.set(table, running);
    }
    const joined = running.get(id);
    if (joined) return joined.read as Promise<T>;
    if (running.size >= MAX_SHARED_READS) running.clear();
    const entry: SharedRead = { read: read() };
    const forget = (): void => {
      if (running.get(id) === entry) running.delete(id);
    };
    running.set(id, entry);
    entry.read.then(forget, forget);
    return entry.read as Promise<T>;
  }

  /** A write to `table` is done: reads that started before it are not joined any more. */
  private wrote(table: TableName): void {
    this.inflight.get(table)?.clear();
  }

  /** A partition's documents, or with no partition the whole table. */
  private list<T>(table: TableName, pk?: string): Promise<T[]> {
    return this.query<T>(table, pk === undefined ? undefined : odata`PartitionKey eq ${pk}`);
  }
}

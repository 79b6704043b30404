import { odata, TableClient, type TableEntity, type TransactionAction } from '@azure/data-tables';
import { ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { Delivery, Job, LeaseResult, Store } from '../app/ports';
import type { MinutesVersion } from '../domain/minutes';
import type { AttendanceRecord } from '../domain/attendance';
import { daysBefore, revisedMeeting, type CardRef, type Meeting, type MeetingRevision } from '../domain/meeting';
import type { Member } from '../domain/network';
import { DocumentRepositories } from './repositories';
import { TablesDocuments } from './tables-documents';
import { numberRow } from './documents';
import { chunked, key, statusOf, unchunked } from './tables-rows';

export interface TablesStoreOptions {
  connectionString?: string;
  accountUrl?: string;
  managedIdentityClientId?: string;
  tablePrefix: string;
  /** With accountUrl: the Entra credential to use instead of the managed identity (an operator's `az login` for backups). */
  credential?: TokenCredential;
}

type Doc = { partitionKey: string; rowKey: string; doc: string };
/** A read on its way. */
type SharedRead = { read: Promise<unknown> };
/** A bound on the reads joined or kept per table (memory, not policy). */
const MAX_SHARED_READS = 5000;
const BACKFILLED = '~backfilled';

/**
 * Index tables, each row a copy of the document it indexes, written after it: meetings by network
 * and date (a network's meetings from a date are one key range, not the tenant's every meeting),
 * and a person's memberships (their networks, not a look-up in every network of the tenant). Each
 * is filled once from the documents (per network, per tenant) on its first read.
 */
const meetingDateRk = (m: Pick<Meeting, 'date' | 'id'>): string => `${m.date}|${key(m.id)}`;
/**
 * Due work as a queue: a row per job not done and per version whose archiving is pending, keyed
 * by when it is due, so a tick reads what is due and nothing else. A row names its job or version;
 * the document stays the truth: a row whose document is done, or due at another time now (a retry,
 * a move), is deleted when the tick reaches it.
 */
type DueRow = { partitionKey: string; rowKey: string; tenant: string; ref: string; number?: number };
const dueRk = (dueAt: string, ...parts: string[]): string => `${dueAt}|${key(...parts)}`;
const dueAtOf = (rowKey: string): string => rowKey.slice(0, rowKey.indexOf('|'));

const indexMetaPk = (...parts: string[]): string => `${key(...parts)}~meta`;

type Lease = { partitionKey: string; rowKey: string; owner: string; untilMs: number };

/**
 * Every table of the store, without the configured prefix (the backup export names them so).
 * `actions` held the action records before they were kept on the narrow port (openactions,
 * doneactions …, rebuilt from the approved versions once per network); an older export still restores.
 */
export const TABLES = ['networks', 'members', 'meetings', 'attendance', 'leases', 'agendas', 'agendaversions', 'agendatemplates', 'jobs', 'proposals', 'minutes', 'minutesversions', 'actionsdone', 'deliveries', 'searchdocs', 'searchterms', 'actions', 'meetingsbydate', 'memberships', 'duework', 'searchmarkers', 'openactions', 'doneactions', 'actionswritten', 'lastmarked', 'backfills', 'approvedminutes'] as const;
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

  async upsertMembers(members: readonly Member[]): Promise<void> {
    const byPartition = new Map<string, TransactionAction[]>();
    for (const m of members) {
      const pk = key(m.tenantId, m.networkId);
      const actions = byPartition.get(pk) ?? [];
      actions.push(['upsert', { partitionKey: pk, rowKey: key(m.id), doc: JSON.stringify(m) }, 'Replace']);
      byPartition.set(pk, actions);
    }
    for (const actions of byPartition.values()) {
      for (let i = 0; i < actions.length; i += 100) await this.tables.members.submitTransaction(actions.slice(i, i + 100));
    }
    this.wrote('members');
    for (const m of members) await this.tables.memberships.upsertEntity<Doc>({ partitionKey: key(m.tenantId, m.id), rowKey: key(m.networkId), doc: JSON.stringify(m) }, 'Replace');
  }

  async listMemberships(tenantId: string, personId: string): Promise<Member[]> {
    await this.backfillOnce(indexMetaPk(tenantId), async () => {
      for (const network of await this.listNetworks(tenantId)) {
        for (const m of await this.listMembers(tenantId, network.id)) {
          await this.tables.memberships.upsertEntity<Doc>({ partitionKey: key(m.tenantId, m.id), rowKey: key(m.networkId), doc: JSON.stringify(m) }, 'Replace');
        }
      }
    }, 'memberships');
    const list = await this.list<Member>('memberships', key(tenantId, personId));
    // The order of listNetworks.
    return list.sort((a, b) => a.networkId.localeCompare(b.networkId));
  }

  /** Indexes (table and marker partition) this instance has seen filled. */
  private readonly backfilled = new Set<string>();

  /** Runs `fill` unless the index's marker row says it ran (once per instance it is looked for). */
  private async backfillOnce(metaPk: string, fill: () => Promise<void>, table: 'memberships' | 'meetingsbydate' | 'duework'): Promise<void> {
    const seen = `${table}/${metaPk}`;
    if (this.backfilled.has(seen)) return;
    const marker = await this.tables[table].getEntity(metaPk, BACKFILLED).catch((err: unknown) => {
      if (statusOf(err) === 404) return undefined;
      throw err;
    });
    if (!marker) {
      await fill();
      await this.tables[table].upsertEntity({ partitionKey: metaPk, rowKey: BACKFILLED, at: new Date().toISOString() }, 'Replace');
    }
    this.backfilled.add(seen);
  }

  listMembers(tenantId: string, networkId: string): Promise<Member[]> {
    return this.sharedList('members', `${tenantId}\n${networkId}`, () => this.list<Member>('members', key(tenantId, networkId)));
  }

  getMember(tenantId: string, networkId: string, memberId: string): Promise<Member | undefined> {
    return this.shared('members', `${tenantId}\n${networkId}\n${memberId}`, () => this.get<Member>('members', key(tenantId, networkId), key(memberId)));
  }

  async removeMember(tenantId: string, networkId: string, memberId: string): Promise<boolean> {
    const removed = await this.remove('members', key(tenantId, networkId), key(memberId));
    await this.remove('memberships', key(tenantId, memberId), key(networkId));
    return removed;
  }

  async createMeeting(meeting: Meeting): Promise<{ meeting: Meeting; created: boolean }> {
    try {
      await this.tables.meetings.createEntity<Doc>({ partitionKey: key(meeting.tenantId), rowKey: key(meeting.id), doc: JSON.stringify(meeting) });
      this.wrote('meetings');
      await this.indexMeeting(meeting, undefined);
      return { meeting, created: true };
    } catch (err) {
      if (statusOf(err) !== 409) throw err;
      const stored = await this.getMeeting(meeting.tenantId, meeting.id);
      if (!stored) throw err;
      return { meeting: stored, created: false };
    }
  }

  getMeeting(tenantId: string, meetingId: string): Promise<Meeting | undefined> {
    return this.shared('meetings', `${tenantId}\n${meetingId}`, () => this.get<Meeting>('meetings', key(tenantId), key(meetingId)));
  }

  async listMeetings(tenantId: string, networkId: string, fromDate: string, toDate = '9999-12-31'): Promise<Meeting[]> {
    await this.meetingsByDateIndexed(tenantId, networkId);
    const found = await this.sharedList('meetingsbydate', `${tenantId}\n${networkId}\n${fromDate}\n${toDate}`, () =>
      this.query<Meeting>('meetingsbydate', odata`PartitionKey eq ${key(tenantId, networkId)} and RowKey ge ${fromDate} and RowKey lt ${`${toDate}}`}`),
    );
    return found
      .filter((m) => m.date >= fromDate && m.date <= toDate)
      .sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
  }

  async listMeetingsBefore(tenantId: string, networkId: string, beforeDate: string, limit: number): Promise<Meeting[]> {
    // Table Storage reads a key range in ascending order only: windows of the date index, walked
    // back from the cursor (a year, then twice as far each time) until the page is full or the
    // network's first meeting is reached. Every read is a range of one partition.
    const oldest = await this.firstMeetingDate(tenantId, networkId);
    if (oldest === undefined || oldest >= beforeDate) return [];
    const pk = key(tenantId, networkId);
    const found: Meeting[] = [];
    let upper = beforeDate;
    for (let span = 366; found.length < limit && upper > oldest; span *= 2) {
      const lower = daysBefore(upper, span);
      const window = await this.query<Meeting>('meetingsbydate', odata`PartitionKey eq ${pk} and RowKey ge ${lower} and RowKey lt ${upper}`);
      found.push(...window.sort((a, b) => b.date.localeCompare(a.date) || b.start.localeCompare(a.start) || b.id.localeCompare(a.id)));
      upper = lower;
    }
    // Every meeting on or after the last window's start is read: the oldest date's others are in `found`.
    const cut = found[limit - 1]?.date;
    return cut === undefined ? found : found.filter((m) => m.date >= cut);
  }

  /** Fills the network's meetings-by-date index from its meetings, once. */
  private meetingsByDateIndexed(tenantId: string, networkId: string): Promise<void> {
    return this.backfillOnce(indexMetaPk(tenantId, networkId), async () => {
      for (const m of await this.list<Meeting>('meetings', key(tenantId))) if (m.networkId === networkId) await this.indexMeeting(m, undefined);
    }, 'meetingsbydate');
  }

  /** The date of a network's first meeting: the first row of its date index. */
  private async firstMeetingDate(tenantId: string, networkId: string): Promise<string | undefined> {
    await this.meetingsByDateIndexed(tenantId, networkId);
    const pages = this.tables.meetingsbydate.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${key(tenantId, networkId)}`, select: ['RowKey'] } }).byPage({ maxPageSize: 1 });
    for await (const page of pages) return page[0]?.rowKey?.slice(0, 10);
    return undefined;
  }

  async setMeetingCard(tenantId: string, meetingId: string, card: CardRef): Promise<void> {
    await this.updateMeeting(tenantId, meetingId, (m) => ({ ...m, card }));
  }

  async setAttendanceClosed(tenantId: string, meetingId: string, closed: boolean): Promise<void> {
    await this.updateMeeting(tenantId, meetingId, (m) => ({ ...m, attendanceClosed: closed }));
  }

  async reviseMeeting(tenantId: string, meetingId: string, revision: MeetingRevision): Promise<Meeting | undefined> {
    return this.updateMeeting(tenantId, meetingId, (m) => revisedMeeting(m, revision));
  }

  async putAttendance(r: AttendanceRecord): Promise<void> {
    await this.put('attendance', key(r.tenantId, r.meetingId), key(r.personId), r);
  }

  removeAttendance(tenantId: string, meetingId: string, personId: string): Promise<boolean> {
    return this.remove('attendance', key(tenantId, meetingId), key(personId));
  }

  listAttendance(tenantId: string, meetingId: string): Promise<AttendanceRecord[]> {
    return this.sharedList('attendance', `${tenantId}\n${meetingId}`, () => this.list<AttendanceRecord>('attendance', key(tenantId, meetingId)));
  }

  async tryLease(tenantId: string, name: string, owner: string, untilMs: number, nowMs: number): Promise<LeaseResult> {
    const pk = key(tenantId);
    const rk = key(name);
    const leases = this.tables.leases;
    let held: (TableEntity<Lease> & { etag: string }) | undefined;
    try {
      held = await leases.getEntity<Lease>(pk, rk);
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
    }
    const entity: Lease = { partitionKey: pk, rowKey: rk, owner, untilMs };
    if (!held) {
      try {
        await leases.createEntity(entity);
        return { ok: true };
      } catch (err) {
        if (statusOf(err) !== 409) throw err;
        return this.holder(pk, rk);
      }
    }
    if (held.owner !== owner && held.untilMs > nowMs) return { ok: false, holder: held.owner, untilMs: held.untilMs };
    try {
      await leases.updateEntity(entity, 'Replace', { etag: held.etag });
      return { ok: true };
    } catch (err) {
      if (statusOf(err) !== 412) throw err;
      return this.holder(pk, rk);
    }
  }

  async setJusteringCard(tenantId: string, meetingId: string, card: CardRef): Promise<void> {
    await this.updateMeeting(tenantId, meetingId, (m) => ({ ...m, justeringCard: card }));
  }

  async setAgendaCard(tenantId: string, meetingId: string, card: CardRef & { version: number }): Promise<void> {
    await this.updateMeeting(tenantId, meetingId, (m) => ({ ...m, agendaCard: card }));
  }

  async scheduleJob(job: Job): Promise<void> {
    await this.tables.jobs.createEntity(this.jobEntity(job)).catch((err: unknown) => {
      if (statusOf(err) !== 409) throw err;
    });
    // Also when it was there: a row the queue already holds is written again; a stale one goes when reached.
    await this.queueJob(job);
  }

  async dueJobs(nowIso: string, limit: number): Promise<Job[]> {
    await this.backfillOnce('job~meta', async () => {
      const open = this.tables.jobs.listEntities<Doc>({ queryOptions: { filter: odata`PartitionKey eq ${'jobs'} and done eq false` } });
      for await (const row of open) await this.queueJob(JSON.parse(row.doc) as Job);
    }, 'duework');
    const out: Job[] = [];
    for (const row of await this.dueRows('job', nowIso)) {
      if (out.length >= limit) break;
      const job = await this.get<Job>('jobs', 'jobs', key(row.tenant, row.ref));
      if (job && !job.doneAt && job.dueAt === dueAtOf(row.rowKey)) out.push(job);
      else await this.remove('duework', row.partitionKey, row.rowKey);
    }
    return out;
  }

  async updateJob(job: Job): Promise<void> {
    await this.tables.jobs.upsertEntity(this.jobEntity(job), 'Replace');
    if (job.doneAt) await this.remove('duework', 'job', dueRk(job.dueAt, job.tenantId, job.id));
    else await this.queueJob(job);
  }

  private async queueJob(job: Job): Promise<void> {
    if (job.doneAt) return;
    await this.tables.duework.upsertEntity<DueRow>({ partitionKey: 'job', rowKey: dueRk(job.dueAt, job.tenantId, job.id), tenant: job.tenantId, ref: job.id }, 'Replace');
  }

  /** The queue's rows of one kind due by `nowIso`, earliest first (the key's order). */
  private async dueRows(kind: 'job' | 'archive', nowIso: string): Promise<DueRow[]> {
    const rows: DueRow[] = [];
    const filter = odata`PartitionKey eq ${kind} and RowKey lt ${`${nowIso}}`}`;
    for await (const row of this.tables.duework.listEntities<DueRow>({ queryOptions: { filter } })) rows.push(row);
    return rows.sort((a, b) => (a.rowKey < b.rowKey ? -1 : a.rowKey > b.rowKey ? 1 : 0));
  }

  async dueArchives(nowIso: string, limit: number): Promise<MinutesVersion[]> {
    await this.backfillOnce('archive~meta', async () => {
      for (const v of await this.query<MinutesVersion>('minutesversions', odata`archiveDue ne ${''}`)) {
        if (v.archive?.state === 'pending') await this.queueArchive(v, v.archive.nextAttemptAt);
      }
    }, 'duework');
    const out: MinutesVersion[] = [];
    for (const row of await this.dueRows('archive', nowIso)) {
      if (out.length >= limit) break;
      const found = (await this.getMinutesVersion(row.tenant, row.ref, row.number ?? 0))?.version;
      if (found?.archive?.state === 'pending' && found.archive.nextAttemptAt === dueAtOf(row.rowKey)) out.push(found);
      else await this.remove('duework', row.partitionKey, row.rowKey);
    }
    return out;
  }

  /** A version whose archiving is pending is put in the queue of due work. */
  protected override async versionSaved(v: MinutesVersion): Promise<void> {
    if (v.archive?.state === 'pending') await this.queueArchive(v, v.archive.nextAttemptAt);
  }

  private async queueArchive(v: MinutesVersion, dueAt: string): Promise<void> {
    const row: DueRow = { partitionKey: 'archive', rowKey: `${dueRk(dueAt, v.tenantId, v.meetingId)}.${numberRow(v.number)}`, tenant: v.tenantId, ref: v.meetingId, number: v.number };
    await this.tables.duework.upsertEntity<DueRow>(row, 'Replace');
  }

  async getDelivery(tenantId: string, id: string): Promise<{ delivery: Delivery; etag: string } | undefined> {
    const found = await this.docWithEtag<Delivery>('deliveries', key(tenantId), key(id));
    return found && { delivery: found.doc, etag: found.etag };
  }

  saveDelivery(d: Delivery, ifMatch: string | undefined): Promise<string | undefined> {
    const entity = { partitionKey: key(d.tenantId), rowKey: key(d.id), dueAt: d.state === 'pending' ? d.dueAt : '', ...chunked(JSON.stringify(d)) };
    return this.writeIfMatch('deliveries', entity, ifMatch);
  }

  /** A scan with a filter, as for archives: pending deliveries are few at any time. */
  async dueDeliveries(nowIso: string, limit: number): Promise<Delivery[]> {
    const list = await this.query<Delivery>('deliveries', odata`dueAt ne ${''} and dueAt le ${nowIso}`);
    return list.sort((a, b) => a.dueAt.localeCompare(b.dueAt)).slice(0, limit);
  }

  /** A scan of the tenant's partition: erasing a person is rare. */
  async removePersonalDeliveries(tenantId: string, teamsUserId: string): Promise<number> {
    let removed = 0;
    const rows = this.tables.deliveries.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${key(tenantId)}` } });
    for await (const row of rows) {
      const d = JSON.parse(unchunked(row)) as Delivery;
      if (d.kind === 'personal' && d.to === teamsUserId && (await this.remove('deliveries', String(row.partitionKey), String(row.rowKey)))) removed += 1;
    }
    return removed;
  }

  async releaseLease(tenantId: string, name: string, owner: string): Promise<void> {
    const leases = this.tables.leases;
    try {
      const held = await leases.getEntity<Lease>(key(tenantId), key(name));
      if (held.owner === owner) await leases.deleteEntity(key(tenantId), key(name), { etag: held.etag });
    } catch (err) {
      const status = statusOf(err);
      if (status !== 404 && status !== 412) throw err;
    }
  }

  /** A row's document (however many properties it is split over) and its ETag. */
  private async docWithEtag<T>(table: TableName, pk: string, rk: string): Promise<{ doc: T; etag: string } | undefined> {
    try {
      const row = await this.tables[table].getEntity<Record<string, unknown>>(pk, rk);
      return { doc: JSON.parse(unchunked(row)) as T, etag: row.etag };
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  /** Creates (ifMatch undefined) or replaces under the ETag; undefined when someone else wrote first. */
  private async writeIfMatch(table: TableName, entity: TableEntity<Record<string, unknown>>, ifMatch: string | undefined): Promise<string | undefined> {
    try {
      const client = this.tables[table];
      const res = ifMatch === undefined ? await client.createEntity(entity) : await client.updateEntity(entity, 'Replace', { etag: ifMatch });
      return res.etag;
    } catch (err) {
      const status = statusOf(err);
      if (status === 409 || status === 412 || status === 400) return undefined;
      throw err;
    }
  }

  /** The documents of the rows the filter selects (all rows without one). */
  private async query<T>(table: TableName, filter?: string): Promise<T[]> {
    const out: T[] = [];
    const queryOptions = filter === undefined ? {} : { filter };
    for await (const row of this.tables[table].listEntities<Record<string, unknown>>({ queryOptions })) out.push(JSON.parse(unchunked(row)) as T);
    return out;
  }

  /** All jobs in one partition: few, and the scheduler scans them by due time. */
  private jobEntity(job: Job): Doc & { done: boolean; dueAt: string } {
    return { partitionKey: 'jobs', rowKey: key(job.tenantId, job.id), doc: JSON.stringify(job), done: !!job.doneAt, dueAt: job.dueAt };
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

  /** The meeting's row in the index by network and date (moved when its date changed from `before`'s). */
  private async indexMeeting(m: Meeting, before: Meeting | undefined): Promise<void> {
    await this.tables.meetingsbydate.upsertEntity<Doc>({ partitionKey: key(m.tenantId, m.networkId), rowKey: meetingDateRk(m), doc: JSON.stringify(m) }, 'Replace');
    this.wrote('meetingsbydate');
    if (before && meetingDateRk(before) !== meetingDateRk(m)) await this.remove('meetingsbydate', key(before.tenantId, before.networkId), meetingDateRk(before));
  }

  /** Read-modify-write of a meeting under its ETag; retried when another instance wrote first. */
  private async updateMeeting(tenantId: string, meetingId: string, change: (m: Meeting) => Meeting): Promise<Meeting | undefined> {
    for (let attempt = 0; ; attempt++) {
      const row = await this.tables.meetings.getEntity<Doc>(key(tenantId), key(meetingId)).catch((err: unknown) => {
        if (statusOf(err) === 404) return undefined;
        throw err;
      });
      if (!row) return undefined;
      const before = JSON.parse(row.doc) as Meeting;
      const next = change(before);
      try {
        await this.tables.meetings.updateEntity<Doc>({ partitionKey: row.partitionKey, rowKey: row.rowKey, doc: JSON.stringify(next) }, 'Replace', { etag: row.etag });
        this.wrote('meetings');
        await this.indexMeeting(next, before);
        return next;
      } catch (err) {
        if (statusOf(err) !== 412 || attempt >= 10) throw err;
      }
    }
  }

  private async holder(pk: string, rk: string): Promise<LeaseResult> {
    const now = await this.tables.leases.getEntity<Lease>(pk, rk);
    return { ok: false, holder: now.owner, untilMs: now.untilMs };
  }

  private async put(table: TableName, pk: string, rk: string, value: object): Promise<void> {
    await this.tables[table].upsertEntity<Doc>({ partitionKey: pk, rowKey: rk, doc: JSON.stringify(value) }, 'Replace');
    this.wrote(table);
  }

  /** Deletes a row; whether there was one. */
  private async remove(table: TableName, pk: string, rk: string): Promise<boolean> {
    try {
      await this.tables[table].deleteEntity(pk, rk);
      this.wrote(table);
      return true;
    } catch (err) {
      if (statusOf(err) === 404) return false;
      throw err;
    }
  }

  /**
   * One round trip for the same read asked for while it is on its way: a burst's clicks all read the
   * network, the clicker's member row, the meeting, the roster and the attendance, and would each
   * send the same request. Only reads that started after this instance's last write to the table
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

  /** As `shared`, each caller with a list of its own (the records in it are shared, as from any store's cache). */
  private async sharedList<T>(table: TableName, id: string, read: () => Promise<T[]>): Promise<T[]> {
    return [...(await this.shared(table, `list\n${id}`, read))];
  }

  /** A write to `table` is done: reads that started before it are not joined any more. */
  private wrote(table: TableName): void {
    this.inflight.get(table)?.clear();
  }

  private async get<T>(table: TableName, pk: string, rk: string): Promise<T | undefined> {
    return (await this.docWithEtag<T>(table, pk, rk))?.doc;
  }

  /** A partition's documents, or with no partition the whole table. */
  private list<T>(table: TableName, pk?: string): Promise<T[]> {
    return this.query<T>(table, pk === undefined ? undefined : odata`PartitionKey eq ${pk}`);
  }
}

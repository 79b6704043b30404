import type { Job } from '../../src/app/ports';
import { TablesStore } from '../../src/store/tables-store';
import { startAzurite, type Azurite } from '../harness/azurite';
import { TableClient } from '@azure/data-tables';
import { countTableRequests } from '../harness/table-requests';
import { approvedWithActions, attendance, delivery, meeting, member, minutesVersion, network, storeConformance, TEAM_ID } from './conformance';
import { key, unkey } from '../../src/store/tables-rows';
import { startTablesProxy, type TablesProxy } from '../harness/tables-proxy';
import { documentsConformance } from './documents-conformance';

let azurite: Azurite;
let n = 0;

beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite.stop();
});

storeConformance('Azure Table Storage (Azurite)', async () => {
  const opts = { connectionString: azurite.connectionString, tablePrefix: `t${Date.now().toString(36)}x${++n}` };
  const store = await TablesStore.open(opts);
  return {
    store,
    reopen: async () => TablesStore.open(opts),
    cleanup: async () => store.close(),
  };
});

test('keys survive the characters Azure Tables refuses in keys', async () => {
  const store = await TablesStore.open({ connectionString: azurite.connectionString, tablePrefix: 'keys' });
  const odd = '19:a/b\\c#d?e;messageid=1@thread.tacv2';
  await store.putAttendance({ tenantId: odd, meetingId: odd, personId: odd, name: 'Åsa', municipality: 'Hjo', guest: false, status: 'onsite', updatedAt: '' });
  expect((await store.listAttendance(odd, odd)).map((r) => r.personId)).toEqual([odd]);
  expect(await store.removeAttendance(odd, odd, odd)).toBe(true);
});

test('a network whose versions were approved before action records and the index of approved versions were kept gets them on its first read, marks included', async () => {
  const opts = { connectionString: azurite.connectionString, tablePrefix: `b${Date.now().toString(36)}` };
  const first = await TablesStore.open(opts);
  await first.saveMinutesVersion(approvedWithActions('m-1', 1, '2030-02-04', { 'a-1': 'Skicka enkäten', 'a-2': 'Ring Skövde' }), undefined);
  await first.saveMinutesVersion(approvedWithActions('m-1', 2, '2030-02-04', { 'a-1': 'Skicka enkäten till skolorna', 'a-2': 'Ring Skövde' }), undefined);
  await first.setActionDone('t-1', TEAM_ID, 'a-2', { by: 'Jonas', at: '2030-02-11T09:00:00.000Z' });
  // As the tables were before: no records, no note that they were written or when an item was last marked, no index of approved versions.
  for (const table of ['openactions', 'doneactions', 'actionswritten', 'lastmarked', 'backfills', 'approvedminutes']) {
    const client = TableClient.fromConnectionString(azurite.connectionString, `${opts.tablePrefix}${table}`, { allowInsecureConnection: true });
    for await (const e of client.listEntities()) await client.deleteEntity(e.partitionKey ?? '', e.rowKey ?? '');
  }
  const store = await TablesStore.open(opts);
  expect((await store.listActions('t-1', TEAM_ID, { all: true })).map((a) => [a.action.text, a.done?.by])).toEqual([
    ['Skicka enkäten till skolorna', undefined],
    ['Ring Skövde', 'Jonas'],
  ]);
  expect((await store.listActions('t-1', TEAM_ID, {})).map((a) => a.action.id)).toEqual(['a-1']);
  expect((await store.listActions('t-1', TEAM_ID, { doneSince: '2030-02-10T00:00:00.000Z' })).map((a) => [a.action.id, a.done?.by])).toEqual([
    ['a-1', undefined],
    ['a-2', 'Jonas'],
  ]);
  expect((await store.listApprovedMinutes('t-1', TEAM_ID)).map((v) => v.number)).toEqual([1, 2]);
});

test('meetings by network and date, and a person\'s memberships, are indexed on first read for data written before the indexes', async () => {
  const opts = { connectionString: azurite.connectionString, tablePrefix: `i${Date.now().toString(36)}` };
  const first = await TablesStore.open(opts);
  await first.upsertMembers([member('p-1'), member('p-1', { networkId: 'net-b' }), member('p-2')]);
  await first.createMeeting(meeting('m-1', { date: '2030-02-04' }));
  await first.createMeeting(meeting('m-2', { date: '2030-03-04' }));
  await first.createMeeting(meeting('m-3', { networkId: 'net-b', date: '2030-02-05' }));
  await first.upsertNetwork(network());
  await first.upsertNetwork(network('t-1', 'net-b'));
  // As the tables were before: no index rows, no note that they were written.
  for (const table of ['memberships', 'meetingsbydate']) {
    const client = TableClient.fromConnectionString(azurite.connectionString, `${opts.tablePrefix}${table}`, { allowInsecureConnection: true });
    for await (const e of client.listEntities()) await client.deleteEntity(e.partitionKey ?? '', e.rowKey ?? '');
  }
  const store = await TablesStore.open(opts);
  expect((await store.listMeetings('t-1', TEAM_ID, '2030-01-01')).map((m) => m.id)).toEqual(['m-1', 'm-2']);
  expect((await store.listMeetings('t-1', 'net-b', '2030-01-01')).map((m) => m.id)).toEqual(['m-3']);
  expect((await store.listMemberships('t-1', 'p-1')).map((m) => m.networkId).sort()).toEqual([TEAM_ID, 'net-b'].sort());
});

test('due work is a queue that holds what is due: done jobs and archived versions leave it, and work from before the queue is put in once', async () => {
  const opts = { connectionString: azurite.connectionString, tablePrefix: `q${Date.now().toString(36)}` };
  const first = await TablesStore.open(opts);
  const job = (id: string, dueAt: string): Job => ({ tenantId: 't-1', id, kind: 'agendaReminder', meetingId: 'm-1', dueAt });
  await first.scheduleJob(job('j-done', '2030-01-01T07:00:00.000Z'));
  await first.scheduleJob(job('j-open', '2030-01-02T07:00:00.000Z'));
  await first.scheduleJob(job('j-later', '2030-06-01T07:00:00.000Z'));
  await first.updateJob({ ...job('j-done', '2030-01-01T07:00:00.000Z'), doneAt: '2030-01-01T07:00:01.000Z', outcome: 'posted' });
  const pending = { ...approvedWithActions('m-1', 1, '2030-01-01', {}), archive: { state: 'pending' as const, attempts: 0, nextAttemptAt: '2030-01-01T08:00:00.000Z', documents: [] } };
  await first.saveMinutesVersion(pending, undefined);
  const queue = raw(opts.tablePrefix, 'duework');
  // A row names its work in its key: when it is due, then the tenant and id (a version: the tenant, meeting and number).
  const rows = async (): Promise<string[]> => {
    const out: string[] = [];
    for await (const e of queue.listEntities()) {
      const ref = unkey((e.rowKey ?? '').split('|')[1] ?? '');
      if (e.partitionKey === 'job' || e.partitionKey === 'archive') out.push(`${e.partitionKey}:${ref.slice(1).join('/')}`);
    }
    return out.sort();
  };
  expect(await rows()).toEqual(['archive:m-1/000001', 'job:j-later', 'job:j-open']);
  expect((await first.dueJobs('2030-02-01T00:00:00.000Z', 10)).map((j) => j.id)).toEqual(['j-open']);
  // Archived: the version is no longer due; the tick that reaches its row removes it.
  const got = await first.getMinutesVersion('t-1', 'm-1', 1);
  await first.saveMinutesVersion({ ...got!.version, archive: { ...pending.archive, state: 'done' } }, got!.etag);
  expect(await first.dueArchives('2030-02-01T00:00:00.000Z', 10)).toEqual([]);
  expect(await rows()).toEqual(['job:j-later', 'job:j-open']);

  // As the tables were before the queue: a pending archive without its row.
  await first.saveMinutesVersion({ ...pending, meetingId: 'm-2' }, undefined);
  for await (const e of queue.listEntities()) if (e.partitionKey === 'archive' || e.partitionKey === 'archive2~meta') await queue.deleteEntity(e.partitionKey, e.rowKey ?? '');
  const store = await TablesStore.open(opts);
  expect((await store.dueArchives('2030-02-01T00:00:00.000Z', 10)).map((v) => v.meetingId)).toEqual(['m-2']);
});

/** A table of the store as a client of its own (to write rows as an earlier version did, or look at them). */
function raw(prefix: string, table: string): TableClient {
  return TableClient.fromConnectionString(azurite.connectionString, `${prefix}${table}`, { allowInsecureConnection: true });
}

test('jobs, deliveries and leases written before the queue and the per-person index are found: nothing an upgraded installation had due is lost', async () => {
  const opts = { connectionString: azurite.connectionString, tablePrefix: `u${Date.now().toString(36)}x${++n}` };
  await TablesStore.open(opts);
  // Rows as the store wrote them before: every job in one partition with `done` and `dueAt`, a delivery with `dueAt` ('' unless pending), no queue.
  const job = (id: string, dueAt: string, done: boolean): Job => ({ tenantId: 't-1', id, kind: 'agendaReminder', meetingId: 'm-1', dueAt, ...(done ? { doneAt: dueAt } : {}) });
  for (const j of [job('j-open', '2030-01-02T07:00:00.000Z', false), job('j-done', '2030-01-01T07:00:00.000Z', true), job('j-later', '2030-06-01T07:00:00.000Z', false)]) {
    await raw(opts.tablePrefix, 'jobs').createEntity({ partitionKey: 'jobs', rowKey: key(j.tenantId, j.id), doc: JSON.stringify(j), done: !!j.doneAt, dueAt: j.dueAt });
  }
  const deliveries = [
    delivery('t-1', 'checkin/m-1', '2030-01-02T00:00:00.000Z'),
    delivery('t-1', 'reminder/a', '2030-01-03T00:00:00.000Z', { kind: 'personal', to: '29:u-1' }),
    delivery('t-1', 'reminder/b', '2030-01-01T00:00:00.000Z', { kind: 'personal', to: '29:u-1', state: 'delivered' }),
    delivery('t-1', 'later', '2030-06-01T00:00:00.000Z'),
  ];
  for (const d of deliveries) {
    await raw(opts.tablePrefix, 'deliveries').createEntity({ partitionKey: key(d.tenantId), rowKey: key(d.id), dueAt: d.state === 'pending' ? d.dueAt : '', doc: JSON.stringify(d) });
  }
  await raw(opts.tablePrefix, 'leases').createEntity({ partitionKey: key('*'), rowKey: key('jobs/scheduler'), owner: 'old-instance', untilMs: 2_000 });

  const store = await TablesStore.open(opts);
  expect((await store.dueJobs('2030-02-01T00:00:00.000Z', 10)).map((j) => j.id)).toEqual(['j-open']);
  expect((await store.dueDeliveries('2030-02-01T00:00:00.000Z', 10)).map((d) => d.id)).toEqual(['checkin/m-1', 'reminder/a']);
  expect(await store.tryLease('*', 'jobs/scheduler', 'new-instance', 3_000, 1_000)).toEqual({ ok: false, holder: 'old-instance', untilMs: 2_000 });
  expect(await store.tryLease('*', 'jobs/scheduler', 'new-instance', 5_000, 2_001)).toEqual({ ok: true });
  // A done job leaves the queue: no tick reads it again.
  await store.updateJob({ ...job('j-open', '2030-01-02T07:00:00.000Z', false), doneAt: '2030-01-02T07:00:01.000Z', outcome: 'posted' });
  expect(await store.dueJobs('2030-12-31T00:00:00.000Z', 10)).toEqual([expect.objectContaining({ id: 'j-later' })]);
  expect(await store.removePersonalDeliveries('t-1', '29:u-1')).toBe(2);
  expect((await store.dueDeliveries('2030-12-31T00:00:00.000Z', 10)).map((d) => d.id)).toEqual(['checkin/m-1', 'later']);
});

test('archives the adapter queued before the port are found after the upgrade, and its rows in the old layout are removed', async () => {
  const opts = { connectionString: azurite.connectionString, tablePrefix: `w${Date.now().toString(36)}x${++n}` };
  await TablesStore.open(opts);
  const archive = (state: 'pending' | 'done', nextAttemptAt: string) => ({ state, attempts: 1, nextAttemptAt, documents: [] });
  const pending = { ...approvedWithActions('m-1', 2, '2030-01-01', {}), archive: archive('pending', '2030-01-01T08:00:00.000Z') };
  const archived = { ...approvedWithActions('m-2', 1, '2030-01-01', {}), archive: archive('done', '2030-01-01T07:00:00.000Z') };
  // As the adapter wrote them: each version with its `archiveDue` ('' unless pending), a queue row per pending one keyed by
  // the version's number as is (naming it in properties too), one left behind by a version archived since, and the mark of its fill.
  for (const v of [pending, archived]) {
    await raw(opts.tablePrefix, 'minutesversions').createEntity({
      partitionKey: key(v.tenantId, v.meetingId),
      rowKey: String(v.number).padStart(6, '0'),
      tenant: v.tenantId,
      network: v.networkId,
      approved: true,
      archiveDue: v.archive.state === 'pending' ? v.archive.nextAttemptAt : '',
      doc: JSON.stringify(v),
    });
    const row = `${v.archive.nextAttemptAt}|${key(v.tenantId, v.meetingId)}.${String(v.number).padStart(6, '0')}`;
    await raw(opts.tablePrefix, 'duework').createEntity({ partitionKey: 'archive', rowKey: row, tenant: v.tenantId, ref: v.meetingId, number: v.number });
  }
  await raw(opts.tablePrefix, 'duework').createEntity({ partitionKey: 'archive~meta', rowKey: '~backfilled', at: '2029-12-01T00:00:00.000Z' });

  const store = await TablesStore.open(opts);
  expect(await store.dueArchives('2030-02-01T00:00:00.000Z', 10)).toEqual([pending]);
  const left: string[] = [];
  for await (const e of raw(opts.tablePrefix, 'duework').listEntities()) if (e.partitionKey === 'archive') left.push(e.rowKey ?? '');
  expect(left).toEqual([`${pending.archive.nextAttemptAt}|${key('t-1', 'm-1', '000002')}`]);
  // Archived now: the tick that reaches its entry removes it.
  const got = await store.getMinutesVersion('t-1', 'm-1', 2);
  await store.saveMinutesVersion({ ...got!.version, archive: archive('done', pending.archive.nextAttemptAt) }, got!.etag);
  expect(await (await TablesStore.open(opts)).dueArchives('2030-02-01T00:00:00.000Z', 10)).toEqual([]);
});

test('the queue rows the store wrote for jobs before the port are read as they are', async () => {
  const opts = { connectionString: azurite.connectionString, tablePrefix: `v${Date.now().toString(36)}x${++n}` };
  await TablesStore.open(opts);
  const j: Job = { tenantId: 't-1', id: 'agenda-reminder/m-1/7', kind: 'agendaReminder', meetingId: 'm-1', dueAt: '2030-01-02T07:00:00.000Z' };
  // As the adapter wrote them: the job, its queue row (naming it in its properties too), and the mark that the queue was filled.
  await raw(opts.tablePrefix, 'jobs').createEntity({ partitionKey: 'jobs', rowKey: key(j.tenantId, j.id), doc: JSON.stringify(j), done: false, dueAt: j.dueAt });
  await raw(opts.tablePrefix, 'duework').createEntity({ partitionKey: 'job', rowKey: `${j.dueAt}|${key(j.tenantId, j.id)}`, tenant: j.tenantId, ref: j.id });
  await raw(opts.tablePrefix, 'duework').createEntity({ partitionKey: 'job~meta', rowKey: '~backfilled', at: '2030-01-01T00:00:00.000Z' });
  const store = await TablesStore.open(opts);
  expect(await store.dueJobs('2030-02-01T00:00:00.000Z', 10)).toEqual([j]);
});

describe('what a tick and an erasure read from Table Storage', () => {
  let proxy: TablesProxy;
  beforeAll(async () => {
    proxy = await startTablesProxy(azurite);
  });
  afterAll(async () => proxy.stop());

  test('a delivery or job tick reads one key range of the queue and each due document by key, not the tables with their rows not due', async () => {
    const store = await TablesStore.open({ connectionString: proxy.connectionString, tablePrefix: `k${Date.now().toString(36)}x${++n}` });
    const at = (minutes: number): string => new Date(Date.UTC(2030, 0, 1, 0, minutes)).toISOString();
    for (let i = 0; i < 60; i++) {
      await store.saveDelivery(delivery(`t-${i % 3}`, `sent/${i}`, at(i), { state: 'delivered' }), undefined);
      await store.saveDelivery(delivery(`t-${i % 3}`, `later/${i}`, at(600 + i)), undefined);
      await store.scheduleJob({ tenantId: `t-${i % 3}`, id: `done/${i}`, kind: 'agendaReminder', meetingId: 'm-1', dueAt: at(i) });
      await store.updateJob({ tenantId: `t-${i % 3}`, id: `done/${i}`, kind: 'agendaReminder', meetingId: 'm-1', dueAt: at(i), doneAt: at(i), outcome: 'posted' });
    }
    await store.saveDelivery(delivery('t-1', 'due/a', at(100)), undefined);
    await store.saveDelivery(delivery('t-2', 'due/b', at(101)), undefined);
    await store.scheduleJob({ tenantId: 't-1', id: 'due/j', kind: 'agendaReminder', meetingId: 'm-1', dueAt: at(102) });
    // The first tick of an instance looks once for work from before the queue (its mark); the ticks after it are what is measured.
    await store.dueDeliveries(at(0), 10);
    await store.dueJobs(at(0), 10);

    proxy.reset();
    expect((await store.dueDeliveries(at(300), 10)).map((d) => d.id)).toEqual(['due/a', 'due/b']);
    expect((await store.dueJobs(at(300), 10)).map((j) => j.id)).toEqual(['due/j']);
    const queries = proxy.requests.filter((r) => r.filter !== undefined);
    expect(queries.map((q) => q.resource.replace(/^k\w+x\d+/, ''))).toEqual(['duework()', 'duework()']);
    for (const q of queries) expect(q.filter).toMatch(/^PartitionKey eq '(delivery|job)' and RowKey lt '2030-01-01T05:00:00.000Z}'$/);
    // Besides the queries, only reads by key: the three documents due.
    expect(proxy.requests.filter((r) => r.filter === undefined).map((r) => r.resource)).toHaveLength(3);
    expect(proxy.requests.reduce((sum, r) => sum + r.rows, 0)).toBe(6);
  });

  test("an erasure reads the person's index rows and their cards, not the tenant's every delivery", async () => {
    const store = await TablesStore.open({ connectionString: proxy.connectionString, tablePrefix: `e${Date.now().toString(36)}x${++n}` });
    for (let i = 0; i < 80; i++) await store.saveDelivery(delivery('t-1', `reminder/${i}`, '2030-01-01T00:00:00.000Z', { kind: 'personal', to: `29:other-${i}` }), undefined);
    await store.saveDelivery(delivery('t-1', 'reminder/mine-1', '2030-01-01T00:00:00.000Z', { kind: 'personal', to: '29:u-1' }), undefined);
    await store.saveDelivery(delivery('t-1', 'reminder/mine-2', '2030-01-01T00:00:00.000Z', { kind: 'personal', to: '29:u-1', state: 'delivered' }), undefined);
    // The tenant's first erasure fills the index once from cards written before it.
    expect(await store.removePersonalDeliveries('t-1', '29:nobody')).toBe(0);

    proxy.reset();
    expect(await store.removePersonalDeliveries('t-1', '29:u-1')).toBe(2);
    expect(proxy.requests.reduce((sum, r) => sum + r.rows, 0)).toBeLessThanOrEqual(4);
    expect(await store.getDelivery('t-1', 'reminder/0')).toBeDefined();
  });
});

documentsConformance('Azure Table Storage (Azurite)', async () => {
  const store = await TablesStore.open({ connectionString: azurite.connectionString, tablePrefix: `d${Date.now().toString(36)}x${++n}` });
  return { documents: store.documents, cleanup: async () => store.close() };
});

test('a member removed through another instance is gone at once here, whatever this instance read a moment before', async () => {
  const opts = { connectionString: azurite.connectionString, tablePrefix: `r${Date.now().toString(36)}x${++n}` };
  const here = await TablesStore.open(opts);
  const there = await TablesStore.open(opts);
  await here.upsertNetwork(network());
  await here.upsertMembers([member('anna'), member('bo')]);
  expect((await here.listMembers('t-1', TEAM_ID)).map((m) => m.id).sort()).toEqual(['anna', 'bo']);
  expect(await here.getMember('t-1', TEAM_ID, 'bo')).toBeDefined();
  expect(await there.removeMember('t-1', TEAM_ID, 'bo')).toBe(true);
  expect(await here.getMember('t-1', TEAM_ID, 'bo')).toBeUndefined();
  expect((await here.listMembers('t-1', TEAM_ID)).map((m) => m.id)).toEqual(['anna']);
});

test('a network\'s approved versions are one partition read: no other network\'s versions and no scan of the versions table', async () => {
  const tablePrefix = `v${Date.now().toString(36)}x${++n}`;
  const proxy = await startTablesProxy(azurite);
  try {
    const opts = { connectionString: proxy.connectionString, tablePrefix };
    const first = await TablesStore.open(opts);
    const approved = (meetingId: string, networkId: string) => ({ ...minutesVersion(meetingId, 1), networkId, state: 'approved' as const });
    await first.saveMinutesVersion(approved('m-a1', TEAM_ID), undefined);
    await first.saveMinutesVersion(approved('m-a2', TEAM_ID), undefined);
    await first.saveMinutesVersion(minutesVersion('m-a3', 1), undefined);
    for (const m of ['m-b1', 'm-b2', 'm-b3']) await first.saveMinutesVersion(approved(m, 'net-b'), undefined);
    // The first read of each network (any instance's) may fill its index from what was stored before it.
    await first.listApprovedMinutes('t-1', TEAM_ID);
    const store = await TablesStore.open(opts);
    proxy.reset();
    expect((await store.listApprovedMinutes('t-1', TEAM_ID)).map((v) => v.meetingId)).toEqual(['m-a1', 'm-a2']);
    const reads = proxy.requests.filter((r) => r.method === 'GET' && r.resource.startsWith(tablePrefix));
    expect(reads.filter((r) => r.resource.startsWith(`${tablePrefix}minutesversions`))).toEqual([]);
    // Every query is of one partition, and the partitions read held this network's approved versions only.
    const queries = reads.filter((r) => r.filter !== undefined);
    expect(queries.filter((r) => !/^PartitionKey eq '[^']*'$/.test(r.filter ?? ''))).toEqual([]);
    expect(queries.reduce((sum, r) => sum + r.rows, 0)).toBe(2);
  } finally {
    await proxy.stop();
  }
});

test('a meeting\'s attendance writes of one turn go as one transaction, each caller answered once committed, a person\'s second write after their first', async () => {
  const prefix = `w${Date.now().toString(36)}x${++n}`;
  const store = await TablesStore.open({ connectionString: azurite.connectionString, tablePrefix: prefix });
  await store.putAttendance(attendance('m-1', 'was-here'));
  const requests = countTableRequests(prefix);
  let results: unknown[];
  try {
    results = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => store.putAttendance(attendance('m-1', `p-${i}`))),
      // The same person twice in one turn: put, then taken back; and removals of a row there and of one not there.
      store.putAttendance(attendance('m-1', 'twice')),
      store.removeAttendance('t-1', 'm-1', 'twice'),
      store.removeAttendance('t-1', 'm-1', 'was-here'),
      store.removeAttendance('t-1', 'm-1', 'never-here'),
    ]);
  } finally {
    requests.stop();
  }
  expect(results.slice(30)).toEqual([undefined, true, true, false]);
  // The 30 and the first of "twice" as one transaction; each removal on its own; the second of "twice" in the next batch.
  expect(requests.byTable).toEqual({ $batch: 1, attendance: 3 });
  const ids = (await store.listAttendance('t-1', 'm-1')).map((r) => r.personId);
  expect(ids.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `p-${i}`).sort());
});

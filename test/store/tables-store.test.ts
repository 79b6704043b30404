import type { Job } from '../../src/app/ports';
import { TablesStore } from '../../src/store/tables-store';
import { startAzurite, type Azurite } from '../harness/azurite';
import { countTableReads } from '../harness/table-reads';
import { TableClient } from '@azure/data-tables';
import { countTableRequests } from '../harness/table-requests';
import { approvedWithActions, attendance, meeting, member, minutesVersion, network, storeConformance, TEAM_ID } from './conformance';
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
  const queue = TableClient.fromConnectionString(azurite.connectionString, `${opts.tablePrefix}duework`, { allowInsecureConnection: true });
  const rows = async (): Promise<string[]> => {
    const out: string[] = [];
    for await (const e of queue.listEntities<{ ref: string }>()) if (e.partitionKey === 'job' || e.partitionKey === 'archive') out.push(`${e.partitionKey}:${e.ref}`);
    return out.sort();
  };
  expect(await rows()).toEqual(['archive:m-1', 'job:j-later', 'job:j-open']);
  expect((await first.dueJobs('2030-02-01T00:00:00.000Z', 10)).map((j) => j.id)).toEqual(['j-open']);
  // Archived: the version is no longer due; the tick that reaches its row removes it.
  const got = await first.getMinutesVersion('t-1', 'm-1', 1);
  await first.saveMinutesVersion({ ...got!.version, archive: { ...pending.archive, state: 'done' } }, got!.etag);
  expect(await first.dueArchives('2030-02-01T00:00:00.000Z', 10)).toEqual([]);
  expect(await rows()).toEqual(['job:j-later', 'job:j-open']);

  // As the tables were before the queue: a job not done and a pending archive, no rows.
  for await (const e of queue.listEntities()) await queue.deleteEntity(e.partitionKey ?? '', e.rowKey ?? '');
  await first.saveMinutesVersion({ ...pending, meetingId: 'm-2' }, undefined);
  for await (const e of queue.listEntities()) await queue.deleteEntity(e.partitionKey ?? '', e.rowKey ?? '');
  const store = await TablesStore.open(opts);
  expect((await store.dueJobs('2030-02-01T00:00:00.000Z', 10)).map((j) => j.id)).toEqual(['j-open']);
  expect((await store.dueArchives('2030-02-01T00:00:00.000Z', 10)).map((v) => v.meetingId)).toEqual(['m-2']);
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
  const reads = await countTableReads(azurite, tablePrefix);
  try {
    const opts = { connectionString: reads.connectionString, tablePrefix };
    const first = await TablesStore.open(opts);
    const approved = (meetingId: string, networkId: string) => ({ ...minutesVersion(meetingId, 1), networkId, state: 'approved' as const });
    await first.saveMinutesVersion(approved('m-a1', TEAM_ID), undefined);
    await first.saveMinutesVersion(approved('m-a2', TEAM_ID), undefined);
    await first.saveMinutesVersion(minutesVersion('m-a3', 1), undefined);
    for (const m of ['m-b1', 'm-b2', 'm-b3']) await first.saveMinutesVersion(approved(m, 'net-b'), undefined);
    // The first read of each network (any instance's) may fill its index from what was stored before it.
    await first.listApprovedMinutes('t-1', TEAM_ID);
    const store = await TablesStore.open(opts);
    reads.take();
    expect((await store.listApprovedMinutes('t-1', TEAM_ID)).map((v) => v.meetingId)).toEqual(['m-a1', 'm-a2']);
    const seen = reads.take();
    expect(seen.filter((r) => r.table === 'minutesversions')).toEqual([]);
    // Every read is of a row or of one partition, and the partitions read held this network's approved versions only.
    expect(seen.filter((r) => !r.point && !/^PartitionKey eq '[^']*'$/.test(r.filter ?? ''))).toEqual([]);
    expect(seen.filter((r) => !r.point).reduce((sum, r) => sum + r.entities, 0)).toBe(2);
  } finally {
    await reads.stop();
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

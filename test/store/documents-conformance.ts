import type { DueEntry, Documents } from '../../src/store/documents';
import { idPart, numberRow } from '../../src/store/documents';
import type { Agenda } from '../../src/domain/agenda';
import type { Proposal } from '../../src/domain/proposal';
import type { StoredAction } from '../../src/store/action-records';
import { meeting, member, minutesDraft, minutesVersion, network } from './conformance';

/** Ids as Teams makes them, with characters Table Storage refuses in keys. */
const ODD = '19:a/b\\c#d?e;messageid=1@thread.tacv2';

const proposal = (id: string, over: Partial<Proposal> = {}): Proposal => ({
  tenantId: 't-1',
  meetingId: ODD,
  id,
  title: `Förslag ${id}`,
  description: '',
  proposedBy: { id: 'p-1', name: 'Åsa' },
  status: 'pending',
  createdAt: '2030-01-01T00:00:00.000Z',
  ...over,
});
const record = (meetingId: string, ord: number, meetingDate = '2030-02-04'): StoredAction => ({
  meetingId,
  meetingDate,
  itemTitle: 'Föregående protokoll',
  ord,
  action: { id: `${meetingId}-${ord}`, text: 'Uppdrag', owners: [{ kind: 'named', name: 'Karin' }] },
});
const agenda = (version: number, meetingId = ODD): Agenda => ({ tenantId: 't-1', meetingId, version, status: 'published', items: [] });

/**
 * The narrow store port's contract (src/store/documents.ts), run against each backend: keys with
 * any characters, create-if-absent, ETag writes, partitions kept apart, rows listed in key order,
 * documents larger than one Table Storage property, row ranges of an ordered collection, removal,
 * an index written with its documents, documents held as fields, a batch of writes, an update
 * that moves a document in its index and loses no one's change, a removal that leaves the index.
 */
export function documentsConformance(name: string, open: () => Promise<{ documents: Documents; cleanup(): Promise<void> }>): void {
  describe(`narrow store port: ${name}`, () => {
    let documents: Documents;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ documents, cleanup } = await open());
    });
    afterEach(async () => cleanup());

    test('create writes once; read finds it under any characters; upsert replaces', async () => {
      const proposals = documents.collection('proposals');
      const key = { partition: ['t-1', ODD], row: ODD };
      expect(await proposals.read(key)).toBeUndefined();
      expect(await proposals.create(key, proposal(ODD))).toBe(true);
      expect(await proposals.create(key, proposal(ODD, { title: 'Andra' }))).toBe(false);
      expect((await proposals.read(key))?.title).toBe(`Förslag ${ODD}`);
      await proposals.upsert(key, proposal(ODD, { title: 'Ändrad' }));
      expect((await proposals.read(key))?.title).toBe('Ändrad');
    });

    test('a partition lists its own rows, in row order (versions by number), and no other partition’s', async () => {
      const versions = documents.collection('agendaVersions');
      for (const v of [10, 2, 1]) await versions.create({ partition: ['t-1', ODD], row: numberRow(v) }, agenda(v));
      await versions.create({ partition: ['t-2', ODD], row: numberRow(3) }, agenda(3));
      await versions.create({ partition: ['t-1', `${ODD}x`], row: numberRow(4) }, agenda(4, `${ODD}x`));
      expect((await versions.list(['t-1', ODD])).map((a) => a.version)).toEqual([1, 2, 10]);
      expect((await versions.list(['t-2', ODD])).map((a) => a.version)).toEqual([3]);
      expect(await versions.list(['t-3', ODD])).toEqual([]);
    });

    test('ETag writes: only when absent without one, only under the current one with one', async () => {
      const agendas = documents.etagged('agendas');
      const key = { partition: ['t-1'], row: ODD };
      const first = await agendas.write(key, agenda(1), undefined);
      expect(first).toBeDefined();
      expect(await agendas.write(key, agenda(2), undefined)).toBeUndefined();
      const read = await agendas.read(key);
      expect(read).toEqual({ doc: agenda(1), etag: first });
      const second = await agendas.write(key, agenda(2), first);
      expect(second).toBeDefined();
      expect(second).not.toBe(first);
      expect(await agendas.write(key, agenda(3), first)).toBeUndefined();
      expect(await agendas.write(key, agenda(3), 'not an etag')).toBeUndefined();
      expect((await agendas.read(key))?.doc.version).toBe(2);
      expect(await agendas.read({ partition: ['t-2'], row: ODD })).toBeUndefined();
    });

    test('a document larger than one Table Storage property (64 KiB) comes back whole', async () => {
      const minutes = documents.etagged('minutes');
      const long = minutesDraft('m-1', 'å'.repeat(100_000));
      const etag = await minutes.write({ partition: ['t-1'], row: 'm-1' }, long, undefined);
      expect(etag).toBeDefined();
      expect((await minutes.read({ partition: ['t-1'], row: 'm-1' }))?.doc).toEqual(long);
    });

    test('the queue gives a kind’s entries due by a time, earliest first, page by page, and no other kind’s', async () => {
      const { queue } = documents;
      const entry = (dueAt: string, ...ref: string[]): DueEntry => ({ kind: 'delivery', dueAt, ref });
      await queue.put(entry('2030-01-03T00:00:00.000Z', 't-1', ODD));
      await queue.put(entry('2030-01-01T00:00:00.000Z', 't-2', 'b'));
      await queue.put(entry('2030-01-02T00:00:00.000Z', 't-1', 'c'));
      await queue.put(entry('2030-01-05T00:00:00.000Z', 't-1', 'later'));
      await queue.put({ kind: 'job', dueAt: '2030-01-01T00:00:00.000Z', ref: ['t-1', 'j'] });
      const due = (by: string, limit: number, after?: DueEntry): Promise<string[]> =>
        queue.due('delivery', by, limit, after).then((list) => list.map((e) => `${e.dueAt.slice(8, 10)}:${e.ref.join('/')}`));
      expect(await due('2030-01-03T00:00:00.000Z', 10)).toEqual(['01:t-2/b', '02:t-1/c', `03:t-1/${ODD}`]);
      expect(await due('2030-01-02T23:59:59.999Z', 10)).toEqual(['01:t-2/b', '02:t-1/c']);
      expect(await due('2030-01-09T00:00:00.000Z', 2)).toEqual(['01:t-2/b', '02:t-1/c']);
      expect(await due('2030-01-09T00:00:00.000Z', 2, entry('2030-01-02T00:00:00.000Z', 't-1', 'c'))).toEqual([`03:t-1/${ODD}`, '05:t-1/later']);
      expect(await due('2030-01-09T00:00:00.000Z', 0)).toEqual([]);
      expect((await queue.due('job', '2030-01-09T00:00:00.000Z', 10)).map((e) => e.ref)).toEqual([['t-1', 'j']]);
    });

    test('a queue entry is removed under the ETag it was read with: one put again since stays', async () => {
      const { queue } = documents;
      const e: DueEntry = { kind: 'job', dueAt: '2030-01-01T00:00:00.000Z', ref: ['t-1', ODD] };
      await queue.put(e);
      const [read] = await queue.due('job', '2030-01-01T00:00:00.000Z', 1);
      await queue.put(e);
      expect(await queue.remove(e, read!.etag)).toBe(false);
      expect(await queue.due('job', '2030-01-01T00:00:00.000Z', 1)).toHaveLength(1);
      const [again] = await queue.due('job', '2030-01-01T00:00:00.000Z', 1);
      expect(await queue.remove(e, again!.etag)).toBe(true);
      expect(await queue.remove(e)).toBe(false);
      await queue.put(e);
      expect(await queue.remove(e)).toBe(true);
      expect(await queue.due('job', '2030-12-31T00:00:00.000Z', 10)).toEqual([]);
    });

    test('leases are flat documents under ETags: written only under the one read, removed only under it', async () => {
      const leases = documents.etagged('leases');
      const key = { partition: ['t-1'], row: ODD };
      const first = await leases.write(key, { owner: 'a', untilMs: 1_900_000_000_000 }, undefined);
      expect(first).toBeDefined();
      expect(await leases.write(key, { owner: 'b', untilMs: 1 }, undefined)).toBeUndefined();
      expect(await leases.read(key)).toEqual({ doc: { owner: 'a', untilMs: 1_900_000_000_000 }, etag: first });
      const second = await leases.write(key, { owner: 'a', untilMs: 1_900_000_001_000 }, first);
      expect(second).toBeDefined();
      expect(await leases.remove(key, first)).toBe(false);
      expect(await leases.remove(key, second)).toBe(true);
      expect(await leases.read(key)).toBeUndefined();
      expect(await leases.remove(key)).toBe(false);
    });

    test('documents are removed by key; an ETag collection lists a partition too', async () => {
      const jobs = documents.collection('jobs');
      const job = { tenantId: 't-1', id: ODD, kind: 'agendaReminder' as const, meetingId: 'm-1', dueAt: '2030-01-01T00:00:00.000Z' };
      await jobs.create({ partition: ['t-1'], row: ODD }, job);
      await jobs.create({ partition: ['t-1'], row: 'j-2' }, { ...job, id: 'j-2' });
      await jobs.create({ partition: ['t-2'], row: ODD }, { ...job, tenantId: 't-2' });
      expect((await jobs.list(['t-1'])).map((j) => j.id).sort()).toEqual(['j-2', ODD].sort());
      expect(await jobs.remove({ partition: ['t-1'], row: ODD })).toBe(true);
      expect(await jobs.remove({ partition: ['t-1'], row: ODD })).toBe(false);
      expect(await jobs.read({ partition: ['t-1'], row: ODD })).toBeUndefined();
      expect(await jobs.read({ partition: ['t-2'], row: ODD })).toBeDefined();
      const agendas = documents.etagged('agendas');
      await agendas.write({ partition: ['t-1'], row: 'm-1' }, agenda(1, 'm-1'), undefined);
      await agendas.write({ partition: ['t-1'], row: 'm-2' }, agenda(1, 'm-2'), undefined);
      expect((await agendas.list(['t-1'])).map((a) => a.meetingId)).toEqual(['m-1', 'm-2']);
    });

    test('an ordered collection is read by row range, in row order, up to a limit; rows come back as written', async () => {
      const open = documents.collection('openActions');
      const partition = ['t-1', ODD];
      const rows = ['2030-03-04', '2030-01-10', '2030-02-04', '2031-01-01'].map((date, i) => `${date}|${idPart(ODD)}|${String(i).padStart(5, '0')}`);
      for (const [i, row] of rows.entries()) await open.upsert({ partition, row }, record(ODD, i));
      await open.upsert({ partition: ['t-1', 'other'], row: rows[0]! }, record('other', 9));
      const sorted = [...rows].sort();
      expect((await open.entries(partition)).map((e) => e.row)).toEqual(sorted);
      expect((await open.list(partition, { from: '2030-02-04', to: '2030-12-31' })).map((r) => r.ord)).toEqual([2, 0]);
      expect((await open.list(partition, { to: '2030-02-04' })).map((r) => r.ord)).toEqual([1]);
      expect((await open.list(partition, { from: '2030-02-04' })).map((r) => r.ord)).toEqual([2, 0, 3]);
      expect((await open.list(partition, { limit: 2 })).map((r) => r.ord)).toEqual([1, 2]);
      expect((await open.list(partition, { from: '2030-02-05', limit: 1 })).map((r) => r.ord)).toEqual([0]);
      const versions = documents.etagged('minutesVersions');
      for (const n of [12, 3]) await versions.write({ partition: ['t-1', ODD], row: numberRow(n) }, { ...minutesVersion(ODD, n), meetingId: ODD }, undefined);
      expect((await versions.list(['t-1', ODD])).map((v) => v.number)).toEqual([3, 12]);
    });

    test('a removed document is gone from its partition; removing what is not there says so', async () => {
      const marks = documents.collection('actionMarks');
      const key = { partition: ['t-1', ODD], row: ODD };
      await marks.upsert(key, { by: 'Karin', at: '2030-02-11T08:00:00.000Z' });
      await marks.upsert({ partition: ['t-1', ODD], row: 'a-2' }, { by: 'Jonas', at: '2030-02-12T08:00:00.000Z' });
      expect(Object.fromEntries((await marks.entries(['t-1', ODD])).map((e) => [e.row, e.doc.by]))).toEqual({ [ODD]: 'Karin', 'a-2': 'Jonas' });
      expect(await marks.remove(key)).toBe(true);
      expect(await marks.remove(key)).toBe(false);
      expect(await marks.read(key)).toBeUndefined();
      expect((await marks.entries(['t-1', ODD])).map((e) => e.row)).toEqual(['a-2']);
    });

    test('an index is written with its documents: a version is in its network\'s approved versions once approved, as last written', async () => {
      const versions = documents.etagged('minutesVersions');
      const approved = documents.index('approvedMinutes');
      const v = (meetingId: string, networkId: string) => ({ ...minutesVersion(meetingId, 1), networkId });
      const first = await versions.write({ partition: ['t-1', 'm-1'], row: numberRow(1) }, v('m-1', ODD), undefined);
      await versions.write({ partition: ['t-1', 'm-2'], row: numberRow(1) }, { ...v('m-2', 'net-b'), state: 'approved' }, undefined);
      expect(await approved.list(['t-1', ODD])).toEqual([]);
      const second = await versions.write({ partition: ['t-1', 'm-1'], row: numberRow(1) }, { ...v('m-1', ODD), state: 'approved' }, first);
      const archived = { ...v('m-1', ODD), state: 'approved' as const, archive: { state: 'done' as const, attempts: 1, nextAttemptAt: '', documents: [] } };
      await versions.write({ partition: ['t-1', 'm-1'], row: numberRow(1) }, archived, second);
      expect(await approved.list(['t-1', ODD])).toEqual([archived]);
      expect((await approved.list(['t-1', 'net-b'])).map((x) => x.meetingId)).toEqual(['m-2']);
      expect(await approved.list(['t-2', ODD])).toEqual([]);
    });

    test('a document of fields (a posting) comes back as written, with its row', async () => {
      const postings = documents.collection('postings');
      await postings.upsert({ partition: ['t-1', 'kommun'], row: ODD }, { networkId: ODD, year: 2030 });
      expect(await postings.entries(['t-1', 'kommun'])).toEqual([{ row: ODD, doc: { networkId: ODD, year: 2030 } }]);
      expect(await postings.read({ partition: ['t-1', 'kommun'], row: ODD })).toEqual({ networkId: ODD, year: 2030 });
    });

    test('a batch writes every document, of any partitions, replacing those there; each in its index with it', async () => {
      const members = documents.collection('members');
      const m = (id: string, networkId: string, name = `Person ${id}`) => ({ key: { partition: ['t-1', networkId], row: id }, doc: member(id, { networkId, name }) });
      await members.upsertMany([m(ODD, 'net-a'), m('p-2', 'net-a')]);
      const many = Array.from({ length: 130 }, (_, i) => m(`q-${String(i).padStart(3, '0')}`, ODD));
      await members.upsertMany([m(ODD, 'net-a', 'Åsa'), m(ODD, ODD), ...many]);
      expect((await members.list(['t-1', 'net-a'])).map((x) => [x.id, x.name]).sort()).toEqual([[ODD, 'Åsa'], ['p-2', 'Person p-2']].sort());
      expect((await members.list(['t-1', ODD])).length).toBe(131);
      const memberships = documents.index('memberships');
      expect((await memberships.list(['t-1', ODD])).map((x) => [x.networkId, x.name]).sort()).toEqual([['net-a', 'Åsa'], [ODD, `Person ${ODD}`]].sort());
      expect((await memberships.list(['t-1', 'q-129'])).map((x) => x.networkId)).toEqual([ODD]);
      expect(await memberships.list(['t-2', ODD])).toEqual([]);
    });

    test('a removed document leaves its index', async () => {
      const members = documents.collection('members');
      await members.upsertMany([{ key: { partition: ['t-1', 'net-a'], row: ODD }, doc: member(ODD, { networkId: 'net-a' }) }]);
      await members.upsertMany([{ key: { partition: ['t-1', 'net-b'], row: ODD }, doc: member(ODD, { networkId: 'net-b' }) }]);
      expect(await members.remove({ partition: ['t-1', 'net-a'], row: ODD })).toBe(true);
      expect(await members.remove({ partition: ['t-1', 'net-a'], row: ODD })).toBe(false);
      expect((await documents.index('memberships').list(['t-1', ODD])).map((x) => x.networkId)).toEqual(['net-b']);
    });

    test('an update writes what it makes of the document; moved, the document is in its index where it is now, and nowhere else', async () => {
      const meetings = documents.collection('meetings');
      const byDate = documents.index('meetingsByDate');
      const key = { partition: ['t-1'], row: ODD };
      expect(await meetings.update(key, (m) => m)).toBeUndefined();
      await meetings.create(key, meeting(ODD, { networkId: ODD, date: '2030-02-04' }));
      await meetings.create({ partition: ['t-1'], row: 'm-2' }, meeting('m-2', { networkId: ODD, date: '2030-03-04' }));
      const moved = await meetings.update(key, (m) => ({ ...m, date: '2030-04-01', place: 'Skövde' }));
      expect(moved).toEqual(meeting(ODD, { networkId: ODD, date: '2030-04-01', place: 'Skövde' }));
      expect(await meetings.read(key)).toEqual(moved);
      expect(await byDate.list(['t-1', ODD], { from: '2030-02-01', to: '2030-02-28}' })).toEqual([]);
      expect((await byDate.list(['t-1', ODD])).map((m) => [m.id, m.date])).toEqual([['m-2', '2030-03-04'], [ODD, '2030-04-01']]);
      // Not moved: the index holds the document as last written.
      await meetings.update(key, (m) => ({ ...m, attendanceClosed: true }));
      expect((await byDate.list(['t-1', ODD], { from: '2030-04-01', to: '2030-04-01}' })).map((m) => m.attendanceClosed)).toEqual([true]);
    });

    test('an index read by range: dates from (included) to (excluded; a date and "}" takes the date in), up to a limit', async () => {
      const meetings = documents.collection('meetings');
      for (const [id, date] of [['a', '2030-01-10'], ['b', '2030-02-04'], ['c', '2030-02-04'], ['d', '2030-03-01']] as const) {
        await meetings.create({ partition: ['t-1'], row: id }, meeting(id, { date }));
      }
      await meetings.create({ partition: ['t-1'], row: 'other' }, meeting('other', { date: '2030-02-04', networkId: 'net-b' }));
      const byDate = documents.index('meetingsByDate');
      const ids = async (range: { from?: string; to?: string; limit?: number }) => (await byDate.list(['t-1', meeting('x').networkId], range)).map((m) => m.id).sort();
      expect(await ids({ from: '2030-02-04', to: '2030-02-04}' })).toEqual(['b', 'c']);
      expect(await ids({ to: '2030-02-04' })).toEqual(['a']);
      expect(await ids({ from: '2030-02-05' })).toEqual(['d']);
      expect(await ids({ limit: 1 })).toEqual(['a']);
    });

    test('updates at once of one document each keep their change (none is written over another)', async () => {
      const meetings = documents.collection('meetings');
      const key = { partition: ['t-1'], row: ODD };
      await meetings.create(key, meeting(ODD));
      await Promise.all([
        meetings.update(key, (m) => ({ ...m, place: 'Skövde' })),
        meetings.update(key, (m) => ({ ...m, attendanceClosed: true })),
        meetings.update(key, (m) => ({ ...m, card: { conversationId: 'c', activityId: 'a' } })),
      ]);
      expect(await meetings.read(key)).toEqual(meeting(ODD, { place: 'Skövde', attendanceClosed: true, card: { conversationId: 'c', activityId: 'a' } }));
    });

    test('every partition of a small collection is read at once (networks, across tenants)', async () => {
      await documents.collection('networks').upsert({ partition: ['t-2'], row: 'n-1' }, network('t-2', 'n-1'));
      await documents.collection('networks').upsert({ partition: ['t-1'], row: ODD }, network('t-1', ODD));
      expect((await documents.collection('networks').all()).map((n) => `${n.tenantId}/${n.id}`).sort()).toEqual([`t-1/${ODD}`, 't-2/n-1']);
    });
  });
}

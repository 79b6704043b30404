import type { DueEntry, Documents } from '../../src/store/documents';
import { numberRow } from '../../src/store/documents';
import type { Agenda } from '../../src/domain/agenda';
import type { Proposal } from '../../src/domain/proposal';
import { minutesDraft } from './conformance';

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
const agenda = (version: number, meetingId = ODD): Agenda => ({ tenantId: 't-1', meetingId, version, status: 'published', items: [] });

/**
 * The narrow store port's contract (src/store/documents.ts), run against each backend: keys with
 * any characters, create-if-absent, ETag writes, partitions kept apart, rows listed in key order,
 * documents larger than one Table Storage property.
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
  });
}

import type { Documents } from '../../src/store/documents';
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
  });
}

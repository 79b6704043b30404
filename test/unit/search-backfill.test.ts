import type { Logger } from '../../src/app/ports';
import { SEARCH_INDEX_VERSION, SearchService } from '../../src/app/search';
import { SqliteStore } from '../../src/store/sqlite-store';
import { meeting, minutesVersion, network, TEAM_ID } from '../store/conformance';

/**
 * The search index's backfill: protocols justerade or imported before the index are put in it
 * once per network, by one of several instances racing for it (the network's lease), and a later
 * start only reads the markers. An earlier version never replaces a later one in the index.
 */
describe('search backfill', () => {
  const log: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const now = (): Date => new Date('2030-03-01T08:00:00.000Z');
  let store: SqliteStore;

  beforeEach(async () => {
    store = new SqliteStore(':memory:');
    await store.upsertNetwork(network());
    for (const [id, date] of [['m-1', '2021-05-10'], ['m-2', '2024-09-02'], ['m-3', '2030-02-04']] as const) {
      await store.createMeeting(meeting(id, { date }));
    }
    await store.saveMinutesVersion({ ...minutesVersion('m-1', 1), state: 'approved', approvedAt: '2021-05-12T08:00:00.000Z' }, undefined);
    await store.saveMinutesVersion({ ...minutesVersion('m-2', 1), state: 'imported' }, undefined);
    // m-3's minutes are only sent: not in the index.
    await store.saveMinutesVersion(minutesVersion('m-3', 1), undefined);
  });
  afterEach(async () => {
    await store.close();
  });

  test('two instances at once index each protocol once, write the marker, and the next start reads nothing again', async () => {
    const a = new SearchService({ store, log });
    const b = new SearchService({ store, log });
    const counts = await Promise.all([a.backfill('instance-a', now), b.backfill('instance-b', now)]);
    expect(counts.sort()).toEqual([0, 2]);
    expect((await store.getSearchDocument('t-1', 'm-1'))?.version).toBe(1);
    expect((await store.getSearchDocument('t-1', 'm-2'))?.imported).toBe(true);
    expect(await store.getSearchDocument('t-1', 'm-3')).toBeUndefined();
    expect(await store.getSearchMarker('t-1', TEAM_ID)).toMatchObject({ indexVersion: SEARCH_INDEX_VERSION, protocols: 2 });
    expect(await a.backfill('instance-c', now)).toBe(0);
  });

  test('a marker of an older index version is done again', async () => {
    await store.setSearchMarker({ tenantId: 't-1', networkId: TEAM_ID, indexVersion: SEARCH_INDEX_VERSION - 1, protocols: 1, at: '2029-01-01T00:00:00.000Z' });
    expect(await new SearchService({ store, log }).backfill('instance-a', now)).toBe(2);
  });

  test('an earlier version never replaces a later one in the index', async () => {
    const search = new SearchService({ store, log });
    const v2 = { ...minutesVersion('m-1', 2), state: 'approved' as const, approvedAt: '2021-06-01T08:00:00.000Z' };
    await search.index(v2);
    await search.index({ ...minutesVersion('m-1', 1), state: 'approved', approvedAt: '2021-05-12T08:00:00.000Z' });
    expect((await store.getSearchDocument('t-1', 'm-1'))?.version).toBe(2);
  });
});

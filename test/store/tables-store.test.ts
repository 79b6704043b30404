import { TablesStore } from '../../src/store/tables-store';
import { startAzurite, type Azurite } from '../harness/azurite';
import { storeConformance } from './conformance';

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

import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../../src/app/ports';
import { SqliteStore } from '../../src/store/sqlite-store';
import { tempDir } from '../harness/service';
import { storeConformance } from './conformance';

storeConformance('SQLite (embedded)', async () => {
  const dir = tempDir('justera-store-');
  const file = path.join(dir, 'justera.db');
  let current: Store = new SqliteStore(file);
  return {
    store: current,
    reopen: async () => {
      await current.close();
      current = new SqliteStore(file);
      return current;
    },
    cleanup: async () => {
      await current.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

test('an unusable database file makes health say so', async () => {
  const dir = tempDir('justera-store-');
  const store = new SqliteStore(path.join(dir, 'justera.db'));
  await store.close();
  expect((await store.health()).ok).toBe(false);
});

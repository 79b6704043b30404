import fs from 'node:fs';
import path from 'node:path';
import type { Job, Store } from '../../src/app/ports';
import type { SearchDocument } from '../../src/domain/search/document';
import { SqliteStore } from '../../src/store/sqlite-store';
import { tempDir } from '../harness/service';
import Database from 'better-sqlite3';
import { approvedWithActions, attendance, delivery, meeting, member, network, storeConformance, TEAM_ID } from './conformance';
import { documentsConformance } from './documents-conformance';

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

describe('the attendance a store keeps between reads', () => {
  test('follows its own writes in person order, and what another connection to the file commits', async () => {
    const dir = tempDir('justera-store-');
    const file = path.join(dir, 'justera.db');
    const a = new SqliteStore(file);
    const b = new SqliteStore(file);
    try {
      await a.putAttendance(attendance('m-1', 'p2'));
      expect((await a.listAttendance('t-1', 'm-1')).map((r) => r.personId)).toEqual(['p2']);
      // Own writes: a list kept from before shows them, in the order SQLite gives (person_id).
      await a.putAttendance(attendance('m-1', 'p3'));
      await a.putAttendance(attendance('m-1', 'p1', { status: 'online' }));
      await a.putAttendance(attendance('m-1', 'ä-9'));
      await a.putAttendance(attendance('m-1', 'p2', { status: 'apologies' }));
      const fresh = new SqliteStore(file);
      expect(await a.listAttendance('t-1', 'm-1')).toEqual(await fresh.listAttendance('t-1', 'm-1'));
      await fresh.close();
      expect(await a.removeAttendance('t-1', 'm-1', 'p3')).toBe(true);
      expect((await a.listAttendance('t-1', 'm-1')).map((r) => [r.personId, r.status])).toEqual([
        ['p1', 'online'],
        ['p2', 'apologies'],
        ['ä-9', 'onsite'],
      ]);
      // Another connection (another process on the same file) writes: a read from the next turn of the event loop sees it.
      await b.putAttendance(attendance('m-1', 'p0'));
      await b.removeAttendance('t-1', 'm-1', 'p1');
      await nextTurn();
      expect((await a.listAttendance('t-1', 'm-1')).map((r) => r.personId)).toEqual(['p0', 'p2', 'ä-9']);
      // A caller may change the list it got without changing what the store holds.
      const got = await a.listAttendance('t-1', 'm-1');
      got.pop();
      expect(await a.listAttendance('t-1', 'm-1')).toHaveLength(3);
    } finally {
      await a.close();
      await b.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the attendance writes of a burst', () => {
  test('those asked for in one turn are committed in one transaction, before any of their callers goes on', async () => {
    const dir = tempDir('justera-store-');
    const file = path.join(dir, 'justera.db');
    const a = new SqliteStore(file);
    const other = new Database(file, { readonly: true });
    const committed = (): number => (other.prepare('SELECT COUNT(*) AS n FROM attendance').get() as { n: number }).n;
    try {
      await a.putAttendance(attendance('m-1', 'p0'));
      // A burst: 50 clicks in one turn, and a click taking its answer back.
      const writes: Promise<unknown>[] = [];
      for (let i = 1; i <= 50; i++) writes.push(a.putAttendance(attendance('m-1', `p${i}`)));
      const undo = a.removeAttendance('t-1', 'm-1', 'p0');
      const undoneTwice = a.removeAttendance('t-1', 'm-1', 'p0');
      // Nothing of it is committed yet, and nobody has been told it is.
      let told = 0;
      for (const w of writes) void w.then(() => (told += 1));
      expect(committed()).toBe(1);
      await Promise.resolve();
      expect(told).toBe(0);
      await Promise.all(writes);
      expect(await undo).toBe(true);
      expect(await undoneTwice).toBe(false);
      expect(told).toBe(50);
      expect(committed()).toBe(50);
      const fresh = new SqliteStore(file);
      expect(await a.listAttendance('t-1', 'm-1')).toEqual(await fresh.listAttendance('t-1', 'm-1'));
      await fresh.close();
    } finally {
      other.close();
      await a.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the networks, members and meetings a store keeps between reads', () => {
  test('follow its own writes and what another connection commits; what a caller gets cannot change them', async () => {
    const dir = tempDir('justera-store-');
    const file = path.join(dir, 'justera.db');
    const a = new SqliteStore(file);
    const b = new SqliteStore(file);
    try {
      const n = network();
      await a.upsertNetwork(n);
      await a.upsertMembers([member('p1')]);
      await a.createMeeting(meeting('m-1'));
      // Read once, so it is kept.
      expect((await a.getNetwork('t-1', n.id))?.name).toBe('IM-nätverket');
      expect((await a.getMember('t-1', n.id, 'p1'))?.name).toBe('Person p1');
      expect((await a.listMeetings('t-1', n.id, '2030-02-04', '2030-02-04')).map((m) => m.id)).toEqual(['m-1']);
      expect((await a.getMeeting('t-1', 'm-1'))?.start).toBe('13:00');

      // Its own writes.
      await a.upsertNetwork({ ...n, name: 'Nytt namn' });
      await a.upsertMembers([member('p1', { name: 'Åsa Öberg' })]);
      await a.createMeeting(meeting('m-2', { start: '09:00' }));
      await a.setAttendanceClosed('t-1', 'm-1', true);
      expect((await a.getNetwork('t-1', n.id))?.name).toBe('Nytt namn');
      expect((await a.getMember('t-1', n.id, 'p1'))?.name).toBe('Åsa Öberg');
      expect((await a.listMeetings('t-1', n.id, '2030-02-04', '2030-02-04')).map((m) => m.id)).toEqual(['m-2', 'm-1']);
      expect((await a.getMeeting('t-1', 'm-1'))?.attendanceClosed).toBe(true);

      // Another connection's.
      await b.reviseMeeting('t-1', 'm-1', { kind: 'cancel', at: '2030-01-20T10:00:00.000Z', by: { id: 'chair', name: 'Anna' } });
      await b.upsertNetwork({ ...n, name: 'Tredje namnet' });
      await nextTurn();
      expect((await a.getMeeting('t-1', 'm-1'))?.cancelled).toBeTruthy();
      expect((await a.getNetwork('t-1', n.id))?.name).toBe('Tredje namnet');
      expect((await a.listMeetings('t-1', n.id, '2030-02-04', '2030-02-04')).find((m) => m.id === 'm-1')?.cancelled).toBeTruthy();

      // What a caller got is frozen, and a list is its own.
      const got = await a.getMeeting('t-1', 'm-2');
      expect(() => {
        (got as { start: string }).start = '23:00';
      }).toThrow(TypeError);
      const list = await a.listMeetings('t-1', n.id, '2030-02-04', '2030-02-04');
      list.pop();
      expect(await a.listMeetings('t-1', n.id, '2030-02-04', '2030-02-04')).toHaveLength(2);
      expect((await a.getMeeting('t-1', 'm-2'))?.start).toBe('09:00');
    } finally {
      await a.close();
      await b.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

test('a store file from before action records were kept gets them on first open, marks included', async () => {
  const dir = tempDir('justera-store-');
  const file = path.join(dir, 'justera.db');
  try {
    const first = new SqliteStore(file);
    await first.saveMinutesVersion(approvedWithActions('m-1', 1, '2030-02-04', { 'a-1': 'Skicka enkäten', 'a-2': 'Ring Skövde' }), undefined);
    await first.saveMinutesVersion(approvedWithActions('m-1', 2, '2030-02-04', { 'a-1': 'Skicka enkäten till skolorna', 'a-2': 'Ring Skövde' }), undefined);
    await first.setActionDone('t-1', TEAM_ID, 'a-2', { by: 'Jonas', at: '2030-02-11T09:00:00.000Z' });
    await first.close();
    // As the file was before: no records, no note that they were written or when an item was last marked.
    const raw = new Database(file);
    raw.exec('DELETE FROM open_actions; DELETE FROM done_actions; DELETE FROM actions_written; DELETE FROM last_marked; DELETE FROM backfills;');
    raw.close();
    const store = new SqliteStore(file);
    expect((await store.listActions('t-1', TEAM_ID, { all: true })).map((a) => [a.action.text, a.done?.by])).toEqual([
      ['Skicka enkäten till skolorna', undefined],
      ['Ring Skövde', 'Jonas'],
    ]);
    expect((await store.listActions('t-1', TEAM_ID, {})).map((a) => a.action.id)).toEqual(['a-1']);
    expect((await store.listActions('t-1', TEAM_ID, { doneSince: '2030-02-10T00:00:00.000Z' })).map((a) => [a.action.id, a.done?.by])).toEqual([
      ['a-1', undefined],
      ['a-2', 'Jonas'],
    ]);
    await store.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a store file whose search documents were written without their terms drops a term a later put no longer holds', async () => {
  const dir = tempDir('justera-store-');
  const file = path.join(dir, 'justera.db');
  try {
    const first = new SqliteStore(file);
    const doc: SearchDocument = {
      tenantId: 't-1',
      networkId: TEAM_ID,
      meetingId: 'm-1',
      version: 1,
      date: '2030-03-01',
      year: 2030,
      title: 'Protokoll för IM-nätverket',
      organisations: [],
      people: [],
      passages: [{ field: 'notes', text: 'Kommunerna', itemId: 'i1', itemNumber: 1, itemTitle: 'Läget' }],
    };
    await first.putSearchDocument(doc, ['kommun', 'budget']);
    await first.close();
    // As the file was before: the document without the terms it was indexed under.
    const raw = new Database(file);
    raw.exec("UPDATE search_docs SET doc = json_remove(doc, '$.terms'); DELETE FROM store_meta;");
    raw.close();
    const store = new SqliteStore(file);
    await store.putSearchDocument({ ...doc, version: 2 }, ['kommun']);
    expect(await store.searchPostings('t-1', 'budget', [TEAM_ID])).toEqual([]);
    expect((await store.searchPostings('t-1', 'kommun', [TEAM_ID])).map((p) => p.meetingId)).toEqual(['m-1']);
    expect(await store.getSearchDocument('t-1', 'm-1')).toEqual({ ...doc, version: 2 });
    await store.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a store file from before the queue of due work keeps its jobs, deliveries and leases: what was due is due, leases are held', async () => {
  const dir = tempDir('justera-store-');
  const file = path.join(dir, 'justera.db');
  // The tables as an earlier version made them: due times and done flags in columns, leases in columns.
  const old = new Database(file);
  old.exec(`
    CREATE TABLE leases (tenant_id TEXT NOT NULL, name TEXT NOT NULL, owner TEXT NOT NULL, until_ms INTEGER NOT NULL, PRIMARY KEY (tenant_id, name)) WITHOUT ROWID;
    CREATE TABLE jobs (tenant_id TEXT NOT NULL, id TEXT NOT NULL, due_at TEXT NOT NULL, done INTEGER NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (tenant_id, id)) WITHOUT ROWID;
    CREATE INDEX jobs_due ON jobs (done, due_at);
    CREATE TABLE deliveries (tenant_id TEXT NOT NULL, id TEXT NOT NULL, revision INTEGER NOT NULL, due_at TEXT, doc TEXT NOT NULL, PRIMARY KEY (tenant_id, id)) WITHOUT ROWID;
    CREATE INDEX deliveries_due ON deliveries (due_at) WHERE due_at IS NOT NULL;`);
  const job = (id: string, dueAt: string, done: boolean): Job => ({ tenantId: 't-1', id, kind: 'agendaReminder', meetingId: 'm-1', dueAt, ...(done ? { doneAt: dueAt } : {}) });
  for (const j of [job('j-open', '2030-01-02T07:00:00.000Z', false), job('j-done', '2030-01-01T07:00:00.000Z', true)]) {
    old.prepare('INSERT INTO jobs VALUES (?, ?, ?, ?, ?)').run(j.tenantId, j.id, j.dueAt, j.doneAt ? 1 : 0, JSON.stringify(j));
  }
  const pending = delivery('t-1', 'reminder/a', '2030-01-03T00:00:00.000Z', { kind: 'personal', to: '29:u-1' });
  const sent = delivery('t-1', 'reminder/b', '2030-01-01T00:00:00.000Z', { kind: 'personal', to: '29:u-1', state: 'delivered' });
  for (const d of [pending, sent]) old.prepare('INSERT INTO deliveries VALUES (?, ?, 3, ?, ?)').run(d.tenantId, d.id, d.state === 'pending' ? d.dueAt : null, JSON.stringify(d));
  old.prepare('INSERT INTO leases VALUES (?, ?, ?, ?)').run('*', 'jobs/scheduler', 'old-instance', 2_000);
  old.close();

  let store = new SqliteStore(file);
  try {
    expect((await store.dueJobs('2030-02-01T00:00:00.000Z', 10)).map((j) => j.id)).toEqual(['j-open']);
    expect(await store.dueDeliveries('2030-02-01T00:00:00.000Z', 10)).toEqual([pending]);
    expect((await store.getDelivery('t-1', 'reminder/a'))?.etag).toBe('"r3"');
    expect(await store.tryLease('*', 'jobs/scheduler', 'new-instance', 3_000, 1_000)).toEqual({ ok: false, holder: 'old-instance', untilMs: 2_000 });
    // Opened again, the upgrade is not done twice.
    await store.close();
    store = new SqliteStore(file);
    expect((await store.dueJobs('2030-02-01T00:00:00.000Z', 10)).map((j) => j.id)).toEqual(['j-open']);
    expect(await store.removePersonalDeliveries('t-1', '29:u-1')).toBe(2);
    expect(await store.dueDeliveries('2030-12-31T00:00:00.000Z', 10)).toEqual([]);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a store file whose archive queue was a column keeps its pending archives: due after the upgrade, the column gone', async () => {
  const dir = tempDir('justera-store-');
  const file = path.join(dir, 'justera.db');
  // The table as an earlier version made it: when a version's archiving is due in a column of its own, indexed.
  const old = new Database(file);
  old.exec(`
    CREATE TABLE minutes_versions (
      tenant_id TEXT NOT NULL, meeting_id TEXT NOT NULL, number INTEGER NOT NULL, network_id TEXT NOT NULL,
      revision INTEGER NOT NULL, approved INTEGER NOT NULL, archive_due TEXT, doc TEXT NOT NULL,
      PRIMARY KEY (tenant_id, meeting_id, number)) WITHOUT ROWID;
    CREATE INDEX minutes_archive_due ON minutes_versions (archive_due) WHERE archive_due IS NOT NULL;`);
  const archive = (state: 'pending' | 'done', nextAttemptAt: string) => ({ state, attempts: 1, nextAttemptAt, documents: [] });
  const pending = { ...approvedWithActions('m-1', 2, '2030-01-01', {}), archive: archive('pending', '2030-01-01T08:00:00.000Z') };
  const later = { ...approvedWithActions('m-3', 1, '2030-01-01', {}), archive: archive('pending', '2030-06-01T08:00:00.000Z') };
  const archived = { ...approvedWithActions('m-2', 1, '2030-01-01', {}), archive: archive('done', '2030-01-01T07:00:00.000Z') };
  for (const v of [pending, later, archived]) {
    old
      .prepare('INSERT INTO minutes_versions VALUES (?, ?, ?, ?, 4, 1, ?, ?)')
      .run(v.tenantId, v.meetingId, v.number, v.networkId, v.archive.state === 'pending' ? v.archive.nextAttemptAt : null, JSON.stringify(v));
  }
  old.close();

  let store = new SqliteStore(file);
  try {
    expect(await store.dueArchives('2030-02-01T00:00:00.000Z', 10)).toEqual([pending]);
    expect((await store.getMinutesVersion('t-1', 'm-1', 2))?.etag).toBe('"r4"');
    const columns = (): string[] => {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare('PRAGMA table_info(minutes_versions)').all() as { name: string }[]).map((c) => c.name);
      } finally {
        db.close();
      }
    };
    expect(columns()).not.toContain('archive_due');
    // Opened again, the upgrade is not done twice; the versions are written and read as any other.
    await store.close();
    store = new SqliteStore(file);
    expect((await store.dueArchives('2030-12-31T00:00:00.000Z', 10)).map((v) => v.meetingId)).toEqual(['m-1', 'm-3']);
    const got = await store.getMinutesVersion('t-1', 'm-1', 2);
    expect(await store.saveMinutesVersion({ ...got!.version, archive: archive('done', pending.archive.nextAttemptAt) }, got!.etag)).toBe('"r5"');
    expect(await store.dueArchives('2030-12-31T00:00:00.000Z', 10)).toEqual([later]);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

documentsConformance('SQLite (embedded)', async () => {
  const dir = tempDir('justera-docs-');
  const store = new SqliteStore(path.join(dir, 'justera.db'));
  return {
    documents: store.documents,
    cleanup: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

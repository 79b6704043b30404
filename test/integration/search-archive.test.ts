import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { MinutesContent } from '../../src/domain/minutes';
import { sqliteFile } from '../../src/store/sqlite-store';
import { Journey } from '../harness/journey';
import { startTestService } from '../harness/service';
import { okReading, readImports, saveImport } from '../harness/imports';

/**
 * Issue 11, the search index holds the whole archive: an imported protocol is found (marked
 * importerat), and so is one justerat before the index existed, put in it by the backfill the
 * service starts (once: a second start finds the network's marker and reads nothing again).
 */
const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'protocols');
const SECRETARY = 1;
const JUSTERARE = 2;
const MEMBER = 3;

type Result = { meetingId: string; imported: boolean; title: string };

describe('search covers imported protocols and those justerade before the index', () => {
  let j: Journey;
  const search = async (q: string): Promise<Result[]> => {
    const res = await j.api('GET', `/search?${new URLSearchParams({ q }).toString()}`, MEMBER);
    expect(res.status).toBe(200);
    return res.body.results as Result[];
  };

  beforeAll(async () => {
    j = await new Journey().start({ members: 5 });
    await j.install();
    await j.assignRole(0, SECRETARY, 'sekreterare');
  });
  afterAll(async () => {
    await j.stop();
  });

  test('an imported protocol is found, marked importerat', async () => {
    const name = 'im-natverket-2022-06-03-mariestad.txt';
    const file = { name, bytes: new Uint8Array(fs.readFileSync(path.join(FIXTURES, name))) };
    const reading = okReading((await readImports(j, SECRETARY, [file])).body.files[0]);
    const document = { ...reading.document, title: 'Träff i Mariestad', date: '2022-06-03' };
    const saved = await saveImport(j, SECRETARY, document, file);
    expect(saved.status).toBe(200);
    const found = await search('Mariestad');
    expect(found.map((r) => [r.meetingId, r.imported])).toEqual([[saved.body.meetingId, true]]);
  });

  test('a protocol justerat before the index existed is found after the service starts again', async () => {
    const { meetingId } = await j.createMeeting({ date: '2030-03-11' });
    const items: MinutesContent['items'] = [
      { id: 'i-1', kind: 'item', title: 'Skolskjutsar', notes: 'Kommunerna jämförde skolskjutsarnas upphandling.', decisions: [], actions: [], tabled: false, presenters: [], questions: [], responses: [] },
    ];
    await j.sendMinutes(meetingId, SECRETARY, [JUSTERARE], items);
    expect((await j.api('POST', `/meetings/${meetingId}/minutes/versions/1/approve`, JUSTERARE)).status).toBe(200);
    expect((await search('upphandlingen')).map((r) => r.meetingId)).toEqual([meetingId]);

    // The database as it was before search: no index, no markers.
    const dataDir = j.service.dataDir;
    await j.service.stop();
    const db = new Database(sqliteFile(dataDir));
    db.exec('DROP TABLE search_docs; DROP TABLE search_postings; DROP TABLE search_markers;');
    db.close();
    j.service = await startTestService({ DATA_DIR: dataDir }, j.clock);
    j.botUrl = j.service.url;
    expect(await j.service.searchBackfill).toBe(2);
    const found = await search('upphandlingen');
    expect(found.map((r) => [r.meetingId, r.imported])).toEqual([[meetingId, false]]);
    expect((await search('Mariestad')).map((r) => r.imported)).toEqual([true]);

    // Once per network: the next start reads nothing again.
    await j.service.stop();
    j.service = await startTestService({ DATA_DIR: dataDir }, j.clock);
    j.botUrl = j.service.url;
    expect(await j.service.searchBackfill).toBe(0);
    expect((await search('upphandlingen')).map((r) => r.meetingId)).toEqual([meetingId]);
  });
});

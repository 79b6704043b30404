import { unzipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiMinutesVersion, ImportFileReading, ImportSaveResponse } from '../../src/http/api-contract';
import type { ProtokollDocument } from '../../src/domain/import/protokoll';
import type { GraphEmulator } from '../harness/graph-emulator';
import { Journey, sharePointJourney } from '../harness/journey';
import { eventually } from '../harness/service';
import { TEAM_ID } from '../harness/teams';
import { validateProtokoll } from '../harness/protokoll-schema';
import { importAsRead, okReading, readImports, saveImport, type UploadedFile } from '../harness/imports';

/**
 * Issue 11, export through the tab's API: each justerat or imported version as
 * justera-protokoll/1 JSON (valid against the documented schema), the network's whole archive
 * as one zip (per year: JSON, PDF, DOCX, an import's original; index.json and LÄSMIG.txt), for
 * the chair group and admins only; and export → import gives the same content hash.
 */

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'protocols');
const validate = validateProtokoll;

const ADMIN = 0;
const SECRETARY = 1;
const JUSTERARE = 2;
const MEMBER = 3;
const NET = `/networks/${encodeURIComponent(TEAM_ID)}`;

describe('exporting protocols and the archive through the API', () => {
  let j: Journey;
  let meetingId = '';
  let approved: ApiMinutesVersion;
  let imported: ImportSaveResponse;

  async function get(p: string, who: number): Promise<Response> {
    return fetch(`${j.botUrl}/api/v1${p}`, { headers: j.devHeaders(who) });
  }

  async function read(file: UploadedFile): Promise<ImportFileReading | undefined> {
    const res = await readImports(j, SECRETARY, [file]);
    expect(res.status).toBe(200);
    return res.body.files[0];
  }

  async function save(document: ProtokollDocument, original: UploadedFile): Promise<ImportSaveResponse> {
    const res = await saveImport(j, SECRETARY, document, original);
    if (res.status !== 200) throw new Error(`not saved: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  beforeAll(async () => {
    j = await new Journey().start({ members: 4 });
    await j.install();
    await j.assignRole(ADMIN, SECRETARY, 'sekreterare');
    meetingId = (await j.createMeeting({ date: '2030-02-04' })).meetingId;
    await j.sendMinutes(meetingId, SECRETARY, [JUSTERARE]);
    expect((await j.api('POST', `/meetings/${meetingId}/minutes/versions/1/approve`, JUSTERARE)).status).toBe(200);
    approved = await eventually(async () => {
      const v = (await j.api('GET', `/meetings/${meetingId}/minutes/versions/1`, 0)).body as unknown as ApiMinutesVersion;
      if (v.archive === 'failed') throw new Error(`archiving failed: ${v.archiveError ?? ''}`);
      return v.archive === 'done' ? v : undefined;
    }, 20000, 'archived');
    // An old protocol imported from its text, dated 2022.
    const name = 'im-natverket-2022-06-03-mariestad.txt';
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
    const draft = okReading(await read({ name, bytes })).document;
    imported = await save({ ...draft, date: '2022-06-03' }, { name, bytes });
  });

  afterAll(async () => {
    await j.stop();
  });

  test('a justerat version answers as justera-protokoll/1 JSON to any member: valid, with its approvals, content hash and source', async () => {
    const res = await get(`/meetings/${meetingId}/minutes/versions/1/documents/json`, MEMBER);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('Protokoll för IM-nätverket 2030-02-04 v1.json'));
    const doc = (await res.json()) as ProtokollDocument;
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    expect(doc).toMatchObject({ format: 'justera-protokoll/1', network: 'IM-nätverket', date: '2030-02-04', contentHash: approved.hash, source: { kind: 'justera', version: 1, state: 'approved' } });
    expect(doc.approvals.map((a) => a.name)).toEqual([j.members[JUSTERARE]?.name]);
    // Not a version that is no record: a member of no network gets nothing either.
    expect((await get(`/meetings/${meetingId}/minutes/versions/2/documents/json`, MEMBER)).status).toBe(404);
  });

  test('the whole archive is one zip: per year each protocol\'s JSON, PDF and DOCX (an import\'s original too), index.json and LÄSMIG.txt', async () => {
    const res = await get(`${NET}/archive/export`, SECRETARY);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="IM-natverket \([a-z0-9]+\) arkiv \d{4}-\d{2}-\d{2}\.zip"/);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const base = 'Protokoll för IM-nätverket';
    expect(Object.keys(files).sort()).toEqual(
      [
        `2022/${base} 2022-06-03 importerat.json`,
        `2022/${base} 2022-06-03 importerat original.txt`,
        `2022/${base} 2022-06-03 importerat.pdf`,
        `2022/${base} 2022-06-03 importerat.docx`,
        `2030/${base} 2030-02-04 v1.json`,
        `2030/${base} 2030-02-04 v1.pdf`,
        `2030/${base} 2030-02-04 v1.docx`,
        'index.json',
        'LÄSMIG.txt',
      ].sort(),
    );
    // The documents are the archived ones, byte for byte.
    for (const d of [...approved.documents, ...imported.version.documents]) {
      const year = d.name.includes('2030') ? '2030' : '2022';
      expect(Buffer.from(files[`${year}/${d.name}`] ?? []).equals(fs.readFileSync(fileURLToPath(d.webUrl)))).toBe(true);
    }
    for (const p of Object.keys(files).filter((f) => /^\d{4}\/.*\.json$/.test(f))) {
      const doc = JSON.parse(new TextDecoder().decode(files[p])) as unknown;
      expect(validate(doc) ? [] : validate.errors).toEqual([]);
    }
    const index = JSON.parse(new TextDecoder().decode(files['index.json'])) as { format: string; network: string; protocols: { date: string; state: string; contentHash: string; files: string[] }[] };
    expect(index).toMatchObject({ format: 'justera-arkiv/1', network: 'IM-nätverket' });
    expect(index.protocols.map((p) => [p.date, p.state, p.contentHash])).toEqual([
      ['2022-06-03', 'importerat', imported.version.hash],
      ['2030-02-04', 'justerat', approved.hash],
    ]);
    expect(new TextDecoder().decode(files['LÄSMIG.txt'])).toContain('justera-protokoll/1');
  });

  test('export → import through the tab\'s upload: each exported JSON saves with the same content hash', async () => {
    const files = unzipSync(new Uint8Array(await (await get(`${NET}/archive/export`, ADMIN)).arrayBuffer()));
    for (const [p, hash] of [
      [`2030/Protokoll för IM-nätverket 2030-02-04 v1.json`, approved.hash],
      [`2022/Protokoll för IM-nätverket 2022-06-03 importerat.json`, imported.version.hash],
    ] as const) {
      const file = { name: path.basename(p), bytes: files[p] ?? new Uint8Array() };
      const reading = okReading(await read(file));
      expect(reading.mediaType).toBe('application/json');
      const saved = await save(reading.document, file);
      expect(saved.created).toBe(true);
      expect(saved.version.state).toBe('imported');
      expect(saved.version.hash).toBe(hash);
    }
  });

  test('a larger archive streams whole (written as the client takes it): a 1.5 MB original comes out byte for byte', async () => {
    // An exported JSON whose body is 1.5 MB of hardly compressible text, imported as its own original.
    const exported = JSON.parse(new TextDecoder().decode((await (await get(`/meetings/${meetingId}/minutes/versions/1/documents/json`, SECRETARY)).arrayBuffer()) as ArrayBuffer)) as ProtokollDocument;
    const noise = Buffer.from(Array.from({ length: 1_100_000 }, (_, i) => (i * 2654435761) % 251)).toString('base64');
    const { contentHash: _hash, ...rest } = exported;
    const big: ProtokollDocument = { ...rest, date: '2029-05-05', items: exported.items.map((item, i) => (i === 0 ? { ...item, body: noise } : item)) };
    const file = { name: 'stor.json', bytes: new TextEncoder().encode(JSON.stringify(big)) };
    expect(file.bytes.byteLength).toBeGreaterThan(1_400_000);
    const saved = await save(okReading(await read(file)).document, file);
    const res = await get(`${NET}/archive/export`, SECRETARY);
    expect(res.status).toBe(200);
    const zipped = new Uint8Array(await res.arrayBuffer());
    expect(zipped.byteLength).toBeGreaterThan(1_000_000);
    const files = unzipSync(zipped);
    const original = saved.version.documents.find((d) => d.kind === 'original');
    expect(Buffer.from(files[`2029/${original?.name ?? ''}`] ?? []).equals(Buffer.from(file.bytes))).toBe(true);
  });

  test('an invalid JSON file gets a clear Swedish message', async () => {
    const broken = await read({ name: 'trasig.json', bytes: new TextEncoder().encode('{"format": "justera-protokoll/1", "network": ') });
    const wrong = await read({ name: 'annat.json', bytes: new TextEncoder().encode(JSON.stringify({ format: 'justera-protokoll/1', network: 'X' })) });
    for (const r of [broken, wrong]) {
      if (!r || r.ok) throw new Error('an invalid JSON file was read');
      expect(r.error.message).toMatch(/^JSON-filen är inte ett protokoll i formatet justera-protokoll\/1/);
    }
  });

  test('a plain member may not export the archive (403), and the tab is told by the capability', async () => {
    const res = await get(`${NET}/archive/export`, MEMBER);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const caps = async (who: number) => ((await j.api('GET', NET, who)).body as unknown as { capabilities: { exportArchive: boolean } }).capabilities.exportArchive;
    expect(await caps(MEMBER)).toBe(false);
    expect(await caps(SECRETARY)).toBe(true);
    expect(await caps(ADMIN)).toBe(true);
  });
});

describe('exporting with the SharePoint archive (documents open at their link, never read back)', () => {
  let j: Journey;
  let graph: GraphEmulator;
  let stop = async (): Promise<void> => {};

  beforeAll(async () => {
    ({ j, graph, stop } = await sharePointJourney({ members: 4, secretary: SECRETARY, role: 'ordforande' }));
  });

  afterAll(async () => {
    await stop();
  });

  test('the JSON is built from the version; PDF and DOCX are rendered again, the same bytes; the original is listed with its link', async () => {
    const file = { name: 'im-natverket-2021-12-03.txt', bytes: new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'im-natverket-2021-12-03.txt'))) };
    const { name } = file;
    const saved = await importAsRead(j, SECRETARY, file);
    expect(saved.status).toBe(200);
    const body = saved.body;

    const json = await fetch(`${j.botUrl}/api/v1/meetings/${body.meetingId}/minutes/versions/1/documents/json`, { headers: j.devHeaders(MEMBER) });
    expect(json.status).toBe(200);
    const doc = (await json.json()) as ProtokollDocument;
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    expect(doc).toMatchObject({ contentHash: body.version.hash, source: { kind: 'import', file: name, reader: 'justera-reader/1' } });

    const res = await fetch(`${j.botUrl}/api/v1${NET}/archive/export`, { headers: j.devHeaders(SECRETARY) });
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const base = '2021/Protokoll för IM-nätverket 2021-12-03 importerat';
    expect(Object.keys(files).sort()).toEqual([`${base}.docx`, `${base}.json`, `${base}.pdf`, 'index.json', 'LÄSMIG.txt'].sort());
    for (const kind of ['pdf', 'docx']) {
      const inSharePoint = graph.documents().find((d) => d.name === `Protokoll för IM-nätverket 2021-12-03 importerat.${kind}`);
      expect(Buffer.from(files[`${base}.${kind}`] ?? []).equals(inSharePoint?.bytes ?? Buffer.alloc(0))).toBe(true);
    }
    const index = JSON.parse(new TextDecoder().decode(files['index.json'])) as { protocols: { elsewhere: { kind: string; webUrl: string }[] }[] };
    const original = body.version.documents.find((d) => d.kind === 'original');
    expect(index.protocols[0]?.elsewhere).toEqual([{ kind: 'original', name: original?.name, webUrl: original?.webUrl }]);
  });
});

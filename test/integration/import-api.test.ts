import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PastMeetingsResponse } from '../../src/http/api-contract';
import type { ProtokollDocument } from '../../src/domain/import/protokoll';
import { contentHash } from '../../src/domain/minutes';
import { fromInterchange } from '../../src/domain/import/protokoll';
import type { GraphEmulator } from '../harness/graph-emulator';
import { Journey, sharePointJourney } from '../harness/journey';
import { TEAM_ID } from '../harness/teams';
import { asDocx, imageOnlyPdf } from '../unit/import-variants';
import { importAsRead, okReading, readImports, saveImport, type UploadedFile } from '../harness/imports';

/**
 * Issue 11, import through the tab's API: the chair group uploads old protocols (base64 in
 * JSON), gets each one's draft with its review marks and the text they point into, corrects it
 * and saves it. It is filed as importerat (never justerat), the original file kept in the archive
 * with its SHA-256; a plain member may do none of it; a scan without text gets the Swedish message.
 */

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'protocols');
const ADMIN = 0;
const SECRETARY = 1;
const MEMBER = 2;
const NET = `/networks/${encodeURIComponent(TEAM_ID)}`;

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const fixture = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));


describe('importing old protocols through the API', () => {
  let j: Journey;

  beforeAll(async () => {
    j = await new Journey().start({ members: 4 });
    await j.install();
    await j.assignRole(ADMIN, SECRETARY, 'sekreterare');
  });

  afterAll(async () => {
    await j.stop();
  });

  const read = (files: UploadedFile[], who = SECRETARY): ReturnType<typeof readImports> => readImports(j, who, files);
  const save = (document: ProtokollDocument, original: UploadedFile, who = SECRETARY): ReturnType<typeof saveImport> => saveImport(j, who, document, original);

  test('the fixture protocols as .txt and one as a generated .docx are read, each with review marks and the text they point into', async () => {
    const txt = ['im-natverket-2021-12-03.txt', 'im-natverket-2022-06-03-mariestad.txt', 'gymnasienatverk-dagordning-2022.txt'].map((name) => ({ name, bytes: fixture(name) }));
    const docx = { name: 'im-natverket-2021-12-03.docx', bytes: await asDocx(new TextDecoder().decode(fixture('im-natverket-2021-12-03.txt'))) };
    const { status, body } = await read([...txt, docx]);
    expect(status).toBe(200);
    expect(body.files).toHaveLength(4);
    for (const [i, f] of [...txt, docx].entries()) {
      const r = okReading(body.files[i]);
      expect(r.file).toBe(f.name);
      expect(r.sha256).toBe(sha(f.bytes));
      expect(r.document.format).toBe('justera-protokoll/1');
      expect(r.document.source).toMatchObject({ kind: 'import', sha256: sha(f.bytes) });
      expect(r.document.items.length).toBeGreaterThan(2);
      expect(r.text.length).toBeGreaterThan(200);
    }
    const first = okReading(body.files[0]);
    expect(first.document.date).toBe('2021-12-03');
    expect(first.document.attendees.map((a) => a.name)).toContain('Camilla Lindberg');
    // What the reader is unsure of is marked, each with its path, Swedish message and original span.
    const marks = body.files.flatMap((r) => (r.ok ? (r.document.review ?? []) : []));
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) {
      expect(m.path).toMatch(/^\//);
      expect(m.message.length).toBeGreaterThan(0);
    }
    expect(marks.some((m) => m.original !== undefined)).toBe(true);
  });

  test('a reviewed draft is saved as importerat: original and JSON archived, SHA-256 recorded, never justerat; in the archive list marked imported', async () => {
    const name = 'im-natverket-2022-06-03-mariestad.txt';
    const bytes = fixture(name);
    const draft = okReading((await read([{ name, bytes }])).body.files[0]).document;
    // The secretary corrects the title and files it in the last year (the tab's archive shows the last 400 days).
    const recent = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const reviewed: ProtokollDocument = { ...draft, title: 'IM-nätverket i Mariestad', date: recent, place: 'Mariestad' };
    const { status, body } = await save(reviewed, { name, bytes });
    expect(status).toBe(200);
    expect(body.created).toBe(true);
    expect(body.sha256).toBe(sha(bytes));
    expect(body.version.state).toBe('imported');
    expect(body.version.approvals).toEqual([]);
    expect(body.version.approvedAt).toBeUndefined();
    expect(body.version.content.meeting.date).toBe(recent);
    expect(body.version.hash).toBe(contentHash(fromInterchange({ ...reviewed, network: body.version.content.networkName })));

    expect(body.version.documents.map((d) => d.kind)).toEqual(['original', 'pdf', 'docx', 'json']);
    const pdf = body.version.documents.find((d) => d.kind === 'pdf');
    if (!pdf) throw new Error('no pdf');
    expect(pdf.name).toBe(`Protokoll för IM-nätverket ${recent} importerat.pdf`);
    // The rendered document says where it came from, and that it is not justerat.
    const pdfText = execFileSync('pdftotext', ['-layout', fileURLToPath(pdf.webUrl), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(pdfText).toContain('Importerat från filen im-natverket-2022-06-03-mariestad.txt');
    expect(pdfText).toContain('Inte justerat i Justera');
    expect(pdfText).not.toMatch(/Justerare Justerat|Justerat protokoll/);
    const original = body.version.documents.find((d) => d.kind === 'original');
    const json = body.version.documents.find((d) => d.kind === 'json');
    if (!original || !json) throw new Error('original or JSON not archived');
    expect(original.name).toBe(`Protokoll för IM-nätverket ${recent} importerat original.txt`);
    const onDisk = fs.readFileSync(fileURLToPath(original.webUrl));
    expect(sha(new Uint8Array(onDisk))).toBe(sha(bytes));
    const sidecar = JSON.parse(fs.readFileSync(`${fileURLToPath(original.webUrl)}.metadata.json`, 'utf8')) as { sha256: string; columns: Record<string, string> };
    expect(sidecar.sha256).toBe(sha(bytes));
    expect(sidecar.columns['Justerad']).toBe('');
    const archivedJson = JSON.parse(fs.readFileSync(fileURLToPath(json.webUrl), 'utf8')) as ProtokollDocument;
    expect(archivedJson.title).toBe('IM-nätverket i Mariestad');
    expect(archivedJson.contentHash).toBe(body.version.hash);
    expect(archivedJson.review).toBeUndefined();

    // A member opens the original through the service.
    const res = await fetch(`${j.botUrl}/api/v1/meetings/${body.meetingId}/minutes/versions/1/documents/original`, { headers: j.devHeaders(MEMBER) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain');
    expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(sha(bytes));

    const past = (await j.api('GET', `${NET}/minutes`, MEMBER)).body as unknown as PastMeetingsResponse;
    const listed = past.meetings.find((m) => m.id === body.meetingId);
    expect(listed).toMatchObject({ date: recent, started: true, status: { kind: 'imported', version: 1 }, imported: { title: 'IM-nätverket i Mariestad', file: name, sha256: sha(bytes) } });
    expect(listed?.versions.map((v) => v.state)).toEqual(['imported']);
    expect(listed?.status.kind).not.toBe('approved');

    // Its minutes are neither edited nor sent for justering in Justera.
    const minutes = await j.api('GET', `/meetings/${body.meetingId}/minutes`, SECRETARY);
    const etag = (minutes.body as unknown as { etag: string }).etag;
    const edit = await j.api('PUT', `/meetings/${body.meetingId}/minutes`, SECRETARY, { body: { content: (minutes.body as unknown as { content: unknown }).content }, ifMatch: etag });
    expect(edit.status).toBe(409);
    expect((edit.body as unknown as { code: string }).code).toBe('imported_protocol');
    const send = await j.api('POST', `/meetings/${body.meetingId}/minutes/send`, SECRETARY, { ifMatch: etag });
    expect(send.status).toBe(409);
    expect((send.body as unknown as { code: string }).code).toBe('imported_protocol');

    // Saving the same file again stores nothing new.
    const again = await save(reviewed, { name, bytes });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, meetingId: body.meetingId });
  });

  test('a draft without a date or a period with a year is not saved; a period files it under its year', async () => {
    const name = 'gymnasienatverk-dagordning-2022.txt';
    const bytes = fixture(name);
    const draft = okReading((await read([{ name, bytes }])).body.files[0]).document;
    const { date: _date, approximateDate: _approx, ...undated } = draft;
    const refused = await save(undated, { name, bytes });
    expect(refused.status).toBe(400);
    expect((refused.body as unknown as { code: string }).code).toBe('import_date_missing');
    const saved = await save({ ...undated, approximateDate: 'hösten 2022' }, { name, bytes });
    expect(saved.status).toBe(200);
    expect(saved.body.version.state).toBe('imported');
    const meeting = (await j.api('GET', `/meetings/${saved.body.meetingId}`, SECRETARY)).body as unknown as { meeting: { date: string } };
    expect(meeting.meeting.date).toBe('2022-01-01');
  });

  test('export → import: a justera-protokoll/1 JSON file is taken as it is and saved with the same content hash', async () => {
    const name = 'im-natverket-2021-12-03.txt';
    const draft = okReading((await read([{ name, bytes: fixture(name) }])).body.files[0]).document;
    const content = fromInterchange(draft);
    const exported: ProtokollDocument = { ...draft, source: { kind: 'justera', version: 1, state: 'approved' }, contentHash: contentHash(content) };
    delete exported.review;
    const file = { name: 'export.json', bytes: new TextEncoder().encode(JSON.stringify(exported)) };
    const reading = okReading((await read([file])).body.files[0]);
    expect(reading.document).toEqual(exported);
    const saved = await save(reading.document, file);
    expect(saved.status).toBe(200);
    expect(saved.body.version.hash).toBe(exported.contentHash);
  });

  test('the original must be the file that was read', async () => {
    const name = 'im-natverket-2021-12-03.txt';
    const draft = okReading((await read([{ name, bytes: fixture(name) }])).body.files[0]).document;
    const other = await save(draft, { name, bytes: new TextEncoder().encode('något annat') });
    expect(other.status).toBe(400);
    expect((other.body as unknown as { code: string }).code).toBe('import_invalid');
  });

  test('a PDF without a text layer gets the clear Swedish message, not an empty protocol', async () => {
    const { status, body } = await read([{ name: 'skannad.pdf', bytes: await imageOnlyPdf() }]);
    expect(status).toBe(200);
    const r = body.files[0];
    if (!r || r.ok) throw new Error('a scan was read as a protocol');
    expect(r.error.code).toBe('no_text_layer');
    expect(r.error.message).toMatch(/^PDF-filen har ingen text, bara bilder/);
    expect(r.error.messageEn).toMatch(/^The PDF has no text/);
  });

  test('a plain member may neither read nor save imports (403)', async () => {
    const name = 'im-natverket-2021-12-03.txt';
    const bytes = fixture(name);
    expect((await read([{ name, bytes }], MEMBER)).status).toBe(403);
    const draft = okReading((await read([{ name, bytes }])).body.files[0]).document;
    expect((await save(draft, { name, bytes }, MEMBER)).status).toBe(403);
  });

  test('a file of 9 MB fits (the import routes take up to 10 MB a file); 11 MB does not, and other routes stay small', async () => {
    // A JSON file that is not justera-protokoll/1: answered at once, so this measures the transport.
    const big = new TextEncoder().encode(JSON.stringify({ bilaga: 'x'.repeat(9 * 1024 * 1024) }));
    const { status, body } = await read([{ name: 'bilaga.json', bytes: big }]);
    expect(status).toBe(200);
    const r = body.files[0];
    if (!r || r.ok) throw new Error('read as a protocol');
    expect(r.sha256).toBe(sha(big));
    expect(r.error.message).toMatch(/inte ett protokoll i formatet justera-protokoll\/1/);
    const tooBig = await read([{ name: 'stor.json', bytes: new Uint8Array(11 * 1024 * 1024) }]);
    expect(tooBig.status).toBe(400);
    const tooBigElsewhere = await j.api('PUT', `${NET}/minutes-kind`, SECRETARY, { body: { kind: 'protokoll', pad: 'x'.repeat(400_000) } });
    expect(tooBigElsewhere.status).toBe(413);
  });
});

describe('importing with the SharePoint archive', () => {
  let j: Journey;
  let graph: GraphEmulator;
  let stop = async (): Promise<void> => {};

  beforeAll(async () => {
    ({ j, graph, stop } = await sharePointJourney({ members: 4, secretary: SECRETARY, role: 'ordforande' }));
  });

  afterAll(async () => {
    await stop();
  });

  test('the original, the rendered documents and the JSON land in the network\'s SharePoint folder with their columns; nothing says justerad', async () => {
    const name = 'im-natverket-2021-12-03.docx';
    const bytes = await asDocx(new TextDecoder().decode(fixture('im-natverket-2021-12-03.txt')));
    const saved = await importAsRead(j, SECRETARY, { name, bytes });
    expect(saved.status).toBe(200);
    const body = saved.body;
    const stored = graph.documents().filter((d) => d.path.includes('/2021/') && d.name.includes('importerat'));
    expect(stored.map((d) => d.name).sort()).toEqual(
      ['importerat original.docx', 'importerat.docx', 'importerat.json', 'importerat.pdf'].map((n) => `Protokoll för IM-nätverket 2021-12-03 ${n}`).sort(),
    );
    const original = stored.find((d) => d.name.endsWith('original.docx'));
    expect(sha(new Uint8Array(original?.bytes ?? Buffer.alloc(0)))).toBe(sha(bytes));
    expect(original?.fields).toMatchObject({ Motesdatum: '2021-12-03', Justerare: '', Justerad: '', Protokollversion: 1, Innehallshash: body.version.hash });
    expect(body.version.documents.find((d) => d.kind === 'original')?.webUrl).toBe(original?.webUrl);
  });
});

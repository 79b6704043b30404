import { ArchiveRefused, ArchiveUnavailable, type ArchiveDocumentRequest, type ArchivedDocumentRef } from '../../src/app/ports';
import { SharePointArchive, type SharePointArchiveOptions } from '../../src/archive/sharepoint-archive';
import { parseRetryAfter } from '../../src/retry-after';
import { GraphEmulator, fixedTokenCredential, refusedPath, type EmulatedDocument } from '../harness/graph-emulator';
import { archiveFileName, archiveNames } from '../../src/domain/archive-names';

const FILE_NAME = 'Protokoll för IM-nätverket 2021-12-03 v1.pdf';

function request(overrides: Partial<ArchiveDocumentRequest> = {}): ArchiveDocumentRequest {
  const version = overrides.metadata?.version ?? 1;
  return {
    tenantId: 'tenant-1',
    networkName: 'IM-nätverket',
    meetingDate: '2021-12-03',
    fileName: FILE_NAME,
    contentType: 'application/pdf',
    bytes: Buffer.from(`%PDF-1.7 protokoll v${version} åäö`),
    metadata: {
      network: 'IM-nätverket',
      meetingDate: '2021-12-03',
      justerare: 'Anna Andersson, Örjan Öberg',
      approvedAt: '2021-12-10T09:30:00.000Z',
      version,
      contentHash: 'a'.repeat(64),
    },
    ...overrides,
  };
}

function expectedFields(req: ArchiveDocumentRequest): Record<string, unknown> {
  const m = req.metadata;
  return {
    Natverk: m.network,
    Motesdatum: m.meetingDate,
    Justerare: m.justerare,
    Justerad: m.approvedAt,
    Protokollversion: m.version,
    Innehallshash: m.contentHash,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof Error) return e;
  }
  throw new Error('expected a failure');
}

describe('SharePoint archive through the Graph client, against the Graph emulator', () => {
  const graph = new GraphEmulator();
  let archive: SharePointArchive;

  const newArchive = (options: Partial<SharePointArchiveOptions> = {}): SharePointArchive =>
    new SharePointArchive({ credential: fixedTokenCredential(), baseUrl: graph.baseUrl, driveId: graph.driveId, ...options });
  const documentsAt = (path: string): EmulatedDocument[] => graph.documents().filter((d) => d.path.toLowerCase() === path.toLowerCase());

  beforeAll(async () => {
    await graph.start();
    archive = newArchive();
  });
  afterAll(async () => {
    await graph.stop();
  });
  afterEach(() => {
    graph.stopFailing();
    graph.beforeCall = undefined;
  });

  test('uploads the document into Protokoll/<network>/<year> and sets its metadata columns', async () => {
    const req = request();
    const ref = await archive.store(req);
    const [doc, ...others] = documentsAt(`Protokoll/IM-nätverket/2021/${FILE_NAME}`);
    expect(others).toHaveLength(0);
    expect(doc?.bytes.equals(Buffer.from(req.bytes))).toBe(true);
    expect(doc?.contentType).toBe('application/pdf');
    expect(doc?.fields).toEqual(expectedFields(req));
    expect(ref).toEqual({ name: FILE_NAME, webUrl: doc?.webUrl, itemId: doc?.id });
    expect(ref.webUrl).toContain('/Protokoll/IM-n%C3%A4tverket/2021/Protokoll%20f%C3%B6r%20IM-n%C3%A4tverket%202021-12-03%20v1.pdf');
  });

  test('storing the same request again adopts the document: still one, with the metadata', async () => {
    const req = request({ metadata: { ...request().metadata, version: 2 }, fileName: 'Protokoll för IM-nätverket 2021-12-03 v2.pdf' });
    const first = await archive.store(req);
    const second = await archive.store(req);
    expect(second).toEqual(first);
    const docs = documentsAt(`Protokoll/IM-nätverket/2021/${req.fileName}`);
    expect(docs).toHaveLength(1);
    expect(docs[0]?.fields).toEqual(expectedFields(req));
  });

  test('429: ArchiveUnavailable carries Retry-After, nothing is stored; the retry stores it', async () => {
    const req = request({ networkName: 'Throttlat nätverket' });
    graph.failNext(1, { kind: 'throttle', retryAfterSeconds: 7 });
    const failure = await failureOf(archive.store(req));
    expect(failure).toBeInstanceOf(ArchiveUnavailable);
    expect((failure as ArchiveUnavailable).retryAfterMs).toBe(7000);
    expect(documentsAt(`Protokoll/Throttlat nätverket/2021/${FILE_NAME}`)).toHaveLength(0);

    await archive.store(req);
    expect(documentsAt(`Protokoll/Throttlat nätverket/2021/${FILE_NAME}`)).toHaveLength(1);
    // One attempt per store: the client did not retry the 429 on its own.
    expect(graph.calls.filter((c) => c.outcome === 429)).toHaveLength(1);
  });

  test('503 is ArchiveUnavailable, with retryAfterMs only when Graph sent Retry-After', async () => {
    const req = request({ networkName: 'Otillgängliga nätverket' });
    graph.failNext(1, { kind: 'unavailable' });
    const plain = await failureOf(archive.store(req));
    expect(plain).toBeInstanceOf(ArchiveUnavailable);
    expect((plain as ArchiveUnavailable).retryAfterMs).toBeUndefined();

    graph.failNext(1, { kind: 'unavailable', retryAfterSeconds: 2 });
    const withHeader = await failureOf(archive.store(req));
    expect((withHeader as ArchiveUnavailable).retryAfterMs).toBe(2000);
  });

  test('connection dropped after the upload was applied: the retry adopts it, one document with metadata', async () => {
    const req = request({ networkName: 'Tappade nätverket' });
    const path = `Protokoll/Tappade nätverket/2021/${FILE_NAME}`;
    graph.failNext(1, { kind: 'dropAfterWrite' });
    expect(await failureOf(archive.store(req))).toBeInstanceOf(ArchiveUnavailable);
    expect(documentsAt(path)).toHaveLength(1);
    expect(documentsAt(path)[0]?.fields).toEqual({});

    await archive.store(req);
    expect(documentsAt(path)).toHaveLength(1);
    expect(documentsAt(path)[0]?.fields).toEqual(expectedFields(req));
  });

  test('connection dropped after the metadata PATCH was applied: the retry ends in the same state', async () => {
    const req = request({ networkName: 'Tappade fältnätverket' });
    const path = `Protokoll/Tappade fältnätverket/2021/${FILE_NAME}`;
    graph.beforeCall = ({ method }) => {
      if (method === 'PATCH') {
        graph.beforeCall = undefined;
        graph.failNext(1, { kind: 'dropAfterWrite' });
      }
    };
    expect(await failureOf(archive.store(req))).toBeInstanceOf(ArchiveUnavailable);
    expect(documentsAt(path)[0]?.fields).toEqual(expectedFields(req));

    await archive.store(req);
    expect(documentsAt(path)).toHaveLength(1);
    expect(documentsAt(path)[0]?.fields).toEqual(expectedFields(req));
  });

  test('a different document at the name is never overwritten: ArchiveRefused', async () => {
    const path = `Protokoll/IM-nätverket/2022/${FILE_NAME}`;
    const req = request({ meetingDate: '2022-01-14' });
    // Same size, one byte different: only the content hash tells them apart.
    const theirs = Buffer.from(req.bytes);
    theirs[0] = 0x25 + 1;
    graph.putDocument(path, theirs, { Title: 'Annat' });
    const failure = await failureOf(archive.store(req));
    expect(failure).toBeInstanceOf(ArchiveRefused);
    const [doc, ...others] = documentsAt(path);
    expect(others).toHaveLength(0);
    expect(doc?.bytes.equals(theirs)).toBe(true);
    expect(doc?.fields).toEqual({ Title: 'Annat' });
    expect(graph.calls.some((c) => c.path.startsWith('/download/') && c.outcome === 200)).toBe(true);
  });

  test('Swedish names: Gymnasienätverket, in composed or decomposed form, land in one folder', async () => {
    const fileName = 'Protokoll för Gymnasienätverket 2023-05-17 v1.pdf';
    const req = request({ networkName: 'Gymnasienätverket', meetingDate: '2023-05-17', fileName });
    const ref = await archive.store(req);
    const decomposed = { ...req, networkName: 'Gymnasienätverket'.normalize('NFD'), fileName: fileName.normalize('NFD') };
    expect(await archive.store(decomposed)).toEqual(ref);
    expect(documentsAt(`Protokoll/Gymnasienätverket/2023/${fileName}`)).toHaveLength(1);
    expect(graph.calls.some((c) => c.path.includes('/root:/Protokoll/Gymnasienätverket/2023/Protokoll för Gymnasienätverket'))).toBe(true);
  });

  test('someone edits the item between our read and our PATCH: 412, read again, then set', async () => {
    const req = request({ networkName: 'Redigerade nätverket' });
    graph.beforeCall = ({ method, path }) => {
      if (method === 'PATCH') {
        graph.beforeCall = undefined;
        const itemId = /\/items\/([^/]+)\//.exec(path)?.[1] ?? '';
        graph.editFields(itemId, { Title: 'Ändrad av en människa' });
      }
    };
    await archive.store(req);
    const [doc] = documentsAt(`Protokoll/Redigerade nätverket/2021/${FILE_NAME}`);
    expect(doc?.fields).toEqual({ Title: 'Ändrad av en människa', ...expectedFields(req) });
    const patches = graph.calls.filter((c) => c.method === 'PATCH' && c.path.includes(doc?.id ?? '?'));
    expect(patches.map((c) => c.outcome)).toEqual([412, 200]);
  });

  test('the drive can be addressed through its site, and the folder template is configurable', async () => {
    const viaSite = newArchive({ siteId: graph.siteId, folderTemplate: 'Arkiv/{year}/{network}' });
    const req = request({ networkName: 'Kulturnätverket' });
    await viaSite.store(req);
    expect(documentsAt(`Arkiv/2021/Kulturnätverket/${FILE_NAME}`)).toHaveLength(1);
  });

  test('no answer within the timeout is ArchiveUnavailable', async () => {
    const impatient = newArchive({ requestTimeoutMs: 200 });
    graph.failNext(1, { kind: 'stall' });
    expect(await failureOf(impatient.store(request({ networkName: 'Tysta nätverket' })))).toBeInstanceOf(ArchiveUnavailable);
  });

  test('without a token Graph answers 401, and the archive refuses rather than retrying', async () => {
    const response = await fetch(`${graph.baseUrl}/drives/${graph.driveId}/root:/Protokoll`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
    const anonymous = newArchive({ credential: fixedTokenCredential('') });
    expect(await failureOf(anonymous.store(request({ networkName: 'Anonyma nätverket' })))).toBeInstanceOf(ArchiveRefused);
  });

  test('Retry-After as an HTTP date counts from now', () => {
    const now = Date.parse('2021-12-03T10:00:00Z');
    expect(parseRetryAfter('Fri, 03 Dec 2021 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });

  test('with half the calls failing for a while, ten retried requests each end stored exactly once', async () => {
    const requests = Array.from({ length: 10 }, (_, i) =>
      request({
        networkName: 'Felnätverket',
        fileName: `Protokoll för Felnätverket 2021-12-03 v${i + 1}.pdf`,
        metadata: { ...request().metadata, network: 'Felnätverket', version: i + 1 },
        bytes: Buffer.from(`%PDF-1.7 Felnätverket version ${i + 1}`),
      }),
    );
    graph.failRandomly({
      seed: 20211203,
      fraction: 0.5,
      calls: 120,
      faults: [{ kind: 'throttle', retryAfterSeconds: 1 }, { kind: 'unavailable', retryAfterSeconds: 2 }, { kind: 'drop' }, { kind: 'dropAfterWrite' }],
    });
    const callsBefore = graph.calls.length;
    const results = new Map<number, ArchivedDocumentRef>();
    let unavailable = 0;
    let honouredRetryAfter = 0;
    for (let round = 0; round < 100 && results.size < requests.length; round++) {
      for (const [i, req] of requests.entries()) {
        if (results.has(i)) continue;
        try {
          results.set(i, await archive.store(req));
        } catch (e) {
          if (!(e instanceof ArchiveUnavailable)) throw e;
          unavailable++;
          // The outbox worker would wait this long; the test only checks it was told.
          if (e.retryAfterMs !== undefined) honouredRetryAfter++;
        }
      }
    }
    expect(results.size).toBe(10);
    expect(unavailable).toBeGreaterThan(5);
    expect(honouredRetryAfter).toBeGreaterThan(0);
    const faulted = graph.calls.slice(callsBefore).map((c) => c.outcome);
    expect(faulted).toContain('droppedAfterWrite');
    const docs = graph.documents().filter((d) => d.path.startsWith('Protokoll/Felnätverket/'));
    expect(docs).toHaveLength(10);
    for (const req of requests) {
      const copies = docs.filter((d) => d.name === req.fileName);
      expect(copies).toHaveLength(1);
      expect(copies[0]?.bytes.equals(Buffer.from(req.bytes))).toBe(true);
      expect(copies[0]?.fields).toEqual(expectedFields(req));
    }
  });

  // Network names SharePoint or Windows reserve, or that used to be too long: each archives under
  // the names archiveNames builds, which Graph accepts (the emulator refuses what SharePoint refuses).
  const reserved = ['CON', 'aux', 'NUL.txt', 'COM1', 'lpt9', 'desktop.ini', '~$Nätverket', 'a_vti_b', 'forms', 'Nätverket. . ', 'IT #1 100%', 'Å'.repeat(256), '😀'.repeat(256)];
  test.each(reserved)('a network named %j archives', async (networkName) => {
    const names = archiveNames({ tenantId: 'tenant-1', network: { id: `19:${networkName.slice(0, 20)}@thread.tacv2`, name: networkName }, meeting: { id: 'm-1', date: '2021-12-03', start: '13:00' }, sameDate: [] });
    const req = request({ networkName: names.folder, fileName: archiveFileName(names, 1, 'pdf'), metadata: { ...request().metadata, network: names.network } });
    const ref = await archive.store(req);
    const [doc, ...others] = documentsAt(`Protokoll/${names.folder}/2021/${req.fileName}`);
    expect(others).toHaveLength(0);
    expect(ref.itemId).toBe(doc?.id);
    expect(doc?.fields).toMatchObject({ Natverk: names.network });
  });

  test('the emulator refuses, as SharePoint does, the names the old naming made of them; the archive escapes them', async () => {
    for (const folder of ['CON', 'desktop.ini', '~$Nätverket', 'a_vti_b']) {
      expect(refusedPath(['Protokoll', folder, '2021', FILE_NAME])).toBeDefined();
    }
    expect(refusedPath(['forms', 'x.pdf'])).toBeDefined();
    expect(refusedPath(['Protokoll', 'Å'.repeat(256), '2021', FILE_NAME])).toBeDefined();
    expect(refusedPath(['Protokoll', 'Å'.repeat(200), '2021', 'Å'.repeat(200)])).toBeDefined();
    // Whatever reaches the archive is made safe there too: a reserved name is escaped, not refused.
    const ref = await archive.store(request({ networkName: 'a_vti_b', fileName: 'CON.pdf' }));
    expect(documentsAt('Protokoll/a_vti-b/2021/_CON.pdf').map((d) => d.id)).toEqual([ref.itemId]);
  });
});

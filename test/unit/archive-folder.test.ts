import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArchiveRefused, type ArchiveDocumentRequest } from '../../src/app/ports';
import { FolderArchive, METADATA_SUFFIX, type FolderArchiveSidecar } from '../../src/archive/folder-archive';

const NETWORK = 'Gymnasienätverket';
const FILE_NAME = 'Protokoll för Gymnasienätverket 2021-12-03 v1.pdf';

function protocol(version: number, text = `%PDF-1.7 version ${version}`): ArchiveDocumentRequest {
  return {
    tenantId: 't1',
    networkName: NETWORK,
    meetingDate: '2021-12-03',
    fileName: FILE_NAME.replace(' v1.pdf', ` v${version}.pdf`),
    contentType: 'application/pdf',
    bytes: new TextEncoder().encode(text),
    metadata: { network: NETWORK, meetingDate: '2021-12-03', justerare: 'Åsa Ek', approvedAt: '2021-12-09T08:00:00.000Z', version, contentHash: 'f'.repeat(64) },
  };
}

describe('folder archive', () => {
  let root: string;
  let archive: FolderArchive;
  const folder = (): string => path.join(root, 'Protokoll', NETWORK, '2021');
  const sidecar = (fileName: string): FolderArchiveSidecar =>
    JSON.parse(fs.readFileSync(path.join(folder(), fileName + METADATA_SUFFIX), 'utf8')) as FolderArchiveSidecar;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'justera-archive-'));
    archive = new FolderArchive({ root });
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('writes Protokoll/<network>/<year>/<fileName> and a sidecar with the columns under their Swedish names', async () => {
    const req = protocol(1);
    const ref = await archive.store(req);
    const file = path.join(folder(), FILE_NAME);
    expect(fs.readFileSync(file)).toEqual(Buffer.from(req.bytes));
    expect(ref).toEqual({ name: FILE_NAME, webUrl: ref.webUrl, itemId: `Protokoll/${NETWORK}/2021/${FILE_NAME}` });
    expect(fileURLToPath(ref.webUrl)).toBe(file);
    expect(sidecar(FILE_NAME).columns).toEqual({
      Nätverk: NETWORK,
      Mötesdatum: '2021-12-03',
      Justerare: 'Åsa Ek',
      Justerad: '2021-12-09T08:00:00.000Z',
      Version: 1,
      Innehållshash: 'f'.repeat(64),
    });
    expect(fs.readdirSync(folder()).sort()).toEqual([FILE_NAME, FILE_NAME + METADATA_SUFFIX]);
  });

  test('the same request again adopts the document; the metadata is the request’s', async () => {
    const first = await archive.store(protocol(1));
    const again = protocol(1);
    again.metadata = { ...again.metadata, justerare: 'Åsa Ek, Bo Ström' };
    expect(await archive.store(again)).toEqual(first);
    expect(sidecar(FILE_NAME).columns.Justerare).toBe('Åsa Ek, Bo Ström');
    expect(fs.readdirSync(folder())).toHaveLength(2);
  });

  test('a crash between the document and its sidecar is completed by the retry', async () => {
    const req = protocol(2);
    fs.mkdirSync(folder(), { recursive: true });
    fs.writeFileSync(path.join(folder(), req.fileName), req.bytes);
    await archive.store(req);
    expect(sidecar(req.fileName).columns.Version).toBe(2);
  });

  test('a different document at the name is refused and left as it was', async () => {
    await archive.store(protocol(1, 'the original'));
    await expect(archive.store(protocol(1, 'something else'))).rejects.toBeInstanceOf(ArchiveRefused);
    expect(fs.readFileSync(path.join(folder(), FILE_NAME), 'utf8')).toBe('the original');
    expect(fs.readdirSync(folder())).toHaveLength(2);
  });

  test('names cannot leave the archive: slashes and dots in a network name stay in one folder name', async () => {
    const req = { ...protocol(1), networkName: '../IT/IM-nätverket', fileName: '../../x.pdf' };
    const ref = await archive.store(req);
    expect(ref.itemId).toBe('Protokoll/..-IT-IM-nätverket/2021/..-..-x.pdf');
    expect(fs.existsSync(path.join(root, 'Protokoll', '..-IT-IM-nätverket', '2021', '..-..-x.pdf'))).toBe(true);
  });

  test('ten concurrent stores of the same request leave one document and no temp files', async () => {
    const req = protocol(3);
    const refs = await Promise.all(Array.from({ length: 10 }, () => archive.store(req)));
    expect(new Set(refs.map((r) => r.itemId)).size).toBe(1);
    expect(fs.readdirSync(folder()).sort()).toEqual([req.fileName, req.fileName + METADATA_SUFFIX]);
  });
});

import { ARCHIVE_NAME_LIMITS, archiveFileName, archiveNames, safeSegment, shortCode, type ArchiveNameSource } from '../../src/domain/archive-names';
import { documentPath } from '../../src/archive/archive-naming';
import type { ArchiveDocumentRequest } from '../../src/app/ports';

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

function source(overrides: Partial<ArchiveNameSource> = {}): ArchiveNameSource {
  return {
    tenantId: 'tenant-a',
    network: { id: '19:team-a@thread.tacv2', name: 'IM-nätverket' },
    meeting: { id: 'm-1', date: '2021-12-03', start: '13:00' },
    sameDate: [],
    ...overrides,
  };
}

/** The whole path as the default template makes it, through the archive's documentPath. */
function pathOf(src: ArchiveNameSource, version = 1, extension = 'docx'): string[] {
  const names = archiveNames(src);
  const req: ArchiveDocumentRequest = {
    tenantId: src.tenantId,
    networkName: names.folder,
    meetingDate: names.meetingDate,
    fileName: archiveFileName(names, version, extension),
    contentType: 'application/pdf',
    bytes: new Uint8Array(),
    metadata: { network: names.network, meetingDate: names.meetingDate, justerare: '', approvedAt: '', version, contentHash: '' },
  };
  return documentPath(req, 'Protokoll/{network}/{year}');
}

/** What every segment must satisfy: SharePoint, Windows and ext4 accept it. */
function expectSafe(segment: string): void {
  expect(segment.length).toBeLessThanOrEqual(255);
  expect(utf8(segment)).toBeLessThanOrEqual(255);
  expect(segment).not.toMatch(/["*:<>?/\\|#%\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
  expect(segment).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i);
  expect(segment).not.toMatch(/^(desktop\.ini|forms|~\$.*)$/i);
  expect(segment.toLowerCase()).not.toContain('_vti_');
  expect(segment).not.toMatch(/[. ]$|^ /);
}

describe('archive names', () => {
  test('readable: network folder with a tenant code, year, "Protokoll för <network> <date> v<N>"', () => {
    const segments = pathOf(source(), 1, 'pdf');
    const code = shortCode('tenant-a', '19:team-a@thread.tacv2');
    expect(code).toMatch(/^[0-9a-z]{6}$/);
    expect(segments).toEqual(['Protokoll', `IM-nätverket (${code})`, '2021', 'Protokoll för IM-nätverket 2021-12-03 v1.pdf']);
    expect(archiveNames(source())).toMatchObject({ network: 'IM-nätverket', meetingDate: '2021-12-03' });
  });

  test('two tenants (or two teams) whose networks have the same name get different folders', () => {
    const a = archiveNames(source());
    const b = archiveNames(source({ tenantId: 'tenant-b' }));
    const c = archiveNames(source({ network: { id: '19:team-b@thread.tacv2', name: 'IM-nätverket' } }));
    expect(new Set([a.folder, b.folder, c.folder]).size).toBe(3);
    expect(a.file).toBe(b.file);
  });

  test('meetings on one date: the start time, then a short id', () => {
    const alone = archiveNames(source()).file;
    const second = archiveNames(source({ meeting: { id: 'm-2', date: '2021-12-03', start: '15:30' }, sameDate: [{ id: 'm-1', start: '13:00' }, { id: 'm-2', start: '15:30' }] })).file;
    const first = archiveNames(source({ sameDate: [{ id: 'm-1', start: '13:00' }, { id: 'm-2', start: '15:30' }] })).file;
    const sameTime = archiveNames(source({ meeting: { id: 'm-3', date: '2021-12-03', start: '13:00' }, sameDate: [{ id: 'm-1', start: '13:00' }, { id: 'm-3', start: '13:00' }] })).file;
    expect(alone).toBe('Protokoll för IM-nätverket 2021-12-03');
    expect(second).toBe('Protokoll för IM-nätverket 2021-12-03 kl 15.30');
    expect(first).toBe('Protokoll för IM-nätverket 2021-12-03 kl 13.00');
    expect(sameTime).toBe(`Protokoll för IM-nätverket 2021-12-03 kl 13.00 (${shortCode('m-3')})`);
    expect(new Set([alone, second, first, sameTime]).size).toBe(4);
  });

  test('deterministic: the same meeting gives the same names', () => {
    expect(archiveNames(source())).toEqual(archiveNames(source()));
  });

  // [what the team is called, what its folder starts with]
  const tricky: [string, string, RegExp][] = [
    ['a 256-character team name', 'Ä'.repeat(256), /^Ä+… \(/],
    ['256 four-byte emoji', '😀'.repeat(256), /^(😀)+… \(/],
    ['CON', 'CON', /^CON \(/],
    ['aux', 'aux', /^aux \(/],
    ['desktop.ini', 'desktop.ini', /^desktop\.ini \(/],
    ['~$ at the start', '~$lås', /^~-lås \(/],
    ['_vti_ inside', 'a_vti_b', /^a_vti-b \(/],
    ['forms', 'forms', /^forms \(/],
    ['trailing dots and spaces', 'Nätverket... ', /^Nätverket \(/],
    ['# and %', 'IT #1 100%', /^IT -1 100- \(/],
    ['slashes and colons', 'a/b\\c:d', /^a-b-c-d \(/],
    ['RTL override', 'Protokoll\u202Efdp.exe', /^Protokollfdp\.exe \(/],
    ['control characters', 'IM\u0000\u0007nät', /^IM nät \(/],
    ['only dots', '...', /^19-team-a@thread\.tacv2 \(/],
    ['combining diaeresis (NFD)', 'IM-na\u0308tverket', /^IM-nätverket \(/],
  ];
  test.each(tricky)('%s archives under a safe, readable name', (_label, name, folderStart) => {
    const segments = pathOf(source({ network: { id: '19:team-a@thread.tacv2', name } }));
    segments.forEach(expectSafe);
    const file = segments.at(-1) ?? '';
    expect(segments[1]).toMatch(folderStart);
    expect(segments[1]?.length).toBeLessThanOrEqual(ARCHIVE_NAME_LIMITS.folder.units);
    expect(utf8(segments[1] ?? '')).toBeLessThanOrEqual(ARCHIVE_NAME_LIMITS.folder.bytes);
    expect(file).toMatch(/ 2021-12-03 v1\.docx$/);
    expect(file.length).toBeLessThanOrEqual(ARCHIVE_NAME_LIMITS.file.units);
    expect(utf8(file)).toBeLessThanOrEqual(ARCHIVE_NAME_LIMITS.file.bytes);
    // The folder archive's temp and metadata files add 55 bytes; ext4 takes 255.
    expect(utf8(`${file}.metadata.json.${'0'.repeat(36)}.tmp`)).toBeLessThanOrEqual(255);
    expect(segments.join('/').length).toBeLessThanOrEqual(ARCHIVE_NAME_LIMITS.path);
  });

  // [raw segment, safe segment]
  const segments: [string, string][] = [
    ['CON', '_CON'],
    ['con.txt', '_con.txt'],
    ['Aux', '_Aux'],
    ['NUL.pdf', '_NUL.pdf'],
    ['COM1', '_COM1'],
    ['lpt9.docx', '_lpt9.docx'],
    ['COM¹', '_COM¹'],
    ['console', 'console'],
    ['desktop.ini', '_desktop.ini'],
    ['Forms', '_Forms'],
    ['~$rapport.docx', '~-rapport.docx'],
    ['_vti_cnf', '_vti-cnf'],
    ['x_VTI_y', 'x_VTI-y'],
    ['namn. . .', 'namn'],
    ['  namn  ', 'namn'],
    ['a#b%c', 'a-b-c'],
    ['a\u202Eb\u2066c\u200Fd', 'abcd'],
    ['a\tb\nc', 'a b c'],
  ];
  test.each(segments)('safeSegment(%j) is %j', (raw, safe) => {
    expect(safeSegment(raw)).toBe(safe);
    expectSafe(safeSegment(raw));
  });

  test('a segment over 255 bytes keeps its extension', () => {
    const long = safeSegment(`${'ö'.repeat(300)}.pdf`);
    expect(long).toMatch(/ö…\.pdf$/);
    expect(utf8(long)).toBeLessThanOrEqual(255);
  });

  test('nothing usable is refused', () => {
    expect(() => safeSegment(' . . ')).toThrow('unusable name');
  });
});

import { unzipSync } from 'fflate';
import { protocolJson } from '../../src/app/exports';
import { parseProtokollDocument } from '../../src/contract/protokoll';
import { fromInterchange } from '../../src/domain/import/protokoll';
import { contentHash, type MinutesContent, type MinutesVersion } from '../../src/domain/minutes';
import { zipStream } from '../../src/http/zip-stream';
import { validateProtokoll } from '../harness/protokoll-schema';

/**
 * The JSON export of a version (justera-protokoll/1): valid against the documented JSON Schema,
 * carrying approvals, content hash and source, and read back into the same content; and the
 * archive's zip, made as its files come, holds each file as given.
 */
const validate = validateProtokoll;

const content: MinutesContent = {
  format: 2,
  kind: 'protokoll',
  numbering: 'numbered',
  networkName: 'IM-nätverket',
  meeting: { date: '2030-02-04', start: '13:00', end: '15:00', place: 'Tidaholm', mode: 'hybrid' },
  secretary: { kind: 'member', memberId: 'm-sec', name: 'Maria Bring' },
  justerare: [{ kind: 'member', memberId: 'm-jus', name: 'Jonas Wåhlberg' }],
  attendees: [
    { id: 'm-sec', name: 'Maria Bring', organisation: 'Skövde', status: 'onsite', guest: false },
    { id: 'm-jus', name: 'Jonas Wåhlberg', organisation: 'Töreboda', status: 'online', guest: false },
    { id: 'g-1', name: 'Eva Gäst', organisation: 'Skolverket', status: 'onsite', guest: true },
  ],
  items: [
    {
      id: 'i-1',
      kind: 'item',
      title: 'Överlämning',
      presenters: [],
      notes: 'Se [rapporten](https://www.skaraborg.se/rapport).',
      questions: [],
      responses: [],
      decisions: ['Vi beslutar att gå vidare.'],
      actions: [{ id: 'a-1', text: 'Jonas återkommer.', owners: [{ kind: 'member', memberId: 'm-jus', name: 'Jonas Wåhlberg' }], due: '2030-03-01' }],
      tabled: false,
    },
  ],
  nextMeetings: [{ date: '2030-04-08', place: 'Karlsborg' }],
};

const version = (over: Partial<MinutesVersion> = {}): MinutesVersion => ({
  tenantId: 't',
  networkId: 'n',
  meetingId: 'm',
  number: 2,
  content,
  hash: contentHash(content),
  sentAt: '2030-02-05T10:00:00.000Z',
  sentBy: { memberId: 'm-sec', name: 'Maria Bring' },
  state: 'approved',
  approvals: [{ memberId: 'm-jus', name: 'Jonas Wåhlberg', at: '2030-02-06T09:00:00.000Z' }],
  changeRequests: [],
  approvedAt: '2030-02-06T09:00:00.000Z',
  ...over,
});

test('a justerat version exports as valid justera-protokoll/1 with its approvals, content hash and source, and reads back to the same content', () => {
  const doc = JSON.parse(JSON.stringify(protocolJson(version()))) as unknown;
  expect(validate(doc) ? [] : validate.errors).toEqual([]);
  const parsed = parseProtokollDocument(doc);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  expect(parsed.doc).toMatchObject({
    title: 'Protokoll för IM-nätverket 2030-02-04',
    contentHash: contentHash(content),
    approvals: [{ name: 'Jonas Wåhlberg', memberId: 'm-jus', at: '2030-02-06T09:00:00.000Z' }],
    source: { kind: 'justera', version: 2, state: 'approved' },
    links: [{ item: '1', text: 'rapporten', url: 'https://www.skaraborg.se/rapport' }],
    othersPresent: [{ name: 'Eva Gäst', attendance: 'present' }],
  });
  expect(fromInterchange(parsed.doc)).toEqual(content);
});

test('an imported version exports with its title, period and the file it was read from, never as justerat', () => {
  const imported = version({
    state: 'imported',
    number: 1,
    approvals: [],
    imported: { file: 'gammalt.pdf', sha256: 'a'.repeat(64), mediaType: 'application/pdf', title: 'IM-nätverket hösten 2023', approximateDate: 'hösten 2023', reader: 'justera-reader/1', importedAt: '2030-01-01T00:00:00.000Z', importedBy: { memberId: 'm-sec', name: 'Maria Bring' } },
  });
  const doc = JSON.parse(JSON.stringify(protocolJson(imported))) as unknown;
  expect(validate(doc) ? [] : validate.errors).toEqual([]);
  expect(doc).toMatchObject({ title: 'IM-nätverket hösten 2023', approximateDate: 'hösten 2023', approvals: [], source: { kind: 'import', file: 'gammalt.pdf', sha256: 'a'.repeat(64), mediaType: 'application/pdf', reader: 'justera-reader/1' } });
});

test('the zip holds every file as given, under its UTF-8 name, stored or deflated', async () => {
  const pdf = new Uint8Array(50_000).map((_, i) => (i * 7919) % 251);
  async function* entries() {
    yield { path: '2030/Protokoll för IM-nätverket 2030-02-04 v1.json', bytes: new TextEncoder().encode('{"a": "åäö"}\n'.repeat(100)), compress: true };
    yield { path: '2030/Protokoll för IM-nätverket 2030-02-04 v1.pdf', bytes: pdf, compress: false };
    yield { path: 'LÄSMIG.txt', bytes: new TextEncoder().encode('hej'), compress: true };
  }
  const chunks: Uint8Array[] = [];
  for await (const c of zipStream(entries(), new Date('2030-02-06T10:00:00Z'))) chunks.push(c);
  expect(chunks.length).toBeGreaterThan(3);
  const files = unzipSync(new Uint8Array(Buffer.concat(chunks)));
  expect(Object.keys(files)).toEqual(['2030/Protokoll för IM-nätverket 2030-02-04 v1.json', '2030/Protokoll för IM-nätverket 2030-02-04 v1.pdf', 'LÄSMIG.txt']);
  expect(Buffer.from(files['2030/Protokoll för IM-nätverket 2030-02-04 v1.pdf'] ?? []).equals(Buffer.from(pdf))).toBe(true);
  expect(new TextDecoder().decode(files['LÄSMIG.txt'])).toBe('hej');
});

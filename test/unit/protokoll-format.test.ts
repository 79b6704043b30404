import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod/mini';
import { parseProtokollDocument, protokollDocumentSchema } from '../../src/contract/protokoll';
import { fromInterchange, toInterchange, type ProtokollDocument } from '../../src/domain/import/protokoll';
import { readProtocolText } from '../../src/domain/import/reader';
import { contentHash, protocolTitle, type MinutesContent } from '../../src/domain/minutes';

/**
 * The interchange format justera-protokoll/1: the documented JSON Schema validates what Justera
 * writes and what the reader gives, the zod schema import uses agrees with it (and is kept in
 * step with it field by field), and export → import gives the same content hash.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const SCHEMA = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'justera-protokoll-1.schema.json'), 'utf8')) as Record<string, unknown>;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(SCHEMA);

const content: MinutesContent = {
  format: 2,
  kind: 'protokoll',
  numbering: 'numbered',
  networkName: 'IM-nätverket',
  meeting: { date: '2021-12-03', start: '13:00', end: '15:00', place: 'Skövde', mode: 'hybrid', teamsLink: 'https://teams.microsoft.com/l/meetup-join/x' },
  chair: { kind: 'member', memberId: 'm-anna', name: 'Anna Dahlson' },
  secretary: { kind: 'named', name: 'Maria Bring' },
  justerare: [{ kind: 'member', memberId: 'm-jonas', name: 'Jonas Wåhlberg' }],
  attendees: [
    { id: 'm-anna', name: 'Anna Dahlson', organisation: 'Skövde', role: 'Skolchef', status: 'onsite', guest: false },
    { id: 'm-jonas', name: 'Jonas Wåhlberg', organisation: 'Töreboda', status: 'online', guest: false, arrivedAt: '13:20' },
    { id: 'p-3', name: 'Eva Ek', organisation: 'Hjo', status: 'apologies', guest: false },
    { id: 'p-4', name: 'Per Lund', organisation: 'Hjo', status: 'onsite', guest: false, substituteFor: 'Eva Ek', leftAt: '14:30' },
    { id: 'p-5', name: 'Ola Berg', organisation: '', status: 'absent', guest: false },
    { id: 'g-1', name: 'Camilla Stensson', organisation: 'Skolverket', status: 'onsite', guest: true },
  ],
  items: [
    {
      id: 'i-1',
      kind: 'round',
      title: 'Incheckning',
      presenters: [],
      notes: '',
      questions: ['Hur mår ni?'],
      responses: [{ speaker: 'Skövde', text: 'Bra.' }],
      decisions: [],
      actions: [],
      tabled: false,
    },
    {
      id: 'i-2',
      kind: 'item',
      agendaItemId: 'a-2',
      title: 'Projekt Överlämning',
      presenters: [
        { kind: 'guest', name: 'Camilla Stensson', organisation: 'Skolverket' },
        { kind: 'member', memberId: 'm-anna', name: 'Anna Dahlson' },
      ],
      notes: 'Underlag: [rapporten](https://www.skaraborg.se/rapport)\n* en punkt',
      questions: [],
      responses: [],
      decisions: ['Sittande möte säger ja till fråga 1.'],
      actions: [
        { id: 'x-1', text: 'Camilla återkopplar.', owners: [{ kind: 'named', name: 'Camilla Stensson' }], due: '2022-01-14' },
        { id: 'x-2', text: 'Presidiet planerar.', owners: [{ kind: 'role', role: 'presidium', name: 'Presidiet' }, { kind: 'member', memberId: 'm-jonas', name: 'Jonas Wåhlberg' }] },
        { id: 'x-3', text: 'Gruppen tar fram schema.', owners: [{ kind: 'group', name: 'Arbetsgruppen', members: [{ kind: 'member', memberId: 'm-anna', name: 'Anna Dahlson' }] }] },
      ],
      tabled: true,
    },
  ],
  nextMeetings: [{ date: '2022-02-04', start: '13:00', end: '15:00', place: 'Falköping' }, { date: '2022-04-08' }],
  nextMeetingNote: 'Fredagar kl 13-15',
};

function exported(c: MinutesContent): ProtokollDocument {
  return toInterchange(c, {
    title: protocolTitle({ networkName: c.networkName, meeting: c.meeting, kind: c.kind }),
    contentHash: contentHash(c),
    approvals: [{ memberId: 'm-jonas', name: 'Jonas Wåhlberg', at: '2021-12-06T10:00:00.000Z' }],
    source: { kind: 'justera', version: 1, state: 'approved' },
  });
}

test('an exported protocol is valid against the JSON Schema and the zod schema', () => {
  const doc = JSON.parse(JSON.stringify(exported(content))) as unknown;
  expect(validate(doc) ? [] : validate.errors).toEqual([]);
  expect(parseProtokollDocument(doc)).toMatchObject({ ok: true });
});

test('export → import gives the same content and the same content hash', () => {
  const doc = exported(content);
  const parsed = parseProtokollDocument(JSON.parse(JSON.stringify(doc)));
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const back = fromInterchange(parsed.doc);
  expect(back).toEqual(content);
  expect(contentHash(back)).toBe(doc.contentHash);
  expect(doc.links).toEqual([{ item: '2', text: 'rapporten', url: 'https://www.skaraborg.se/rapport' }]);
  expect(doc.othersPresent.map((a) => a.name)).toEqual(['Camilla Stensson']);
  expect(doc.attendees.map((a) => a.attendance)).toEqual(['present', 'online', 'apologies', 'present', 'absent']);
});

test('a guest between members keeps their place: export → import gives the same hash', () => {
  const [anna, jonas, ...rest] = content.attendees;
  const guest = rest[rest.length - 1];
  if (!anna || !jonas || !guest) throw new Error('fixture');
  const interleaved: MinutesContent = { ...content, attendees: [anna, guest, jonas, ...rest.slice(0, -1)] };
  const doc = exported(interleaved);
  expect(doc.othersPresent[0]?.position).toBe(1);
  const parsed = parseProtokollDocument(JSON.parse(JSON.stringify(doc)));
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  expect(validate(JSON.parse(JSON.stringify(doc)))).toBe(true);
  expect(contentHash(fromInterchange(parsed.doc))).toBe(contentHash(interleaved));
  // In the usual order no positions are written.
  expect(exported(content).attendees.some((a) => a.position !== undefined)).toBe(false);
});

test('imported drafts, with their review marks, are valid; import maps them into the protocol model', () => {
  const dir = path.resolve(ROOT, '..', 'shared', 'fixtures', 'protocols');
  for (const file of ['im-natverket-2021-12-03.txt', 'im-natverket-2022-06-03-mariestad.txt', 'gymnasienatverk-dagordning-2022.txt']) {
    const draft = readProtocolText(readFileSync(path.join(dir, file), 'utf8'), { fileName: file });
    const doc = JSON.parse(JSON.stringify(draft.document)) as unknown;
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    expect(parseProtokollDocument(doc)).toMatchObject({ ok: true });
    expect(draft.content.items.length).toBe(draft.document.items.length);
    expect(draft.content.meeting.date).toBe(draft.document.date ?? '');
  }
});

const invalid: [string, (d: Record<string, unknown>) => void][] = [
  ['wrong format', (d) => (d.format = 'justera-protokoll/2')],
  ['unknown field', (d) => (d.extra = 1)],
  ['bad date', (d) => (d.date = '3 december 2021')],
  ['bad attendance', (d) => ((d.attendees as Record<string, unknown>[])[0]!.attendance = 'here')],
  ['item without body', (d) => delete (d.items as Record<string, unknown>[])[0]!.body],
  ['bad owner kind', (d) => (((d.items as Record<string, unknown>[])[1]!.actions as Record<string, unknown>[])[0]!.owners = [{ kind: 'robot', name: 'x' }])],
  ['bad hash', (d) => (d.contentHash = 'abc')],
  ['bad source', (d) => (d.source = { kind: 'import' })],
  ['bad review level', (d) => (d.review = [{ path: '/date', level: 'maybe', reason: 'x', message: 'y' }])],
  ['missing network', (d) => delete d.network],
];

test.each(invalid)('both schemas refuse a document with %s', (_name, spoil) => {
  const doc = JSON.parse(JSON.stringify(exported(content))) as Record<string, unknown>;
  spoil(doc);
  expect(validate(doc)).toBe(false);
  expect(parseProtokollDocument(doc).ok).toBe(false);
});

/** A schema's shape: objects' properties and required fields, arrays' items, enums and constants, unions. */
function shape(node: unknown, root: Record<string, unknown>): unknown {
  if (typeof node !== 'object' || node === null) return node;
  let n = node as Record<string, unknown>;
  if (typeof n.$ref === 'string') {
    const target = n.$ref.replace(/^#\//, '').split('/').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], root);
    n = { ...(target as Record<string, unknown>) };
  }
  const union = (n.oneOf ?? n.anyOf) as unknown[] | undefined;
  if (union) return { union: union.map((u) => JSON.stringify(shape(u, root))).sort() };
  if (n.const !== undefined) return { const: n.const };
  if (Array.isArray(n.enum)) return { enum: [...(n.enum as string[])].sort() };
  if (n.type === 'array') return { array: shape(n.items, root) };
  if (n.type === 'object' || n.properties) {
    const props = (n.properties ?? {}) as Record<string, unknown>;
    return {
      object: Object.fromEntries(Object.keys(props).sort().map((k) => [k, shape(props[k], root)])),
      required: [...((n.required as string[] | undefined) ?? [])].sort(),
      closed: n.additionalProperties === false,
    };
  }
  if (n.type === 'integer' || n.type === 'number') return 'number';
  if (n.type === 'string') return n.pattern ? { string: n.pattern } : 'string';
  return n.type;
}

test('the zod schema and the documented JSON Schema describe the same document, field by field', () => {
  const fromZod = z.toJSONSchema(protokollDocumentSchema) as Record<string, unknown>;
  const documented = shape(SCHEMA, SCHEMA) as { object: Record<string, unknown> };
  expect(Object.keys(documented.object)).toEqual(expect.arrayContaining(['attendees', 'items', 'review', 'source']));
  expect(shape(fromZod, fromZod)).toEqual(documented);
});

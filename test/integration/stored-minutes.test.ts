import { contentHash, currentContent, type MinutesVersion } from '../../src/domain/minutes';
import type { LegacyMinutesContent } from '../../src/domain/minutes-legacy';
import { PdfKitProtocolRenderer } from '../../src/render/protocol-renderer';
import { approvedVersion, imNatverket20211203Legacy } from '../fixtures/minutes';
import { Journey } from '../harness/journey';
import { docxParagraphs, normalise, poppler, readableText } from '../harness/protocol-text';

/**
 * Minutes stored before the protocol model (issue 10) carry over: an approved version and its
 * draft in the older shape, as an older service wrote them, load through the API, keep the
 * content hash they were approved with (re-hashed from the store), stay justerat, and render.
 */
let OLD_HASH = '';
let legacy: LegacyMinutesContent = imNatverket20211203Legacy;

describe('an approved version stored in the older shape', () => {
  let j: Journey;
  let meetingId = '';
  const SECRETARY = 1;

  beforeAll(async () => {
    j = await new Journey().start({ members: 4 });
    await j.install();
    meetingId = (await j.createMeeting({ date: '2030-02-04' })).meetingId;
    await j.assignRole(0, SECRETARY, 'sekreterare');
    // The draft as the tab first opens it, then overwritten with what an older service stored.
    await j.api('GET', `/meetings/${meetingId}/minutes`, SECRETARY);
    const store = j.service.store;
    const found = await store.getMinutes(j.tenantId, meetingId);
    if (!found) throw new Error('no draft');
    // The real protocol, its secretary and justerare being this team's members (they act in Teams).
    const member = (i: number) => ({ kind: 'member' as const, memberId: j.members[i]!.aadObjectId, name: j.members[i]!.name });
    legacy = {
      ...imNatverket20211203Legacy,
      secretary: member(SECRETARY),
      justerare: [member(2)],
      attendees: [...imNatverket20211203Legacy.attendees, { id: member(2).memberId, name: member(2).name, municipality: 'Skövde', status: 'onsite', guest: false }],
    };
    const version: MinutesVersion = approvedVersion(legacy, '2021-12-07T09:12:00.000Z', { tenantId: j.tenantId, networkId: found.minutes.networkId, meetingId });
    OLD_HASH = version.hash;
    expect(await store.saveMinutesVersion(version, undefined)).toBeDefined();
    expect(await store.saveMinutes({ ...found.minutes, content: legacy, sentVersion: 1, sentHash: OLD_HASH, attendeesEdited: true, itemsEdited: true }, found.etag)).toBeDefined();
  });
  afterAll(async () => {
    await j.stop();
  });

  test('reloaded, it hashes to the hash it was approved with, and is still justerat', async () => {
    const reloaded = await j.service.store.getMinutesVersion(j.tenantId, meetingId, 1);
    if (!reloaded) throw new Error('no version');
    expect(contentHash(reloaded.version.content)).toBe(OLD_HASH);
    expect(reloaded.version.hash).toBe(OLD_HASH);
    const minutes = await j.api('GET', `/meetings/${meetingId}/minutes`, SECRETARY);
    expect(minutes.status).toBe(200);
    expect(minutes.body.status).toMatchObject({ kind: 'approved', version: 1 });
    // The tab reads the current shape.
    expect(minutes.body.content).toEqual(currentContent(legacy));
    expect((minutes.body.versions as unknown[])[0]).toMatchObject({ number: 1, hash: OLD_HASH, state: 'approved' });
  });

  test('saving what it already says (the tab in the current shape) keeps the stored text, its hash, and justerat', async () => {
    const minutes = await j.api('GET', `/meetings/${meetingId}/minutes`, SECRETARY);
    const saved = await j.api('PUT', `/meetings/${meetingId}/minutes`, SECRETARY, { body: { content: minutes.body.content }, ifMatch: minutes.etag });
    expect(saved.body.errors ?? []).toEqual([]);
    expect(saved.status).toBe(200);
    expect(saved.body.status).toMatchObject({ kind: 'approved', version: 1 });
    const draft = await j.service.store.getMinutes(j.tenantId, meetingId);
    expect(draft && contentHash(draft.minutes.content)).toBe(OLD_HASH);
  });

  test('it renders to PDF and DOCX with every attendee, numbered item, justerare and the old hash', async () => {
    const reloaded = await j.service.store.getMinutesVersion(j.tenantId, meetingId, 1);
    if (!reloaded) throw new Error('no version');
    const renderer = new PdfKitProtocolRenderer();
    const pdfText = readableText(poppler('pdftotext', await renderer.pdf(reloaded.version, 'sv'), ['-layout']));
    const docxText = normalise(docxParagraphs(await renderer.docx(reloaded.version, 'sv')).map((p) => p.text).join(' '));
    const expected = [
      'Protokoll för IM-nätverket 2021-12-03',
      'Tid: 13:00–15:00',
      ...legacy.attendees.map((a) => a.name),
      ...legacy.items.map((item, i) => normalise(`${i + 1}. ${item.title}`)),
      ...legacy.justerare.map((p) => p.name),
      OLD_HASH,
    ];
    for (const text of [pdfText, docxText]) expect(expected.filter((e) => !text.includes(e))).toEqual([]);
  });
});

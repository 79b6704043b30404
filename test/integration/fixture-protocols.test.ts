import fs from 'node:fs';
import path from 'node:path';
import type { MinutesContent, PersonRef } from '../../src/domain/minutes';
import { capitalise, longDate } from '../../src/cards/format';
import { FIXTURE_PROTOCOLS } from '../fixtures/minutes';
import { invokeCard, Journey, texts, withJusterareAttending } from '../harness/journey';
import { docxParagraphs, expectedTexts, normalise, pdfStructure, pdfStructureText, poppler, readableText } from '../harness/protocol-text';
import { eventually } from '../harness/service';
import { startAzurite, type Azurite } from '../harness/azurite';

/**
 * The three real protocols, entered through the tab's API the way a secretary would, sent for
 * justering, approved on the justerare's card, and read back from the archived documents: every
 * attendee, item, decision, action item and next-meeting date is there, and the content hash.
 */
let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite.stop();
});

/** Each protocol once per store: the longest documents are where Table Storage's limits show. */
const CASES = FIXTURE_PROTOCOLS.flatMap((f, i) => [
  [f.source, 'sqlite', f, i] as const,
  [f.source, 'tables', f, i] as const,
]);

describe.each(CASES)('the protocol %s through the API (%s)', (_source, store, fixture, index) => {
  let j: Journey;
  let meetingId = '';
  const SECRETARY = 1;

  beforeAll(async () => {
    const env: Record<string, string> =
      store === 'tables' ? { STORE: 'tables', TABLES_CONNECTION_STRING: azurite.connectionString, TABLES_PREFIX: `fixture${index}x${Date.now().toString(36)}` } : {};
    j = await new Journey().start({ members: 4, env });
    await j.install();
    meetingId = (await j.createMeeting({ date: '2030-02-04' })).meetingId;
    await j.assignRole(0, SECRETARY, 'sekreterare');
  });
  afterAll(async () => {
    await j.stop();
  });

  test('entered, sent, approved and archived without losing content', async () => {
    // The fixture's secretary and justerare are people of the real network; here they are the
    // test team's members 1 and 2.. (Teams ids), under the names the protocol gives them.
    const asMember = (p: PersonRef, i: number): Extract<PersonRef, { kind: 'member' }> => ({ kind: 'member', memberId: j.members[i]!.aadObjectId, name: p.name });
    const content: MinutesContent = withJusterareAttending({
      ...fixture.content,
      ...(fixture.content.secretary ? { secretary: asMember(fixture.content.secretary, SECRETARY) } : {}),
      justerare: fixture.content.justerare.map((p, i) => asMember(p, 2 + i)),
    });
    const draft = await j.api('GET', `/meetings/${meetingId}/minutes`, SECRETARY);
    const saved = await j.api('PUT', `/meetings/${meetingId}/minutes`, SECRETARY, { body: { content }, ifMatch: draft.etag });
    expect(saved.status).toBe(200);
    expect(saved.body.content).toEqual(content);
    await j.afterStart(meetingId);
    const sent = await j.api('POST', `/meetings/${meetingId}/minutes/send`, SECRETARY, { ifMatch: saved.etag });
    expect(sent.status).toBe(200);

    for (const [i] of content.justerare.entries()) {
      const reply = invokeCard(await j.click(j.members[2 + i]!, 'personal-card', { action: 'approveMinutes', meetingId, version: '1' }));
      expect(texts(reply)).toContain('Du har justerat');
    }
    const version = await eventually(async () => {
      const v = await j.api('GET', `/meetings/${meetingId}/minutes/versions/1`, SECRETARY);
      return v.body.archive === 'done' ? v.body : undefined;
    }, 30000, 'archived');
    const hash = version.hash as string;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);

    // Named after the stored network and meeting (the team IM-nätverket, 2030-02-04), whatever the text says.
    const base = path.join(j.archiveFolder('2030'), 'Protokoll för IM-nätverket 2030-02-04 v1');
    const pdf = fs.readFileSync(`${base}.pdf`);
    const pdfText = readableText(poppler('pdftotext', pdf, ['-layout']));
    // Tagged for screen readers (issue 10): the archived PDF has a structure tree in Swedish, in reading order.
    expect(poppler('pdfinfo', pdf)).toMatch(/^Tagged:\s+yes$/m);
    expect(pdf.toString('latin1')).toContain('/Lang (sv-SE)');
    const tree = pdfStructure(pdf);
    expect(tree.filter((e) => e.type === 'H1').map((e) => e.text)).toEqual([`Protokoll för ${content.networkName} ${content.meeting.date}`]);
    expect(pdfStructureText(pdf)).toBe(readableText(poppler('pdftotext', pdf)));
    const docxText = normalise(docxParagraphs(fs.readFileSync(`${base}.docx`)).map((p) => p.text).join(' '));
    const expected = [...expectedTexts(content), `Protokoll för ${content.networkName} ${content.meeting.date}`, hash];
    expect(expected.length).toBeGreaterThan(10);
    for (const text of [pdfText, docxText]) {
      expect(expected.filter((e) => !text.includes(e))).toEqual([]);
    }
    // The next meetings' dates as the documents write them out ("Fredag 4 februari 2022").
    expect(content.nextMeetings.length).toBeGreaterThan(0);
    for (const text of [pdfText, docxText]) {
      for (const m of content.nextMeetings) expect(text).toContain(capitalise(longDate(m.date, 'sv')));
    }
  });
});

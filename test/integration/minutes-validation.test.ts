import { Journey, withJusterareAttending } from '../harness/journey';
import { currentContent, type MinutesContent } from '../../src/domain/minutes';

/**
 * Issue 9, problem 2 (invalid content) and 8 (names with bidi overrides): every field that
 * reaches a protocol is checked on save, with a Swedish problem at the field, and content that is
 * invalid can never be sent for justering (not even a draft saved before the rules existed).
 */
describe('minutes content is validated on save and on send', () => {
  let j: Journey;
  let meetingId = '';
  const SECRETARY = 1;

  beforeAll(async () => {
    j = await new Journey().start({ members: 4 });
    await j.install();
    await j.assignRole(0, SECRETARY, 'sekreterare');
    meetingId = (await j.createMeeting({ date: '2030-02-04' })).meetingId;
  });
  afterAll(async () => {
    await j.stop();
  });

  const person = (i: number) => ({ kind: 'member' as const, memberId: j.members[i]?.aadObjectId ?? '', name: j.members[i]?.name ?? '' });

  async function save(change: (c: MinutesContent) => MinutesContent): Promise<{ status: number; errors: { field: string; code: string; detail: string }[]; detail: string }> {
    const draft = await j.api('GET', `/meetings/${meetingId}/minutes`, SECRETARY);
    const content = change(draft.body.content as MinutesContent);
    const res = await j.api('PUT', `/meetings/${meetingId}/minutes`, SECRETARY, { body: { content }, ifMatch: draft.etag });
    return { status: res.status, errors: (res.body.errors ?? []) as { field: string; code: string; detail: string }[], detail: String(res.body.detail ?? '') };
  }

  // [what is typed, how, the field, the code, the Swedish detail]
  const cases: [string, (c: MinutesContent) => MinutesContent, string, string, string][] = [
    ['a date that does not exist', (c) => ({ ...c, meeting: { ...c.meeting, date: '2025-02-30' } }), 'meeting.date', 'invalid_date', 'Datum: skriv datumet som ÅÅÅÅ-MM-DD.'],
    ['a date that is a word', (c) => ({ ...c, meeting: { ...c.meeting, date: 'hej' } }), 'meeting.date', 'invalid_date', 'Datum: skriv datumet som ÅÅÅÅ-MM-DD.'],
    ['a time that does not exist', (c) => ({ ...c, meeting: { ...c.meeting, start: '25:99' } }), 'meeting.start', 'invalid_time', 'Starttid: skriv tiden som TT:MM.'],
    ['an end before the start', (c) => ({ ...c, meeting: { ...c.meeting, start: '15:00', end: '13:00' } }), 'meeting.end', 'end_before_start', 'Sluttid: måste vara efter starttiden.'],
    ['an empty network name', (c) => ({ ...c, networkName: ' ' }), 'networkName', 'required', 'Nätverkets namn: fyll i.'],
    ['a 1,000-character network name', (c) => ({ ...c, networkName: 'N'.repeat(1000) }), 'networkName', 'too_long', 'Nätverkets namn: texten är för lång.'],
    ['a javascript: Teams link', (c) => ({ ...c, meeting: { ...c.meeting, teamsLink: 'javascript:alert(1)' } }), 'meeting.teamsLink', 'invalid_link', 'Teams-länk: skriv en länk som börjar med https://.'],
    ['an http Teams link', (c) => ({ ...c, meeting: { ...c.meeting, teamsLink: 'http://teams.microsoft.com/l/x' } }), 'meeting.teamsLink', 'invalid_link', 'Teams-länk: skriv en länk som börjar med https://.'],
    ['an RTL override in the network name', (c) => ({ ...c, networkName: 'IM-nätverket\u202Efdp.exe' }), 'networkName', 'invalid_chars', 'Nätverkets namn: innehåller osynliga tecken eller styrtecken; skriv om texten.'],
    ['an isolate in a secretary name', (c) => ({ ...c, secretary: { kind: 'named', name: 'Anna \u2067Berg' } }), 'secretary.name', 'invalid_chars', 'Namn: innehåller osynliga tecken eller styrtecken; skriv om texten.'],
    ['a control character in a place', (c) => ({ ...c, meeting: { ...c.meeting, place: 'Skövde\u0007' } }), 'meeting.place', 'invalid_chars', 'Plats: innehåller osynliga tecken eller styrtecken; skriv om texten.'],
    ['a next meeting ending before it starts', (c) => ({ ...c, nextMeetings: [{ date: '2030-03-04', start: '13:00', end: '12:00' }] }), 'nextMeetings.0.end', 'end_before_start', 'Sluttid: måste vara efter starttiden.'],
  ];
  test.each(cases)('%s is refused at its field, in Swedish', async (_label, change, field, code, detail) => {
    const res = await save(change);
    expect(res.status).toBe(400);
    expect(res.errors).toContainEqual({ field, code, detail });
  });

  test('valid content saves; content saved invalid before these rules can never be sent', async () => {
    const ok = await save((c) => withJusterareAttending({ ...c, secretary: person(SECRETARY), justerare: [person(2)], items: [{ id: 'i-1', title: 'Punkt', notes: '', decisions: [], actions: [], tabled: false , kind: 'item' as const, presenters: [], questions: [], responses: []}] }));
    expect(ok.status).toBe(200);
    // A draft stored by the old rules: a date that does not exist.
    const found = await j.service.store.getMinutes(j.tenantId, meetingId);
    if (!found) throw new Error('no draft');
    const stored = currentContent(found.minutes.content);
    const content = { ...stored, meeting: { ...stored.meeting, date: '2025-02-30' } };
    const etag = await j.service.store.saveMinutes({ ...found.minutes, content }, found.etag);
    expect(etag).toBeDefined();
    const sent = await j.api('POST', `/meetings/${meetingId}/minutes/send`, SECRETARY, { ifMatch: etag ?? '' });
    expect(sent.status).toBe(400);
    expect(sent.body.errors).toContainEqual({ field: 'meeting.date', code: 'invalid_date', detail: 'Datum: skriv datumet som ÅÅÅÅ-MM-DD.' });
    expect(await j.service.store.listMinutesVersions(j.tenantId, meetingId)).toEqual([]);
  });
});

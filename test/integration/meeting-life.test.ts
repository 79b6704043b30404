import { TestClock } from '../harness/clock';
import { Journey, withJusterareAttending } from '../harness/journey';
import type { MinutesContent } from '../../src/domain/minutes';

/**
 * Issue 10, meetings follow real life: minutes are sent for justering only once the meeting has
 * started (its stored date and start in the network's time zone, by the service's clock); before,
 * the API refuses with a Swedish problem+json reason and nothing is sent.
 */
describe('minutes are sent for justering only after the meeting has started', () => {
  // 2030-02-04 11:30 UTC is 12:30 in Stockholm; the meeting starts there at 13:00 (12:00 UTC).
  const clock = new TestClock(new Date('2030-02-04T11:30:00Z'));
  let j: Journey;
  let meetingId = '';
  const SECRETARY = 1;
  const JUSTERARE = 2;

  beforeAll(async () => {
    j = await new Journey().start({ members: 4, clock });
    await j.install();
    await j.assignRole(0, SECRETARY, 'sekreterare');
    meetingId = (await j.createMeeting({ date: '2030-02-04', start: '13:00', end: '15:00' })).meetingId;
  });
  afterAll(async () => {
    await j.stop();
  });

  const person = (i: number) => ({ kind: 'member' as const, memberId: j.members[i]?.aadObjectId ?? '', name: j.members[i]?.name ?? '' });

  async function saved(): Promise<string> {
    const draft = await j.api('GET', `/meetings/${meetingId}/minutes`, SECRETARY);
    const content = withJusterareAttending({ ...(draft.body.content as MinutesContent), secretary: person(SECRETARY), justerare: [person(JUSTERARE)], items: [{ id: 'i-1', kind: 'item', title: 'Föregående protokoll', presenters: [], notes: 'Genomgånget.', questions: [], responses: [], decisions: [], actions: [], tabled: false }] });
    const res = await j.api('PUT', `/meetings/${meetingId}/minutes`, SECRETARY, { body: { content }, ifMatch: draft.etag });
    expect(res.status).toBe(200);
    return res.etag;
  }

  test('half an hour before the start: 409 problem+json with the Swedish reason, no version, nobody asked', async () => {
    const etag = await saved();
    const res = await fetch(`${j.botUrl}/api/v1/meetings/${meetingId}/minutes/send`, { method: 'POST', headers: { ...j.devHeaders(SECRETARY), 'if-match': etag } });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = (await res.json()) as { code: string; detail: string };
    expect(body.code).toBe('meeting_not_started');
    expect(body.detail).toBe('Träffen har inte börjat än. Protokollet kan skickas för justering först när träffen har börjat.');
    expect(await j.service.store.listMinutesVersions(j.tenantId, meetingId)).toHaveLength(0);
    expect(j.personalCards(JUSTERARE)).toHaveLength(0);

    const english = await fetch(`${j.botUrl}/api/v1/meetings/${meetingId}/minutes/send`, { method: 'POST', headers: { ...j.devHeaders(SECRETARY), 'if-match': etag, 'accept-language': 'en-GB' } });
    expect(((await english.json()) as { detail: string }).detail).toBe('The meeting has not started yet. The minutes can be sent for justering once it has started.');
  });

  test('from the start (13:00 Stockholm time) the same minutes are sent', async () => {
    clock.set('2030-02-04T12:00:00Z');
    const etag = (await j.api('GET', `/meetings/${meetingId}/minutes`, SECRETARY)).etag;
    const sent = await j.api('POST', `/meetings/${meetingId}/minutes/send`, SECRETARY, { ifMatch: etag });
    expect(sent.status).toBe(200);
    expect(await j.service.store.listMinutesVersions(j.tenantId, meetingId)).toHaveLength(1);
  });
});

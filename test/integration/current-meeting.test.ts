import { TestClock } from '../harness/clock';
import { Journey } from '../harness/journey';
import { tempDir } from '../harness/service';
import { TEAM_ID } from '../harness/teams';
import type { CurrentMeetingResponse } from '../../src/http/api-contract';

/**
 * GET /api/v1/networks/:networkId/meetings/current: the meeting a network's meeting side
 * panel shows. Today is the local date in Europe/Stockholm, so the clock is set around
 * midnight there (UTC+1 in February).
 */
describe('the current meeting of a network, for the meeting side panel', () => {
  const clock = new TestClock(new Date('2030-01-20T09:00:00Z'));
  const path = `/networks/${encodeURIComponent(TEAM_ID)}/meetings/current`;
  let j: Journey;
  let first = '';
  let second = '';

  beforeAll(async () => {
    j = await new Journey().start({ members: 4, clock, env: { DATA_DIR: tempDir('justera-current-') } });
    await j.install();
  });

  afterAll(async () => {
    await j?.stop();
  });

  const current = async (who = 1): Promise<{ status: number; body: CurrentMeetingResponse }> => {
    const res = await j.api('GET', path, who);
    return { status: res.status, body: res.body as unknown as CurrentMeetingResponse };
  };

  test('no meeting yet: null', async () => {
    expect(await current()).toEqual({ status: 200, body: { meeting: null, today: false } });
  });

  test("the meeting today (Stockholm's date), else the next upcoming one", async () => {
    second = (await j.createMeeting({ date: '2030-03-01', start: '09:00', end: '11:00', place: 'Karlsborg' })).meetingId;
    first = (await j.createMeeting({ date: '2030-02-04', start: '13:00', end: '15:00', place: 'Falköping' })).meetingId;

    // Before the day: the next upcoming one, not today.
    let answer = await current();
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ today: false, meeting: { id: first, date: '2030-02-04', place: 'Falköping', networkName: 'IM-nätverket' } });

    // 00:30 in Stockholm on the day is 23:30 UTC the day before: already today.
    clock.set('2030-02-03T23:30:00Z');
    answer = await current();
    expect(answer.body).toMatchObject({ today: true, meeting: { id: first } });

    // After the meeting, late in the evening of the same day: still today's.
    clock.set('2030-02-04T20:00:00Z');
    expect((await current()).body).toMatchObject({ today: true, meeting: { id: first } });

    // 00:30 the next day in Stockholm (23:30 UTC on the 4th): the next upcoming one.
    clock.set('2030-02-04T23:30:00Z');
    answer = await current();
    expect(answer.body).toMatchObject({ today: false, meeting: { id: second, date: '2030-03-01', place: 'Karlsborg' } });
    expect(answer.body.meeting?.counts).toEqual({ onsite: 0, online: 0, apologies: 0 });
  });

  test('only members of the network; an unknown network is 404; no identity is 401', async () => {
    const stranger = await fetch(`${j.botUrl}/api/v1${path}`, { headers: { 'x-justera-dev-user': 'bm90LWEtbWVtYmVy' } });
    expect(stranger.status).toBe(401);
    const unknown = await j.api('GET', `/networks/${encodeURIComponent('19:okänt@thread.tacv2')}/meetings/current`, 1);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'network_not_found' });
  });
});

import { eventually } from '../harness/service';
import { cardOf, Journey, texts } from '../harness/journey';
import { TENANT } from '../harness/teams';
import type { MinutesContent } from '../../src/domain/minutes';

/**
 * Issue 10: a municipality correction (`kommun <namn>`) reaches the open check-in cards and the
 * minutes draft's attendance at once, without the member checking in again.
 */
describe('a municipality correction after checking in', () => {
  let j: Journey;
  const SECRETARY = 1;
  const UNKNOWN = 3;

  beforeEach(async () => {
    j = await new Journey().start({ members: 4 });
    const roster = j.connector.roster;
    roster[UNKNOWN] = { ...roster[UNKNOWN]!, email: 'medlem3@example.org' };
    expect((await j.install()).status).toBe(200);
    await j.assignRole(0, SECRETARY, 'sekreterare');
  });
  afterEach(async () => {
    await j.stop();
  });

  test('kommun Skövde moves the checked-in member to Skövde on the shared card and in the minutes draft', async () => {
    const { post, meetingId } = await j.createMeeting({ date: '2030-02-04' });
    const member = j.members[UNKNOWN]!;
    expect((await j.click(member, post.activityId, { action: 'checkin', meetingId, status: 'onsite' })).status).toBe(200);
    await eventually(() => texts(j.sharedCard(post)).includes('"text":"okänd: "') || undefined, 5000, 'the card with "okänd"');

    // A meeting already past, where the member was too: its attendance stays as it was.
    const meeting = (await j.service.store.getMeeting(TENANT, meetingId))!;
    const { card: _card, ...unposted } = meeting;
    await j.service.store.createMeeting({ ...unposted, id: 'past-meeting', date: '2020-01-01' });
    await j.service.store.putAttendance({
      tenantId: TENANT, meetingId: 'past-meeting', personId: member.aadObjectId, name: member.name, municipality: 'okänd', guest: false, status: 'onsite', updatedAt: new Date().toISOString(),
    });

    expect(texts(cardOf(await j.say('kommun Skövde', member)))).toContain('Skövde');

    const card = await eventually(() => {
      const c = texts(j.sharedCard(post));
      return c.includes('"text":"Skövde: "') ? c : undefined;
    }, 5000, 'the shared card with the member under Skövde');
    expect(card).not.toContain('"text":"okänd: "');
    expect(card).toContain('Medlem 3 Åkesson');

    const draft = await j.api('GET', `/meetings/${meetingId}/minutes`, SECRETARY);
    expect(draft.status).toBe(200);
    const attendees = (draft.body.content as MinutesContent).attendees;
    expect(attendees.find((a) => a.id === member.aadObjectId)?.organisation).toBe('Skövde');

    const past = await j.service.store.listAttendance(TENANT, 'past-meeting');
    expect(past.find((r) => r.personId === member.aadObjectId)?.municipality).toBe('okänd');
  });
});

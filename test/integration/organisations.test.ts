import { cardOf, Journey, texts } from '../harness/journey';
import { eventually } from '../harness/service';
import { TENANT, TEAM_ID } from '../harness/teams';

/** A cooperation outside Skaraborg, through /api/messages and the tab API. */
describe('member organisations are the cooperation’s setting', () => {
  let j: Journey;
  beforeEach(async () => {
    j = await new Journey().start({
      members: 3,
      env: { MEMBER_ORGANISATIONS: 'Lund; ängelholm kommun; Åre; Skolverket', MUNICIPALITY_DOMAINS: 'skolverket.se=Skolverket' },
    });
    j.connector.roster[1]!.email = 'medlem1@lund.se';
    j.connector.roster[2]!.email = 'medlem2@skolverket.se';
    expect((await j.install()).status).toBe(200);
  });
  afterEach(async () => {
    await j.stop();
  });

  test('e-mail domains place members in any Swedish municipality or a configured body', async () => {
    const members = await j.service.store.listMembers(TENANT, TEAM_ID);
    expect(members.find((m) => m.email === 'medlem1@lund.se')?.municipality).toBe('Lund');
    expect(members.find((m) => m.email === 'medlem2@skolverket.se')?.municipality).toBe('Skolverket');
  });

  test('`kommun Ängelholm` is recognised, and the card lists the cooperation’s members not represented', async () => {
    const reply = await j.say('kommun Ängelholm', j.members[0]!);
    expect(texts(cardOf(reply))).toContain('Ängelholm');
    const { post, meetingId } = await j.createMeeting();
    await j.click(j.members[0]!, post.activityId, { action: 'checkin', meetingId, status: 'onsite' });
    await j.click(j.members[1]!, post.activityId, { action: 'checkin', meetingId, status: 'online' });
    const card = await eventually(() => {
      const c = texts(j.sharedCard(post));
      return c.includes('1 på plats · 1 digitalt · 0 förhinder') ? c : undefined;
    }, 5000, 'the card with two present');
    expect(card).toContain('Inte representerade:** Skolverket, Åre');
    expect(card).not.toContain('Essunga');
    const res = await j.api('GET', `/meetings/${meetingId}/attendance`, 0);
    expect(res.status).toBe(200);
    expect(res.body.missingMunicipalities).toEqual(['Skolverket', 'Åre']);
    expect((res.body.groups as { municipality: string }[]).map((g) => g.municipality)).toEqual(['Lund', 'Ängelholm']);
  });
});

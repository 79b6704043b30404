import { invokeCard, Journey, texts } from '../harness/journey';
import { eventually } from '../harness/service';

/**
 * Teams fails every send for 60 s (500, 429 with Retry-After, 503 in turn) while members check
 * in and the secretary sends the minutes for justering. Nothing is dropped: once Teams is back,
 * the shared cards show what is stored and each justerare has their card, without anyone
 * clicking again.
 */
describe('a Teams outage of 60 s', () => {
  const MEMBERS = 30;
  const OUTAGE_MS = 60_000;
  const SECRETARY = 1;
  const JUSTERARE = [2, 3];
  let j: Journey;

  beforeAll(async () => {
    j = await new Journey().start({ members: MEMBERS });
    await j.install();
  });
  afterAll(async () => {
    await j.stop();
  });

  test('a burst of check-ins and a send for justering during the outage: afterwards every card shows the stored state, with no further click', async () => {
    const { post, meetingId } = await j.createMeeting({ date: '2030-02-04' });
    await j.assignRole(0, 0, 'ordforande');
    await j.assignRole(0, SECRETARY, 'sekreterare');

    const outageEnds = j.connector.failFor(OUTAGE_MS, [{ status: 500 }, { status: 429, retryAfter: '7' }, { status: 503 }]);
    const sentBefore = j.connector.sent.length;

    // Everyone checks in at once; each clicker's answer comes from the store, not from Teams.
    const acks = await Promise.all(
      j.members.map(async (m) => {
        const reply = await j.click(m, post.activityId, { action: 'checkin', meetingId, status: 'onsite' });
        return reply.status === 200 && texts(invokeCard(reply)).includes('Din närvaro: På plats');
      }),
    );
    expect(acks.every(Boolean)).toBe(true);
    // The secretary sends the minutes for justering while Teams still fails.
    await j.sendMinutes(meetingId, SECRETARY, JUSTERARE);
    // Two members change their minds later in the outage.
    await new Promise((r) => setTimeout(r, 20_000));
    for (const m of j.members.slice(0, 2)) {
      const reply = await j.click(m, post.activityId, { action: 'checkin', meetingId, status: 'online' });
      expect(texts(invokeCard(reply))).toContain('Din närvaro: Digitalt');
    }

    await eventually(() => Date.now() >= outageEnds || undefined, OUTAGE_MS + 5_000, 'the outage to end');
    expect(j.connector.refused).toBeGreaterThan(0);
    expect(j.connector.sent.slice(sentBefore).filter((s) => s.at < outageEnds)).toEqual([]); // Teams took nothing during it
    const recoveredAt = Date.now();

    const expected = `${MEMBERS - 2} på plats · 2 digitalt · 0 förhinder`;
    await eventually(() => texts(j.sharedCard(post)).includes(expected) || undefined, 60_000, 'the check-in card to show the stored state');
    for (const who of JUSTERARE) {
      const card = await eventually(() => j.personalCards(who).find((c) => texts(c).includes('Protokoll att justera')), 60_000, `justerare ${who}'s card`);
      expect(texts(card)).toContain('"verb":"approveMinutes"');
      expect(j.personalCards(who)).toHaveLength(1);
    }
    const status = await eventually(
      () => j.connector.sent.find((s) => s.kind === 'post' && texts(s.activity).includes('Väntar på justering')),
      60_000,
      'the justering status card',
    );
    expect(texts(j.sharedCard(status))).toContain(`Väntar på justering av ${j.members[2]!.name}, ${j.members[3]!.name}`);
    console.log(`Teams refused ${j.connector.refused} sends during the outage; every card caught up ${((Date.now() - recoveredAt) / 1000).toFixed(1)} s after it ended`);
  }, 200_000);
});

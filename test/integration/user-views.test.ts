import { cardAction, inTeam, OTHER_TEAM, TENANT, type TeamsUser } from '../harness/teams';
import { cardOf, invokeCard, Journey, texts, type CardJson } from '../harness/journey';
import { eventually } from '../harness/service';
import type { BotReply } from '../harness/teams';

/**
 * User-specific views through /api/messages: the shared cards carry a refresh, and the refresh
 * invoke Teams sends for each person (trigger "automatic") answers with that person's own card.
 */
describe('user-specific card views (Universal Actions refresh)', () => {
  let j: Journey;
  beforeEach(async () => {
    j = await new Journey().start({ members: 12 });
    expect((await j.install()).status).toBe(200);
  });
  afterEach(async () => {
    await j.stop();
  });

  const member = (i: number): TeamsUser => {
    const m = j.members[i];
    if (!m) throw new Error(`no member ${i}`);
    return m;
  };

  /** The refresh Teams sends when it shows the card to `user` (automatic, as for everyone in userIds). */
  function refresh(user: TeamsUser, activityId: string, meetingId: string, card: string, activity?: (a: Record<string, unknown>) => Record<string, unknown>): Promise<BotReply> {
    const data = { action: 'refreshCard', meetingId, card };
    const a = cardAction(j.serviceUrl, user, activityId, data);
    const automatic = { ...a, value: { action: { type: 'Action.Execute', verb: 'refreshCard', data }, trigger: 'automatic' } };
    return j.post(activity ? activity(automatic) : automatic);
  }

  const refreshOf = (c: CardJson): { action: { verb: string; data: Record<string, string> }; userIds: string[] } =>
    c.refresh as { action: { verb: string; data: Record<string, string> }; userIds: string[] };

  test('the check-in card names who gets their own view; each sees their own: controls for the chair group, their status for a member', async () => {
    // Member 1 is ordförande; member 0 (the team owner) creates the meeting; member 3 checks in.
    await j.assignRole(0, 1, 'ordforande');
    const { post, meetingId } = await j.createMeeting();
    const first = refreshOf(cardOf(post));
    expect(first.action).toMatchObject({ verb: 'refreshCard', data: { action: 'refreshCard', meetingId, card: 'checkinCard' } });
    expect(first.userIds.slice(0, 2).sort()).toEqual([member(0).id, member(1).id].sort());
    expect(first.userIds).toHaveLength(12);

    expect((await j.click(member(3), post.activityId, { action: 'checkin', meetingId, status: 'onsite' })).status).toBe(200);
    // The shared card is updated; member 3 now comes right after the creator and the chair group.
    await eventually(() => refreshOf(j.sharedCard(post)).userIds[2] === member(3).id || undefined, 5000, 'member 3 among the first in userIds');
    const sharedText = texts(j.sharedCard(post));
    expect(sharedText).toContain('Stäng närvaro');
    expect(sharedText).not.toContain('Din närvaro');

    const chair = invokeCard(await refresh(member(1), post.activityId, meetingId, 'checkinCard'));
    expect(texts(chair)).toContain('Stäng närvaro');
    expect(texts(chair)).toContain('Ändra träff');
    expect(texts(chair)).toContain('Ställ in');
    expect(texts(chair)).toContain('Din närvaro: Inte incheckad');
    expect(refreshOf(chair).userIds).toEqual(refreshOf(j.sharedCard(post)).userIds);

    const creator = texts(invokeCard(await refresh(member(0), post.activityId, meetingId, 'checkinCard')));
    expect(creator).toContain('Stäng närvaro');
    expect(creator).not.toContain('Ändra träff');

    const came = texts(invokeCard(await refresh(member(3), post.activityId, meetingId, 'checkinCard')));
    expect(came).toContain('Din närvaro: På plats');
    expect(came).not.toContain('Stäng närvaro');
    expect(came).not.toContain('Ställ in');

    const notYet = texts(invokeCard(await refresh(member(5), post.activityId, meetingId, 'checkinCard')));
    expect(notYet).toContain('Din närvaro: Inte incheckad');
    expect(notYet).toContain('"verb":"checkin"');
    expect(notYet).not.toContain('Stäng närvaro');
  });

  test('a refresh only reads: the same answer twice, nothing stored, nothing sent to Teams', async () => {
    const { post, meetingId } = await j.createMeeting();
    await j.click(member(4), post.activityId, { action: 'checkin', meetingId, status: 'online' });
    await eventually(() => j.connector.updatesOf(post.activityId).some((u) => texts(u.activity).includes('1 digitalt')) || undefined, 5000, 'the shared card updated');
    await new Promise((r) => setTimeout(r, 300));
    const sent = j.connector.sent.length;
    const before = await j.service.store.listAttendance(TENANT, meetingId);
    const meetingBefore = await j.service.store.getMeeting(TENANT, meetingId);
    const [a, b] = [await refresh(member(4), post.activityId, meetingId, 'checkinCard'), await refresh(member(4), post.activityId, meetingId, 'checkinCard')];
    expect(a.status).toBe(200);
    expect(invokeCard(a)).toEqual(invokeCard(b));
    expect(texts(invokeCard(a))).toContain('Din närvaro: Digitalt');
    await new Promise((r) => setTimeout(r, 300));
    expect(j.connector.sent.length).toBe(sent);
    expect(await j.service.store.listAttendance(TENANT, meetingId)).toEqual(before);
    expect(await j.service.store.getMeeting(TENANT, meetingId)).toEqual(meetingBefore);
  });

  test("someone outside the network is refused with the reason, and sees nothing of the meeting", async () => {
    const { post, meetingId } = await j.createMeeting();
    const fromOtherTeam = await refresh(member(2), post.activityId, meetingId, 'checkinCard', (a) => inTeam(a, OTHER_TEAM));
    const card = texts(invokeCard(fromOtherTeam));
    expect(card).toContain('Träffen hör till ett annat nätverk');
    expect(card).not.toContain('Rudbecksgymnasiet');
    expect(card).not.toContain('refreshCard');
  });

  test('a guest in the channel (not in the roster) gets the check-in buttons, nothing of the chair group', async () => {
    const { post, meetingId } = await j.createMeeting();
    const guest: TeamsUser = { id: '29:guest-1', aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001', name: 'Gäst Gästsson' };
    const card = texts(invokeCard(await refresh(guest, post.activityId, meetingId, 'checkinCard')));
    expect(card).toContain('Din närvaro: Inte incheckad');
    expect(card).toContain('"verb":"checkin"');
    expect(card).not.toContain('Stäng närvaro');
  });

  test('on the shared card, a member pressing Ställ in is told why and keeps the card as they see it', async () => {
    const { post, meetingId } = await j.createMeeting();
    const answer = invokeCard(await j.click(member(6), post.activityId, { action: 'cancelMeeting', meetingId }));
    expect(texts(answer)).toContain('Det får du inte göra i det här nätverket');
    expect(texts(answer)).toContain('Din närvaro: Inte incheckad');
    expect(texts(answer)).not.toContain('Ställ in');
    expect((await j.service.store.getMeeting(TENANT, meetingId))?.cancelled).toBeUndefined();
  });

  test('the agenda card and the justering status card: a member sees their status, a justerare their buttons', async () => {
    await j.assignRole(0, 1, 'sekreterare');
    const { post, meetingId } = await j.createMeeting();
    await j.click(member(3), post.activityId, { action: 'checkin', meetingId, status: 'apologies' });
    expect((await j.publishAgenda(1, meetingId)).status).toBe(200);
    const agendaPost = await eventually(() => j.connector.sent.find((s) => s.kind === 'post' && texts(s.activity).includes('"card":"agendaCard"')), 5000, 'the agenda card');
    expect(refreshOf(cardOf(agendaPost)).userIds).toContain(member(3).id);
    const agenda = texts(invokeCard(await refresh(member(3), agendaPost.activityId, meetingId, 'agendaCard')));
    expect(agenda).toContain('Din närvaro: Förhinder');
    expect(agenda).toContain('"verb":"proposeItem"');

    await j.sendMinutes(meetingId, 1, [2]);
    const statusPost = await eventually(() => j.connector.sent.find((s) => s.kind === 'post' && texts(s.activity).includes('"card":"justeringCard"')), 5000, 'the justering status card');
    expect(refreshOf(cardOf(statusPost)).userIds).toEqual([member(2).id]);
    expect(texts(cardOf(statusPost))).not.toContain('approveMinutes');
    const justerare = texts(invokeCard(await refresh(member(2), statusPost.activityId, meetingId, 'justeringCard')));
    expect(justerare).toContain('"verb":"approveMinutes"');
    expect(justerare).toContain('"verb":"requestMinutesChange"');
    const secretary = texts(invokeCard(await refresh(member(1), statusPost.activityId, meetingId, 'justeringCard')));
    expect(secretary).not.toContain('approveMinutes');
  });
});

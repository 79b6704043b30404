import type { MinutesContent } from '../../src/domain/minutes';
import { TestClock } from '../harness/clock';
import { invokeCard, Journey, texts, type CardJson } from '../harness/journey';
import { eventually } from '../harness/service';
import { botAdded, cardAction, inPersonalChat, postActivity, teamEvent, BOT, CHANNEL_ID, TEAM_ID, TENANT, type BotReply, type TeamsUser } from '../harness/teams';
import { cardProblems } from '../harness/validate-card';

const NETWORK = `/networks/${encodeURIComponent(TEAM_ID)}`;
const NOT_A_MEMBER = 'Du är inte medlem i det här nätverket.';

/** A person removed from the team in Teams: gone from the roster the emulator answers, and the event sent to the bot. */
async function removeFromTeam(j: Journey, who: TeamsUser): Promise<void> {
  j.connector.roster = j.connector.roster.filter((m) => m.id !== who.id);
  const event = teamEvent(j.serviceUrl, j.secretary, 'teamMemberRemoved', { membersRemoved: [{ id: who.id, aadObjectId: who.aadObjectId }] });
  expect((await postActivity(j.botUrl, event)).status).toBe(200);
}

/** A card action from the person's personal chat with the bot (where the justerare's cards are). */
function fromChat(j: Journey, who: TeamsUser, data: Record<string, unknown>): Promise<BotReply> {
  return postActivity(j.botUrl, inPersonalChat(cardAction(j.serviceUrl, who, 'personal-card', data)));
}

/** "What breaks today" 4, and the rest of the roster following Teams' conversationUpdate events. */
describe('the roster follows Teams', () => {
  let j: Journey;
  let meetingId = '';
  let checkinCardId = '';

  beforeEach(async () => {
    j = await new Journey().start({ members: 6 });
    expect((await j.install()).status).toBe(200);
    const created = await j.createMeeting({ date: '2030-02-04' });
    meetingId = created.meetingId;
    checkinCardId = created.post.activityId;
  });
  afterEach(async () => {
    await j.stop();
  });

  test("a member removed from the team gets 403 from the tab API for the network's minutes and their card actions are refused; added again, they are back", async () => {
    const leaver = j.members[3]!;
    expect((await j.api('GET', `${NETWORK}/minutes`, 3)).status).toBe(200);
    expect((await j.api('GET', `/meetings/${meetingId}/minutes`, 3)).status).toBe(200);

    await removeFromTeam(j, leaver);

    for (const path of [`${NETWORK}/minutes`, `/meetings/${meetingId}/minutes`, `/meetings/${meetingId}/agenda`, NETWORK]) {
      const res = await j.api('GET', path, 3);
      expect(res.status).toBe(403);
      expect(res.body.detail).toBe(NOT_A_MEMBER);
    }
    expect((await j.api('GET', '/me', 3)).body.networks).toEqual([]);
    const reply = await j.click(leaver, checkinCardId, { action: 'checkin', meetingId, status: 'onsite' });
    const card = invokeCard(reply);
    expect(cardProblems(card)).toEqual([]);
    expect(texts(card)).toContain(NOT_A_MEMBER);
    expect(await j.service.store.listAttendance(TENANT, meetingId)).toEqual([]);
    const proposal = await fromChat(j, leaver, { action: 'proposeItem', meetingId });
    expect(texts(invokeCard(proposal))).toContain(NOT_A_MEMBER);
    // Everyone else is unaffected.
    expect((await j.api('GET', `${NETWORK}/minutes`, 2)).status).toBe(200);
    const members = (await j.api('GET', `${NETWORK}/members`, 2)).body.members as { name: string }[];
    expect(members.map((m) => m.name)).not.toContain(leaver.name);

    // Added to the team again: a member again.
    j.connector.roster.push({ id: leaver.id, aadObjectId: leaver.aadObjectId, name: leaver.name, email: 'medlem3@lidkoping.se', userRole: 'user' });
    const back = teamEvent(j.serviceUrl, j.secretary, 'teamMemberAdded', { membersAdded: [{ id: leaver.id, aadObjectId: leaver.aadObjectId }] });
    expect((await postActivity(j.botUrl, back)).status).toBe(200);
    expect((await j.api('GET', `${NETWORK}/minutes`, 3)).status).toBe(200);
    expect((await j.service.store.getMember(TENANT, TEAM_ID, leaver.aadObjectId))?.leftAt).toBeUndefined();
  });

  test("a removed justerare's approval does not complete the justering; the secretary is told and can name another", async () => {
    const [SECRETARY, LEAVER, NEXT] = [1, 4, 2];
    await j.assignRole(0, SECRETARY, 'sekreterare');
    await j.sendMinutes(meetingId, SECRETARY, [LEAVER]);
    await eventually(() => j.personalCards(LEAVER).length > 0 || undefined, 5000, "the justerare's card");

    await removeFromTeam(j, j.members[LEAVER]!);

    const refused = await fromChat(j, j.members[LEAVER]!, { action: 'approveMinutes', meetingId, version: '1' });
    expect(texts(invokeCard(refused))).toContain(NOT_A_MEMBER);
    expect((await j.api('POST', `/meetings/${meetingId}/minutes/versions/1/approve`, LEAVER)).status).toBe(403);
    expect((await j.service.store.getMinutesVersion(TENANT, meetingId, 1))?.version).toMatchObject({ state: 'pending', approvals: [] });

    const notice = await eventually(() => j.personalCards(SECRETARY).find((c) => texts(c).includes('har lämnat')), 5000, 'the notice to the secretary');
    expect(cardProblems(notice)).toEqual([]);
    expect(texts(notice)).toContain(`${j.members[LEAVER]!.name} har lämnat nätverkets team och kan inte längre justera`);
    expect(texts(notice)).toContain('Välj en annan justerare i fliken');

    // They cannot be named again; another member can, and sending again supersedes version 1.
    const draft = await j.api('GET', `/meetings/${meetingId}/minutes`, SECRETARY);
    const again = await j.api('PUT', `/meetings/${meetingId}/minutes`, SECRETARY, { body: { content: draft.body.content }, ifMatch: draft.etag });
    expect(again.status).toBe(400);
    expect(again.body.errors).toEqual([expect.objectContaining({ field: 'justerare.0' })]);
    await j.sendMinutes(meetingId, SECRETARY, [NEXT]);
    expect((await j.service.store.getMinutesVersion(TENANT, meetingId, 1))?.version.state).toBe('superseded');
    const approved = await fromChat(j, j.members[NEXT]!, { action: 'approveMinutes', meetingId, version: '2' });
    expect(texts(invokeCard(approved))).toContain('Du har justerat');
    const v2 = (await j.service.store.getMinutesVersion(TENANT, meetingId, 2))?.version;
    expect(v2?.state).toBe('approved');
    expect((v2?.content as MinutesContent).justerare.map((p) => p.name)).toEqual([j.members[NEXT]!.name]);
  });

  test('a team renamed in Teams renames the network, and its new meetings', async () => {
    const event = teamEvent(j.serviceUrl, j.secretary, 'teamRenamed', { teamName: 'IM-nätverket Skaraborg' });
    expect((await postActivity(j.botUrl, event)).status).toBe(200);
    expect((await j.service.store.getNetwork(TENANT, TEAM_ID))?.name).toBe('IM-nätverket Skaraborg');
    expect((await j.api('GET', NETWORK, 2)).body).toMatchObject({ name: 'IM-nätverket Skaraborg' });
    const { formReply } = await j.createMeeting({ date: '2030-04-01' });
    expect(texts(invokeCard(formReply))).toContain('Träffen IM-nätverket Skaraborg 2030-04-01 är skapad.');
  });

  test('channels created, renamed and deleted in Teams follow in the network', async () => {
    const send = async (eventType: string, channel: { id: string; name?: string }) =>
      expect((await postActivity(j.botUrl, teamEvent(j.serviceUrl, j.secretary, eventType, { channel }))).status).toBe(200);
    const channels = async () => (await j.service.store.getNetwork(TENANT, TEAM_ID))?.channels.map((c) => `${c.id} ${c.name}`);
    await send('channelCreated', { id: '19:kdag@thread.tacv2', name: 'Arbetsgrupp K-dag' });
    expect(await channels()).toContain('19:kdag@thread.tacv2 Arbetsgrupp K-dag');
    await send('channelRenamed', { id: '19:kdag@thread.tacv2', name: 'K-dag 2030' });
    expect(await channels()).toContain('19:kdag@thread.tacv2 K-dag 2030');
    await send('channelDeleted', { id: CHANNEL_ID, name: 'Träffar' });
    expect(await channels()).toEqual(['19:general@thread.tacv2 General', '19:kdag@thread.tacv2 K-dag 2030']);
  });

  test('the bot removed from the team, or the team deleted, marks the network removed; adding the bot again registers it anew', async () => {
    const removed = teamEvent(j.serviceUrl, j.secretary, 'teamMemberRemoved', { membersRemoved: [{ id: BOT.id }] });
    expect((await postActivity(j.botUrl, removed)).status).toBe(200);
    const network = await j.service.store.getNetwork(TENANT, TEAM_ID);
    expect(network?.removedAt).toEqual(expect.any(String));
    // Nobody in it was removed with the bot.
    expect((await j.service.store.listMembers(TENANT, TEAM_ID)).filter((m) => m.leftAt)).toEqual([]);

    expect((await postActivity(j.botUrl, botAdded(j.serviceUrl, j.secretary))).status).toBe(200);
    expect((await j.service.store.getNetwork(TENANT, TEAM_ID))?.removedAt).toBeUndefined();

    expect((await postActivity(j.botUrl, teamEvent(j.serviceUrl, j.secretary, 'teamDeleted'))).status).toBe(200);
    expect((await j.service.store.getNetwork(TENANT, TEAM_ID))?.removedAt).toEqual(expect.any(String));
  });
});

describe('the roster is read again from Teams before deciding', () => {
  const clock = new TestClock(new Date('2029-06-01T08:00:00Z'));
  let j: Journey;
  let meetingId = '';
  let checkinCardId = '';

  beforeAll(async () => {
    j = await new Journey().start({ members: 5, clock });
    expect((await j.install()).status).toBe(200);
    // This morning's meeting (08:00 Stockholm time, started before the clock's 10:00), so its minutes can be sent.
    const created = await j.createMeeting({ date: '2029-06-01', start: '08:00', end: '09:00' });
    meetingId = created.meetingId;
    checkinCardId = created.post.activityId;
  });
  afterAll(async () => {
    await j.stop();
  });

  test('a person the store does not know, who is in the team, is a member when they act (not a guest)', async () => {
    const newcomer = { id: '29:newcomer', aadObjectId: 'cccccccc-0000-0000-0000-000000000001', name: 'Nina Nykomling', email: 'nina@hjo.se', userRole: 'user' };
    j.connector.roster.push(newcomer);
    const reply = await j.click(newcomer, checkinCardId, { action: 'checkin', meetingId, status: 'onsite' });
    expect(texts(invokeCard(reply))).toContain('Din närvaro: På plats');
    const record = (await j.service.store.listAttendance(TENANT, meetingId)).find((r) => r.personId === newcomer.aadObjectId);
    expect(record).toMatchObject({ guest: false, municipality: 'Hjo', name: 'Nina Nykomling' });
    expect((await j.api('GET', `${NETWORK}/minutes`, 0)).status).toBe(200);
  });

  test('a roster older than a day is read again in full: someone no longer in the team has left', async () => {
    const gone = j.members[2]!;
    j.connector.roster = j.connector.roster.filter((m) => m.id !== gone.id);
    // Within the day the stored roster is used as it is.
    clock.set('2029-06-01T20:00:00Z');
    expect(texts(invokeCard(await j.click(j.members[1]!, checkinCardId, { action: 'checkin', meetingId, status: 'online' })))).toContain('Din närvaro');
    expect((await j.api('GET', `${NETWORK}/minutes`, 2)).status).toBe(200);
    // A day later, the next action in the team reads it again.
    clock.set('2029-06-02T09:00:00Z');
    expect(texts(invokeCard(await j.click(j.members[1]!, checkinCardId, { action: 'checkin', meetingId, status: 'onsite' })))).toContain('Din närvaro');
    expect((await j.service.store.getNetwork(TENANT, TEAM_ID))?.rosterReadAt).toBe('2029-06-02T09:00:00.000Z');
    expect((await j.api('GET', `${NETWORK}/minutes`, 2)).status).toBe(403);
    const card: CardJson = invokeCard(await j.click(gone, checkinCardId, { action: 'checkin', meetingId, status: 'onsite' }));
    expect(texts(card)).toContain(NOT_A_MEMBER);
  });

  test("a justerare who left without the event reaching us cannot approve from personal chat once the roster is a day old; the secretary is told", async () => {
    const [SECRETARY, LEAVER] = [1, 3];
    await j.assignRole(0, SECRETARY, 'sekreterare');
    await j.sendMinutes(meetingId, SECRETARY, [LEAVER]);
    j.connector.roster = j.connector.roster.filter((m) => m.id !== j.members[LEAVER]!.id);
    clock.set('2029-06-03T10:00:00Z');
    const refused = await fromChat(j, j.members[LEAVER]!, { action: 'approveMinutes', meetingId, version: '1' });
    expect(texts(invokeCard(refused))).toContain(NOT_A_MEMBER);
    expect((await j.service.store.getMinutesVersion(TENANT, meetingId, 1))?.version).toMatchObject({ state: 'pending', approvals: [] });
    const notice = await eventually(() => j.personalCards(SECRETARY).find((c) => texts(c).includes('har lämnat')), 5000, 'the notice to the secretary');
    expect(cardProblems(notice)).toEqual([]);
  });

  test('a burst of clicks on a day-old roster reads it from Teams once', async () => {
    clock.set('2029-06-05T09:00:00Z');
    const before = j.connector.rosterPageReads;
    const present = j.members.filter((m) => j.connector.roster.some((r) => r.id === m.id));
    const replies = await Promise.all(present.map((m) => j.click(m, checkinCardId, { action: 'checkin', meetingId, status: 'online' })));
    expect(replies.map((r) => texts(invokeCard(r)).includes('Din närvaro: Digitalt'))).toEqual(present.map(() => true));
    expect(j.connector.rosterPageReads - before).toBe(1);
    expect((await j.service.store.getNetwork(TENANT, TEAM_ID))?.rosterReadAt).toBe('2029-06-05T09:00:00.000Z');
  });
});

import type { Sent } from '../harness/connector-emulator';
import { invokeCard, Journey, texts } from '../harness/journey';
import { eventually } from '../harness/service';
import {
  botAdded,
  cardAction,
  channelMessage,
  inPersonalChat,
  inTeam,
  makeRoster,
  postActivity,
  userFrom,
  CHANNEL_ID,
  OTHER_TEAM,
  TEAM_ID,
  TENANT,
  type BotReply,
  type TeamsUser,
} from '../harness/teams';
import { cardProblems } from '../harness/validate-card';

const REFUSED = 'Träffen hör till ett annat nätverk, som du inte kan göra något i härifrån. Inget har ändrats.';

/**
 * "What breaks today" 3: card actions are tied to their network. Two teams (IM-nätverket and
 * SKIS) in one tenant, each a network; a member of IM-nätverket sends card actions that carry
 * SKIS's meeting id, from IM-nätverket's channel and from their personal chat.
 */
describe('a card action is checked against the conversation it comes from', () => {
  let j: Journey;
  let skis: TeamsUser[] = [];
  let skisMeetingId = '';
  let skisPost: Sent;
  let imPost: Sent;

  const inSkis = (activity: Record<string, unknown>) => postActivity(j.botUrl, inTeam(activity, OTHER_TEAM));
  const fromIm = (user: TeamsUser, data: Record<string, unknown>) => j.click(user, imPost.activityId, data);
  const fromChat = (user: TeamsUser, data: Record<string, unknown>): Promise<BotReply> =>
    postActivity(j.botUrl, inPersonalChat(cardAction(j.serviceUrl, user, 'personal-card', data)));
  const refusal = (reply: BotReply): string => {
    const card = invokeCard(reply);
    expect(cardProblems(card)).toEqual([]);
    return texts(card);
  };

  beforeAll(async () => {
    j = await new Journey().start({ members: 5 });
    expect((await j.install()).status).toBe(200);
    imPost = (await j.createMeeting({ date: '2030-02-04' })).post;

    // SKIS: its own team, roster and meeting, with one of its members checked in.
    const roster = makeRoster(3).map((m, i) => ({ ...m, id: `29:skis-${i}`, aadObjectId: `bbbbbbbb-0000-0000-0000-${String(i).padStart(12, '0')}`, name: `SKIS-medlem ${i} Berg` }));
    j.connector.rosters.set(OTHER_TEAM.id, roster);
    skis = roster.map(userFrom);
    expect((await inSkis(botAdded(j.serviceUrl, skis[0]!))).status).toBe(200);
    const before = j.connector.sent.length;
    expect((await inSkis(channelMessage(j.serviceUrl, skis[0]!, 'ny träff'))).status).toBe(200);
    const form = await eventually(() => j.connector.sent.slice(before).find((s) => s.kind === 'reply' && s.conversationId.startsWith(OTHER_TEAM.channelId)), 5000, 'the SKIS form');
    const formId = /"formId":"([^"]+)"/.exec(texts(form.activity))?.[1] ?? '';
    const data = { action: 'createMeeting', formId, date: '2030-03-06', start: '09:00', end: '11:00', place: 'Skövde', mode: 'onsite' };
    expect((await inSkis(cardAction(j.serviceUrl, skis[0]!, form.activityId, data))).status).toBe(200);
    skisPost = await eventually(() => j.connector.sent.find((s) => s.kind === 'post' && s.conversationId === OTHER_TEAM.channelId), 5000, 'the SKIS check-in card');
    skisMeetingId = /"meetingId":"([^"]+)"/.exec(texts(skisPost.activity))?.[1] ?? '';
    expect((await j.service.store.getMeeting(TENANT, skisMeetingId))?.networkId).toBe(OTHER_TEAM.id);
    const checkin = await inSkis(cardAction(j.serviceUrl, skis[1]!, skisPost.activityId, { action: 'checkin', meetingId: skisMeetingId, status: 'onsite' }));
    expect(texts(invokeCard(checkin))).toContain('SKIS-medlem 1 Berg');
  });
  afterAll(async () => {
    await j.stop();
  });

  test("a member of one network is not checked in to another network's meeting, and does not see its members", async () => {
    const intruder = j.members[3]!;
    for (const reply of [
      await fromIm(intruder, { action: 'checkin', meetingId: skisMeetingId, status: 'onsite' }),
      await fromIm(intruder, { action: 'undo', meetingId: skisMeetingId }),
      await fromChat(intruder, { action: 'checkin', meetingId: skisMeetingId, status: 'online' }),
    ]) {
      expect(reply.status).toBe(200);
      const card = refusal(reply);
      expect(card).toContain(REFUSED);
      expect(card).not.toContain('SKIS-medlem');
    }
    const records = await j.service.store.listAttendance(TENANT, skisMeetingId);
    expect(records.map((r) => r.name)).toEqual(['SKIS-medlem 1 Berg']);
    // SKIS's minutes start from its check-in: the intruder is not in them.
    const minutes = await j.service.store.getMinutes(TENANT, skisMeetingId);
    expect(JSON.stringify(minutes ?? {})).not.toContain(intruder.name);
    // SKIS's own members still check in from SKIS's channel.
    const own = await inSkis(cardAction(j.serviceUrl, skis[2]!, skisPost.activityId, { action: 'checkin', meetingId: skisMeetingId, status: 'online' }));
    expect(texts(invokeCard(own))).toContain('Din närvaro: Digitalt');
  });

  test("from another tenant, a meeting id is not found (its existence is not told) and nothing changes", async () => {
    const activity = cardAction(j.serviceUrl, j.members[1]!, skisPost.activityId, { action: 'checkin', meetingId: skisMeetingId, status: 'onsite' });
    const conversation = activity.conversation as Record<string, unknown>;
    const other = { ...activity, conversation: { ...conversation, tenantId: 'tenant-2' }, channelData: { ...(activity.channelData as object), tenant: { id: 'tenant-2' } } };
    const reply = await postActivity(j.botUrl, inTeam(other, OTHER_TEAM));
    expect(refusal(reply)).toContain('Träffen finns inte (längre). Inget har ändrats.');
    expect((await j.service.store.listAttendance(TENANT, skisMeetingId)).map((r) => r.personId)).not.toContain(j.members[1]!.aadObjectId);
  });

  test("createMeeting with another network's meeting id as its form id posts nothing here and changes nothing", async () => {
    const form = await j.say('ny träff');
    const posts = j.connector.sent.filter((s) => s.kind === 'post').length;
    const reply = await j.click(j.secretary, form.activityId, {
      action: 'createMeeting', formId: skisMeetingId, date: '2030-05-05', start: '10:00', end: '12:00', place: 'Hjo', mode: 'onsite',
    });
    expect(reply.status).toBe(200);
    const card = refusal(reply);
    expect(card).toContain(REFUSED);
    expect(card).not.toContain('SKIS');
    await new Promise((r) => setTimeout(r, 300));
    const sentHere = j.connector.sent.filter((s) => s.conversationId.startsWith(CHANNEL_ID) || s.conversationId === TEAM_ID);
    expect(sentHere.some((s) => texts(s.activity).includes('SKIS'))).toBe(false);
    expect(j.connector.sent.filter((s) => s.kind === 'post')).toHaveLength(posts);
    const stored = await j.service.store.getMeeting(TENANT, skisMeetingId);
    expect(stored).toMatchObject({ networkId: OTHER_TEAM.id, date: '2030-03-06', place: 'Skövde' });
    // The form still works with its own id.
    const formId = /"formId":"([^"]+)"/.exec(texts(form.activity))?.[1] ?? '';
    const ok = await j.click(j.secretary, form.activityId, { action: 'createMeeting', formId, date: '2030-05-05', start: '10:00', end: '12:00', place: 'Hjo', mode: 'onsite' });
    expect(texts(invokeCard(ok))).toContain('Träffen IM-nätverket 2030-05-05 är skapad.');
  });

  test("the proposal form does not show another network's meeting, and nothing is proposed to it", async () => {
    const intruder = j.members[2]!;
    const form = await fromIm(intruder, { action: 'proposeItem', meetingId: skisMeetingId });
    expect(refusal(form)).toContain(REFUSED);
    expect(texts(form.body)).not.toContain('SKIS');
    const submit = await fromIm(intruder, { action: 'submitProposal', meetingId: skisMeetingId, proposalId: 'p-intruder', title: 'Min punkt', description: 'Text' });
    expect(refusal(submit)).toContain(REFUSED);
    const viaChat = await fromChat(intruder, { action: 'proposeItem', meetingId: skisMeetingId });
    expect(refusal(viaChat)).toContain(REFUSED);
    expect(await j.service.store.listProposals(TENANT, skisMeetingId)).toEqual([]);
    // From its own channel, a SKIS member gets the form for SKIS's meeting.
    const own = await inSkis(cardAction(j.serviceUrl, skis[1]!, skisPost.activityId, { action: 'proposeItem', meetingId: skisMeetingId }));
    expect(texts(invokeCard(own))).toContain('SKIS');
  });

  test("a justerare's answer from personal chat is refused for a network they are not a member of", async () => {
    const reply = await fromChat(j.members[1]!, { action: 'approveMinutes', meetingId: skisMeetingId, version: '1' });
    expect(refusal(reply)).toContain(REFUSED);
    // And the channel of one network cannot carry the other's close button either.
    const close = await fromIm(j.secretary, { action: 'close', meetingId: skisMeetingId });
    expect(refusal(close)).toContain(REFUSED);
    expect((await j.service.store.getMeeting(TENANT, skisMeetingId))?.attendanceClosed).toBe(false);
  });
});

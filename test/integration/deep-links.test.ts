import { parseSubEntityId, CHANNEL_TAB_ENTITY_ID, type TabPlace } from '../../src/domain/tab-links';
import { invokeCard, Journey, texts, type CardJson } from '../harness/journey';
import { eventually } from '../harness/service';
import { CHANNEL_ID } from '../harness/teams';
import { cardProblems } from '../harness/validate-card';

/**
 * Issue 12: with a Teams app id (TEAMS_APP_ID), every card and message that points into the tab
 * does so with a Teams deep link into the channel tab of the meeting's channel, whose context
 * names the meeting and the view; none opens the tab's web page.
 */

const APP_ID = '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const DEEP_LINK_PREFIX = `https://teams.microsoft.com/l/entity/${APP_ID}/${CHANNEL_TAB_ENTITY_ID}?`;

/** Every `url` an action or selectAction in the card carries. */
function urlsOf(card: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'url' && typeof value === 'string') found.push(value);
        else walk(value);
      }
    }
  };
  walk(card);
  return found;
}

/** The place a deep link names, with the channel in its context; fails the test for any other link. */
function placeOf(link: string): TabPlace & { channelId: string } {
  expect(link.startsWith(DEEP_LINK_PREFIX)).toBe(true);
  const context = JSON.parse(new URL(link).searchParams.get('context') ?? '') as { subEntityId: string; channelId: string };
  const place = parseSubEntityId(context.subEntityId);
  if (!place) throw new Error(`no place in ${link}`);
  return { ...place, channelId: context.channelId };
}

/** The links into the tab among a card's urls: deep links, and anything on the service's /tab/ pages. */
const tabLinks = (card: unknown, serviceUrl: string): string[] =>
  urlsOf(card).filter((u) => u.startsWith('https://teams.microsoft.com/l/entity/') || u.startsWith(`${serviceUrl}/tab`) || u.includes('/tab/channel'));

describe('links into the tab from cards and messages', () => {
  let j: Journey;
  let meetingId = '';
  const CHAIR = 0;
  const invokeCards: CardJson[] = [];

  beforeAll(async () => {
    j = await new Journey().start({ members: 5, env: { TEAMS_APP_ID: APP_ID } });
    await j.install();
    await j.assignRole(0, CHAIR, 'ordforande');
    meetingId = (await j.createMeeting({ date: '2030-02-04' })).meetingId;
    expect((await j.publishAgenda(CHAIR, meetingId)).status).toBe(200);
  });
  afterAll(async () => {
    await j.stop();
  });

  test("the agenda card opens the meeting's agenda in the channel tab of the meeting's channel", async () => {
    const post = await eventually(() => j.connector.sent.find((s) => s.kind === 'post' && texts(s.activity).includes('Dagordning')), 5000, 'the agenda card');
    const card = j.sharedCard(post);
    expect(cardProblems(card)).toEqual([]);
    const links = tabLinks(card, j.service.url);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(placeOf(link)).toEqual({ meetingId, view: 'agenda', channelId: CHANNEL_ID });
    // The fallback for a client that can't show the tab is the same place on the service's page.
    expect(new URL(links[0]!).searchParams.get('webUrl')?.endsWith(`/tab/channel?meeting=${encodeURIComponent(meetingId)}`)).toBe(true);
  });

  test("a proposal reaches the chair group with a link to the meeting's agenda", async () => {
    const agendaCardId = (await eventually(() => j.connector.sent.find((s) => s.kind === 'post' && texts(s.activity).includes('Dagordning')), 5000, 'agenda card')).activityId;
    const form = invokeCard(await j.click(j.members[3]!, agendaCardId, { action: 'proposeItem', meetingId }));
    const proposalId = /"proposalId":"([^"]+)"/.exec(texts(form))?.[1] ?? '';
    await j.click(j.members[3]!, agendaCardId, { action: 'submitProposal', meetingId, proposalId, title: 'Gemensam K-dag', description: '' });
    const told = await eventually(() => j.personalCards(CHAIR).find((c) => texts(c).includes('Gemensam K-dag')), 5000, 'the chair told');
    expect(cardProblems(told)).toEqual([]);
    const links = tabLinks(told, j.service.url);
    expect(links).toHaveLength(1);
    expect(placeOf(links[0]!)).toEqual({ meetingId, view: 'agenda', channelId: CHANNEL_ID });
  });

  test("the justering cards open the meeting's minutes", async () => {
    expect((await j.sendMinutes(meetingId, CHAIR, [2])).status).toBe(200);
    await j.service.runDelivery();
    const justerare = await eventually(() => (j.personalCards(2).length > 0 ? j.personalCards(2) : undefined), 5000, 'the justerare asked');
    const channelCards = j.connector.sent.filter((s) => (s.kind === 'post' || s.kind === 'update') && s.conversationId.startsWith(CHANNEL_ID)).map((s) => s.activity);
    const minutesLinks = [...justerare, ...channelCards].flatMap((c) => tabLinks(c, j.service.url)).filter((l) => placeOf(l).view === 'minutes');
    expect(minutesLinks.length).toBeGreaterThan(0);
    for (const link of minutesLinks) expect(placeOf(link)).toEqual({ meetingId, view: 'minutes', channelId: CHANNEL_ID });
  });

  test('a meeting recorded afterwards links to its minutes', async () => {
    const form = await j.say('ny träff');
    const formId = /"formId":"([^"]+)"/.exec(JSON.stringify(form.activity))?.[1] ?? '';
    const values = { date: '2030-01-10', start: '09:00', end: '11:00', place: 'Hjo', mode: 'onsite', teamsLink: '' };
    const recorded = invokeCard(await j.click(j.members[CHAIR]!, form.activityId, { action: 'createMeeting', formId, past: 'yes', ...values }));
    invokeCards.push(recorded);
    expect(texts(recorded)).toContain('är registrerad som genomförd');
    expect(cardProblems(recorded)).toEqual([]);
    const links = tabLinks(recorded, j.service.url);
    expect(links).toHaveLength(1);
    expect(placeOf(links[0]!)).toEqual({ meetingId: formId, view: 'minutes', channelId: CHANNEL_ID });
  });

  test('nothing the bot sent opens the tab as a web page', () => {
    const everything = [...j.connector.sent.map((s) => s.activity), ...invokeCards];
    const links = everything.flatMap((c) => tabLinks(c, j.service.url));
    expect(links.length).toBeGreaterThan(3);
    expect(links.filter((l) => !l.startsWith(DEEP_LINK_PREFIX))).toEqual([]);
  });
});

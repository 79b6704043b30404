import type { NetworkMember } from '../../src/http/api-contract';
import { invokeCard, texts } from '../harness/journey';
import { eventually } from '../harness/service';
import { TEAM_ID, type TeamsUser } from '../harness/teams';
import { expectText, startTabRig, tabFrame, type TabRig } from '../harness/teams-host/tab-rig';

/**
 * Issue 12, links into the tab: a card's Teams deep link, followed in the Teams host as Teams
 * follows it, opens the channel tab at the meeting and view it names (the tab reads the context's
 * sub-page id); outside Teams the URL's query still does.
 */

const APP_ID = '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const OPEN_DEEP_LINK = (link: string): string => `teamsHost.openDeepLink(${JSON.stringify(link)})`;

/** Every `url` in a card. */
function urlsOf(card: unknown): string[] {
  return [...JSON.stringify(card).matchAll(/"url":"([^"]+)"/g)].map((m) => m[1] ?? '');
}

/** The card's deep link into the tab (it has one). */
function deepLinkOf(card: unknown): string {
  const link = urlsOf(card).find((u) => u.startsWith('https://teams.microsoft.com/l/entity/'));
  if (!link) throw new Error(`no deep link in ${texts(card)}`);
  return link;
}

/** Yesterday in Stockholm, YYYY-MM-DD: a meeting already held. */
function yesterday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() - 36 * 3600 * 1000));
}

describe('deep links into the channel tab', () => {
  let rig: TabRig;
  let meetingId = '';
  let chair: TeamsUser;
  let reader: TeamsUser;

  beforeAll(async () => {
    rig = await startTabRig({ members: 4, env: { TEAMS_APP_ID: APP_ID } });
    const { journey } = rig;
    const [admin, , r, c] = journey.members as [TeamsUser, TeamsUser, TeamsUser, TeamsUser];
    reader = r;
    chair = c;
    const role = await rig.apiAs<NetworkMember>(admin, 'PUT', `/api/v1/networks/${encodeURIComponent(TEAM_ID)}/members/${chair.aadObjectId}/role`, { body: { role: 'ordforande' } });
    expect(role.status).toBe(200);
    // Another meeting first: the deep link must open the one it names, not the first in the list.
    await journey.createMeeting({ date: '2030-01-28', place: 'Skövde' });
    meetingId = (await journey.createMeeting({ date: '2030-02-04', place: 'Rudbecksgymnasiet, Tidaholm' })).meetingId;
    expect((await journey.publishAgenda(3, meetingId)).status).toBe(200);
  }, 90000);

  afterAll(async () => {
    await rig?.stop();
  });

  test("the agenda card's link opens that meeting's agenda in the tab", async () => {
    const post = await eventually(() => rig.journey.connector.sent.find((s) => s.kind === 'post' && texts(s.activity).includes('Dagordning')), 5000, 'the agenda card');
    const link = deepLinkOf(rig.journey.sharedCard(post));
    // The member is in the channel with the tab's list of meetings; then follows the card's link.
    const { page, tab } = await rig.open(reader, '/tab/channel', { appId: APP_ID });
    try {
      await tab.getByRole('heading', { level: 1, name: 'Kommande träffar' }).waitFor();
      expect(await page.evaluate(OPEN_DEEP_LINK(link))).toBe('opened');
      await tab.getByRole('heading', { level: 1, name: 'Dagordning' }).waitFor();
      await expectText(tab.locator('[data-meeting-heading]'), '4 februari 2030');
      expect(await tab.locator('[data-meeting-view]').getAttribute('data-meeting-view')).toBe('agenda');
      expect(await tab.getByRole('tab', { name: 'Dagordning' }).getAttribute('aria-selected')).toBe('true');
      // The place is in the tab's URL now: back to the list, and the browser's back returns to the meeting.
      await tab.getByRole('button', { name: 'Tillbaka till träffarna' }).click();
      await tab.getByRole('heading', { level: 1, name: 'Kommande träffar' }).waitFor();
      await (await tabFrame(page)).evaluate('history.back()');
      await tab.getByRole('heading', { level: 1, name: 'Dagordning' }).waitFor();
      await expectText(tab.locator('[data-meeting-heading]'), '4 februari 2030');
    } finally {
      await page.close();
    }
  });

  test("a meeting recorded afterwards: the link in the chair's answer opens its minutes", async () => {
    const { journey } = rig;
    const form = await journey.say('ny träff', chair);
    const formId = /"formId":"([^"]+)"/.exec(JSON.stringify(form.activity))?.[1] ?? '';
    const values = { date: yesterday(), start: '09:00', end: '11:00', place: 'Hjo', mode: 'onsite', teamsLink: '' };
    const recorded = invokeCard(await journey.click(chair, form.activityId, { action: 'createMeeting', formId, past: 'yes', ...values }));
    expect(texts(recorded)).toContain('är registrerad som genomförd');
    const { page, tab } = await rig.open(chair, '/tab/channel', { appId: APP_ID });
    try {
      await tab.getByRole('heading', { level: 1, name: 'Kommande träffar' }).waitFor();
      expect(await page.evaluate(OPEN_DEEP_LINK(deepLinkOf(recorded)))).toBe('opened');
      await tab.getByRole('heading', { level: 1, name: 'Protokoll' }).waitFor();
      expect(await tab.getByRole('tab', { name: 'Protokoll' }).getAttribute('aria-selected')).toBe('true');
      expect(await tab.locator('[data-meeting-view]').getAttribute('data-meeting-view')).toBe('minutes');
      await expectText(tab.locator('[data-meeting-heading]'), 'Hjo');
    } finally {
      await page.close();
    }
  });

  test('a sub-page id the tab does not know opens the list, as without one', async () => {
    const { tab, page } = await rig.open(reader, '/tab/channel', { subEntityId: 'task/456' });
    try {
      await tab.getByRole('heading', { level: 1, name: 'Kommande träffar' }).waitFor();
      expect(await tab.locator('[data-meeting-view]').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  test("a link to another channel's tab is not this tab's (the host, as Teams, does not open it)", async () => {
    const post = await eventually(() => rig.journey.connector.sent.find((s) => s.kind === 'post' && texts(s.activity).includes('Dagordning')), 5000, 'the agenda card');
    const { page } = await rig.open(reader, '/tab/channel', { appId: APP_ID, channelId: '19:another@thread.tacv2' });
    try {
      expect(await page.evaluate(OPEN_DEEP_LINK(deepLinkOf(rig.journey.sharedCard(post))))).toMatch(/^another channel/);
    } finally {
      await page.close();
    }
  });
});

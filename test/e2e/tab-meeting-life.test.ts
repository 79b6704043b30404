import fs from 'node:fs';
import type { FrameLocator, Page } from 'playwright-core';
import { buildTab } from '../../scripts/build-tab';
import { launchBrowser } from '../harness/browser';
import type { NetworkMember } from '../../src/http/api-contract';
import { Journey, texts } from '../harness/journey';
import type { Sent } from '../harness/connector-emulator';
import { spawnService, type RunningService } from '../harness/process';
import { eventually, tempDir } from '../harness/service';
import { startTeamsHost, type TeamsHost } from '../harness/teams-host/server';
import { expectNoSeriousAxeViolations, expectText } from '../harness/teams-host/tab-rig';
import { CHANNEL_ID, TEAM_ID, TENANT, type TeamsUser } from '../harness/teams';
import { TestIssuer } from '../harness/test-issuer';

/**
 * Issue 10, meetings follow real life, through the tab in Chromium inside the Teams host: the
 * chair group moves a meeting (into a day with another meeting: both are told apart by their
 * start), cancels one, and records a meeting already held, whose minutes open at once; the
 * check-in cards in the channel follow (the connector emulator gets the updates).
 */
const CLIENT_ID = 'c1a2b3c4-0000-4000-8000-0000000007ac';

describe('meeting life events in the channel tab', () => {
  const issuer = new TestIssuer();
  let journey: Journey;
  let svc: RunningService;
  let host: TeamsHost;
  let dataDir: string;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let chair: TeamsUser;
  let member: TeamsUser;
  let first: { post: Sent; meetingId: string };
  let second: { post: Sent; meetingId: string };

  beforeAll(async () => {
    await buildTab();
    await issuer.start();
    journey = await new Journey().startTeam({ members: 4 });
    dataDir = tempDir('justera-tab-life-');
    svc = await spawnService({ DATA_DIR: dataDir, PLAYGROUND: 'off', AAD_APP_CLIENT_ID: CLIENT_ID, ALLOWED_TENANTS: TENANT, SSO_AUTHORITY: issuer.url });
    journey.botUrl = svc.url;
    expect((await journey.install()).status).toBe(200);
    first = await journey.createMeeting({ date: '2030-02-04', start: '13:00', end: '15:00', place: 'Skövde', mode: 'onsite', teamsLink: '' });
    second = await journey.createMeeting({ date: '2030-02-11', start: '13:00', end: '15:00', place: 'Lidköping', mode: 'onsite', teamsLink: '' });
    chair = journey.members[1] as TeamsUser;
    member = journey.members[2] as TeamsUser;
    const owner = journey.members[0] as TeamsUser;
    const res = await apiAs<NetworkMember>(owner, 'PUT', `/api/v1/networks/${encodeURIComponent(TEAM_ID)}/members/${chair.aadObjectId}/role`, { body: { role: 'ordforande' } });
    expect(res.status).toBe(200);
    expect((await journey.click(member, first.post.activityId, { action: 'checkin', meetingId: first.meetingId, status: 'onsite' })).status).toBe(200);
    host = await startTeamsHost(svc.url);
    browser = await launchBrowser();
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (svc && svc.proc.exitCode === null) expect(await svc.interrupt()).toBe(0);
    await journey?.connector.stop();
    await issuer.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function apiAs<T>(who: TeamsUser, method: string, apiPath: string, opts: { body?: unknown } = {}): Promise<{ status: number; body: T }> {
    const bearer = await issuer.token({ tid: TENANT, oid: who.aadObjectId, aud: CLIENT_ID, name: who.name });
    const res = await fetch(`${svc.url}${apiPath}`, {
      method,
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as T };
  }

  async function openChannelAs(who: TeamsUser, query = ''): Promise<{ page: Page; tab: FrameLocator }> {
    const bearer = await issuer.token({ tid: TENANT, oid: who.aadObjectId, aud: CLIENT_ID, name: who.name });
    const page = await browser.context.newPage();
    await page.goto(host.pageUrl({ tab: `/tab/channel${query}`, userId: who.aadObjectId, tid: TENANT, locale: 'sv-SE', theme: 'default', token: bearer, teamId: TEAM_ID, channelId: CHANNEL_ID }));
    return { page, tab: page.frameLocator('#tab') };
  }

  const sharedCard = (post: Sent): string => texts(journey.sharedCard(post));

  test('move: the chair group changes the date and time on the meeting page; it says "Flyttad till …", the card follows, two meetings that day are told apart', async () => {
    const { page, tab } = await openChannelAs(chair, `?meeting=${first.meetingId}`);
    try {
      await expectText(tab.locator('[data-meeting-heading]'), 'Måndag 4 februari 2030, 13:00–15:00');
      await tab.getByRole('button', { name: 'Ändra träff' }).click();
      const form = tab.locator('form[data-meeting-form]');
      await form.getByLabel('Datum').fill('2030-02-11');
      await form.getByLabel('Starttid').fill('09:00');
      await form.getByLabel('Sluttid').fill('08:00');
      await form.getByRole('button', { name: 'Spara ändringen' }).click();
      // The server's reason, at the field.
      await expectText(form, 'Sluttiden måste vara efter starttiden.');
      await form.getByLabel('Sluttid').fill('11:00');
      await form.getByRole('button', { name: 'Spara ändringen' }).click();
      await expectText(tab.locator('[data-meeting-life-done]'), 'Träffen är ändrad.');
      await expectText(tab.locator('[data-meeting-moved]'), 'Flyttad till Måndag 11 februari 2030 · 09:00–11:00');
      await expectText(tab.locator('[data-meeting-moved]'), 'Var: Måndag 4 februari 2030 · 13:00–15:00');
      await expectText(tab.locator('[data-meeting-heading]'), 'Måndag 11 februari 2030, 09:00–11:00');
      const frame = await (await page.waitForSelector('#tab')).contentFrame();
      if (frame) await expectNoSeriousAxeViolations(frame, 'a moved meeting');

      // Back to the list: both meetings of 11 February are named by their start.
      await tab.getByRole('button', { name: 'Tillbaka till träffarna' }).click();
      await tab.locator(`[data-open-agenda="${first.meetingId}"]`).waitFor();
      const openFirst = await tab.locator(`[data-open-agenda="${first.meetingId}"]`).innerText();
      const openSecond = await tab.locator(`[data-open-agenda="${second.meetingId}"]`).innerText();
      expect(openFirst).toContain('måndag 11 februari 2030 kl 09.00');
      expect(openSecond).toContain('måndag 11 februari 2030 kl 13.00');
      await expectText(tab.locator(`tr[data-meeting-id="${first.meetingId}"]`), 'Flyttad');
    } finally {
      await page.close();
    }
    // The cards in the channel: the moved one says so, keeps who checked in; the other names its start.
    await eventually(() => sharedCard(first.post).includes('Flyttad till Måndag 11 februari 2030 · 09:00–11:00') || undefined, 8000, 'the moved check-in card');
    expect(sharedCard(first.post)).toContain(member.name);
    await eventually(() => sharedCard(second.post).includes('IM-nätverket kl 13.00') || undefined, 8000, 'the other meeting naming its start');
  });

  test('a plain member sees no "Ändra träff" or "Ställ in"', async () => {
    const { page, tab } = await openChannelAs(member, `?meeting=${second.meetingId}`);
    try {
      await expectText(tab.locator('[data-meeting-heading]'), 'Måndag 11 februari 2030, 13:00–15:00');
      await tab.locator('[data-meeting-life-panel]').waitFor();
      expect(await tab.getByRole('button', { name: /Ändra träff|Ställ in träffen/ }).count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  test('cancel: after a confirmation the meeting page says "Inställd", the list marks it, the card loses its buttons', async () => {
    const { page, tab } = await openChannelAs(chair, `?meeting=${second.meetingId}`);
    try {
      await tab.getByRole('button', { name: 'Ställ in träffen' }).click();
      await expectText(tab.locator('[data-confirm-cancel]'), 'Det kan inte ångras.');
      await tab.getByRole('button', { name: 'Nej, behåll den' }).click();
      expect(await tab.locator('[data-meeting-cancelled]').count()).toBe(0);
      await tab.getByRole('button', { name: 'Ställ in träffen' }).click();
      await tab.getByRole('button', { name: 'Ja, ställ in träffen' }).click();
      await expectText(tab.locator('[data-meeting-cancelled]'), 'Inställd');
      await expectText(tab.locator('[data-meeting-life-done]'), 'Träffen är inställd.');
      expect(await tab.getByRole('button', { name: /Ändra träff|Ställ in träffen/ }).count()).toBe(0);
      await tab.getByRole('button', { name: 'Tillbaka till träffarna' }).click();
      await expectText(tab.locator(`tr[data-meeting-id="${second.meetingId}"]`), 'Inställd');
      // Alone again on its day: the moved meeting needs no start time in the list.
      expect(await tab.locator(`[data-open-agenda="${first.meetingId}"]`).innerText()).not.toContain('kl 09.00');
    } finally {
      await page.close();
    }
    await eventually(() => sharedCard(second.post).includes('Träffen är inställd av') || undefined, 8000, 'the cancelled check-in card');
    expect(sharedCard(second.post)).not.toContain('Action.Execute');
  });

  test('a past meeting: "Registrera genomförd träff" records it and opens its minutes, no check-in card is posted', async () => {
    const posts = journey.connector.sent.filter((s) => s.kind === 'post').length;
    const { page, tab } = await openChannelAs(chair);
    try {
      const section = tab.locator('[data-record-past]');
      await section.getByRole('button', { name: 'Registrera genomförd träff' }).click();
      await section.getByLabel('Datum').fill('2024-05-24');
      await section.getByLabel('Starttid').fill('09:00');
      await section.getByLabel('Sluttid').fill('11:00');
      await section.getByLabel('Plats').fill('Skara');
      await section.getByRole('button', { name: 'Registrera och skriv protokollet' }).click();
      await tab.locator('[data-meeting-view="minutes"]').waitFor();
      const frame = await (await page.waitForSelector('#tab')).contentFrame();
      const meetingId = String(await frame?.evaluate('new URLSearchParams(location.search).get("meeting")'));
      expect(meetingId).toMatch(/^tab-/);
      await expectText(tab.locator('[data-meeting-view="minutes"]'), '2024');
      const recorded = await apiAs<{ meeting: { recordedAfterwards?: boolean; date: string } }>(chair, 'GET', `/api/v1/meetings/${meetingId}`);
      expect(recorded.body.meeting).toMatchObject({ date: '2024-05-24', recordedAfterwards: true });
    } finally {
      await page.close();
    }
    expect(journey.connector.sent.filter((s) => s.kind === 'post').length).toBe(posts);
  });
});

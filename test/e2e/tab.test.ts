import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ImpactValue } from 'axe-core';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { buildTab } from '../../scripts/build-tab';
import { launchBrowser, outputPath } from '../harness/browser';
import type { AgendaResponse, AgendaSaveRequest, NetworkMember, ProposalsResponse } from '../../src/http/api-contract';
import { invokeCard, Journey, texts } from '../harness/journey';
import { ROOT, spawnService, type RunningService } from '../harness/process';
import { eventually, tempDir } from '../harness/service';
import { startTeamsHost, type TeamsHost } from '../harness/teams-host/server';
import { CHANNEL_ID, TEAM_ID, TENANT, type TeamsUser } from '../harness/teams';
import { TestIssuer } from '../harness/test-issuer';

/**
 * The tab in Debian's Chromium: built by scripts/build-tab.ts, served by the real service
 * (local mode, with Teams SSO verified against a test issuer on 127.0.0.1), embedded in the
 * Teams host test page that answers teams-js like Teams does. Data is seeded through the bot
 * as Teams would: install, a meeting, check-ins.
 */

const CLIENT_ID = 'c1a2b3c4-0000-4000-8000-0000000007ab';
const PLACE = 'Rudbecksgymnasiet, Tidaholm';

/** What the host page records (window.teamsHost in test/harness/teams-host/host.js). */
interface Recorded {
  validity: boolean | null;
  savedConfig: Record<string, string> | null;
  saveResult: string | null;
  handlers: string[];
}

// Browser-side snippets, as strings: the test is compiled without the DOM library.
const IN_PAGE = {
  recorded: '({ validity: teamsHost.validity, savedConfig: teamsHost.savedConfig, saveResult: teamsHost.saveResult, handlers: teamsHost.handlers })',
  save: 'teamsHost.save()',
  setTheme: (theme: string) => `teamsHost.setTheme(${JSON.stringify(theme)})`,
  background: "getComputedStyle(document.querySelector('.fui-FluentProvider')).backgroundColor",
  lang: 'document.documentElement.lang',
  focusedLabel: "document.activeElement.labels?.[0]?.textContent ?? ''",
  focused: `(() => {
    const el = document.activeElement;
    return { text: (el.textContent || '').replace(/\\s+/g, ' ').trim(), inMain: !!el.closest('main'), outline: getComputedStyle(el).outlineStyle, role: el.getAttribute('role'), id: el.id };
  })()`,
  axe: `(async () => {
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact || null, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  })()`,
};

describe('the tab in Chromium inside a Teams host', () => {
  const issuer = new TestIssuer();
  let journey: Journey;
  let svc: RunningService;
  let host: TeamsHost;
  let dataDir: string;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let me: TeamsUser;
  let token: string;
  let meetingId: string;

  beforeAll(async () => {
    await buildTab();
    await issuer.start();
    journey = await new Journey().startTeam({ members: 6 });
    dataDir = tempDir('justera-tab-');
    svc = await spawnService({
      DATA_DIR: dataDir,
      PLAYGROUND: 'off',
      AAD_APP_CLIENT_ID: CLIENT_ID,
      ALLOWED_TENANTS: TENANT,
      SSO_AUTHORITY: issuer.url,
    });
    // The service serves the built tab: index.html for every /tab/* path, the tab routes itself.
    const index = await fetch(`${svc.url}/tab/my-meetings`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('/tab/assets/app.js');
    journey.botUrl = svc.url;
    expect((await journey.install()).status).toBe(200);
    const created = await journey.createMeeting({ date: '2030-02-04', place: PLACE, mode: 'hybrid' });
    const post = created.post;
    meetingId = created.meetingId;
    me = journey.members[1] as TeamsUser;
    const other = journey.members[2] as TeamsUser;
    expect((await journey.click(me, post.activityId, { action: 'checkin', meetingId, status: 'onsite' })).status).toBe(200);
    expect((await journey.click(other, post.activityId, { action: 'checkin', meetingId, status: 'online' })).status).toBe(200);
    token = await issuer.token({ tid: TENANT, oid: me.aadObjectId, aud: CLIENT_ID, name: me.name });
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

  /** The host page with the tab at `tab`, as `me` in the tenant, Swedish and light unless told. */
  async function openInHost(tab: string, params: Record<string, string> = {}): Promise<{ page: Page; tab: FrameLocator }> {
    const page = await browser.context.newPage();
    await page.goto(host.pageUrl({ tab, userId: me.aadObjectId, tid: TENANT, locale: 'sv-SE', theme: 'default', token, ...params }));
    return { page, tab: page.frameLocator('#tab') };
  }

  async function tabFrame(page: Page): Promise<Frame> {
    const frame = await (await page.waitForSelector('#tab')).contentFrame();
    if (!frame) throw new Error('the host page has no tab frame');
    return frame;
  }

  /** The tab API called directly, as `who` with a Teams SSO token from the test issuer. */
  async function apiAs<T>(who: TeamsUser, method: string, apiPath: string, opts: { body?: unknown; ifMatch?: string } = {}): Promise<{ status: number; etag: string; body: T }> {
    const bearer = await issuer.token({ tid: TENANT, oid: who.aadObjectId, aud: CLIENT_ID, name: who.name });
    const res = await fetch(`${svc.url}${apiPath}`, {
      method,
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', ...(opts.ifMatch ? { 'if-match': opts.ifMatch } : {}) },
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
    return { status: res.status, etag: res.headers.get('etag') ?? '', body: (await res.json()) as T };
  }

  /** The host page with the channel tab as `who` (a member of the network's team). */
  async function openChannelAs(who: TeamsUser, tabPath = '/tab/channel'): Promise<{ page: Page; tab: FrameLocator }> {
    const bearer = await issuer.token({ tid: TENANT, oid: who.aadObjectId, aud: CLIENT_ID, name: who.name });
    return openInHost(tabPath, { userId: who.aadObjectId, token: bearer, teamId: TEAM_ID, channelId: CHANNEL_ID });
  }

  /** What the host page recorded so far. */
  const recorded = (page: Page): Promise<Recorded> => page.evaluate(IN_PAGE.recorded) as Promise<Recorded>;

  test('the configuration page confirms the network, enables Save, and saves the channel tab', async () => {
    const { page, tab } = await openInHost('/tab/config', { frameContext: 'settings', teamId: TEAM_ID, channelId: CHANNEL_ID });
    try {
      await tab.getByRole('heading', { level: 1, name: 'Lägg till Justera i kanalen' }).waitFor();
      await expectText(tab.locator('[data-network-name]'), 'IM-nätverket');
      await expectText(tab.locator('main'), 'Välj Spara för att lägga till fliken.');
      await eventually(async () => (await recorded(page)).validity === true || undefined, 5000, 'setValidityState(true)');
      expect((await recorded(page)).handlers).toContain('save');
      await expectNoSeriousAxeViolations(await tabFrame(page), 'config');
      await page.locator('#tab').screenshot({ path: outputPath('tab', 'config-light.png'), animations: 'disabled' });

      await page.evaluate(IN_PAGE.save);
      await eventually(async () => (await recorded(page)).saveResult ?? undefined, 5000, 'the save to finish');
      const saved = await recorded(page);
      expect(saved.saveResult).toBe('success');
      expect(saved.savedConfig).toEqual({
        contentUrl: `${host.origin}/tab/channel`,
        websiteUrl: `${host.origin}/tab/channel?networkId=${encodeURIComponent(TEAM_ID)}`,
        entityId: 'justera-network',
        suggestedDisplayName: 'Justera',
      });

      // Teams then shows the saved content URL in the channel: the network's upcoming meetings.
      await tab.getByRole('heading', { level: 1, name: 'Kommande träffar' }).waitFor();
      await expectText(tab.locator('main'), 'Träffarna i IM-nätverket');
      await expectText(tab.locator('tbody tr').first(), PLACE);
      await expectNoSeriousAxeViolations(await tabFrame(page), 'channel');
      await page.locator('#tab').screenshot({ path: outputPath('tab', 'channel-light.png'), animations: 'disabled' });
    } finally {
      await page.close();
    }
  });

  test('a team that is not a Justera network is told to add Justera first, and Save stays off', async () => {
    const { page, tab } = await openInHost('/tab/config', { frameContext: 'settings', teamId: '19:annat-team@thread.tacv2', channelId: '19:x@thread.tacv2' });
    try {
      await expectText(tab.locator('main'), 'Lägg först till Justera i teamet');
      expect((await recorded(page)).validity).toBe(false);
      await expectNoSeriousAxeViolations(await tabFrame(page), 'config-not-a-network');
      await page.locator('#tab').screenshot({ path: outputPath('tab', 'config-not-a-network.png'), animations: 'disabled' });
    } finally {
      await page.close();
    }
  });

  test('"Mina möten" shows my meeting with my status, and follows the Teams theme live', async () => {
    const { page, tab } = await openInHost('/tab/my-meetings');
    try {
      await tab.getByRole('heading', { level: 1, name: 'Mina möten' }).waitFor();
      const row = tab.locator('tbody tr').first();
      await expectText(row, 'Måndag 4 februari 2030');
      for (const text of ['13:00–15:00', 'IM-nätverket', PLACE, 'Hybrid', 'Anslut till Teams-mötet', '1 på plats · 1 digitalt · 0 förhinder']) {
        await expectText(row, text);
      }
      expect(await row.locator('[data-status]').innerText()).toBe('På plats');
      // Every API call carried the Teams SSO token and the Teams language.
      const calls = host.apiRequests.filter((r) => r.path === '/api/v1/me/meetings');
      expect(calls.length).toBeGreaterThan(0);
      for (const call of calls) {
        expect(call).toMatchObject({ authorization: `Bearer ${token}`, status: 200 });
        expect(call.acceptLanguage).toMatch(/^sv/);
      }

      const frame = await tabFrame(page);
      const background = (): Promise<string> => frame.evaluate(IN_PAGE.background) as Promise<string>;
      const light = await background();
      expect(light).toBe('rgb(255, 255, 255)');
      await expectNoSeriousAxeViolations(frame, 'my-meetings-light');
      await page.locator('#tab').screenshot({ path: outputPath('tab', 'my-meetings-light.png'), animations: 'disabled' });

      await page.evaluate(IN_PAGE.setTheme('dark'));
      const dark = await eventually(async () => ((await background()) !== light ? background() : undefined), 5000, 'the dark theme');
      await expectNoSeriousAxeViolations(frame, 'my-meetings-dark');
      await page.locator('#tab').screenshot({ path: outputPath('tab', 'my-meetings-dark.png'), animations: 'disabled' });

      await page.evaluate(IN_PAGE.setTheme('contrast'));
      const contrast = await eventually(async () => ((await background()) !== dark ? background() : undefined), 5000, 'the high-contrast theme');
      expect(contrast).toBe('rgb(0, 0, 0)');
      await expectNoSeriousAxeViolations(frame, 'my-meetings-contrast');
      await page.locator('#tab').screenshot({ path: outputPath('tab', 'my-meetings-contrast.png'), animations: 'disabled' });
    } finally {
      await page.close();
    }
  });

  test('English when the Teams locale is en-US', async () => {
    const { page, tab } = await openInHost('/tab/my-meetings', { locale: 'en-US' });
    try {
      await tab.getByRole('heading', { level: 1, name: 'My meetings' }).waitFor();
      const row = tab.locator('tbody tr').first();
      await expectText(row, 'Monday 4 February 2030');
      await expectText(row, '1 on site · 1 online · 0 apologies');
      expect(await row.locator('[data-status]').innerText()).toBe('On site');
      expect(await (await tabFrame(page)).evaluate(IN_PAGE.lang)).toBe('en');
      expect(host.apiRequests.at(-1)?.acceptLanguage).toMatch(/^en/);
      await page.locator('#tab').screenshot({ path: outputPath('tab', 'my-meetings-en.png'), animations: 'disabled' });
    } finally {
      await page.close();
    }
  });

  test('with the keyboard alone: the skip link leads into main, and the meetings are reachable with visible focus', async () => {
    const { page, tab } = await openInHost('/tab/my-meetings');
    try {
      await tab.locator('tbody tr').first().waitFor();
      const frame = await tabFrame(page);
      const focused = (): Promise<{ text: string; inMain: boolean; outline: string; role: string | null; id: string }> =>
        frame.evaluate(IN_PAGE.focused) as Promise<{ text: string; inMain: boolean; outline: string; role: string | null; id: string }>;
      await page.keyboard.press('Tab');
      expect(await focused()).toMatchObject({ text: 'Hoppa till innehållet', inMain: false });
      expect((await focused()).outline).not.toBe('none');
      await page.keyboard.press('Enter');
      expect(await focused()).toMatchObject({ id: 'main', inMain: true });
      await page.keyboard.press('Tab');
      expect(await focused()).toMatchObject({ role: 'region', inMain: true });
      expect((await focused()).outline).not.toBe('none');
      await page.keyboard.press('Tab');
      expect(await focused()).toMatchObject({ text: 'Anslut till Teams-mötet (öppnas i ett nytt fönster)', inMain: true });
      await page.locator('#tab').screenshot({ path: outputPath('tab', 'keyboard-focus.png'), animations: 'disabled' });
    } finally {
      await page.close();
    }
  });

  test('a token the service refuses gives a clear 401 message; no token from Teams, a sign-in message', async () => {
    const expired = await issuer.token({ tid: TENANT, oid: me.aadObjectId, aud: CLIENT_ID }, { expiresIn: '-10m' });
    const refused = await openInHost('/tab/my-meetings', { token: expired });
    try {
      await expectText(refused.tab.locator('main'), 'Du är inte inloggad');
      await expectText(refused.tab.locator('main'), 'Justera kunde inte bekräfta vem du är.');
      await expectNoSeriousAxeViolations(await tabFrame(refused.page), 'unauthenticated');
      await refused.page.locator('#tab').screenshot({ path: outputPath('tab', 'unauthenticated.png'), animations: 'disabled' });
    } finally {
      await refused.page.close();
    }
    const noToken = await openInHost('/tab/my-meetings', { token: '' });
    try {
      await expectText(noToken.tab.locator('main'), 'Inloggningen misslyckades');
      await expectText(noToken.tab.locator('main'), 'resourceDisabled');
    } finally {
      await noToken.page.close();
    }
  });

  test('outside Teams in local mode: the dev identity picker, remembered for the browser tab', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${svc.url}/tab/my-meetings`);
      await page.getByRole('heading', { level: 1, name: 'Välj vem du är' }).waitFor();
      await expectNoSeriousAxeViolations(page.mainFrame(), 'dev-picker');
      await page.screenshot({ path: outputPath('tab', 'dev-picker.png'), animations: 'disabled' });
      // By keyboard alone: past the skip link into the radio group, arrow down to the person, on to Fortsätt.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      for (let i = 0; i < 6 && !(await page.evaluate(IN_PAGE.focusedLabel) as string).startsWith(me.name); i++) await page.keyboard.press('ArrowDown');
      expect(await page.getByRole('radio', { name: new RegExp(`^${me.name}`) }).isChecked()).toBe(true);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Mina möten' }).waitFor();
      await expectText(page.locator('header'), `Du är ${me.name} (lokalt läge)`);
      await expectText(page.locator('tbody tr').first(), 'På plats');

      await page.reload();
      await expectText(page.locator('tbody tr').first(), '1 på plats · 1 digitalt · 0 förhinder');
      await expectNoSeriousAxeViolations(page.mainFrame(), 'local-my-meetings');

      // The operating system's dark mode, outside Teams.
      const background = (): Promise<string> => page.evaluate(IN_PAGE.background) as Promise<string>;
      const light = await background();
      await page.emulateMedia({ colorScheme: 'dark' });
      await eventually(async () => ((await background()) !== light ? true : undefined), 5000, 'the dark theme');
      await page.screenshot({ path: outputPath('tab', 'local-dark.png'), animations: 'disabled' });
      await page.emulateMedia({ colorScheme: 'light' });

      await page.getByRole('link', { name: 'Kanalfliken' }).click();
      await page.getByRole('heading', { level: 1, name: 'Kommande träffar' }).waitFor();
      await expectText(page.locator('main'), 'Träffarna i IM-nätverket');
      await expectText(page.locator('tbody tr').first(), PLACE);
    } finally {
      await page.close();
    }
  });

  describe('the agenda in the channel tab', () => {
    let editor: TeamsUser;
    let chair: TeamsUser;
    let reader: TeamsUser;
    const agendaPath = (): string => `/api/v1/meetings/${meetingId}/agenda`;

    beforeAll(async () => {
      editor = journey.members[4] as TeamsUser;
      chair = journey.members[5] as TeamsUser;
      reader = journey.members[3] as TeamsUser;
      // Medlem 0 owns the team (admin) and gives two members the chair group's roles.
      const owner = journey.members[0] as TeamsUser;
      for (const [who, role] of [
        [editor, 'sekreterare'],
        [chair, 'ordforande'],
      ] as const) {
        const res = await apiAs<NetworkMember>(owner, 'PUT', `/api/v1/networks/${encodeURIComponent(TEAM_ID)}/members/${who.aadObjectId}/role`, { body: { role } });
        expect({ status: res.status, role: res.body.role }).toEqual({ status: 200, role });
      }
    });

    test('an editor opens the meeting from the channel tab, adds an item, saves it with its time, and publishes', async () => {
      const { page, tab } = await openChannelAs(editor);
      try {
        await tab.getByRole('heading', { level: 1, name: 'Kommande träffar' }).waitFor();
        // By keyboard: the meeting's button opens its agenda.
        await tab.getByRole('button', { name: /^Öppna dagordningen för måndag 4 februari 2030/ }).focus();
        await page.keyboard.press('Enter');
        await tab.getByRole('heading', { level: 1, name: 'Dagordning' }).waitFor();
        const frame = await tabFrame(page);
        expect(await frame.evaluate('new URLSearchParams(location.search).get("meeting")')).toBe(meetingId);
        await expectText(tab.locator('[data-meeting-heading]'), 'Måndag 4 februari 2030, 13:00–15:00');
        await expectText(tab.locator('[data-agenda-status]'), 'Status: utkast');
        await expectText(tab.locator('li[data-agenda-item="Övriga frågor"]'), '13:15–13:25');
        // Standard items cannot be removed or moved.
        expect(await tab.locator('li[data-agenda-item="Avslutning"]').getByRole('button', { name: /Ta bort|Flytta/ }).count()).toBe(0);

        const form = tab.getByRole('form', { name: 'Lägg till en punkt' });
        await form.getByRole('button', { name: 'Lägg till punkten' }).click();
        await expectText(form, 'Skriv en rubrik.');
        await form.getByLabel('Rubrik').fill('Projekt Överlämning');
        await form.getByLabel('Typ').selectOption('diskussion');
        await form.getByLabel('Tid (minuter)').fill('40');
        await form.getByLabel('Föredragande').fill('Camilla Stensson');
        await form.getByLabel('Beskrivning').fill('Camilla presenterar läget.');
        await form.getByRole('button', { name: 'Lägg till punkten' }).click();
        await expectText(tab.locator('[data-agenda-status]'), 'Du har ändringar som inte är sparade.');
        expect(await tab.getByRole('button', { name: 'Publicera i kanalen' }).isDisabled()).toBe(true);
        await tab.getByRole('button', { name: 'Spara dagordningen' }).click();
        await expectText(tab.locator('[data-agenda-done]'), 'Dagordningen är sparad.');
        const item = tab.locator('li[data-agenda-item="Projekt Överlämning"]');
        for (const text of ['13:15–13:55', '3. Projekt Överlämning', 'Diskussion', '40 min', 'Föredras av Camilla Stensson', 'Camilla presenterar läget.']) await expectText(item, text);
        await expectText(tab.locator('li[data-agenda-item="Övriga frågor"]'), '13:55–14:05');
        const saved = await apiAs<AgendaResponse>(editor, 'GET', agendaPath());
        expect(saved.body.items.map((i) => [i.title, i.start])).toContainEqual(['Projekt Överlämning', '13:15']);
        const put = host.apiRequests.filter((r) => r.method === 'PUT' && r.path === agendaPath());
        expect(put.map((r) => r.status)).toEqual([200]);

        await expectNoSeriousAxeViolations(frame, 'agenda-editor-light');
        await page.locator('#tab').screenshot({ path: outputPath('tab', 'agenda-light.png'), animations: 'disabled' });

        await tab.getByRole('button', { name: 'Publicera i kanalen' }).click();
        await expectText(tab.locator('[data-agenda-status]'), 'Status: publicerad version 1');
        await expectText(tab.locator('[data-agenda-done]'), 'Dagordningen är publicerad som version 1.');
        await eventually(() => journey.connector.sent.find((s) => s.kind === 'post' && texts(s.activity).includes('Projekt Överlämning')), 5000, 'the agenda card in the channel');

        const background = (): Promise<string> => frame.evaluate(IN_PAGE.background) as Promise<string>;
        const light = await background();
        await page.evaluate(IN_PAGE.setTheme('dark'));
        await eventually(async () => ((await background()) !== light ? true : undefined), 5000, 'the dark theme');
        await page.waitForTimeout(1000);
        await expectNoSeriousAxeViolations(frame, 'agenda-editor-dark');
        await page.locator('#tab').screenshot({ path: outputPath('tab', 'agenda-dark.png'), animations: 'disabled' });
      } finally {
        await page.close();
      }
    });

    test('someone else saved first: the conflict is told, my edit stays, and can be put into the latest version', async () => {
      const { page, tab } = await openChannelAs(editor, `/tab/channel?meeting=${meetingId}`);
      try {
        await tab.locator('li[data-agenda-item="Projekt Överlämning"]').waitFor();
        // The chair saves a change through the API while the page holds the older ETag.
        const current = await apiAs<AgendaResponse>(chair, 'GET', agendaPath());
        const theirs: AgendaSaveRequest['items'] = current.body.items.map((i) => (i.title === 'Projekt Överlämning' ? { ...i, title: 'Projekt Överlämning – beslut', kind: 'beslut' } : i));
        expect((await apiAs<AgendaResponse>(chair, 'PUT', agendaPath(), { body: { items: theirs }, ifMatch: current.etag })).status).toBe(200);

        const form = tab.getByRole('form', { name: 'Lägg till en punkt' });
        await form.getByLabel('Rubrik').fill('Lokal punkt');
        await form.getByLabel('Tid (minuter)').fill('15');
        await form.getByRole('button', { name: 'Lägg till punkten' }).click();
        await tab.getByRole('button', { name: 'Spara dagordningen' }).click();
        await expectText(tab.locator('[data-agenda-conflict]'), 'Någon annan har ändrat dagordningen');
        await expectText(tab.locator('[data-agenda-conflict]'), 'Dina ändringar finns kvar här på sidan.');
        expect(host.apiRequests.filter((r) => r.method === 'PUT' && r.path === agendaPath()).at(-1)?.status).toBe(412);
        await expectText(tab.locator('li[data-agenda-item="Lokal punkt"]'), '13:55–14:10');
        await expectNoSeriousAxeViolations(await tabFrame(page), 'agenda-conflict');
        await page.locator('#tab').screenshot({ path: outputPath('tab', 'agenda-conflict.png'), animations: 'disabled' });

        await tab.getByRole('button', { name: 'Hämta senaste versionen' }).click();
        await tab.locator('li[data-agenda-item="Projekt Överlämning – beslut"]').waitFor();
        await expectText(tab.locator('[data-agenda-recovery] li[data-agenda-item="Lokal punkt"]'), 'Lokal punkt');
        await page.locator('#tab').screenshot({ path: outputPath('tab', 'agenda-recovery.png'), animations: 'disabled' });
        await tab.getByRole('button', { name: 'Lägg in mina ändringar i den senaste versionen' }).click();
        await tab.getByRole('button', { name: 'Spara dagordningen' }).click();
        await expectText(tab.locator('[data-agenda-done]'), 'Dagordningen är sparad.');
        const now = await apiAs<AgendaResponse>(chair, 'GET', agendaPath());
        expect(now.body.items.map((i) => i.title)).toEqual(expect.arrayContaining(['Projekt Överlämning – beslut', 'Lokal punkt']));
      } finally {
        await page.close();
      }
    });

    test('a member reads the agenda without edit controls; an editor accepts and declines proposals', async () => {
      // The reader proposes two items from the agenda card in the channel.
      const card = journey.connector.sent.find((s) => s.kind === 'post' && texts(s.activity).includes('Dagordning'));
      expect(card).toBeDefined();
      for (const title of ['Gemensam K-dag i höst', 'Studiebesök i Borås']) {
        const form = invokeCard(await journey.click(reader, card!.activityId, { action: 'proposeItem', meetingId }));
        const proposalId = /"proposalId":"([^"]+)"/.exec(texts(form))?.[1] ?? '';
        await journey.click(reader, card!.activityId, { action: 'submitProposal', meetingId, proposalId, title, description: 'Kort bakgrund.' });
      }
      expect((await apiAs<ProposalsResponse>(reader, 'GET', `/api/v1/meetings/${meetingId}/proposals`)).body.proposals).toHaveLength(2);

      const read = await openChannelAs(reader, `/tab/channel?meeting=${meetingId}`);
      try {
        await read.tab.locator('li[data-agenda-item="Lokal punkt"]').waitFor();
        await expectText(read.tab.locator('main'), 'Du kan läsa dagordningen.');
        await expectText(read.tab.locator('li[data-proposal="Gemensam K-dag i höst"]'), 'Väntar på beslut');
        expect(await read.tab.locator('main').getByRole('button', { name: /Ändra|Ta bort|Flytta|Spara|Publicera|Ta med|Avböj/ }).count()).toBe(0);
        expect(await read.tab.getByRole('form').count()).toBe(0);
        await expectNoSeriousAxeViolations(await tabFrame(read.page), 'agenda-read-only');
        await read.page.locator('#tab').screenshot({ path: outputPath('tab', 'agenda-read-only.png'), animations: 'disabled' });
      } finally {
        await read.page.close();
      }

      const { page, tab } = await openChannelAs(editor, `/tab/channel?meeting=${meetingId}`);
      try {
        const kdag = tab.locator('li[data-proposal="Gemensam K-dag i höst"]');
        await kdag.getByRole('button', { name: /^Ta med/ }).click();
        await expectText(kdag, 'Med på dagordningen');
        await expectText(tab.locator('li[data-agenda-item="Gemensam K-dag i höst"]'), 'Gemensam K-dag i höst');
        await expectText(tab.locator('[data-agenda-done]'), 'Förslaget är med på dagordningen.');

        const visit = tab.locator('li[data-proposal="Studiebesök i Borås"]');
        await visit.getByRole('button', { name: /^Avböj/ }).click();
        await visit.getByRole('button', { name: 'Avböj förslaget' }).click();
        await expectText(visit, 'Skriv varför förslaget inte tas med.');
        await visit.getByLabel('Varför tas förslaget inte med?').fill('Tas upp på vårens första träff.');
        await visit.getByRole('button', { name: 'Avböj förslaget' }).click();
        await expectText(visit, 'Avböjt');
        await expectText(visit, 'Skäl: Tas upp på vårens första träff.');
        await expectNoSeriousAxeViolations(await tabFrame(page), 'agenda-proposals');
      } finally {
        await page.close();
      }
    });
  });

  test("the tab's sources type-check (strict, DOM) on their own tsconfig", () => {
    const tsc = require.resolve('typescript/bin/tsc');
    expect(() => execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'src', 'tab')], { stdio: 'pipe' })).not.toThrow();
  }, 60000);
});

async function expectText(locator: { innerText(): Promise<string> }, text: string, timeout = 8000): Promise<void> {
  await eventually(async () => ((await locator.innerText().catch(() => '')).includes(text) ? true : undefined), timeout, `"${text}"`);
}

/** axe-core in the page: no violation of impact serious or critical. */
async function expectNoSeriousAxeViolations(frame: Frame, screen: string): Promise<void> {
  await frame.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = (await frame.evaluate(IN_PAGE.axe)) as { id: string; impact: ImpactValue | null; help: string; nodes: string[] }[];
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({ screen, serious }).toEqual({ screen, serious: [] });
}


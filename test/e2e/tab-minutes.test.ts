import fs from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import type { ApiMinutesContent, MinutesResponse, MyActionsResponse, NetworkMember } from '../../src/http/api-contract';
import { outputPath } from '../harness/browser';
import { stockholmToday, withJusterareAttending } from '../harness/journey';
import { eventually } from '../harness/service';
import { TEAM_ID, TENANT, type TeamsUser } from '../harness/teams';
import { shortCode } from '../../src/domain/archive-names';
import { SqliteStore, sqliteFile } from '../../src/store/sqlite-store';
import { expectNoSeriousAxeViolations, expectText, startTabRig, tabFrame, type TabRig } from '../harness/teams-host/tab-rig';

/**
 * The minutes in the tab, in Chromium inside the Teams host: the secretary writes them with
 * autosave under If-Match (a conflict keeps what was typed, a refused field says why at the
 * field), sends them for justering, the justerare approves in the tab, and the owner of an
 * action item finds it in "Mina uppdrag" and marks it done.
 */

const SET_THEME = (theme: string): string => `teamsHost.setTheme(${JSON.stringify(theme)})`;
const BACKGROUND = "getComputedStyle(document.querySelector('.fui-FluentProvider')).backgroundColor";
/**
 * The service runs on real time and minutes are sent only once their meeting has started: the
 * meetings whose minutes are sent are today's (Stockholm), from midnight.
 */
const TODAY = stockholmToday();
/** "27 november 2026": today's date as the tab writes it, without the weekday. */
const TODAY_LONG = new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${TODAY}T12:00:00Z`));

describe('the minutes in the tab', () => {
  let rig: TabRig;
  let meetingId: string;
  let secretary: TeamsUser;
  let chair: TeamsUser;
  let justerare: TeamsUser;
  let owner: TeamsUser;
  let reader: TeamsUser;
  const minutesPath = (): string => `/api/v1/meetings/${meetingId}/minutes`;
  const minutesTab = (): string => `/tab/channel?meeting=${encodeURIComponent(meetingId)}&view=minutes`;
  const puts = (): number[] => rig.host.apiRequests.filter((r) => r.method === 'PUT' && r.path === minutesPath()).map((r) => r.status);

  beforeAll(async () => {
    rig = await startTabRig({ members: 6 });
    const { journey } = rig;
    const m = journey.members as TeamsUser[];
    [, reader, justerare, owner, secretary, chair] = m as [TeamsUser, TeamsUser, TeamsUser, TeamsUser, TeamsUser, TeamsUser];
    const created = await journey.createMeeting({ date: TODAY, start: '00:00', end: '23:30', place: 'Rudbecksgymnasiet, Tidaholm', mode: 'hybrid' });
    meetingId = created.meetingId;
    expect((await journey.click(reader, created.post.activityId, { action: 'checkin', meetingId, status: 'onsite' })).status).toBe(200);
    expect((await journey.click(justerare, created.post.activityId, { action: 'checkin', meetingId, status: 'online' })).status).toBe(200);
    // Medlem 0 owns the team (admin): the secretary and the chair get their roles.
    const admin = m[0] as TeamsUser;
    for (const [who, role] of [
      [secretary, 'sekreterare'],
      [chair, 'ordforande'],
    ] as const) {
      const res = await rig.apiAs<NetworkMember>(admin, 'PUT', `/api/v1/networks/${encodeURIComponent(TEAM_ID)}/members/${who.aadObjectId}/role`, { body: { role } });
      expect(res.status).toBe(200);
    }
    expect((await journey.publishAgenda(4, meetingId)).status).toBe(200);
  }, 90000);

  afterAll(async () => {
    await rig?.stop();
  });

  const item = (tab: FrameLocator, title: string) => tab.locator(`li[data-minutes-item="${title}"]`);
  const saveState = (tab: FrameLocator) => tab.locator('[data-save-state]');
  const serverMinutes = async (): Promise<MinutesResponse> => (await rig.apiAs<MinutesResponse>(chair, 'GET', minutesPath())).body;

  /** Through the API: minutes (at `path_`) ready to send, with the secretary and one justerare; their ETag. */
  async function saveSendable(path_: string): Promise<string> {
    const draft = await rig.apiAs<MinutesResponse>(secretary, 'GET', path_);
    const person = (u: TeamsUser) => ({ kind: 'member' as const, memberId: u.aadObjectId, name: u.name });
    const content: ApiMinutesContent = withJusterareAttending({
      ...draft.body.content,
      secretary: person(secretary),
      justerare: [person(justerare)],
      items: [{ id: 'i-1', title: 'Föregående protokoll', notes: 'Genomgånget.', decisions: [], actions: [], tabled: false , kind: 'item' as const, presenters: [], questions: [], responses: []}],
    });
    const saved = await rig.apiAs<MinutesResponse>(secretary, 'PUT', path_, { body: { content }, ifMatch: draft.etag });
    expect(saved.status).toBe(200);
    return saved.etag;
  }

  async function screenshots(page: Page, name: string): Promise<void> {
    const frame = await tabFrame(page);
    await expectNoSeriousAxeViolations(frame, `${name}-light`);
    await page.locator('#tab').screenshot({ path: outputPath('tab', `${name}-light.png`), animations: 'disabled' });
    const light = (await frame.evaluate(BACKGROUND)) as string;
    await page.evaluate(SET_THEME('dark'));
    await eventually(async () => ((await frame.evaluate(BACKGROUND)) !== light ? true : undefined), 5000, 'the dark theme');
    await page.waitForTimeout(300);
    await expectNoSeriousAxeViolations(frame, `${name}-dark`);
    await page.locator('#tab').screenshot({ path: outputPath('tab', `${name}-dark.png`), animations: 'disabled' });
    await page.evaluate(SET_THEME('default'));
  }

  test('the secretary writes the minutes; they save by themselves and are there after a reload', async () => {
    const { page, tab } = await rig.open(secretary, minutesTab());
    try {
      await tab.getByRole('heading', { level: 1, name: 'Protokoll' }).waitFor();
      expect(await tab.getByRole('tab', { name: 'Protokoll' }).getAttribute('aria-selected')).toBe('true');
      await expectText(tab.locator('[data-minutes-status]'), 'Status: utkast');
      // Attendance comes from the check-in.
      await expectText(tab.locator('[data-minutes-attendance]'), 'Närvaro');
      expect(await tab.locator(`[data-attendee="${reader.name}"]`).count()).toBe(1);

      await tab.getByLabel('Sekreterare', { exact: true }).selectOption(secretary.aadObjectId);
      await tab.getByLabel('Justerare', { exact: true }).selectOption(justerare.aadObjectId);
      // A late arrival, corrected in the attendance.
      await tab.locator(`[data-attendee="${justerare.name}"]`).getByLabel('Anlände (TT:MM)').fill('13:20');

      const previous = item(tab, 'Föregående protokoll');
      await previous.getByLabel('Anteckningar').fill('Föregående protokoll lades till handlingarna.');
      await previous.getByLabel('Beslut 1').fill('Vi beslutar att godkänna föregående protokoll.');
      await previous.getByRole('button', { name: 'Lägg till beslut' }).click();
      const add = previous.getByRole('form', { name: /^Lägg till uppdrag/ });
      await add.getByRole('textbox', { name: /^Uppdrag/ }).fill('Skicka ut enkäten till skolorna');
      await add.getByRole('combobox', { name: /^Ansvarig/ }).selectOption(`member:${owner.aadObjectId}`);
      await add.getByLabel('Klart senast').fill('2030-03-01');
      await add.getByRole('button', { name: 'Lägg till uppdrag' }).click();
      await add.getByRole('textbox', { name: /^Uppdrag/ }).fill('Sammanställa svaren');
      await add.getByRole('combobox', { name: /^Ansvarig/ }).selectOption(`member:${owner.aadObjectId}`);
      await add.getByLabel('Klart senast').fill('2021-01-15');
      await add.getByRole('button', { name: 'Lägg till uppdrag' }).click();

      await expectText(saveState(tab), 'Sparat', 10000);
      const saved = await serverMinutes();
      const prev = saved.content.items.find((i) => i.title === 'Föregående protokoll');
      expect(prev).toMatchObject({
        notes: 'Föregående protokoll lades till handlingarna.',
        decisions: ['Vi beslutar att godkänna föregående protokoll.'],
        actions: [
          { text: 'Skicka ut enkäten till skolorna', owners: [{ kind: 'member', memberId: owner.aadObjectId, name: owner.name }], due: '2030-03-01' },
          { text: 'Sammanställa svaren', due: '2021-01-15' },
        ],
      });
      expect(saved.content.secretary).toMatchObject({ kind: 'member', memberId: secretary.aadObjectId });
      expect(saved.content.justerare.map((j) => j.memberId)).toEqual([justerare.aadObjectId]);
      expect(saved.content.attendees.find((a) => a.name === justerare.name)?.arrivedAt).toBe('13:20');
      expect(puts().every((s) => s === 200)).toBe(true);
      expect(puts().length).toBeGreaterThan(0);

      await page.reload();
      await item(tab, 'Föregående protokoll').waitFor();
      expect(await item(tab, 'Föregående protokoll').getByLabel('Anteckningar').inputValue()).toBe('Föregående protokoll lades till handlingarna.');
      expect(await tab.getByLabel('Sekreterare', { exact: true }).inputValue()).toBe(secretary.aadObjectId);
      await screenshots(page, 'minutes-editor');
    } finally {
      await page.close();
    }
  });

  test('someone else saved first: the conflict is told, the latest version shows, and what I typed is kept beside it', async () => {
    const { page, tab } = await rig.open(secretary, minutesTab());
    try {
      const other = item(tab, 'Övriga frågor');
      await other.waitFor();
      // The chair saves through the API while the page holds the older ETag.
      const current = await rig.apiAs<MinutesResponse>(chair, 'GET', minutesPath());
      const theirs: ApiMinutesContent = {
        ...current.body.content,
        items: current.body.content.items.map((i) => (i.title === 'Avslutning' ? { ...i, notes: 'Ordföranden tackade alla.' } : i)),
      };
      expect((await rig.apiAs<MinutesResponse>(chair, 'PUT', minutesPath(), { body: { content: theirs }, ifMatch: current.etag })).status).toBe(200);

      await other.getByLabel('Anteckningar').fill('Text som inte får försvinna.');
      await expectText(tab.locator('[data-minutes-conflict]'), 'Protokollet har ändrats', 10000);
      await expectText(tab.locator('[data-minutes-conflict]'), 'Dina ändringar som inte sparades finns kvar bredvid');
      expect(puts().at(-1)).toBe(412);
      // The latest version is in the editor; my text is beside it, nothing merged yet.
      expect(await item(tab, 'Avslutning').getByLabel('Anteckningar').inputValue()).toBe('Ordföranden tackade alla.');
      await expectText(tab.locator('[data-minutes-recovery]'), 'Text som inte får försvinna.');
      expect((await serverMinutes()).content.items.find((i) => i.title === 'Övriga frågor')?.notes).toBe('');
      await screenshots(page, 'minutes-conflict');

      await tab.getByRole('button', { name: 'Lägg in mina ändringar i den senaste versionen' }).click();
      expect(await item(tab, 'Övriga frågor').getByLabel('Anteckningar').inputValue()).toBe('Text som inte får försvinna.');
      await expectText(saveState(tab), 'Sparat', 10000);
      await eventually(async () => {
        const items = (await serverMinutes()).content.items;
        return items.find((i) => i.title === 'Övriga frågor')?.notes === 'Text som inte får försvinna.' && items.find((i) => i.title === 'Avslutning')?.notes === 'Ordföranden tackade alla.' ? true : undefined;
      }, 8000, 'both edits saved');
      expect(puts().at(-1)).toBe(200);
    } finally {
      await page.close();
    }
  });

  test("the server's 400 is shown at the field it is about, and autosave goes on once it is corrected", async () => {
    const { page, tab } = await rig.open(secretary, minutesTab());
    try {
      const previous = item(tab, 'Föregående protokoll');
      await previous.waitFor();
      const before = await serverMinutes();
      // The date picker gives only real dates; a save that got past it anyway (rewritten on its way)
      // meets the server's own check, which answers 400 with the problem at that field.
      await page.route(`**${minutesPath()}`, async (route) => {
        if (route.request().method() !== 'PUT') return route.continue();
        const body = JSON.parse(route.request().postData() ?? '{}') as { content: ApiMinutesContent };
        const prev = body.content.items.find((i) => i.title === 'Föregående protokoll');
        if (prev?.actions[0]) prev.actions[0].due = '2030-02-31';
        return route.continue({ postData: JSON.stringify(body) });
      });
      await previous.getByLabel('Anteckningar').fill('Föregående protokoll lades till handlingarna. Tillägg.');
      const due = previous.locator('[data-field$=".due"]').first();
      await expectText(due, 'skriv datumet som ÅÅÅÅ-MM-DD', 10000);
      expect(puts().at(-1)).toBe(400);
      await expectText(saveState(tab), 'Inte sparat');
      expect((await serverMinutes()).etag).toBe(before.etag);
      await expectNoSeriousAxeViolations(await tabFrame(page), 'minutes-field-error');
      await page.locator('#tab').screenshot({ path: outputPath('tab', 'minutes-field-error.png'), animations: 'disabled' });

      await page.unroute(`**${minutesPath()}`);
      await previous.getByLabel('Anteckningar').fill('Föregående protokoll lades till handlingarna. Rättat.');
      await expectText(saveState(tab), 'Sparat', 10000);
      expect(puts().at(-1)).toBe(200);
      expect(await due.innerText()).not.toContain('ÅÅÅÅ');
    } finally {
      await page.close();
    }
  });

  test('sent for justering, the justerare approves in the tab, and everyone sees justerat with the version', async () => {
    const sent = await rig.open(secretary, minutesTab());
    try {
      const send = sent.tab.getByRole('button', { name: 'Skicka för justering' });
      await send.waitFor();
      await eventually(async () => ((await send.isEnabled()) ? true : undefined), 8000, 'Skicka för justering enabled');
      await send.click();
      await expectText(sent.tab.locator('[data-minutes-done]'), 'Version 1 är skickad för justering.');
      await expectText(sent.tab.locator('[data-minutes-status]'), `väntar på justering av ${justerare.name} sedan`);
      await expectText(sent.tab.locator('[data-version="1"]'), 'Väntar på justering');
    } finally {
      await sent.page.close();
    }

    const { page, tab } = await rig.open(justerare, minutesTab());
    try {
      await expectText(tab.locator('main'), 'Du kan läsa protokollet.');
      await expectText(tab.locator('[data-minutes-read]'), 'Vi beslutar att godkänna föregående protokoll.');
      expect(await tab.locator('[data-minutes-editor]').count()).toBe(0);
      const panel = tab.locator('[data-minutes-justering]');
      await expectText(panel, 'Du är justerare. Läs version 1');
      // Begär ändring needs a comment; cancelled here.
      await panel.getByRole('button', { name: 'Begär ändring' }).click();
      await panel.getByRole('button', { name: 'Skicka begäran' }).click();
      await expectText(panel, 'Skriv vad som behöver ändras.');
      await panel.getByRole('button', { name: 'Avbryt' }).click();
      await screenshots(page, 'minutes-justerare');

      await panel.getByRole('button', { name: 'Justera' }).click();
      await expectText(tab.locator('[data-minutes-done]'), 'Du har justerat version 1.');
      await expectText(tab.locator('[data-minutes-status]'), `Status: justerat av ${justerare.name}`);
      const version = tab.locator('[data-version="1"]');
      await expectText(version, 'Justerad');
      await expectText(version, `Justerad av ${justerare.name}`);
      const server = await serverMinutes();
      expect(server.status.kind).toBe('approved');
      await expectText(version, server.versions[0]?.hash ?? 'no hash');
      // The protocol is archived; its documents are listed with the version.
      await eventually(async () => ((await serverMinutes()).versions[0]?.documents.length === 2 ? true : undefined), 20000, 'the archived documents');
      await page.reload();
      await tab.locator('[data-version="1"] [data-document="pdf"]').waitFor();
      await expectText(tab.locator('[data-version="1"]'), '.docx');
      // The folder archive's PDF opens: the tab fetches it with its sign-in and opens it in a new window.
      const [opened] = await Promise.all([page.context().waitForEvent('page'), tab.locator('[data-version="1"] [data-document="pdf"] [data-open-document]').click()]);
      expect(opened.url()).toMatch(/^blob:/);
      await opened.close();
      await screenshots(page, 'minutes-approved');
    } finally {
      await page.close();
    }
  });

  test('the action item owner finds it in "Mina uppdrag", overdue marked, and marks it done', async () => {
    const { page, tab } = await rig.open(owner, '/tab/my-meetings', { teamId: '', channelId: '' });
    try {
      const section = tab.locator('[data-my-actions]');
      await section.getByRole('heading', { level: 2, name: 'Mina uppdrag' }).waitFor();
      const row = section.locator('tr', { hasText: 'Skicka ut enkäten till skolorna' });
      for (const text of ['Föregående protokoll', '1 mars 2030', TODAY_LONG, 'IM-nätverket']) await expectText(row, text);
      expect(await row.locator('[data-overdue]').count()).toBe(0);
      await expectText(section.locator('tr', { hasText: 'Sammanställa svaren' }).locator('[data-overdue]'), 'Försenat');
      await screenshots(page, 'my-actions');

      const box = row.getByRole('checkbox', { name: 'Klart: Skicka ut enkäten till skolorna' });
      await box.focus();
      await page.keyboard.press('Space');
      await eventually(async () => {
        const mine = await rig.apiAs<MyActionsResponse>(owner, 'GET', '/api/v1/me/actions');
        return mine.body.actions.find((a) => a.action.text === 'Skicka ut enkäten till skolorna')?.done ? true : undefined;
      }, 8000, 'the action item marked done');
      expect(rig.host.apiRequests.filter((r) => r.method === 'POST' && r.path.endsWith('/done')).map((r) => r.status)).toEqual([200]);
      await page.reload();
      expect(await section.locator('tr', { hasText: 'Skicka ut enkäten till skolorna' }).getByRole('checkbox').isChecked()).toBe(true);
      await expectText(section.locator('tr', { hasText: 'Skicka ut enkäten till skolorna' }), `Markerat klart av ${owner.name}`);
    } finally {
      await page.close();
    }
  });

  test('the meeting side panel links to the minutes', async () => {
    const { page, tab } = await rig.open(secretary, `/tab/side-panel?networkId=${encodeURIComponent(TEAM_ID)}`, { frameContext: 'sidePanel', teamId: '', channelId: '' });
    try {
      const link = tab.getByRole('link', { name: 'Protokoll' });
      await link.waitFor();
      await link.click();
      await tab.getByRole('heading', { level: 1, name: 'Protokoll' }).waitFor();
      await expectText(tab.locator('[data-minutes-status]'), 'justerat av');
    } finally {
      await page.close();
    }
  });

  test('"Sök i protokoll" finds the justerade minutes by an inflected word, marks the hit, and opens the protocol at its item', async () => {
    const { page, tab } = await rig.open(reader, '/tab/my-meetings', { teamId: '', channelId: '' });
    try {
      const section = tab.locator('[data-search]');
      await section.getByRole('heading', { level: 2, name: 'Sök i protokoll' }).waitFor();
      await section.getByRole('textbox', { name: 'Sökord' }).fill('enkät');
      await section.getByRole('button', { name: 'Sök' }).click();
      const result = section.locator(`[data-search-result="${meetingId}"]`);
      await result.waitFor();
      await expectText(result, 'IM-nätverket');
      await expectText(result, 'Föregående protokoll');
      expect(await result.locator('mark').allTextContents()).toContain('enkäten');
      await expectNoSeriousAxeViolations(await tabFrame(page), 'search');
      await page.locator('#tab').screenshot({ path: outputPath('tab', 'search-light.png'), animations: 'disabled' });

      await section.getByRole('textbox', { name: 'Sökord' }).fill('"skolorna enkäten"');
      await section.getByRole('button', { name: 'Sök' }).click();
      await expectText(section, 'Inga protokoll hittades.');

      await section.getByRole('textbox', { name: 'Sökord' }).fill('enkät');
      await section.getByRole('button', { name: 'Sök' }).click();
      const itemId = (await result.locator('[data-search-hit]').first().getAttribute('data-search-hit')) ?? '';
      expect(itemId).not.toBe('');
      await result.getByRole('link', { name: 'Öppna protokollet här' }).first().click();
      await tab.getByRole('heading', { level: 1, name: 'Protokoll' }).waitFor();
      await expectText(tab.locator('[data-minutes-status]'), 'justerat av');
      // The protocol opens at the hit's item: it is the one in view.
      const item = tab.locator(`[data-item-id="${itemId}"]`).first();
      await item.waitFor();
      await eventually(async () => ((await item.isVisible()) && ((await item.evaluate((el) => el.getBoundingClientRect().top < (el.ownerDocument.defaultView?.innerHeight ?? 0))) as boolean) ? true : undefined), 5000, 'the item in view');
    } finally {
      await page.close();
    }
  });

  test("the channel tab's archive lists today's meeting and opens its minutes", async () => {
    const { meetingId: todays } = await rig.journey.createMeeting({ date: TODAY, start: '00:01', end: '23:59', place: 'Karlsborg' });
    const { meetingId: upcoming } = await rig.journey.createMeeting({ date: '2030-02-04', place: 'Tidaholm' });
    const { page, tab } = await rig.open(reader, '/tab/channel');
    try {
      const row = tab.locator(`tr[data-past-meeting="${todays}"]`);
      await row.waitFor();
      // The 2030 meeting is upcoming, not in the archive.
      expect(await tab.locator(`tr[data-past-meeting="${upcoming}"]`).count()).toBe(0);
      await expectText(row, 'Karlsborg');
      await expectText(row, 'Inget protokoll påbörjat');
      await screenshots(page, 'minutes-archive');
      await row.getByRole('button', { name: /Öppna protokollet/ }).click();
      await tab.getByRole('heading', { level: 1, name: 'Protokoll' }).waitFor();
      await expectText(tab.locator('[data-minutes-status]'), 'Status: utkast');
    } finally {
      await page.close();
    }
    const list = await rig.apiAs<{ meetings: { id: string; started: boolean; status: { kind: string } }[] }>(reader, 'GET', `/api/v1/networks/${encodeURIComponent(TEAM_ID)}/minutes`);
    const listed = list.body.meetings.map((m) => [m.id, m.started, m.status.kind]);
    expect(listed).toHaveLength(2);
    expect(listed).toContainEqual([todays, true, 'draft']);
    expect(listed).toContainEqual([meetingId, true, 'approved']);
  });

  test('the archive covers every year: pages of 25, newest first, "Visa äldre" loads the older ones', async () => {
    // Meetings of three earlier years, monthly, written to the service's database as a network's history is.
    const store = new SqliteStore(sqliteFile(rig.dataDir));
    const old: string[] = [];
    try {
      const template = await store.getMeeting(TENANT, meetingId);
      if (!template) throw new Error('no meeting');
      const { card: _card, ...plain } = template;
      for (let y = 2019; y <= 2021; y++) {
        for (let mo = 1; mo <= 12; mo++) {
          const date = `${y}-${String(mo).padStart(2, '0')}-15`;
          await store.createMeeting({ ...plain, id: `history-${date}`, date, place: `Ort ${date}` });
          old.push(`history-${date}`);
        }
      }
    } finally {
      await store.close();
    }
    const { page, tab } = await rig.open(reader, '/tab/channel');
    try {
      const rows = tab.locator('tr[data-past-meeting]');
      await rows.first().waitFor();
      const older = tab.locator('[data-archive-older]');
      await older.waitFor();
      expect(await rows.count()).toBe(25);
      expect(await tab.locator(`tr[data-past-meeting="${old[0]}"]`).count()).toBe(0);
      let pages = 1;
      while ((await older.count()) > 0) {
        const before = await rows.count();
        await older.click();
        const loading = tab.getByText('Hämtar äldre träffar');
        await eventually(async () => (await rows.count()) > before || ((await older.count()) === 0 && (await loading.count()) === 0), 10000, 'an older page');
        pages++;
        if (pages > 5) throw new Error('too many pages');
      }
      await tab.locator(`tr[data-past-meeting="${old[0]}"]`).waitFor();
      const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-past-meeting') ?? ''));
      expect(ids.filter((id) => id.startsWith('history-'))).toEqual([...old].reverse());
      expect(new Set(ids).size).toBe(ids.length);
      await expectText(tab.locator(`tr[data-past-meeting="${old[0]}"]`), 'Ort 2019-01-15');
    } finally {
      await page.close();
    }
  });

  test('the next agenda in the tab lists the open action items under Föregående protokoll', async () => {
    const { meetingId: next } = await rig.journey.createMeeting({ date: '2030-04-08', place: 'Karlsborg' });
    const { page, tab } = await rig.open(reader, `/tab/channel?meeting=${encodeURIComponent(next)}`);
    try {
      const previous = tab.locator('li[data-agenda-item="Föregående protokoll"]');
      const open = previous.locator('[data-open-actions]');
      await open.waitFor();
      await expectText(open, 'Öppna uppdrag från tidigare protokoll');
      await expectText(open, 'Sammanställa svaren');
      // The item marked done in Mina uppdrag is not listed any more.
      expect(await open.locator('li', { hasText: 'Skicka ut enkäten till skolorna' }).count()).toBe(0);
      await screenshots(page, 'agenda-open-actions');
    } finally {
      await page.close();
    }
  });

  test("minutes without a secretary start with the network's secretary, saved like any edit; an empty action-item row shows no errors until used", async () => {
    const { meetingId: fresh } = await rig.journey.createMeeting({ date: '2030-10-05', place: 'Falköping' });
    const path_ = `/api/v1/meetings/${fresh}/minutes`;
    const draft = await rig.apiAs<MinutesResponse>(chair, 'GET', path_);
    const { secretary: _none, ...rest } = draft.body.content;
    const content: ApiMinutesContent = { ...rest, items: [{ id: 'i-1', title: 'Omvärldsbevakning', notes: '', decisions: [], actions: [], tabled: false , kind: 'item' as const, presenters: [], questions: [], responses: []}] };
    expect((await rig.apiAs<MinutesResponse>(chair, 'PUT', path_, { body: { content }, ifMatch: draft.etag })).status).toBe(200);
    expect((await rig.apiAs<MinutesResponse>(chair, 'GET', path_)).body.content.secretary).toBeUndefined();
    const { page, tab } = await rig.open(chair, `/tab/channel?meeting=${encodeURIComponent(fresh)}&view=minutes`);
    try {
      const row = item(tab, 'Omvärldsbevakning');
      await row.waitFor();
      // The member whose role is sekreterare is proposed, and the proposal is saved.
      await eventually(async () => ((await tab.getByLabel('Sekreterare', { exact: true }).inputValue()) === secretary.aadObjectId ? true : undefined), 8000, 'the secretary proposed');
      await eventually(async () => {
        const saved = (await rig.apiAs<MinutesResponse>(chair, 'GET', path_)).body.content.secretary;
        return saved?.kind === 'member' && saved.memberId === secretary.aadObjectId ? true : undefined;
      }, 10000, 'the proposal saved');

      // The empty row to add an action item: nothing is marked wrong or required yet.
      const add = row.getByRole('form', { name: /^Lägg till uppdrag/ });
      const invalid = async (): Promise<number> => add.locator(':invalid, :required, [aria-invalid="true"], [role="alert"]').count();
      expect(await invalid()).toBe(0);
      expect(await add.locator('.fui-Field__validationMessage').count()).toBe(0);
      // Typed into, its fields are required; tried without an owner, it says why.
      await add.getByRole('textbox', { name: /^Uppdrag/ }).fill('Bjuda in Skolverket');
      expect(await add.locator('input:required, select:required').count()).toBeGreaterThan(0);
      await add.getByRole('button', { name: 'Lägg till uppdrag' }).click();
      await expectText(add, 'Välj vem som är ansvarig.');
    } finally {
      await page.close();
    }
  });

  test("the minutes editor's fields never overlap and stay inside the tab, from 320 to 1,400 px wide", async () => {
    // Minutes with every kind of field in use: attendance with a substitute and an arrival, an item
    // with notes, a decision, an action item with a due date, a tabled flag, and a next meeting.
    const { meetingId: fresh } = await rig.journey.createMeeting({ date: '2030-11-07', place: 'Mariestad' });
    const path_ = `/api/v1/meetings/${fresh}/minutes`;
    const draft = await rig.apiAs<MinutesResponse>(chair, 'GET', path_);
    const person = (u: TeamsUser) => ({ kind: 'member' as const, memberId: u.aadObjectId, name: u.name });
    const content: ApiMinutesContent = withJusterareAttending({
      ...draft.body.content,
      secretary: person(secretary),
      justerare: [person(justerare)],
      items: [
        {
          id: 'i-1',
          kind: 'item',
          title: 'Gemensam kompetensutveckling för studie- och yrkesvägledare i hela Skaraborg',
          presenters: [{ kind: 'guest', name: 'Anna Berg', organisation: 'Skövde' }],
          notes: 'Diskuterades.',
          questions: [],
          responses: [],
          decisions: ['Vi beslutar att gå vidare med förslaget.'],
          actions: [{ id: 'a-1', text: 'Ta fram ett underlag', owners: [person(owner), { kind: 'named', name: 'Extern samordnare' }], due: '2030-12-01' }],
          tabled: true,
        },
      ],
      nextMeetings: [{ date: '2031-02-06', start: '13:00', end: '15:00', place: 'Skövde' }],
    });
    const saved = await rig.apiAs<MinutesResponse>(chair, 'PUT', path_, { body: { content }, ifMatch: draft.etag });
    expect(saved.status).toBe(200);

    /** Every field, label and button of the editor that overlaps another, or reaches outside the tab's width. */
    const MEASURE = `(() => {
      const root = document.querySelector('[data-minutes-editor]');
      const width = document.documentElement.clientWidth;
      const name = (el) => el.tagName.toLowerCase() + '[' + ((el.getAttribute('aria-label') || (el.labels && el.labels[0] && el.labels[0].textContent) || el.textContent || el.getAttribute('name') || '').replace(/\\s+/g, ' ').trim().slice(0, 40)) + ']';
      const boxes = [...root.querySelectorAll('input, select, textarea, button, label')]
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        // Visible, and not the 1px visually hidden text of screen readers.
        .filter(({ el, r }) => r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== 'hidden');
      // A checkbox's own input lies over its indicator and label by design: that pair is one control.
      const oneControl = (a, b) => a.contains(b) || b.contains(a) || [...(a.labels || [])].includes(b) || [...(b.labels || [])].includes(a);
      const overlaps = [];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i], b = boxes[j];
          if (oneControl(a.el, b.el)) continue;
          const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
          const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
          if (x > 0.5 && y > 0.5) overlaps.push(name(a.el) + ' × ' + name(b.el));
        }
      }
      const outside = boxes.filter(({ r }) => r.left < -0.5 || r.right > width + 0.5).map(({ el, r }) => name(el) + ' ' + Math.round(r.left) + '–' + Math.round(r.right) + ' of ' + width);
      return { count: boxes.length, overlaps, outside };
    })()`;

    const { page, tab } = await rig.open(chair, `/tab/channel?meeting=${encodeURIComponent(fresh)}&view=minutes`);
    try {
      await item(tab, 'Gemensam kompetensutveckling för studie- och yrkesvägledare i hela Skaraborg').waitFor();
      const frame = await tabFrame(page);
      const found: Record<number, { count: number; overlaps: string[]; outside: string[] }> = {};
      for (const width of [320, 375, 768, 1024, 1400]) {
        await page.setViewportSize({ width, height: 900 });
        // Laid out again at the new width (two frames: resize, then layout).
        await frame.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
        found[width] = (await frame.evaluate(MEASURE)) as { count: number; overlaps: string[]; outside: string[] };
        await page.locator('#tab').screenshot({ path: outputPath('tab', `minutes-editor-${width}.png`), animations: 'disabled' });
      }
      const at = Object.entries(found);
      expect(at.map(([width, f]) => ({ width, overlaps: f.overlaps, outside: f.outside }))).toEqual(at.map(([width]) => ({ width, overlaps: [], outside: [] })));
      for (const [, f] of at) expect(f.count).toBeGreaterThan(20);
    } finally {
      await page.close();
    }
  });

  test('minutes of a meeting that has not started are not sent: the tab tells why', async () => {
    const { meetingId: upcoming } = await rig.journey.createMeeting({ date: '2030-09-02', place: 'Skövde' });
    const path_ = `/api/v1/meetings/${upcoming}/minutes`;
    await saveSendable(path_);
    const { page, tab } = await rig.open(secretary, `/tab/channel?meeting=${encodeURIComponent(upcoming)}&view=minutes`);
    try {
      const send = tab.getByRole('button', { name: 'Skicka för justering' });
      await send.waitFor();
      await eventually(async () => ((await send.isEnabled()) ? true : undefined), 8000, 'Skicka för justering enabled');
      await send.click();
      await expectText(tab.locator('main'), 'Träffen har inte börjat än. Protokollet kan skickas för justering först när träffen har börjat.');
      expect(rig.host.apiRequests.filter((r) => r.method === 'POST' && r.path === `${path_}/send`).map((r) => r.status)).toEqual([409]);
      expect((await rig.apiAs<MinutesResponse>(secretary, 'GET', path_)).body.versions).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('a protocol the archive refused: the reason shows, and after the cause is fixed "Arkivera igen" archives it', async () => {
    // Today's third meeting: its start time is in the name.
    const { meetingId: refusedId } = await rig.journey.createMeeting({ date: TODAY, start: '00:05', end: '23:00', place: 'Hjo' });
    const folder = path.join(rig.dataDir, 'arkiv', 'Protokoll', `IM-nätverket (${shortCode(TENANT, TEAM_ID)})`, TODAY.slice(0, 4));
    const taken = path.join(folder, `Protokoll för IM-nätverket ${TODAY} kl 00.05 v1.pdf`);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(taken, 'ett annat dokument');
    const path_ = `/api/v1/meetings/${refusedId}/minutes`;
    const etag = await saveSendable(path_);
    expect((await rig.apiAs(secretary, 'POST', `${path_}/send`, { ifMatch: etag })).status).toBe(200);
    expect((await rig.apiAs(justerare, 'POST', `${path_}/versions/1/approve`)).status).toBe(200);
    await eventually(async () => ((await rig.apiAs<{ archive: string }>(secretary, 'GET', `${path_}/versions/1`)).body.archive === 'failed' ? true : undefined), 15000, 'refused');

    const { page, tab } = await rig.open(secretary, `/tab/channel?meeting=${encodeURIComponent(refusedId)}&view=minutes`);
    try {
      const failed = tab.locator('[data-version="1"] [data-archive-failed]');
      await failed.waitFor();
      await expectText(failed, 'Arkivet tog inte emot protokollet');
      await screenshots(page, 'minutes-archive-refused');
      fs.renameSync(taken, path.join(folder, 'annat dokument.pdf'));
      await failed.getByRole('button', { name: 'Arkivera igen' }).click();
      await eventually(async () => ((await tab.locator('[data-version="1"] [data-document]').count()) === 2 ? true : undefined), 15000, 'the documents');
      expect(await tab.locator('[data-archive-failed]').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  test('English when the Teams locale is en-US: the approved minutes, their versions and Mina uppdrag', async () => {
    const { page, tab } = await rig.open(reader, minutesTab(), { locale: 'en-US' });
    try {
      await tab.getByRole('heading', { level: 1, name: 'Minutes' }).waitFor();
      await expectText(tab.locator('[data-minutes-status]'), 'approved by');
      await expectText(tab.locator('[data-minutes-versions]'), 'Version 1');
      expect(await tab.getByText('justerat av').count()).toBe(0);
      await screenshots(page, 'minutes-english');
    } finally {
      await page.close();
    }
    const mine = await rig.open(owner, '/tab/my-meetings', { locale: 'en-US', teamId: '', channelId: '' });
    try {
      await mine.tab.locator('[data-my-actions]').getByRole('heading', { level: 2 }).waitFor();
      const heading = await mine.tab.locator('[data-my-actions]').getByRole('heading', { level: 2 }).innerText();
      expect(heading).not.toBe('Mina uppdrag');
      expect(heading).toMatch(/action items/i);
    } finally {
      await mine.page.close();
    }
  });

  test('the protocol model in the editor: role, absent, others present, leaving time, chair, headed sections, a round, presenters, more owners, and the markup help', async () => {
    const { page, tab } = await rig.open(secretary, minutesTab());
    try {
      await tab.getByRole('heading', { level: 1, name: 'Protokoll' }).waitFor();
      await expectText(tab.locator('[data-minutes-kind]'), 'justerarna justerar');
      await tab.getByLabel('Ordförande', { exact: true }).selectOption(chair.aadObjectId);
      await tab.getByLabel('Punkterna', { exact: true }).selectOption('sections');
      const row = tab.locator(`[data-attendee="${justerare.name}"]`);
      await row.getByLabel('Roll eller titel').fill('Skolchef');
      await row.getByLabel('Organisation').fill('Lund');
      await row.getByLabel('Gick (TT:MM)').fill('14:30');
      const other = tab.locator(`[data-attendee="${reader.name}"]`);
      await other.getByLabel('Närvaro', { exact: true }).selectOption('absent');
      const previous = item(tab, 'Föregående protokoll');
      await expectText(previous, 'Tom rad: nytt stycke. ## Rubrik.');
      await previous.getByLabel('Föredragande').fill(`${chair.name}, Camilla Stensson`);
      await previous.getByLabel(/^Runda/).check();
      await previous.getByLabel('Frågor, en per rad').fill('Hur mår du?\nVad tar du med dig?');
      await previous.getByLabel(/^Vad som sades/).fill('Lund: Bra.\n\nSkövde: Trött men glad.');
      await previous.getByLabel('Fler ansvariga').first().fill('presidiet, Camilla Stensson');
      await expectText(saveState(tab), 'Sparat', 10000);
      const saved = (await serverMinutes()).content;
      expect(saved.chair).toMatchObject({ kind: 'member', memberId: chair.aadObjectId });
      expect(saved.numbering).toBe('sections');
      expect(saved.attendees.find((a) => a.name === justerare.name)).toMatchObject({ role: 'Skolchef', organisation: 'Lund', leftAt: '14:30' });
      expect(saved.attendees.find((a) => a.name === reader.name)?.status).toBe('absent');
      const prev = saved.items.find((i) => i.title === 'Föregående protokoll');
      expect(prev).toMatchObject({
        kind: 'round',
        presenters: [{ kind: 'member', memberId: chair.aadObjectId }, { kind: 'guest', name: 'Camilla Stensson' }],
        questions: ['Hur mår du?', 'Vad tar du med dig?'],
        responses: [{ speaker: 'Lund', text: 'Bra.' }, { speaker: 'Skövde', text: 'Trött men glad.' }],
      });
      expect(prev?.actions[0]?.owners.slice(1)).toEqual([{ kind: 'role', role: 'presidium', name: 'presidiet' }, { kind: 'named', name: 'Camilla Stensson' }]);
      // Headed sections: the item's heading has no number.
      expect(await previous.getByRole('heading', { level: 3 }).innerText()).toBe('Föregående protokoll');
    } finally {
      await page.close();
    }
  });

  test('a named group owns an action item: added in the editor, saved, and in "Mina uppdrag" of its members once justerat', async () => {
    const { meetingId: grouped } = await rig.journey.createMeeting({ date: TODAY, start: '00:02', end: '23:58', place: 'Falköping' });
    const path_ = `/api/v1/meetings/${grouped}/minutes`;
    const person = (u: TeamsUser) => ({ kind: 'member' as const, memberId: u.aadObjectId, name: u.name });
    const draft = await rig.apiAs<MinutesResponse>(secretary, 'GET', path_);
    const content: ApiMinutesContent = withJusterareAttending({
      ...draft.body.content,
      secretary: person(secretary),
      justerare: [person(justerare)],
      items: [{ id: 'i-1', title: 'Praktikplatser', notes: '', decisions: [], actions: [{ id: 'a-1', text: 'Ta fram en plan för praktikplatser', owners: [{ kind: 'named', name: 'Camilla Stensson' }] }], tabled: false, kind: 'item' as const, presenters: [], questions: [], responses: [] }],
    });
    expect((await rig.apiAs<MinutesResponse>(secretary, 'PUT', path_, { body: { content }, ifMatch: draft.etag })).status).toBe(200);
    const group = 'Arbetsgruppen praktik';
    const { page, tab } = await rig.open(secretary, `/tab/channel?meeting=${encodeURIComponent(grouped)}&view=minutes`);
    try {
      const it = item(tab, 'Praktikplatser');
      await it.getByRole('button', { name: /^Lägg till en grupp som ansvarig/ }).click();
      const form = it.getByRole('group', { name: /^Lägg till en grupp som ansvarig/ });
      // Neither a name nor a member: the group is not added, and the form says why.
      await form.getByRole('button', { name: 'Lägg till gruppen' }).click();
      await expectText(form, 'Skriv gruppens namn.');
      await expectText(form, 'Välj minst en medlem.');
      await form.getByLabel('Gruppens namn').fill(group);
      await form.getByRole('checkbox', { name: reader.name, exact: true }).check();
      await form.getByRole('checkbox', { name: owner.name, exact: true }).check();
      await form.getByRole('button', { name: 'Lägg till gruppen' }).click();
      const shown = it.locator(`[data-group-owner="${group}"]`);
      await expectText(shown, reader.name);
      await expectText(shown, owner.name);
      // Among the owners, by its name.
      expect(await it.getByLabel('Fler ansvariga').inputValue()).toBe(group);
      await expectText(saveState(tab), 'Sparat', 10000);
      await expectNoSeriousAxeViolations(await tabFrame(page), 'minutes-group-owner');
      const saved = (await rig.apiAs<MinutesResponse>(secretary, 'GET', path_)).body.content;
      const owners = saved.items.find((i) => i.title === 'Praktikplatser')?.actions[0]?.owners;
      expect(owners?.[0]).toEqual({ kind: 'named', name: 'Camilla Stensson' });
      expect(owners?.[1]).toMatchObject({ kind: 'group', name: group });
      const members = owners?.[1]?.kind === 'group' ? owners[1].members : [];
      expect(members.map((m) => m.memberId).sort()).toEqual([reader.aadObjectId, owner.aadObjectId].sort());
      expect(members.every((m) => m.kind === 'member' && m.name !== '')).toBe(true);
      // After a reload the group is there, and removable like the other owners.
      await page.reload();
      await expectText(item(tab, 'Praktikplatser').locator(`[data-group-owner="${group}"]`), reader.name);
      expect(await item(tab, 'Praktikplatser').getByRole('button', { name: `Ta bort gruppen ${group}` }).count()).toBe(1);
    } finally {
      await page.close();
    }
    const ready = await rig.apiAs<MinutesResponse>(secretary, 'GET', path_);
    expect((await rig.apiAs(secretary, 'POST', `${path_}/send`, { ifMatch: ready.etag })).status).toBe(200);
    expect((await rig.apiAs(justerare, 'POST', `${path_}/versions/1/approve`)).status).toBe(200);
    // A member of the group (not named on the item otherwise) finds it in "Mina uppdrag".
    const mine = await rig.open(reader, '/tab/my-meetings', { teamId: '', channelId: '' });
    try {
      const section = mine.tab.locator('[data-my-actions]');
      await section.getByRole('heading', { level: 2, name: 'Mina uppdrag' }).waitFor();
      await expectText(section.locator('tr', { hasText: 'Ta fram en plan för praktikplatser' }), 'Praktikplatser');
    } finally {
      await mine.page.close();
    }
    // Someone outside the group does not.
    const theirs = await rig.apiAs<MyActionsResponse>(justerare, 'GET', '/api/v1/me/actions');
    expect(theirs.body.actions.some((a) => a.action.text === 'Ta fram en plan för praktikplatser')).toBe(false);
  });

  test('the chair switches the network to minnesanteckningar in the channel tab, a member reads the choice, and a draft not yet sent follows it', async () => {
    const { meetingId: notes } = await rig.journey.createMeeting({ date: TODAY, start: '00:03', end: '23:57', place: 'Lidköping' });
    const path_ = `/api/v1/meetings/${notes}/minutes`;
    const kindPath = `/api/v1/networks/${encodeURIComponent(TEAM_ID)}/minutes-kind`;
    // The draft is started as a protokoll, before the switch.
    expect((await rig.apiAs<MinutesResponse>(secretary, 'GET', path_)).body.content.kind).toBe('protokoll');
    try {
      const { page, tab } = await rig.open(chair, '/tab/channel');
      try {
        const section = tab.locator('[data-minutes-kind-section]');
        await section.getByRole('heading', { level: 2, name: 'Protokoll eller minnesanteckningar' }).waitFor();
        await expectText(section, 'Justeras av justerare');
        await expectText(section, 'Godkänns av sekreteraren eller ordföranden');
        expect(await section.getByRole('radio', { name: /^Protokoll/ }).isChecked()).toBe(true);
        await section.getByRole('radio', { name: /^Minnesanteckningar/ }).check();
        await expectText(section.locator('[data-kind-changed]'), 'Nätverket för nu minnesanteckningar.');
        expect(rig.host.apiRequests.filter((r) => r.method === 'PUT' && r.path.endsWith('/minutes-kind')).map((r) => r.status)).toEqual([200]);
        await expectNoSeriousAxeViolations(await tabFrame(page), 'minutes-kind-chair');
      } finally {
        await page.close();
      }
      const read = await rig.open(reader, '/tab/channel');
      try {
        const section = read.tab.locator('[data-minutes-kind-section]');
        await expectText(section.locator('[data-network-kind]'), 'Nätverket för minnesanteckningar.');
        expect(await section.getByRole('radio').count()).toBe(0);
        await expectText(section, 'Ordföranden, sekreteraren, presidiet och administratörer väljer detta.');
      } finally {
        await read.page.close();
      }
      // The member may not switch it through the API either.
      expect((await rig.apiAs(reader, 'PUT', kindPath, { body: { kind: 'protokoll' } })).status).toBe(403);
      const minutes = await rig.open(secretary, `/tab/channel?meeting=${encodeURIComponent(notes)}&view=minutes`);
      try {
        const roles = minutes.tab.locator('[data-minutes-roles]');
        await expectText(roles.getByRole('heading', { level: 2 }), 'Minnesanteckningar');
        await expectText(roles.locator('[data-minutes-kind="minnesanteckningar"]'), 'sekreteraren eller ordföranden godkänner');
        // No justerare for minnesanteckningar.
        expect(await roles.getByLabel('Justerare', { exact: true }).count()).toBe(0);
      } finally {
        await minutes.page.close();
      }
      expect((await rig.apiAs<MinutesResponse>(secretary, 'GET', path_)).body.content.kind).toBe('minnesanteckningar');
    } finally {
      // The other tests' network keeps protokoll.
      expect((await rig.apiAs(chair, 'PUT', kindPath, { body: { kind: 'protokoll' } })).status).toBe(200);
    }
  });
});

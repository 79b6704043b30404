import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, outputPath } from '../harness/browser';
import { freePort, spawnService, type RunningService } from '../harness/process';
import { eventually, tempDir } from '../harness/service';
import { stockholmToday } from '../harness/journey';
import { devIdentity } from '../harness/teams';
import { DEMO_TENANT } from '../../src/dev/demo-tenant';

/**
 * In a real client: `npm start`'s service and the Microsoft 365 Agents Playground, driven by
 * Debian's Chromium. A member writes "ny träff", fills the form, sees the check-in card,
 * clicks "På plats" and sees the count change.
 */
describe('check-in in the Agents Playground', () => {
  let svc: RunningService;
  let playgroundUrl: string;
  let dataDir: string;

  beforeAll(async () => {
    ({ svc, playgroundUrl, dataDir } = await startWithPlayground());
  });

  afterAll(async () => {
    // Ctrl-C stops everything npm start started: the service and the Playground.
    const code = await svc?.interrupt();
    expect(code).toBe(0);
    expect(await fetch(playgroundUrl).then(() => 'answers', () => 'gone')).toBe('gone');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('a member creates a meeting, checks in, and the count changes', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      const form = await openChannelAndFillForm(page, playgroundUrl, 'Rudbecksgymnasiet, Tidaholm', 'Hybrid (på plats och Teams)');
      await page.screenshot({ path: outputPath('playground', '1-form.png') });
      await form.getByRole('button', { name: 'Skapa träff' }).click();

      const checkin = page.locator('.ac-adaptiveCard', { hasText: 'på plats · ' }).first();
      await checkin.waitFor({ timeout: 15000 });
      await expectText(checkin, '0 på plats · 0 digitalt · 0 förhinder');
      await expectText(checkin, 'Rudbecksgymnasiet, Tidaholm');
      await expectText(page.locator('.ac-adaptiveCard', { hasText: 'är skapad' }).first(), 'Träffen IM-nätverket');
      await page.screenshot({ path: outputPath('playground', '2-checkin-card.png') });

      // The Playground client's own invoke (its conversation, the card's activity, the user), to ask the same way for her view below.
      const invoked = page.waitForRequest((r) => r.method() === 'POST' && r.url().includes('/_conversation/v1/invoke'));
      await checkin.getByRole('button', { name: 'På plats' }).click();
      await expectText(checkin, 'Din närvaro: På plats');
      await expectText(checkin, '1 på plats · 0 digitalt · 0 förhinder');
      await expectText(checkin, 'Karin Ekholm');
      await checkin.screenshot({ path: outputPath('playground', 'checkin-card.png') });
      await page.screenshot({ path: outputPath('playground', '3-checked-in.png') });

      // Everyone's copy: the bot's in-place update of the shared card replaces the clicker's
      // personal copy too, with the same count and without "Din närvaro".
      await eventually(async () => {
        const t = await checkin.innerText();
        return t.includes('1 på plats · 0 digitalt · 0 förhinder') && !t.includes('Din närvaro') ? true : undefined;
      }, 10000, 'the shared card update');
      await page.screenshot({ path: outputPath('playground', '4-shared-card.png') });

      // Teams would now ask for her own view of the updated card (its refresh, trigger
      // "automatic"); the Playground client does not, so the test asks through the Playground's
      // invoke API as her client would: she sees her status and the creator's controls.
      const click = (await invoked).postDataJSON() as { value: { action: { data: { meetingId: string } } } } & Record<string, unknown>;
      const data = { action: 'refreshCard', meetingId: click.value.action.data.meetingId, card: 'checkinCard' };
      const refreshed = await fetch(new URL('/_conversation/v1/invoke', playgroundUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...click, value: { action: { type: 'Action.Execute', verb: 'refreshCard', data }, trigger: 'automatic' } }),
      });
      const own = JSON.stringify(((await refreshed.json()) as { value?: unknown }).value);
      expect(refreshed.status).toBe(200);
      expect(own).toContain('Din närvaro: På plats');
      expect(own).toContain('Stäng närvaro');
      expect(own).toContain('"verb":"refreshCard"');
    } finally {
      await browser.close();
    }
  }, 120000);
});

describe('the agenda card in the Agents Playground', () => {
  let svc: RunningService;
  let playgroundUrl: string;
  let dataDir: string;
  const karin = { 'x-justera-dev-user': devIdentity(DEMO_TENANT.tenantId, DEMO_TENANT.currentUser.aadObjectId), 'content-type': 'application/json' };

  beforeAll(async () => {
    ({ svc, playgroundUrl, dataDir } = await startWithPlayground());
  });

  afterAll(async () => {
    expect(await svc?.interrupt()).toBe(0);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('the published agenda appears in the channel; a member proposes an item; accepted and published, the card updates', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      const form = await openChannelAndFillForm(page, playgroundUrl, 'Falköping');
      await form.getByRole('button', { name: 'Skapa träff' }).click();
      // The check-in card (its counts line), not the form, whose intro also says "Incheckning…".
      await page.locator('.ac-adaptiveCard', { hasText: '0 på plats · 0 digitalt' }).first().waitFor({ timeout: 15000 });

      // Karin, the demo's secretary, builds and publishes the agenda (the tab's API).
      const listed = await fetch(`${svc.url}/api/v1/me/meetings`, { headers: karin });
      const meetings = (await listed.json()) as { meetings: { id: string }[] };
      expect({ status: listed.status, count: meetings.meetings?.length }).toEqual({ status: 200, count: 1 });
      const meetingId = meetings.meetings[0]?.id ?? '';
      const draft = await fetch(`${svc.url}/api/v1/meetings/${meetingId}/agenda`, { headers: karin });
      const body = (await draft.json()) as { items: { id: string; standard?: string }[] };
      expect({ status: draft.status, body }).toMatchObject({ status: 200 });
      // The topic goes where the template's opening items end, before "Övriga frågor".
      const topicsAt = body.items.findIndex((i) => i.standard === 'other-matters');
      const items = [...body.items.slice(0, topicsAt), { title: 'Projekt Kraftsamling', durationMin: 30, kind: 'information', description: 'Camilla presenterar analysen.' }, ...body.items.slice(topicsAt)];
      const saved = await fetch(`${svc.url}/api/v1/meetings/${meetingId}/agenda`, { method: 'PUT', headers: { ...karin, 'if-match': draft.headers.get('etag') ?? '' }, body: JSON.stringify({ items }) });
      expect(saved.status).toBe(200);
      const published = await fetch(`${svc.url}/api/v1/meetings/${meetingId}/agenda/publish`, { method: 'POST', headers: { ...karin, 'if-match': saved.headers.get('etag') ?? '' } });
      expect(published.status).toBe(200);

      const agenda = page.locator('.ac-adaptiveCard', { hasText: 'Projekt Kraftsamling' }).first();
      await agenda.waitFor({ timeout: 15000 });
      await expectText(agenda, 'Dagordning');
      await page.screenshot({ path: outputPath('playground', '5-agenda-card.png') });

      await agenda.getByRole('button', { name: 'Föreslå punkt' }).click();
      const proposal = page.locator('.ac-adaptiveCard', { hasText: 'Föreslå en punkt' }).first();
      await proposal.waitFor({ timeout: 10000 });
      await proposal.getByRole('textbox', { name: 'Rubrik' }).fill('Gemensam K-dag i höst');
      await proposal.getByRole('button', { name: 'Skicka förslaget' }).click();
      await page.locator('.ac-adaptiveCard', { hasText: 'är skickat till presidiet' }).first().waitFor({ timeout: 10000 });

      const list = (await (await fetch(`${svc.url}/api/v1/meetings/${meetingId}/proposals`, { headers: karin })).json()) as { proposals: { id: string; title: string }[] };
      expect(list.proposals.map((p) => p.title)).toEqual(['Gemensam K-dag i höst']);
      const accepted = await fetch(`${svc.url}/api/v1/meetings/${meetingId}/proposals/${list.proposals[0]?.id ?? ''}/accept`, { method: 'POST', headers: karin });
      expect(accepted.status).toBe(200);
      // Accepted into the draft; the card changes when the chair group publishes it.
      const withItem = await fetch(`${svc.url}/api/v1/meetings/${meetingId}/agenda`, { headers: karin });
      expect(((await withItem.json()) as { status: string }).status).toBe('draft');
      const republished = await fetch(`${svc.url}/api/v1/meetings/${meetingId}/agenda/publish`, { method: 'POST', headers: { ...karin, 'if-match': withItem.headers.get('etag') ?? '' } });
      expect(republished.status).toBe(200);

      // The bot updates the posted agenda card in place: the channel shows the new item.
      const updated = page.locator('.ac-adaptiveCard', { hasText: 'Gemensam K-dag i höst' }).filter({ hasText: 'Dagordning' }).first();
      await updated.waitFor({ timeout: 15000 });
      await expectText(updated, 'Projekt Kraftsamling');
      await updated.screenshot({ path: outputPath('playground', 'agenda-card.png') });
      await page.screenshot({ path: outputPath('playground', '6-agenda-updated.png') });
    } finally {
      await browser.close();
    }
  }, 120000);
});

describe('justering in the Agents Playground', () => {
  let svc: RunningService;
  let playgroundUrl: string;
  let dataDir: string;
  const { currentUser: karin, users } = DEMO_TENANT;
  const johan = users[0]!;
  const asJohan = { 'x-justera-dev-user': devIdentity(DEMO_TENANT.tenantId, johan.aadObjectId), 'content-type': 'application/json' };

  beforeAll(async () => {
    ({ svc, playgroundUrl, dataDir } = await startWithPlayground());
  });

  afterAll(async () => {
    expect(await svc?.interrupt()).toBe(0);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('the approval card arrives in personal chat; Justera is clicked; the channel card changes', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      // A meeting that started this morning: minutes are sent for justering only once it has started.
      const form = await openChannelAndFillForm(page, playgroundUrl, 'Karlsborg', undefined, { date: stockholmToday(), start: '00:00', end: '23:30' });
      await form.getByRole('button', { name: 'Skapa träff' }).click();
      await page.locator('.ac-adaptiveCard', { hasText: '0 på plats · 0 digitalt' }).first().waitFor({ timeout: 15000 });

      // Johan, the chair, writes the minutes in the tab (its API) and sends them to Karin, the justerare.
      const meetings = (await (await fetch(`${svc.url}/api/v1/me/meetings`, { headers: asJohan })).json()) as { meetings: { id: string }[] };
      const meetingId = meetings.meetings[0]?.id ?? '';
      const draft = await fetch(`${svc.url}/api/v1/meetings/${meetingId}/minutes`, { headers: asJohan });
      const content = ((await draft.json()) as { content: Record<string, unknown> }).content;
      const minutes = {
        ...content,
        secretary: { kind: 'member', memberId: johan.aadObjectId, name: johan.name },
        justerare: [{ kind: 'member', memberId: karin.aadObjectId, name: karin.name }],
        // Karin attended (a justerare must have).
        attendees: [{ id: karin.aadObjectId, name: karin.name, organisation: '', status: 'onsite', guest: false }],
        items: [
          { id: 'i-1', title: 'Projekt Överlämning', notes: 'Camilla presenterar projektet.', decisions: ['Nätverket ställer sig bakom modellen.'], actions: [], tabled: false, kind: 'item' as const, presenters: [], questions: [], responses: [] },
        ],
      };
      const saved = await fetch(`${svc.url}/api/v1/meetings/${meetingId}/minutes`, { method: 'PUT', headers: { ...asJohan, 'if-match': draft.headers.get('etag') ?? '' }, body: JSON.stringify({ content: minutes }) });
      expect(saved.status).toBe(200);
      const sent = await fetch(`${svc.url}/api/v1/meetings/${meetingId}/minutes/send`, { method: 'POST', headers: { ...asJohan, 'if-match': saved.headers.get('etag') ?? '' } });
      expect(sent.status).toBe(200);

      const status = page.locator('.ac-adaptiveCard', { hasText: 'Väntar på justering av Karin Ekholm' }).first();
      await status.waitFor({ timeout: 15000 });
      await page.screenshot({ path: outputPath('playground', '7-justering-status.png') });

      await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
      const approval = page.locator('.ac-adaptiveCard', { hasText: 'Protokoll att justera' }).first();
      await approval.waitFor({ timeout: 15000 });
      await expectText(approval, 'Projekt Överlämning');
      await approval.screenshot({ path: outputPath('playground', 'approval-card.png') });
      // Justera cannot be undone: it asks first.
      await approval.getByRole('button', { name: 'Justera', exact: true }).click();
      await expectText(approval, 'Justeringen kan inte ångras. Justera protokollet?');
      await approval.getByRole('button', { name: 'Ja, justera' }).click();
      await expectText(page.locator('.ac-adaptiveCard', { hasText: 'Du har justerat' }).first(), 'Justerat av Karin Ekholm', 15000);
      await page.screenshot({ path: outputPath('playground', '8-justerat.png') });

      await page.getByRole('treeitem', { name: 'IM-nätverket - Träffar' }).click();
      const archived = page.locator('.ac-adaptiveCard', { hasText: 'Protokollet är arkiverat' }).first();
      await archived.waitFor({ timeout: 20000 });
      await expectText(archived, 'Justerat av Karin Ekholm');
      const minutesCard = page.locator('.ac-adaptiveCard', { hasText: 'Nätverket ställer sig bakom modellen.' }).first();
      await minutesCard.waitFor({ timeout: 15000 });
      await minutesCard.screenshot({ path: outputPath('playground', 'minutes-card.png') });
      await page.screenshot({ path: outputPath('playground', '9-minutes-card.png') });
    } finally {
      await browser.close();
    }
  }, 150000);
});

describe('a meeting moved and cancelled in the Agents Playground', () => {
  let svc: RunningService;
  let playgroundUrl: string;
  let dataDir: string;

  beforeAll(async () => {
    ({ svc, playgroundUrl, dataDir } = await startWithPlayground());
  });

  afterAll(async () => {
    expect(await svc?.interrupt()).toBe(0);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('Karin (the secretary) moves the meeting from its card: the card says "Flyttad till …"; she cancels it: "Inställd", no buttons', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      const form = await openChannelAndFillForm(page, playgroundUrl, 'Mariestad');
      await form.getByRole('button', { name: 'Skapa träff' }).click();
      const checkin = page.locator('.ac-adaptiveCard', { hasText: '0 på plats · 0 digitalt' }).first();
      await checkin.waitFor({ timeout: 15000 });

      await checkin.getByRole('button', { name: 'Ändra träff' }).click();
      for (const [name, value] of [['Starttid', '10:00'], ['Sluttid', '12:00']] as const) {
        await checkin.getByRole('combobox', { name }).fill(value);
        await checkin.getByRole('combobox', { name }).press('Tab');
      }
      await checkin.getByRole('button', { name: 'Spara ändringen' }).click();
      // Her own copy (the invoke's answer) and the shared card's update in place arrive in either
      // order; both are the check-in card saying where it moved, so it stays one whichever is last.
      const moved = page.locator('.ac-adaptiveCard', { hasText: 'Flyttad till' }).filter({ hasText: '0 på plats' }).first();
      await moved.waitFor({ timeout: 15000 });
      await expectText(moved, '10:00–12:00');
      await expectText(moved, 'Var: ');
      await moved.screenshot({ path: outputPath('playground', 'moved-card.png') });

      // The later of those two may replace the card just after she opens "Ställ in" (closing it
      // again), as it can in Teams: she opens it and confirms until the card says it is cancelled.
      // Cancelling twice changes nothing.
      const cancelled = page.locator('.ac-adaptiveCard', { hasText: 'Träffen är inställd av Karin Ekholm' }).filter({ hasText: '0 på plats' }).first();
      await eventually(
        async () => {
          if ((await cancelled.count()) > 0) return true;
          if (!(await moved.innerText({ timeout: 2000 }).catch(() => '')).includes('Det kan inte ångras.')) {
            await moved.getByRole('button', { name: 'Ställ in' }).click({ timeout: 2000 }).catch(() => undefined);
            await page.waitForTimeout(500);
            return undefined;
          }
          await moved.getByRole('button', { name: 'Ja, ställ in träffen' }).click({ timeout: 2000 }).catch(() => undefined);
          await cancelled.waitFor({ timeout: 3000 }).catch(() => undefined);
          return undefined;
        },
        30000,
        'the meeting cancelled from its card',
      );
      expect(await cancelled.getByRole('button', { name: /På plats|Digitalt|Förhinder|Ändra träff|Ställ in/ }).count()).toBe(0);
      await cancelled.screenshot({ path: outputPath('playground', 'cancelled-card.png') });
    } finally {
      await browser.close();
    }
  }, 120000);
});

/** The service as `npm start` runs it, with the Playground on a free port and its own data. */
async function startWithPlayground(): Promise<{ svc: RunningService; playgroundUrl: string; dataDir: string }> {
  const dataDir = tempDir('justera-e2e-');
  const playgroundPort = await freePort();
  const svc = await spawnService({ DATA_DIR: dataDir, PLAYGROUND_PORT: String(playgroundPort), LOG_LEVEL: 'info' });
  const playgroundUrl = `http://127.0.0.1:${playgroundPort}/`;
  await eventually(async () => (await fetch(playgroundUrl).then((r) => r.ok, () => false)) || undefined, 30000, 'the Playground');
  return { svc, playgroundUrl, dataDir };
}

/** Opens the Playground on the network's channel, asks for "ny träff" and fills the form two weeks ahead, 13–15. */
async function openChannelAndFillForm(page: Page, url: string, place: string, mode?: string, when: { date: string; start: string; end: string } = { date: futureDate(), start: '13:00', end: '15:00' }): Promise<Locator> {
  await page.goto(url);
  await page.getByRole('treeitem', { name: 'Personal Chat' }).waitFor({ timeout: 30000 });
  await page.getByRole('treeitem', { name: 'IM-nätverket - Träffar' }).click();
  const form = await postAndWaitForCard(page, 'ny träff', 'Ny träff');
  for (const [name, value] of [['Datum', when.date], ['Starttid', when.start], ['Sluttid', when.end]] as const) {
    await form.getByRole('combobox', { name }).fill(value);
    await form.getByRole('combobox', { name }).press('Tab');
  }
  if (mode) {
    await form.getByRole('combobox', { name: 'Form' }).click();
    await page.getByRole('option', { name: mode }).click();
  }
  await form.getByRole('textbox', { name: 'Plats' }).fill(place);
  return form;
}

/** Posts "@Justera <text>" as a new channel post and waits for the bot's card. The Playground sometimes drops a reply; post once more then. */
async function postAndWaitForCard(page: Page, text: string, cardText: string): Promise<Locator> {
  const card = page.locator('.ac-adaptiveCard', { hasText: cardText }).first();
  for (let attempt = 1; ; attempt++) {
    const editor = page.locator('[data-lexical-editor="true"][role="textbox"]').first();
    await editor.click();
    await page.keyboard.type('@Jus');
    await page.locator('#typeahead-menu').getByRole('menuitem', { name: 'Justera' }).click();
    await page.keyboard.type(` ${text}`);
    await page.getByRole('button', { name: 'Post' }).click();
    try {
      await card.waitFor({ timeout: 8000 });
      return card;
    } catch (e) {
      if (attempt >= 2) throw e;
    }
  }
}

async function expectText(locator: Locator, text: string, timeout = 8000): Promise<void> {
  await eventually(async () => ((await locator.innerText()).includes(text) ? true : undefined), timeout, `"${text}" in ${String(locator)}`);
}

function futureDate(): string {
  const d = new Date(Date.now() + 14 * 86400000);
  return d.toISOString().slice(0, 10);
}

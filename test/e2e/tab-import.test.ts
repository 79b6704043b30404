import fs from 'node:fs';
import path from 'node:path';
import type { NetworkMember } from '../../src/http/api-contract';
import { expectNoSeriousAxeViolations, expectText, startTabRig, tabFrame, type TabRig } from '../harness/teams-host/tab-rig';
import { TEAM_ID, type TeamsUser } from '../harness/teams';
import { imageOnlyPdf } from '../unit/import-variants';

/**
 * Issue 11, import in the tab, in Chromium inside the Teams host: the chair group chooses old
 * protocols, sees each one's original text beside what was read with the uncertain parts marked,
 * corrects the fields and saves; the protocol then stands in the network's archive marked
 * "Importerat". A scan without text says so in Swedish. A plain member sees no import.
 */
const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'protocols');

describe('importing old protocols in the channel tab', () => {
  let rig: TabRig;
  let chair: TeamsUser;
  let member: TeamsUser;

  beforeAll(async () => {
    rig = await startTabRig({ members: 4 });
    chair = rig.journey.members[1] as TeamsUser;
    member = rig.journey.members[2] as TeamsUser;
    const owner = rig.journey.members[0] as TeamsUser;
    const res = await rig.apiAs<NetworkMember>(owner, 'PUT', `/api/v1/networks/${encodeURIComponent(TEAM_ID)}/members/${chair.aadObjectId}/role`, { body: { role: 'sekreterare' } });
    expect(res.status).toBe(200);
  }, 60000);

  afterAll(async () => {
    await rig?.stop();
  });

  const openChannelAs = (who: TeamsUser, locale = 'sv-SE') => rig.open(who, '/tab/channel', { locale });

  test('upload → review beside the original → correct → save: in the archive marked "Importerat"; a scan without text is told so', async () => {
    const { page, tab } = await openChannelAs(chair);
    try {
      const section = tab.locator('[data-import-protocols]');
      await expectText(section.getByRole('heading', { level: 2 }), 'Importera protokoll');
      await section.locator('input[data-import-files]').setInputFiles([
        { name: 'im-natverket-2022-06-03-mariestad.txt', mimeType: 'text/plain', buffer: fs.readFileSync(path.join(FIXTURES, 'im-natverket-2022-06-03-mariestad.txt')) },
        { name: 'skannad.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await imageOnlyPdf()) },
      ]);

      const file = section.locator('[data-import-file="im-natverket-2022-06-03-mariestad.txt"][data-import-state="review"]');
      await file.waitFor({ timeout: 30000 });
      // The original text beside what was read, with what the reader is unsure of marked in both.
      await expectText(file.locator('[data-import-original]'), 'Mariestad');
      expect(await file.locator('[data-import-original] mark[data-mark-path]').count()).toBeGreaterThan(0);
      expect(await file.locator('[data-review-path]').count()).toBeGreaterThan(0);
      expect(await file.locator('[data-attendee]').count()).toBeGreaterThan(3);
      expect(await file.locator('[data-item]').count()).toBeGreaterThan(2);

      const scan = section.locator('[data-import-file="skannad.pdf"][data-import-state="failed"]');
      await scan.waitFor({ timeout: 30000 });
      await expectText(scan.locator('[data-import-error]'), 'PDF-filen har ingen text, bara bilder');

      await expectNoSeriousAxeViolations(await tabFrame(page), 'the import review');

      // Corrections: the title, and a date within the archive's last year; an item's title.
      const recent = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
      await file.locator('input[data-field="title"]').fill('IM-nätverket i Mariestad, importerat');
      await file.locator('input[data-field="date"]').fill(recent);
      await file.locator('[data-item="0"]').getByRole('textbox').first().fill('Inledning och närvaro');
      await file.locator('[data-import-save]').click();
      await expectText(file.locator('[data-import-saved="created"]'), 'sparat som importerat protokoll');

      // The archive list loads again and shows it, imported, never justerat, with its original file.
      const row = tab.locator('tr[data-past-meeting]', { has: tab.locator('[data-imported]') });
      await expectText(row.locator('[data-imported]'), 'Importerat');
      await expectText(row, 'IM-nätverket i Mariestad, importerat');
      expect(await row.locator('[data-open-document="original"]').count()).toBe(1);
      expect(await row.innerText()).not.toMatch(/justerat av/i);
    } finally {
      await page.close();
    }
  });

  test('a plain member sees no import; in English the chair group sees "Import protocols"', async () => {
    const asMember = await openChannelAs(member);
    try {
      await asMember.tab.locator('[data-record-past], section[aria-labelledby^="archive-"]').first().waitFor();
      expect(await asMember.tab.locator('[data-import-protocols]').count()).toBe(0);
    } finally {
      await asMember.page.close();
    }
    const inEnglish = await openChannelAs(chair, 'en-US');
    try {
      await expectText(inEnglish.tab.locator('[data-import-protocols]').getByRole('heading', { level: 2 }), 'Import protocols');
    } finally {
      await inEnglish.page.close();
    }
  });
});

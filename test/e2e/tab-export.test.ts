import { unzipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import type { Download } from 'playwright-core';
import type { ImportFileReading, ImportReadResponse, ImportSaveResponse, NetworkMember } from '../../src/http/api-contract';
import type { ProtokollDocument } from '../../src/domain/import/protokoll';
import { expectNoSeriousAxeViolations, expectText, startTabRig, tabFrame, type TabRig } from '../harness/teams-host/tab-rig';
import { TEAM_ID, type TeamsUser } from '../harness/teams';
import { validateProtokoll } from '../harness/protokoll-schema';

/**
 * Issue 11, export in the tab, in Chromium inside the Teams host: beside a protocol in the
 * network's archive, "Exportera" downloads its justera-protokoll/1 JSON; the chair group's
 * "Exportera arkivet" downloads the whole archive as one zip. A plain member exports a protocol
 * but sees no archive export.
 */
const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'protocols');
const NET = `/api/v1/networks/${encodeURIComponent(TEAM_ID)}`;

async function bytesOf(download: Download): Promise<Buffer> {
  const file = await download.path();
  if (!file) throw new Error(`download failed: ${(await download.failure()) ?? ''}`);
  return fs.readFileSync(file);
}

describe('exporting protocols in the channel tab', () => {
  let rig: TabRig;
  let chair: TeamsUser;
  let member: TeamsUser;
  let saved: ImportSaveResponse;

  beforeAll(async () => {
    rig = await startTabRig({ members: 4 });
    chair = rig.journey.members[1] as TeamsUser;
    member = rig.journey.members[2] as TeamsUser;
    const owner = rig.journey.members[0] as TeamsUser;
    expect((await rig.apiAs<NetworkMember>(owner, 'PUT', `${NET}/members/${chair.aadObjectId}/role`, { body: { role: 'sekreterare' } })).status).toBe(200);
    // An old protocol in the archive (imported through the API, dated within the archive's last year).
    const name = 'im-natverket-2021-12-03.txt';
    const content = fs.readFileSync(path.join(FIXTURES, name)).toString('base64');
    const read = await rig.apiAs<ImportReadResponse>(chair, 'POST', `${NET}/imports/read`, { body: { files: [{ name, content }] } });
    const reading = read.body.files[0] as ImportFileReading;
    if (!reading.ok) throw new Error(reading.error.message);
    const recent = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    const document: ProtokollDocument = { ...reading.document, date: recent, title: 'IM-nätverket, exporttest' };
    const res = await rig.apiAs<ImportSaveResponse>(chair, 'POST', `${NET}/imports`, { body: { document, original: { name, content } } });
    expect(res.status).toBe(200);
    saved = res.body;
  }, 60000);

  afterAll(async () => {
    await rig?.stop();
  });

  test('"Exportera" beside a protocol downloads its JSON; "Exportera arkivet" downloads the zip', async () => {
    const { page, tab } = await rig.open(chair, '/tab/channel');
    try {
      const row = tab.locator(`tr[data-past-meeting="${saved.meetingId}"]`);
      const button = row.locator('[data-export-protocol]');
      await expectText(button, 'Exportera');
      const [json] = await Promise.all([page.waitForEvent('download'), button.click()]);
      expect(json.suggestedFilename()).toMatch(/^Protokoll för IM-nätverket \d{4}-\d{2}-\d{2} importerat\.json$/);
      const doc = JSON.parse((await bytesOf(json)).toString('utf8')) as ProtokollDocument;
      expect(validateProtokoll(doc) ? [] : validateProtokoll.errors).toEqual([]);
      expect(doc.contentHash).toBe(saved.version.hash);
      expect(doc.title).toBe('IM-nätverket, exporttest');

      const section = tab.locator('[data-export-archive]');
      await expectText(section.getByRole('heading', { level: 2 }), 'Exportera arkivet');
      const [zip] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Exportera arkivet' }).click()]);
      expect(zip.suggestedFilename()).toMatch(/^IM-nätverket \([a-z0-9]+\) arkiv \d{4}-\d{2}-\d{2}\.zip$/);
      const files = unzipSync(new Uint8Array(await bytesOf(zip)));
      const year = doc.date?.slice(0, 4) ?? '';
      expect(Object.keys(files).sort()).toEqual(
        ['index.json', 'LÄSMIG.txt', ...['importerat.json', 'importerat.pdf', 'importerat.docx', 'importerat original.txt'].map((f) => `${year}/${json.suggestedFilename().replace(/importerat\.json$/, f)}`)].sort(),
      );
      await expectText(section.getByRole('status'), 'Arkivet är hämtat');
      await expectNoSeriousAxeViolations(await tabFrame(page), 'the archive with its export');
    } finally {
      await page.close();
    }
  });

  test('a plain member exports a protocol but sees no archive export; in English the button says "Export"', async () => {
    const { page, tab } = await rig.open(member, '/tab/channel', { locale: 'en-US' });
    try {
      const row = tab.locator(`tr[data-past-meeting="${saved.meetingId}"]`);
      await expectText(row.locator('[data-export-protocol]'), 'Export');
      expect(await tab.locator('[data-export-archive]').count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});

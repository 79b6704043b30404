import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Journey } from '../harness/journey';
import { eventually } from '../harness/service';
import type { MinutesVersion } from '../../src/domain/minutes';

/**
 * Issue 9, problems 1 and 2 (and 8's ENAMETOOLONG): what a justerat protocol is called in the
 * archive comes from the stored network and meeting, tenant-scoped, so protocols never collide,
 * and the minutes' editable text cannot move them. Through the API and the bot, as people do it,
 * against the folder archive.
 */

const CHAIR = 0;
const SECRETARY = 1;
const JUSTERARE = 2;

interface VersionBody {
  archive: string | null;
  archiveError?: string;
  documents: { kind: string; name: string; webUrl: string }[];
}

async function versionOf(j: Journey, meetingId: string, n = 1): Promise<VersionBody> {
  return (await j.api('GET', `/meetings/${meetingId}/minutes/versions/${n}`, CHAIR)).body as unknown as VersionBody;
}

function archived(j: Journey, meetingId: string): Promise<VersionBody> {
  return eventually(async () => {
    const v = await versionOf(j, meetingId);
    if (v.archive === 'failed') throw new Error(`archiving failed: ${v.archiveError ?? ''}`);
    return v.archive === 'done' ? v : undefined;
  }, 20000, 'archived');
}

/** The archived files of a version, as paths below the archive's root, and their metadata columns. */
function filesOf(j: Journey, v: VersionBody): { path: string; columns: Record<string, unknown> }[] {
  const root = path.join(j.service.dataDir, 'arkiv');
  return v.documents.map((d) => {
    const file = fileURLToPath(d.webUrl);
    expect(fs.existsSync(file)).toBe(true);
    const sidecar = JSON.parse(fs.readFileSync(`${file}.metadata.json`, 'utf8')) as { columns: Record<string, unknown> };
    return { path: path.relative(root, file).split(path.sep).join('/'), columns: sidecar.columns };
  });
}

async function team(): Promise<Journey> {
  const j = await new Journey().start({ members: 4 });
  await j.install();
  await j.assignRole(0, SECRETARY, 'sekreterare');
  return j;
}

/** A second organisation's team of the same name on the same service. */
async function otherTenant(j: Journey): Promise<Journey> {
  const k = new Journey();
  k.tenantId = '99999999-8888-7777-6666-555555555555';
  await k.startTeam({ members: 4 });
  k.service = j.service;
  k.botUrl = j.botUrl;
  k.clock = j.clock;
  await k.install();
  await k.assignRole(0, SECRETARY, 'sekreterare');
  return k;
}

async function justera(j: Journey, meetingId: string): Promise<void> {
  await j.sendMinutes(meetingId, SECRETARY, [JUSTERARE]);
  expect((await j.api('POST', `/meetings/${meetingId}/minutes/versions/1/approve`, JUSTERARE)).status).toBe(200);
}

/**
 * Brings a meeting's version to where the old naming left it: justerat, and refused for good by
 * the archive (it is blocked while the version is approved, so the one attempt fails), with the
 * intent as it was recorded before names were chosen and kept in it.
 */
async function refusedAsBefore(j: Journey, meetingId: string, lastError: string): Promise<void> {
  const root = path.join(j.service.dataDir, 'arkiv');
  fs.mkdirSync(path.join(root, 'Protokoll'), { recursive: true });
  fs.renameSync(path.join(root, 'Protokoll'), path.join(root, 'Protokoll.undan'));
  fs.writeFileSync(path.join(root, 'Protokoll'), 'blockerar');
  await justera(j, meetingId);
  await eventually(async () => ((await versionOf(j, meetingId)).archive === 'failed' ? true : undefined), 15000, 'refused');
  fs.rmSync(path.join(root, 'Protokoll'));
  fs.renameSync(path.join(root, 'Protokoll.undan'), path.join(root, 'Protokoll'));
  const found = await j.service.store.getMinutesVersion(j.tenantId, meetingId, 1);
  if (!found?.version.archive) throw new Error('no version');
  const { names: _chosenNow, ...before } = found.version.archive as NonNullable<MinutesVersion['archive']> & { names?: unknown };
  const old: MinutesVersion = { ...found.version, archive: { ...before, lastError } };
  expect(await j.service.store.saveMinutesVersion(old, found.etag)).toBeDefined();
  expect(await versionOf(j, meetingId)).toMatchObject({ archive: 'failed', archiveError: lastError });
}

describe('archive names from the stored network and meeting', () => {
  test('two meetings of one network on the same date both archive, told apart by their start time', async () => {
    const j = await team();
    try {
      const first = (await j.createMeeting({ date: '2030-02-04', start: '09:00', end: '11:00' })).meetingId;
      const second = (await j.createMeeting({ date: '2030-02-04', start: '13:00', end: '15:00' })).meetingId;
      expect(first).not.toBe(second);
      await justera(j, first);
      await justera(j, second);
      const a = filesOf(j, await archived(j, first)).map((f) => f.path);
      const b = filesOf(j, await archived(j, second)).map((f) => f.path);
      expect(a.map((p) => p.split('/').at(-1))).toEqual(['Protokoll för IM-nätverket 2030-02-04 kl 09.00 v1.pdf', 'Protokoll för IM-nätverket 2030-02-04 kl 09.00 v1.docx']);
      expect(b.map((p) => p.split('/').at(-1))).toEqual(['Protokoll för IM-nätverket 2030-02-04 kl 13.00 v1.pdf', 'Protokoll för IM-nätverket 2030-02-04 kl 13.00 v1.docx']);
      expect(a.map((p) => p.split('/').slice(0, -1).join('/'))).toEqual(b.map((p) => p.split('/').slice(0, -1).join('/')));
    } finally {
      await j.stop();
    }
  });

  test('two tenants whose networks have the same name both archive, each in its own folder', async () => {
    const j = await team();
    const k = await otherTenant(j);
    try {
      const mine = (await j.createMeeting({ date: '2030-03-04' })).meetingId;
      const theirs = (await k.createMeeting({ date: '2030-03-04' })).meetingId;
      await justera(j, mine);
      await justera(k, theirs);
      const a = filesOf(j, await archived(j, mine));
      const b = filesOf(k, await archived(k, theirs));
      const folder = (p: string): string => p.split('/').slice(0, -1).join('/');
      expect(folder(a[0]?.path ?? '')).toMatch(/^Protokoll\/IM-nätverket \([0-9a-z]{6}\)\/2030$/);
      expect(folder(b[0]?.path ?? '')).toMatch(/^Protokoll\/IM-nätverket \([0-9a-z]{6}\)\/2030$/);
      expect(folder(a[0]?.path ?? '')).not.toBe(folder(b[0]?.path ?? ''));
      expect(a[0]?.path.split('/').at(-1)).toBe('Protokoll för IM-nätverket 2030-03-04 v1.pdf');
    } finally {
      await k.connector.stop();
      await j.stop();
    }
  });

  test('a 256-character team name archives (it used to fail with ENAMETOOLONG), readable and shortened', async () => {
    const j = new Journey();
    j.teamName = `Gymnasieskolornas nätverk för ${'lärande och utveckling '.repeat(12)}`.slice(0, 256);
    expect(j.teamName).toHaveLength(256);
    await j.start({ members: 4 });
    await j.install();
    await j.assignRole(0, SECRETARY, 'sekreterare');
    try {
      const meetingId = (await j.createMeeting({ date: '2030-04-07' })).meetingId;
      await justera(j, meetingId);
      const files = filesOf(j, await archived(j, meetingId));
      for (const f of files) {
        for (const segment of f.path.split('/')) expect(Buffer.byteLength(segment)).toBeLessThanOrEqual(200);
        expect(f.path).toMatch(/^Protokoll\/Gymnasieskolornas nätverk för lärande.*… \([0-9a-z]{6}\)\/2030\/Protokoll för Gymnasieskolornas nätverk.*… 2030-04-07 v1\.(pdf|docx)$/);
        // A SharePoint text column holds 255 characters.
        expect(f.columns['Nätverk']).toBe(`${j.teamName.slice(0, 254).trimEnd()}…`);
      }
    } finally {
      await j.stop();
    }
  });

  test('the name and date typed in the minutes do not move the protocol in the archive nor change its columns', async () => {
    const j = await team();
    try {
      const meetingId = (await j.createMeeting({ date: '2030-05-06' })).meetingId;
      // The secretary types another network's name and another date into the minutes.
      const draft = await j.api('GET', `/meetings/${meetingId}/minutes`, SECRETARY);
      const content = draft.body.content as Record<string, unknown> & { meeting: Record<string, unknown> };
      const saved = await j.api('PUT', `/meetings/${meetingId}/minutes`, SECRETARY, {
        body: { content: { ...content, networkName: 'Gymnasienätverket', meeting: { ...content.meeting, date: '2030-05-07' } } },
        ifMatch: draft.etag,
      });
      expect(saved.status).toBe(200);
      await justera(j, meetingId);
      const files = filesOf(j, await archived(j, meetingId));
      expect(files.map((f) => f.path.split('/').slice(2).join('/'))).toEqual([
        '2030/Protokoll för IM-nätverket 2030-05-06 v1.pdf',
        '2030/Protokoll för IM-nätverket 2030-05-06 v1.docx',
      ]);
      for (const f of files) expect(f.columns).toMatchObject({ Nätverk: 'IM-nätverket', Mötesdatum: '2030-05-06' });
    } finally {
      await j.stop();
    }
  });

  test('a version that failed before this change (its old name taken by another meeting of the date) archives after "Arkivera igen"', async () => {
    const j = await team();
    try {
      await j.assignRole(0, CHAIR, 'ordforande');
      const first = (await j.createMeeting({ date: '2030-06-09', start: '09:00', end: '11:00' })).meetingId;
      const second = (await j.createMeeting({ date: '2030-06-09', start: '13:00', end: '15:00' })).meetingId;
      // The archive as the old naming left it: the first meeting's protocol under the date's name...
      const root = path.join(j.service.dataDir, 'arkiv');
      const oldFolder = path.join(root, 'Protokoll', 'IM-nätverket', '2030');
      const oldName = path.join(oldFolder, 'Protokoll för IM-nätverket 2030-06-09 v1.pdf');
      fs.mkdirSync(oldFolder, { recursive: true });
      fs.writeFileSync(oldName, 'det första mötets protokoll');
      // ...and the second meeting's justerat version refused for good.
      await refusedAsBefore(j, second, `folder archive: a different document already has the name ${oldName}`);

      // The cause is fixed (names no longer collide): the chair archives it again.
      expect((await j.api('POST', `/meetings/${second}/minutes/versions/1/archive`, CHAIR)).status).toBe(200);
      const done = await archived(j, second);
      expect(filesOf(j, done).map((f) => f.path.split('/').at(-1))).toEqual([
        'Protokoll för IM-nätverket 2030-06-09 kl 13.00 v1.pdf',
        'Protokoll för IM-nätverket 2030-06-09 kl 13.00 v1.docx',
      ]);
      expect(fs.readFileSync(oldName, 'utf8')).toBe('det första mötets protokoll');
      expect(first).not.toBe(second);
    } finally {
      await j.stop();
    }
  });

  test('the same, for two tenants whose networks have the same name', async () => {
    const j = await team();
    const k = await otherTenant(j);
    try {
      await k.assignRole(0, CHAIR, 'ordforande');
      const theirs = (await k.createMeeting({ date: '2030-07-07' })).meetingId;
      // The other tenant's protocol already holds the old name.
      const root = path.join(j.service.dataDir, 'arkiv');
      const oldName = path.join(root, 'Protokoll', 'IM-nätverket', '2030', 'Protokoll för IM-nätverket 2030-07-07 v1.pdf');
      fs.mkdirSync(path.dirname(oldName), { recursive: true });
      fs.writeFileSync(oldName, 'den andra organisationens protokoll');
      await refusedAsBefore(k, theirs, `folder archive: a different document already has the name ${oldName}`);

      expect((await k.api('POST', `/meetings/${theirs}/minutes/versions/1/archive`, CHAIR)).status).toBe(200);
      const done = await archived(k, theirs);
      expect(filesOf(k, done)[0]?.path).toMatch(/^Protokoll\/IM-nätverket \([0-9a-z]{6}\)\/2030\/Protokoll för IM-nätverket 2030-07-07 v1\.pdf$/);
      expect(fs.readFileSync(oldName, 'utf8')).toBe('den andra organisationens protokoll');
    } finally {
      await k.connector.stop();
      await j.stop();
    }
  });

  test('a version part-archived before names were recorded puts the rest beside what is there', async () => {
    const j = await team();
    try {
      const meetingId = (await j.createMeeting({ date: '2030-08-04' })).meetingId;
      await refusedAsBefore(j, meetingId, 'folder archive: ENOTDIR');
      // As the old worker left it mid-way: the PDF stored under the old name, the DOCX to come.
      const oldFolder = path.join(j.service.dataDir, 'arkiv', 'Protokoll', 'IM-nätverket', '2030');
      const pdf = path.join(oldFolder, 'Protokoll för IM-nätverket 2030-08-04 v1.pdf');
      fs.mkdirSync(oldFolder, { recursive: true });
      fs.writeFileSync(pdf, 'det tidigare arkiverade protokollet');
      fs.writeFileSync(`${pdf}.metadata.json`, JSON.stringify({ columns: {} }));
      const found = await j.service.store.getMinutesVersion(j.tenantId, meetingId, 1);
      if (!found?.version.archive) throw new Error('no version');
      const document = { kind: 'pdf' as const, name: path.basename(pdf), webUrl: pathToFileURL(pdf).href, itemId: 'Protokoll/IM-nätverket/2030/' + path.basename(pdf) };
      const { lastError: _e, ...intent } = found.version.archive;
      expect(await j.service.store.saveMinutesVersion({ ...found.version, archive: { ...intent, state: 'pending', documents: [document], nextAttemptAt: new Date().toISOString() } }, found.etag)).toBeDefined();
      await j.service.runArchiving();
      const done = await archived(j, meetingId);
      expect(filesOf(j, done).map((f) => f.path)).toEqual([
        'Protokoll/IM-nätverket/2030/Protokoll för IM-nätverket 2030-08-04 v1.pdf',
        'Protokoll/IM-nätverket/2030/Protokoll för IM-nätverket 2030-08-04 v1.docx',
      ]);
    } finally {
      await j.stop();
    }
  });
});

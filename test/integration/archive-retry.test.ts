import fs from 'node:fs';
import path from 'node:path';
import { Journey } from '../harness/journey';
import { eventually } from '../harness/service';

/**
 * A justerat version the archive refuses (here: another document already holds its name in the
 * folder archive) is marked failed with the reason; once a person fixes the cause, the chair
 * group archives it again, and it ends archived exactly once.
 */
describe('archiving a refused protocol again', () => {
  let j: Journey;
  let meetingId = '';
  const CHAIR = 0;
  const SECRETARY = 1;
  const JUSTERARE = 2;
  const MEMBER = 3;

  const version = async () => (await j.api('GET', `/meetings/${meetingId}/minutes/versions/1`, CHAIR)).body;

  beforeAll(async () => {
    j = await new Journey().start({ members: 4 });
    await j.install();
    meetingId = (await j.createMeeting({ date: '2030-02-04' })).meetingId;
    await j.assignRole(0, CHAIR, 'ordforande');
    await j.assignRole(0, SECRETARY, 'sekreterare');
  });
  afterAll(async () => {
    await j.stop();
  });

  test('refused, told why, retried by the chair group only, then archived once', async () => {
    // Someone put another document where the protocol's PDF goes.
    const folder = j.archiveFolder('2030');
    const taken = path.join(folder, 'Protokoll för IM-nätverket 2030-02-04 v1.pdf');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(taken, 'ett annat dokument');

    await j.sendMinutes(meetingId, SECRETARY, [JUSTERARE]);
    expect((await j.api('POST', `/meetings/${meetingId}/minutes/versions/1/approve`, JUSTERARE)).status).toBe(200);

    const failed = await eventually(async () => ((await version()).archive === 'failed' ? await version() : undefined), 15000, 'archiving refused');
    expect(failed.archiveError).toContain('different document');
    expect(fs.readFileSync(taken, 'utf8')).toBe('ett annat dokument');

    expect((await j.api('POST', `/meetings/${meetingId}/minutes/versions/1/archive`, MEMBER)).status).toBe(403);
    expect((await j.api('POST', `/meetings/${meetingId}/minutes/versions/9/archive`, CHAIR)).status).toBe(404);

    // The cause is fixed: the other document moves away. The chair archives again.
    fs.renameSync(taken, path.join(folder, 'annat dokument.pdf'));
    const retried = await j.api('POST', `/meetings/${meetingId}/minutes/versions/1/archive`, CHAIR);
    expect(retried.status).toBe(200);
    const done = await eventually(async () => ((await version()).archive === 'done' ? await version() : undefined), 15000, 'archived');
    expect((done.documents as { kind: string }[]).map((d) => d.kind)).toEqual(['pdf', 'docx']);
    expect(fs.readdirSync(folder).filter((f) => !f.endsWith('.json')).sort()).toEqual([
      'Protokoll för IM-nätverket 2030-02-04 v1.docx',
      'Protokoll för IM-nätverket 2030-02-04 v1.pdf',
      'annat dokument.pdf',
    ]);
    // Asking again once it is archived changes nothing.
    expect((await j.api('POST', `/meetings/${meetingId}/minutes/versions/1/archive`, CHAIR)).body).toMatchObject({ archive: 'done' });
  });
});

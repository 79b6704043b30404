import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ApiMinutesVersion } from '../../src/http/api-contract';
import { Journey } from '../harness/journey';
import { eventually } from '../harness/service';
import { TEAM_ID } from '../harness/teams';

/**
 * Issue 10, documents open: with the local folder archive, a justerat version's PDF and Word
 * document are served by the service to the members of the meeting's network (the tab fetches
 * them with its sign-in and opens them), under their Swedish names.
 */

const SECRETARY = 1;
const JUSTERARE = 2;

type VersionBody = ApiMinutesVersion;

async function fetchAs(j: Journey, path: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${j.botUrl}/api/v1${path}`, { headers });
}

describe('archived documents served by the service', () => {
  let j: Journey;
  let meetingId = '';
  let archived: VersionBody;

  beforeAll(async () => {
    j = await new Journey().start({ members: 4 });
    await j.install();
    await j.assignRole(0, SECRETARY, 'sekreterare');
    meetingId = (await j.createMeeting({ date: '2030-02-04' })).meetingId;
    await j.sendMinutes(meetingId, SECRETARY, [JUSTERARE]);
    expect((await j.api('POST', `/meetings/${meetingId}/minutes/versions/1/approve`, JUSTERARE)).status).toBe(200);
    archived = await eventually(async () => {
      const v = (await j.api('GET', `/meetings/${meetingId}/minutes/versions/1`, 0)).body as unknown as VersionBody;
      if (v.archive === 'failed') throw new Error(`archiving failed: ${v.archiveError ?? ''}`);
      return v.archive === 'done' ? v : undefined;
    }, 20000, 'archived');
  });

  afterAll(async () => {
    await j.stop();
  });

  test.each([
    ['pdf', 'application/pdf'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ])('a member gets the archived %s: the same bytes, its content type and its name with å, ä and ö', async (kind, contentType) => {
    const doc = archived.documents.find((d) => d.kind === kind);
    if (!doc) throw new Error(`no ${kind}`);
    const res = await fetchAs(j, `/meetings/${meetingId}/minutes/versions/1/documents/${kind}`, j.devHeaders(3));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(contentType);
    expect(doc.name).toBe(`Protokoll för IM-nätverket 2030-02-04 v1.${kind}`);
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="Protokoll for IM-natverket 2030-02-04 v1.${kind}"; filename*=UTF-8''${encodeURIComponent(doc.name)}`,
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.equals(fs.readFileSync(fileURLToPath(doc.webUrl)))).toBe(true);
  });

  test('a version without documents, or a kind that is no document, is not found', async () => {
    const none = await fetchAs(j, `/meetings/${meetingId}/minutes/versions/2/documents/pdf`, j.devHeaders(0));
    expect(none.status).toBe(404);
    expect(none.headers.get('content-type')).toContain('application/problem+json');
    const other = await j.api('GET', `/meetings/${meetingId}/minutes/versions/1/documents/txt`, 0);
    expect(other.status).toBe(400);
  });
  test('someone who is no longer a member of the network is refused with a Swedish problem', async () => {
    const path = `/meetings/${meetingId}/minutes/versions/1/documents/pdf`;
    expect((await fetchAs(j, path, j.devHeaders(3))).status).toBe(200);
    const gone = j.members[3]?.aadObjectId ?? '';
    const stored = await j.service.store.getMember(j.tenantId, TEAM_ID, gone);
    if (!stored) throw new Error('no member 3');
    await j.service.store.upsertMembers([{ ...stored, leftAt: '2030-02-01T08:00:00.000Z' }]);
    const res = await fetchAs(j, path, j.devHeaders(3));
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 403, code: 'not_a_member', detail: 'Du är inte medlem i det här nätverket.' });
  });

});

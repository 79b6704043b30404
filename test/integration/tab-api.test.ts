import { generateKeyPair } from 'jose';
import { Journey } from '../harness/journey';
import { startTestService, tempDir } from '../harness/service';
import { TestIssuer } from '../harness/test-issuer';
import { devIdentity, TENANT, TEAM_ID } from '../harness/teams';
import type { Service } from '../../src/service';

const CLIENT_ID = 'c1a2b3c4-0000-4000-8000-000000000abc';

describe('the tab API under /api/v1', () => {
  const issuer = new TestIssuer();
  const dataDir = tempDir('justera-api-');
  let j: Journey;
  let meetingId = '';
  let svc: Service;
  let member = { aadObjectId: '', name: '' };

  beforeAll(async () => {
    await issuer.start();
    // Seed through Teams in local mode: install, a meeting, one check-in.
    j = await new Journey().start({ members: 6, env: { DATA_DIR: dataDir } });
    await j.install();
    const created = await j.createMeeting({ date: '2030-02-04' });
    meetingId = created.meetingId;
    member = j.members[2]!;
    await j.click(j.members[2]!, created.post.activityId, { action: 'checkin', meetingId, status: 'online' });
    await j.stop();
    // Then the service in production mode on the same data: Teams SSO tokens only.
    svc = await startTestService({
      DATA_DIR: dataDir,
      BOT_ID: '00000000-1111-2222-3333-444444444444',
      BOT_PASSWORD: 'unused-here',
      AAD_APP_CLIENT_ID: CLIENT_ID,
      TEAMS_APP_ID: '7e1a0000-0000-4000-8000-0000000000aa',
      ALLOWED_TENANTS: TENANT,
      SSO_AUTHORITY: issuer.url,
      PUBLIC_URL: 'https://justera.example.net',
    });
  });

  afterAll(async () => {
    await svc?.stop();
    await issuer.stop();
  });

  const get = async (path: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; body: Record<string, unknown> }> => {
    const res = await fetch(`${svc.url}${path}`, { headers });
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as Record<string, unknown> };
  };
  const as = async (oid: string, over: Record<string, unknown> = {}): Promise<Record<string, string>> => ({
    authorization: `Bearer ${await issuer.token({ tid: TENANT, oid, aud: CLIENT_ID, name: 'Någon', ...over })}`,
  });

  test('a member with a valid Teams SSO token sees their networks and upcoming meetings', async () => {
    const me = await get('/api/v1/me', await as(member.aadObjectId));
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      user: { id: member.aadObjectId, name: 'Någon', tenantId: TENANT },
      networks: [{ id: TEAM_ID, name: 'IM-nätverket', role: 'member' }],
    });
    const meetings = await get('/api/v1/me/meetings', await as(member.aadObjectId));
    expect(meetings.body.meetings).toEqual([
      expect.objectContaining({ id: meetingId, networkName: 'IM-nätverket', date: '2030-02-04', myStatus: 'online', counts: { onsite: 0, online: 1, apologies: 0 } }),
    ]);
    const network = await get(`/api/v1/networks/${encodeURIComponent(TEAM_ID)}`, await as(member.aadObjectId));
    expect(network.body).toMatchObject({ id: TEAM_ID, name: 'IM-nätverket', role: 'member' });
    expect((network.body.channels as unknown[]).length).toBe(2);
  });

  test("a meeting's live attendance, for members of its network only", async () => {
    const res = await get(`/api/v1/meetings/${meetingId}/attendance`, await as(member.aadObjectId));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ meetingId, attendanceClosed: false, counts: { onsite: 0, online: 1, apologies: 0 }, myStatus: 'online' });
    expect(res.body.groups).toEqual([{ municipality: 'Mariestad', people: [{ name: member.name, status: 'online' }] }]);
    expect(res.body.missingMunicipalities as string[]).toHaveLength(15);
    expect(res.body.missingMunicipalities as string[]).toContain('Skaraborgs kommunalförbund');
    expect((await get(`/api/v1/meetings/${meetingId}/attendance`, await as('not-a-member'))).status).toBe(403);
    expect((await get('/api/v1/meetings/nope/attendance', await as(member.aadObjectId))).status).toBe(404);
  });

  test("the v1 audience is accepted only as the service's own Application ID URI, api://<its public host>/<client id>", async () => {
    expect((await get('/api/v1/me', await as(member.aadObjectId, { aud: `api://justera.example.net/${CLIENT_ID}` }))).status).toBe(200);
    for (const aud of [`api://evil.example/${CLIENT_ID}`, `api://justera.example.net.evil.example/${CLIENT_ID}`, `api://justera.example.net/other/${CLIENT_ID}`, `api:///${CLIENT_ID}`]) {
      const res = await get('/api/v1/me', await as(member.aadObjectId, { aud }));
      expect({ aud, status: res.status, code: res.body.code }).toEqual({ aud, status: 401, code: 'unauthenticated' });
    }
  });

  test('someone who is not a member is refused the network with a Swedish problem', async () => {
    const res = await get(`/api/v1/networks/${encodeURIComponent(TEAM_ID)}`, await as('not-a-member'));
    expect(res.status).toBe(403);
    expect(res.type).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 403, code: 'not_a_member', detail: 'Du är inte medlem i det här nätverket.' });
    const unknown = await get(`/api/v1/networks/${encodeURIComponent('19:nope@thread.tacv2')}`, await as(member.aadObjectId));
    expect(unknown.status).toBe(404);
  });

  test.each([
    ['no token', async (): Promise<Record<string, string>> => ({})],
    ['a malformed token', async () => ({ authorization: 'Bearer abc.def.ghi' })],
    ['an expired token', async () => ({ authorization: `Bearer ${await issuer.token({ tid: TENANT, oid: 'x', aud: CLIENT_ID }, { expiresIn: '-10m' })}` })],
    ['another audience', async () => as(member.aadObjectId, { aud: 'some-other-app' })],
    ['another issuer', async () => as(member.aadObjectId, { iss: 'https://evil.example/v2.0' })],
    ['a tenant not allowed', async () => ({ authorization: `Bearer ${await issuer.token({ tid: '99999999-9999-9999-9999-999999999999', oid: member.aadObjectId, aud: CLIENT_ID })}` })],
    ['a token signed by another key', async () => ({ authorization: `Bearer ${await issuer.token({ tid: TENANT, oid: member.aadObjectId, aud: CLIENT_ID }, { key: (await generateKeyPair('RS256')).privateKey })}` })],
    ['the local dev identity in production', async () => ({ 'x-justera-dev-user': devIdentity(TENANT, member.aadObjectId) })],
  ])('%s → 401 problem+json', async (_name, headers) => {
    const res = await get('/api/v1/me', await headers());
    expect(res.status).toBe(401);
    expect(res.type).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 401, code: 'unauthenticated', detail: 'Du är inte inloggad. Öppna Justera i Teams igen.' });
  });

  test('a team owner starts as admin and assigns roles; others may not', async () => {
    const owner = j.members[0]!.aadObjectId; // the roster marks medlem 0 as a team owner
    const members = await get(`/api/v1/networks/${encodeURIComponent(TEAM_ID)}/members`, await as(member.aadObjectId));
    expect(members.status).toBe(200);
    const list = members.body.members as { id: string; role: string }[];
    expect(list).toHaveLength(6);
    expect(list.find((m) => m.id === owner)?.role).toBe('admin');
    expect(list.find((m) => m.id === member.aadObjectId)?.role).toBe('member');
    expect(members.body.canAssignRoles).toBe(false);
    expect((await get(`/api/v1/networks/${encodeURIComponent(TEAM_ID)}/members`, await as(owner))).body.canAssignRoles).toBe(true);

    const put = async (who: string, target: string, role: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
      const res = await fetch(`${svc.url}/api/v1/networks/${encodeURIComponent(TEAM_ID)}/members/${encodeURIComponent(target)}/role`, {
        method: 'PUT',
        headers: { ...(await as(who)), 'content-type': 'application/json' },
        body: JSON.stringify({ role }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    expect((await put(member.aadObjectId, member.aadObjectId, 'ordforande')).status).toBe(403);
    expect((await put(owner, member.aadObjectId, 'chef')).status).toBe(400);
    expect((await put(owner, 'nobody', 'presidium')).status).toBe(404);
    // The team owner chairs the network and keeps managing roles.
    expect((await put(owner, owner, 'ordforande')).body).toMatchObject({ id: owner, role: 'ordforande' });
    expect((await get(`/api/v1/networks/${encodeURIComponent(TEAM_ID)}/members`, await as(owner))).body.canAssignRoles).toBe(true);
    expect((await put(owner, member.aadObjectId, 'admin')).body).toMatchObject({ id: member.aadObjectId, role: 'admin' });
    // An admin by role cannot give it up themself (a network keeps its admins).
    expect((await put(member.aadObjectId, member.aadObjectId, 'member')).body).toMatchObject({ code: 'forbidden' });
    expect((await put(owner, member.aadObjectId, 'sekreterare')).body).toMatchObject({ id: member.aadObjectId, role: 'sekreterare' });
    const me = await get('/api/v1/me', await as(member.aadObjectId));
    expect(me.body.networks).toEqual([{ id: TEAM_ID, name: 'IM-nätverket', role: 'sekreterare' }]);
  });

  test('the network answer says what the person may do, from the access policy', async () => {
    const network = `/api/v1/networks/${encodeURIComponent(TEAM_ID)}`;
    const plain = (await get(network, await as(j.members[4]!.aadObjectId))).body.capabilities as Record<string, boolean>;
    expect(plain).toMatchObject({ readNetwork: true, proposeItem: true, assignRoles: false, planTerm: false, editAgenda: false, editMinutes: false });
    // Medlem 0 owns the team and chairs the network since the roles test.
    const chair = (await get(network, await as(j.members[0]!.aadObjectId))).body.capabilities as Record<string, boolean>;
    expect(chair).toMatchObject({ readNetwork: true, assignRoles: true, planTerm: true, editAgenda: true, decideProposal: true });
  });

  test('a member who left the team (leftAt in the store) is refused everything at once with 403', async () => {
    const gone = j.members[5]!;
    const paths = [
      `/api/v1/networks/${encodeURIComponent(TEAM_ID)}`,
      `/api/v1/networks/${encodeURIComponent(TEAM_ID)}/members`,
      `/api/v1/networks/${encodeURIComponent(TEAM_ID)}/minutes`,
      `/api/v1/networks/${encodeURIComponent(TEAM_ID)}/actions`,
      `/api/v1/meetings/${meetingId}/attendance`,
      `/api/v1/meetings/${meetingId}/agenda`,
      `/api/v1/meetings/${meetingId}/minutes`,
    ];
    for (const path of paths) expect([path, (await get(path, await as(gone.aadObjectId))).status]).toEqual([path, 200]);
    const stored = await svc.store.getMember(TENANT, TEAM_ID, gone.aadObjectId);
    await svc.store.upsertMembers([{ ...stored!, leftAt: '2030-02-01T08:00:00.000Z' }]);
    for (const path of paths) {
      const res = await get(path, await as(gone.aadObjectId));
      expect([path, res.status, res.type.includes('application/problem+json'), res.body.code]).toEqual([path, 403, true, 'not_a_member']);
    }
    expect((await get('/api/v1/me', await as(gone.aadObjectId))).body.networks).toEqual([]);
    const left = ((await get(`/api/v1/networks/${encodeURIComponent(TEAM_ID)}/members`, await as(member.aadObjectId))).body.members as { id: string }[]).map((m) => m.id);
    expect(left).not.toContain(gone.aadObjectId);
  });

  test('production has no dev identity picker', async () => {
    expect((await get('/api/v1/dev/identities')).status).toBe(404);
  });

  test('in local mode the dev picker lists members and the dev header signs in; English on request', async () => {
    const local = await startTestService({ DATA_DIR: dataDir });
    try {
      const list = (await (await fetch(`${local.url}/api/v1/dev/identities`)).json()) as { identities: { id: string; name: string }[] };
      expect(list.identities).toHaveLength(6);
      const me = list.identities.find((i) => i.name === member.name);
      const res = await fetch(`${local.url}/api/v1/me/meetings`, { headers: { 'x-justera-dev-user': me?.id ?? '' } });
      expect(res.status).toBe(200);
      const english = await fetch(`${local.url}/api/v1/me`, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
      expect(english.status).toBe(401);
      expect(((await english.json()) as { detail: string }).detail).toBe('You are not signed in. Open Justera in Teams again.');
    } finally {
      await local.stop();
    }
  });
});

/**
 * Tenancy: one multi-tenant SSO app registration, a bot usable from every tenant, and the
 * allow-list (ALLOWED_TENANTS) deciding whom the service serves, on the tab's side (Teams SSO
 * tokens) and on the bot's (activities). The files that register the apps say the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SsoVerifier } from '../../src/http/sso';
import { parseProject } from '../harness/agents-toolkit';
import { startTestService } from '../harness/service';
import { botAdded, makeRoster, postActivity, userFrom, TENANT } from '../harness/teams';
import { TestIssuer } from '../harness/test-issuer';

const ROOT = join(__dirname, '..', '..');
const CLIENT_ID = 'c1a2b3c4-0000-4000-8000-000000000abc';
const SKOVDE = TENANT;
const LIDKOPING = '22222222-3333-4444-8555-666666666666';
const ELSEWHERE = '99999999-8888-4777-8666-555555555555';
const OID = '0b0e0c0d-0000-4000-8000-000000000001';

describe('Teams SSO tokens: the tenant must be on the allow-list, the issuer that tenant, the audience this app', () => {
  const issuer = new TestIssuer();
  let sso: SsoVerifier;
  beforeAll(async () => {
    await issuer.start();
    sso = new SsoVerifier({ clientId: CLIENT_ID, appIdUri: `api://justera.example.net/${CLIENT_ID}`, allowedTenants: [SKOVDE, LIDKOPING], authority: issuer.url });
  });
  afterAll(() => issuer.stop());

  test('a token from each listed tenant is accepted, as that tenant', async () => {
    for (const tid of [SKOVDE, LIDKOPING]) {
      await expect(sso.verify(await issuer.token({ tid, oid: OID, aud: CLIENT_ID }))).resolves.toMatchObject({ tenantId: tid, userId: OID });
    }
  });

  test('a token from a tenant not on the list is refused, though validly signed and issued by its own tenant', async () => {
    await expect(sso.verify(await issuer.token({ tid: ELSEWHERE, oid: OID, aud: CLIENT_ID }))).rejects.toThrow('tenant not allowed');
  });

  test("a listed tenant's id on a token another tenant issued is refused", async () => {
    await expect(sso.verify(await issuer.token({ tid: SKOVDE, oid: OID, aud: CLIENT_ID, iss: `${issuer.url}/${ELSEWHERE}/v2.0` }))).rejects.toThrow('wrong issuer');
    await expect(sso.verify(await issuer.token({ tid: SKOVDE, oid: OID, aud: CLIENT_ID, iss: `${issuer.url}/common/v2.0` }))).rejects.toThrow('wrong issuer');
  });

  test('the audience is exactly the client id or api://<the configured host>/<client id>', async () => {
    await expect(sso.verify(await issuer.token({ tid: LIDKOPING, oid: OID, aud: `api://justera.example.net/${CLIENT_ID}` }))).resolves.toMatchObject({ tenantId: LIDKOPING });
    for (const aud of [`api://other.example.net/${CLIENT_ID}`, `api://justera.example.net/${CLIENT_ID}/`, 'another-app']) {
      await expect(sso.verify(await issuer.token({ tid: LIDKOPING, oid: OID, aud }))).rejects.toThrow('wrong audience');
    }
  });

  test('an empty allow-list lets nobody in', async () => {
    const closed = new SsoVerifier({ clientId: CLIENT_ID, appIdUri: '', allowedTenants: [], authority: issuer.url });
    await expect(closed.verify(await issuer.token({ tid: SKOVDE, oid: OID, aud: CLIENT_ID }))).rejects.toThrow('tenant not allowed');
  });
});

describe('the bot serves only the listed tenants', () => {
  let svc: Awaited<ReturnType<typeof startTestService>>;
  beforeAll(async () => {
    svc = await startTestService({
      BOT_ID: '00000000-1111-2222-3333-444444444444',
      BOT_PASSWORD: 'unused-here',
      AAD_APP_CLIENT_ID: CLIENT_ID,
      TEAMS_APP_ID: '7e1a0000-0000-4000-8000-0000000000aa',
      PUBLIC_URL: 'https://justera.example.net',
      ALLOWED_TENANTS: `${SKOVDE},${LIDKOPING.toUpperCase()}`,
    });
  });
  afterAll(() => svc.stop());

  const from = (tenant: string): Record<string, unknown> => {
    const a = botAdded('http://127.0.0.1:9', userFrom(makeRoster(1)[0]!));
    return { ...a, conversation: { ...(a.conversation as object), tenantId: tenant }, channelData: { ...(a.channelData as object), tenant: { id: tenant } } };
  };

  test('an activity from another tenant is refused with 403 and a polite Swedish problem, before any handler', async () => {
    const res = await postActivity(svc.url, from(ELSEWHERE));
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ status: 403, code: 'tenant_not_allowed', detail: expect.stringContaining('inte öppet för din organisation') });
    expect(await svc.store.getNetwork(ELSEWHERE, '19:im-natverket@thread.tacv2')).toBeUndefined();
  });

  test('an activity from a listed tenant goes on to the Bot Connector token check (401 without a token)', async () => {
    for (const tenant of [SKOVDE, LIDKOPING]) expect((await postActivity(svc.url, from(tenant))).status).toBe(401);
  });
});

describe('the registrations agree: one multi-tenant SSO app, the allow-list, a bot usable from every tenant', () => {
  const read = (f: string): string => readFileSync(join(ROOT, f), 'utf8');

  test('the SSO app registration is multi-tenant in the Entra manifest and in every project file that creates it', () => {
    expect((JSON.parse(read('appPackage/aad.manifest.json')) as { signInAudience: string }).signInAudience).toBe('AzureADMultipleOrgs');
    for (const file of ['m365agents.yml', 'm365agents.local.yml']) {
      const sso = parseProject(read(file)).provision.filter((a) => a.uses === 'aadApp/create' && a.writeToEnvironmentFile?.['clientId'] === 'AAD_APP_CLIENT_ID');
      expect({ file, audiences: sso.map((a) => a.with?.['signInAudience']) }).toEqual({ file, audiences: ['AzureADMultipleOrgs'] });
    }
  });

  test("the Teams manifest's SSO resource is the identifier URI the service checks as audience", () => {
    const manifest = read('appPackage/manifest.json');
    const aad = JSON.parse(read('appPackage/aad.manifest.json')) as { identifierUris: string[] };
    expect(manifest).toContain(`"resource": "${aad.identifierUris[0]}"`);
    expect(aad.identifierUris).toEqual(['api://${{BOT_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
  });

  test('the bot identity is single-tenant (Azure Bot creates no multi-tenant bots) and the deployment passes the allow-list', () => {
    const bicep = read('infra/main.bicep');
    expect(bicep).toContain("msaAppType: botIsManagedIdentity ? 'UserAssignedMSI' : 'SingleTenant'");
    expect(bicep).toMatch(/name: 'ALLOWED_TENANTS'\s*value: empty\(allowedTenants\) \? tenant\(\)\.tenantId : allowedTenants/);
  });

  test('the README says the same', () => {
    const readme = read('README.md');
    expect(readme).toMatch(/### Tenancy/);
    for (const phrase of ['AzureADMultipleOrgs', 'ALLOWED_TENANTS', 'admin consent', 'SingleTenant', 'tenant_not_allowed']) expect(readme).toContain(phrase);
  });
});

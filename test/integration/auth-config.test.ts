import { ConfigError, describeConfig, loadConfig, REQUIRED_OUTSIDE_LOCAL_MODE } from '../../src/config';
import { ConnectorEmulator } from '../harness/connector-emulator';
import { startTestService } from '../harness/service';
import { botAdded, postActivity, makeRoster, userFrom } from '../harness/teams';

/** What a deployment must give besides the bot's identity (REQUIRED_OUTSIDE_LOCAL_MODE and a tenant). */
const DEPLOYED = { AAD_APP_CLIENT_ID: 'c1a2b3c4-0000-4000-8000-000000000abc', TEAMS_APP_ID: '7e1a0000-0000-4000-8000-0000000000aa', PUBLIC_URL: 'https://justera.example.net', ALLOWED_TENANTS: '11111111-2222-3333-4444-555555555555' };

describe('bot identity', () => {
  test('with BOT_ID set, a request without a token or with a bad one gets 401 and reaches no handler', async () => {
    const svc = await startTestService({ ...DEPLOYED, BOT_ID: '00000000-1111-2222-3333-444444444444', BOT_PASSWORD: 'not-a-real-secret' });
    try {
      const activity = botAdded('http://127.0.0.1:9', userFrom(makeRoster(1)[0]!));
      expect((await postActivity(svc.url, activity)).status).toBe(401);
      // A well-formed token would be checked against Microsoft's published keys, which this
      // machine cannot reach; a malformed one is refused before that.
      expect((await postActivity(svc.url, activity, { authorization: 'Bearer not-a-token' })).status).toBe(401);
      expect((await postActivity(svc.url, activity, { authorization: 'Basic dXNlcjpwYXNz' })).status).toBe(401);
      expect(await svc.store.getNetwork('11111111-2222-3333-4444-555555555555', '19:im-natverket@thread.tacv2')).toBeUndefined();
    } finally {
      await svc.stop();
    }
  });

  test('in local mode (empty BOT_ID) anonymous requests are served', async () => {
    const connector = new ConnectorEmulator();
    const serviceUrl = await connector.start();
    const svc = await startTestService({ BOT_ID: '' });
    try {
      const reply = await postActivity(svc.url, { type: 'message', text: 'hjälp', serviceUrl, conversation: { id: 'c' }, recipient: { id: 'b' }, from: { id: 'u' }, channelId: 'msteams' });
      expect(reply.status).toBe(200);
      expect(connector.sent).toHaveLength(1);
      expect(JSON.stringify(connector.sent[0]?.activity)).toContain('ny träff');
    } finally {
      await svc.stop();
      await connector.stop();
    }
  });
});

describe('configuration', () => {
  test('embedded defaults: local mode on 127.0.0.1:3978 with the Playground', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c).toMatchObject({ host: '127.0.0.1', port: 3978, dataDir: '/srv/app/data', localMode: true, playground: { enabled: true, port: 56150 }, cardUpdateIntervalMs: 1000 });
    expect(c.municipalityDomains['skovde.se']).toBe('Skövde');
  });

  test('BOT_ID turns local mode and the Playground off', () => {
    const c = loadConfig({ ...DEPLOYED, BOT_ID: 'app-id', BOT_PASSWORD: 's3cret', BOT_TYPE: 'SingleTenant', BOT_TENANT_ID: 'tid' });
    expect(c.localMode).toBe(false);
    expect(c.playground.enabled).toBe(false);
  });

  test('fails fast, naming every bad setting and never echoing a secret', () => {
    let err: unknown;
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', CARD_UPDATE_INTERVAL_MS: '10' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    for (const name of ['PORT', 'LOG_LEVEL', 'CARD_UPDATE_INTERVAL_MS']) expect(msg).toContain(name);
    expect(() => loadConfig({ BOT_ID: 'app-id', BOT_TYPE: 'SingleTenant', BOT_PASSWORD: 'top-secret-value' })).toThrow(/BOT_TENANT_ID/);
    expect(() => loadConfig({ BOT_ID: 'app-id' })).toThrow(/BOT_PASSWORD: is required/);
    try {
      loadConfig({ BOT_ID: 'app-id', BOT_TYPE: 'Nonsense', BOT_PASSWORD: 'top-secret-value' });
    } catch (e) {
      expect((e as Error).message).toContain('BOT_TYPE');
      expect((e as Error).message).not.toContain('top-secret-value');
    }
    expect(() => loadConfig({ MUNICIPALITY_DOMAINS: 'nonsense' })).toThrow(/MUNICIPALITY_DOMAINS/);
    expect(() => loadConfig({ BOT_ID: 'x', BOT_PASSWORD: 'p', PLAYGROUND: 'on' })).toThrow(/PLAYGROUND/);
  });

  test('a deployment (BOT_ID set) must name its SSO app, its public https address and its tenants', () => {
    const bot = { BOT_ID: 'app-id', BOT_PASSWORD: 'p' };
    expect(loadConfig({ ...bot, ...DEPLOYED }).localMode).toBe(false);
    for (const name of REQUIRED_OUTSIDE_LOCAL_MODE.filter((n) => n !== 'BOT_ID')) {
      expect(() => loadConfig({ ...bot, ...DEPLOYED, [name]: '' })).toThrow(new RegExp(`${name}: is required when BOT_ID is set`));
    }
    expect(() => loadConfig({ ...bot, ...DEPLOYED, PUBLIC_URL: 'http://127.0.0.1:3978' })).toThrow(/PUBLIC_URL: is an https:\/\/ address/);
    expect(() => loadConfig({ ...bot, ...DEPLOYED, ALLOWED_TENANTS: '' })).toThrow(/ALLOWED_TENANTS: or BOT_TENANT_ID is required/);
    expect(loadConfig({ ...bot, ...DEPLOYED, ALLOWED_TENANTS: '', BOT_TENANT_ID: 'ABC' }).sso.allowedTenants).toEqual(['abc']);
    // Local mode needs none of them.
    expect(loadConfig({}).localMode).toBe(true);
  });

  test("the SSO audience URI is the service's own: api://<PUBLIC_URL's host>/<client id>, or AAD_APP_ID_URI", () => {
    const client = 'c1a2b3c4-0000-4000-8000-000000000abc';
    expect(loadConfig({ AAD_APP_CLIENT_ID: client, PUBLIC_URL: 'https://justeraab12cd.azurewebsites.net/' }).sso.appIdUri).toBe(`api://justeraab12cd.azurewebsites.net/${client}`);
    expect(loadConfig({ AAD_APP_CLIENT_ID: client, AAD_APP_ID_URI: `api://justera.skovde.se/${client}` }).sso.appIdUri).toBe(`api://justera.skovde.se/${client}`);
    expect(() => loadConfig({ AAD_APP_ID_URI: 'https://justera.skovde.se' })).toThrow(/AAD_APP_ID_URI/);
  });

  test('TEAMS_APP_ID, the manifest id the deep links into the tab name, is a GUID or unset', () => {
    const id = '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    expect(loadConfig({ TEAMS_APP_ID: ` ${id} ` }).teamsAppId).toBe(id);
    expect(loadConfig({}).teamsAppId).toBe('');
    expect(() => loadConfig({ TEAMS_APP_ID: 'justera' })).toThrow(/TEAMS_APP_ID: is the Teams app manifest id/);
    expect(JSON.stringify(describeConfig(loadConfig({})))).toContain('not Teams deep links');
  });

  test('extra municipality domains are added to the defaults', () => {
    const c = loadConfig({ MUNICIPALITY_DOMAINS: 'edu.example.se=Skövde; vaxjo.se=Växjö' });
    expect(c.municipalityDomains['vaxjo.se']).toBe('Växjö');
    expect(c.municipalityDomains['edu.example.se']).toBe('Skövde');
    expect(c.municipalityDomains['vara.se']).toBe('Vara');
  });

  test('the loggable description hides the password', () => {
    const text = JSON.stringify(describeConfig(loadConfig({ ...DEPLOYED, BOT_ID: 'id', BOT_PASSWORD: 'hunter2-secret' })));
    expect(text).not.toContain('hunter2');
    expect(text).toContain('(set)');
  });
});

test('secrets never reach the log, even when requests are refused', async () => {
  const { spawnService } = await import('../harness/process');
  const { tempDir } = await import('../harness/service');
  const secret = 'Sup3r-Secret~value.that-must-not-leak';
  const svc = await spawnService({ ...DEPLOYED, DATA_DIR: tempDir(), BOT_ID: 'b0t-app-id', BOT_PASSWORD: secret, LOG_LEVEL: 'trace' });
  try {
    const activity = botAdded('http://127.0.0.1:9', userFrom(makeRoster(1)[0]!));
    expect((await postActivity(svc.url, activity, { authorization: `Bearer ${secret}` })).status).toBe(401);
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
  } finally {
    await svc.interrupt();
  }
  const out = svc.output();
  expect(out).toContain('"msg":"configuration"');
  expect(out).toContain('"reqId"');
  expect(out).not.toContain(secret);
});

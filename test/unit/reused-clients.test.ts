import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { ReusedClientsAuthentication } from '../../src/bot/reused-clients';

const activity = (serviceUrl: string): Activity => ({ type: 'message', channelId: 'msteams', serviceUrl, conversation: { id: 'c' } }) as Activity;

describe('Bot Framework clients are made once and reused by every turn', () => {
  test('the same service URL gets the same connector client; another URL its own; the token client is shared', async () => {
    const auth = new ReusedClientsAuthentication(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' }));
    const first = await auth.authenticateRequest(activity('https://smba.example/emea/'), '');
    const second = await auth.authenticateRequest(activity('https://smba.example/emea/'), '');
    const a = await first.connectorFactory?.create('https://smba.example/emea/', first.audience);
    const b = await second.connectorFactory?.create('https://smba.example/emea/', second.audience);
    const other = await second.connectorFactory?.create('https://smba.example/amer/', second.audience);
    expect(a).toBeDefined();
    expect(b).toBe(a);
    expect(other).not.toBe(a);
    // Proactive sends (createConnectorFactory) reuse the same clients.
    expect(await auth.createConnectorFactory(first.claimsIdentity).create('https://smba.example/emea/', first.audience)).toBe(a);
    expect(await auth.createUserTokenClient(first.claimsIdentity)).toBe(await auth.createUserTokenClient(second.claimsIdentity));
  });

  test('each request is still authenticated: with an app id, a bogus token is refused', async () => {
    const auth = new ReusedClientsAuthentication(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x' }));
    await expect(auth.authenticateRequest(activity('https://smba.example/emea/'), '')).rejects.toThrow();
    await expect(auth.authenticateRequest(activity('https://smba.example/emea/'), 'Bearer not-a-token')).rejects.toThrow();
  });
});

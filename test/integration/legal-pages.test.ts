import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
import type { Service } from '../../src/service';
import { startTestService } from '../harness/service';

/** The privacy notice, the accessibility statement and the terms, as the service serves them and the manifest links them. */
describe('the public-sector documents', () => {
  let svc: Service;
  let bare: Service;
  beforeAll(async () => {
    svc = await startTestService({
      PLAYGROUND: 'off',
      DATA_CONTROLLER: 'Förbundet <Test> & Co',
      PRIVACY_CONTACT: 'registrator@forbund.example',
      DPO_CONTACT: 'https://forbund.example/dataskydd',
      ACCESSIBILITY_CONTACT: 'https://forbund.example/tillganglighet',
    });
    bare = await startTestService({ PLAYGROUND: 'off' });
  });
  afterAll(async () => {
    await svc?.stop();
    await bare?.stop();
  });

  const get = async (s: Service, url: string, lang?: string): Promise<{ status: number; html: string; language: string | null }> => {
    const res = await fetch(`${s.url}${url}`, lang ? { headers: { 'accept-language': lang } } : {});
    return { status: res.status, html: await res.text(), language: res.headers.get('content-language') };
  };

  test('the privacy notice, in Swedish first, names the legal basis, the data, retention, processors, rights and IMY', async () => {
    const page = await get(svc, '/privacy');
    expect(page.status).toBe(200);
    expect(page.language).toBe('sv');
    expect(page.html).toContain('<html lang="sv">');
    expect(page.html).toContain('<h1>Integritetsmeddelande</h1>');
    for (const heading of ['Personuppgiftsansvarig', 'Rättslig grund', 'Vilka uppgifter som behandlas', 'Hur länge uppgifterna sparas', 'Personuppgiftsbiträden och var uppgifterna finns', 'Dina rättigheter', 'Klagomål']) {
      expect(page.html).toContain(`<h2>${heading}</h2>`);
    }
    expect(page.html).toMatch(/allmänt intresse.*myndighetsutövning.*artikel 6\.1 e/);
    expect(page.html).toMatch(/allmänna handlingar enligt tryckfrihetsförordningen/);
    expect(page.html).toContain('offentlighets- och sekretesslagen');
    expect(page.html).toContain('arkivlagen');
    expect(page.html).toMatch(/Microsoft behandlar uppgifterna som personuppgiftsbiträde/);
    expect(page.html).toContain('Integritetsskyddsmyndigheten (IMY)');
    // The configured controller and contacts, escaped; nothing invented.
    expect(page.html).toContain('Förbundet &#60;Test&#62; &#38; Co är personuppgiftsansvarig');
    expect(page.html).toContain('<a href="mailto:registrator@forbund.example">registrator@forbund.example</a>');
    expect(page.html).toContain('Dataskyddsombud: <a href="https://forbund.example/dataskydd">');
    expect(page.html).toContain('<a href="/accessibility">Tillgänglighetsredogörelse</a>');
  });

  test('in English when the browser asks for English or the link says lang=en', async () => {
    for (const page of [await get(svc, '/privacy', 'en-GB,en;q=0.9'), await get(svc, '/privacy?lang=en', 'sv-SE')]) {
      expect(page.language).toBe('en');
      expect(page.html).toContain('<h1>Privacy notice</h1>');
      expect(page.html).toContain('GDPR art. 6(1)(e)');
      expect(page.html).toContain('Swedish Authority for Privacy Protection');
    }
    expect((await get(svc, '/privacy?lang=sv', 'en')).html).toContain('<h1>Integritetsmeddelande</h1>');
  });

  test("the accessibility statement follows DIGG's model: status against WCAG 2.1 AA, known gaps, how to report, DIGG's supervision", async () => {
    const page = await get(svc, '/accessibility');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>Tillgänglighetsredogörelse</h1>');
    expect(page.html).toContain('lagen (2018:1937) om tillgänglighet till digital offentlig service');
    expect(page.html).toMatch(/<strong>delvis förenlig<\/strong> med WCAG 2\.1 nivå AA \(EN 301 549\)/);
    expect(page.html).toContain('<h2>Innehåll som inte är tillgängligt</h2>');
    expect(page.html).toContain('<a href="https://forbund.example/tillganglighet">');
    expect(page.html).toContain('Myndigheten för digital förvaltning (DIGG)');
    expect(page.html).toMatch(/uppdaterades senast \d{4}-\d{2}-\d{2}/);
    const en = await get(svc, '/accessibility?lang=en');
    expect(en.html).toContain('<h1>Accessibility statement</h1>');
    expect(en.html).toContain('<strong>partially compliant</strong> with WCAG 2.1 level AA');
  });

  test('without contact settings the pages send people to the controller, and never make up an address', async () => {
    for (const url of ['/privacy', '/accessibility']) {
      const page = await get(bare, url);
      expect(page.html).toContain('Skaraborgs kommunalförbund');
      expect(page.html).toContain('genom dess registratur eller kundtjänst');
      expect(page.html).not.toContain('mailto:');
    }
    expect((await get(bare, '/terms')).html).toContain('<h1>Användarvillkor</h1>');
  });

  test("the manifest's privacy and terms links are pages the service serves", async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'appPackage', 'manifest.json'), 'utf8')) as { developer: Record<string, string> };
    for (const key of ['privacyUrl', 'termsOfUseUrl']) {
      const route = new URL(manifest.developer[key]!.replace('${{BOT_DOMAIN}}', 'justera.example')).pathname;
      expect((await get(svc, route)).status).toBe(200);
    }
  });

  test('a contact setting must be an e-mail address or an https URL', () => {
    expect(() => loadConfig({ PRIVACY_CONTACT: 'ring oss' })).toThrow(ConfigError);
    expect(() => loadConfig({ ACCESSIBILITY_CONTACT: 'http://insecure.example' })).toThrow(ConfigError);
    expect(loadConfig({ PRIVACY_CONTACT: 'dataskydd@kommun.example' }).legal).toEqual({ controller: 'Skaraborgs kommunalförbund', privacyContact: 'dataskydd@kommun.example' });
  });
});

/**
 * The Teams app package: for every env file in env/, package the app into a temporary
 * folder, read the zip back and check it offline against the schemas bundled with
 * @microsoft/app-manifest and against the bot it ships (src/bot/commands.ts).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { PNG } from 'pngjs';
import { AppManifestUtils, type AppManifest, type TeamsManifestLatest } from '@microsoft/app-manifest';
import { parseCommand } from '../../src/bot/commands';
import {
  bundledSchema,
  escapeLoneBrackets,
  iconProblems,
  MissingVariablesError,
  packageApp,
  PackagingError,
  parseEnvFile,
  urlProblems,
  type JsonObject,
  type JsonValue,
} from '../../scripts/package-app';
import { parseProject, projectFileOf, provisionedEnv } from '../harness/agents-toolkit';

// @microsoft/app-manifest requires strip-bom 5, an ES module: plain Node (20.19+) loads it
// through require(esm), Jest's module registry cannot. Only its BOM stripping is used.
jest.mock(
  require.resolve('strip-bom', { paths: [require.resolve('@microsoft/app-manifest/package.json').replace(/package\.json$/, '')] }),
  () => ({ __esModule: true, default: (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) }),
);

const ROOT = join(__dirname, '..', '..');
/** The environments that have a Teams app (the Playground's has none). */
const ENV_NAMES = readdirSync(join(ROOT, 'env')).flatMap((file) => {
  const m = /^\.env\.([A-Za-z0-9_-]+)$/.exec(file);
  if (!m) return [];
  const project = parseProject(readFileSync(join(ROOT, projectFileOf(m[1] as string)), 'utf8'));
  return project.provision.some((a) => a.uses === 'teamsApp/create') ? [m[1] as string] : [];
});

/**
 * The committed env files leave the ids provision writes empty (test/unit/env-files.test.ts),
 * so the package is built from a copy of env/ as it reads after provision, with stand-ins.
 */
const PROVISIONED = ((): string => {
  const root = mkdtempSync(join(tmpdir(), 'justera-provisioned-'));
  mkdirSync(join(root, 'env'));
  for (const name of ENV_NAMES) {
    const env = provisionedEnv(ROOT, name);
    writeFileSync(join(root, 'env', `.env.${name}`), Object.entries(env).map(([k, v]) => `${k}=${v}`).join('\n'));
  }
  cpSync(join(ROOT, 'appPackage'), join(root, 'appPackage'), { recursive: true, filter: (src) => !src.split(/[\\/]/).includes('build') });
  return root;
})();
afterAll(() => rmSync(PROVISIONED, { recursive: true, force: true }));
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function envOf(name: string): Record<string, string> {
  return parseEnvFile(readFileSync(join(PROVISIONED, 'env', `.env.${name}`), 'utf8'));
}

function strings(value: JsonValue, pointer = ''): [string, string][] {
  if (typeof value === 'string') return [[pointer, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${pointer}/${i}`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${pointer}/${k}`));
  return [];
}

/** A command title as a user would send it: `<namn>` placeholders get an example value. */
function asTyped(title: string): string {
  return title.replace(/<[^>]*>/g, 'Skövde');
}

/** Copies env/ and appPackage/ (without build output) into a scratch root for negative tests. */
function scratchRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'justera-app-package-'));
  cpSync(join(PROVISIONED, 'env'), join(root, 'env'), { recursive: true });
  cpSync(join(PROVISIONED, 'appPackage'), join(root, 'appPackage'), {
    recursive: true,
    filter: (src) => !src.split(/[\\/]/).includes('build'),
  });
  return root;
}

function writeEnv(root: string, name: string, edit: (lines: string[]) => string[]): void {
  const lines = readFileSync(join(PROVISIONED, 'env', '.env.dev'), 'utf8').split('\n');
  writeFileSync(join(root, 'env', `.env.${name}`), edit(lines).join('\n').replace(/^TEAMSFX_ENV=.*$/m, `TEAMSFX_ENV=${name}`));
}

test('env/ has an env file for local and for dev', () => {
  expect(ENV_NAMES).toEqual(expect.arrayContaining(['local', 'dev']));
});

describe.each(ENV_NAMES)('app package for env "%s"', (envName) => {
  const env = envOf(envName);
  let outDir: string;
  let entries: Map<string, Buffer>;
  let manifest: TeamsManifestLatest;
  let manifestJson: JsonObject;
  let en: JsonObject;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), `justera-package-${envName}-`));
    const built = await packageApp({ env: envName, root: PROVISIONED, outDir });
    expect(built.zipPath).toBe(join(outDir, `appPackage.${envName}.zip`));
    entries = new Map(new AdmZip(built.zipPath).getEntries().map((e) => [e.entryName, e.getData()]));
    manifestJson = JSON.parse((entries.get('manifest.json') ?? Buffer.from('{}')).toString('utf8')) as JsonObject;
    manifest = manifestJson as unknown as TeamsManifestLatest;
    en = JSON.parse((entries.get('en.json') ?? Buffer.from('{}')).toString('utf8')) as JsonObject;
  });

  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
  });

  test('the zip holds manifest.json, en.json and both icons at its root, nothing else', () => {
    expect([...entries.keys()].sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
  });

  test('manifest.json validates against the bundled Teams schema (1.19 or newer)', async () => {
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(19);
    const errors = await AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest, bundledSchema(manifest.$schema ?? ''));
    expect(errors).toEqual([]);
  });

  test('en.json validates against the bundled localization schema of the same version', async () => {
    expect(manifest.localizationInfo?.defaultLanguageTag).toBe('sv-SE');
    expect(manifest.localizationInfo?.additionalLanguages).toEqual([{ languageTag: 'en', file: 'en.json' }]);
    expect(en['$schema']).toBe(`https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.Localization.schema.json`);
    const errors = await AppManifestUtils.validateAgainstSchema(en as unknown as AppManifest, bundledSchema(String(en['$schema'])));
    expect(errors).toEqual([]);
  });

  test('en.json translates the name, descriptions, every command and every named tab', () => {
    const keys = ['name.short', 'name.full', 'description.short', 'description.full', 'staticTabs[1].name'];
    manifest.bots?.[0]?.commandLists?.forEach((list, l) =>
      list.commands.forEach((_c, c) => keys.push(`bots[0].commandLists[${l}].commands[${c}].title`, `bots[0].commandLists[${l}].commands[${c}].description`)),
    );
    for (const key of keys) expect({ key, value: typeof en[key] }).toEqual({ key, value: 'string' });
    expect(manifest.staticTabs?.[1]?.name).toBe('Mina möten');
    expect(en['staticTabs[1].name']).toBe('My meetings');
    // Swedish first: the manifest itself is the Swedish text, English is the translation.
    expect(manifest.name.full).not.toBe(en['name.full']);
    expect(manifest.description.short).not.toBe(en['description.short']);
  });

  test('every URL in manifest.json and en.json is https (the SSO resource is an api:// id)', () => {
    const all = [...strings(manifestJson).map(([p, s]) => [`manifest.json${p}`, s]), ...strings(en).map(([p, s]) => [`en.json${p}`, s])];
    const urls = all.filter(([, s]) => /:\/\//.test(s ?? ''));
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const [pointer, url] of urls) {
      const expected = pointer === 'manifest.json/webApplicationInfo/resource' ? /^api:\/\/[^/]+\// : /^https:\/\/[^/]+/;
      expect({ pointer, url, ok: expected.test(url ?? '') }).toEqual({ pointer, url, ok: true });
    }
    expect(all.filter(([, s]) => /http:\/\//i.test(s ?? ''))).toEqual([]);
  });

  test('ids, domain and name come from the env file, and nothing is left unreplaced', () => {
    for (const v of ['TEAMS_APP_ID', 'BOT_ID', 'AAD_APP_CLIENT_ID']) expect(env[v]).toMatch(GUID);
    expect(new Set([env['TEAMS_APP_ID'], env['BOT_ID'], env['AAD_APP_CLIENT_ID']]).size).toBe(3);
    expect(manifest.id).toBe(env['TEAMS_APP_ID']);
    expect(manifest.bots?.[0]?.botId).toBe(env['BOT_ID']);
    expect(manifest.webApplicationInfo?.id).toBe(env['AAD_APP_CLIENT_ID']);
    expect(manifest.webApplicationInfo?.resource).toBe(`api://${env['BOT_DOMAIN']}/${env['AAD_APP_CLIENT_ID']}`);
    expect(manifest.validDomains).toContain(env['BOT_DOMAIN']);
    expect(manifest.name.short).toBe(`Justera${env['APP_NAME_SUFFIX']}`);
    expect(en['name.short']).toBe(`Justera${env['APP_NAME_SUFFIX']}`);
    for (const file of ['manifest.json', 'en.json']) expect(entries.get(file)?.toString('utf8')).not.toContain('${{');
  });

  test('tabs: a configurable tab for channels, chats and meetings, and the personal tab "Mina möten"', () => {
    const tab = manifest.configurableTabs?.[0];
    expect(tab?.configurationUrl).toBe(`https://${env['BOT_DOMAIN']}/tab/config`);
    expect(tab?.scopes).toEqual(['team', 'groupChat']);
    expect(tab?.context).toEqual(expect.arrayContaining(['channelTab', 'privateChatTab', 'meetingSidePanel', 'meetingChatTab', 'meetingDetailsTab']));
    const mine = manifest.staticTabs?.find((t) => t.entityId === 'my-meetings');
    expect(mine).toMatchObject({ name: 'Mina möten', contentUrl: `https://${env['BOT_DOMAIN']}/tab/my-meetings`, scopes: ['personal'] });
  });

  test('icons: color.png is 192×192 in colour, outline.png is 32×32 white on transparent', () => {
    const color = PNG.sync.read(entries.get('color.png') ?? Buffer.alloc(0));
    expect([color.width, color.height]).toEqual([192, 192]);
    const colours = new Set<string>();
    for (let i = 0; i < color.data.length; i += 4) if (color.data[i + 3] === 255) colours.add(color.data.subarray(i, i + 3).toString('hex'));
    expect(colours.size).toBeGreaterThanOrEqual(4);
    expect(color.data[(96 * 192 + 96) * 4 + 3]).toBe(255);

    const outline = PNG.sync.read(entries.get('outline.png') ?? Buffer.alloc(0));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let white = 0;
    const other: number[] = [];
    for (let p = 0; p < 32 * 32; p++) {
      const [r, g, b, a] = outline.data.subarray(p * 4, p * 4 + 4);
      if (a === 0) continue;
      if (r === 255 && g === 255 && b === 255) white++;
      else other.push(p);
    }
    expect(other).toEqual([]);
    expect(white).toBeGreaterThan(50);
    for (const p of [0, 31, 32 * 31, 32 * 32 - 1]) expect(outline.data[p * 4 + 3]).toBe(0);
  });

  test('every bot command in the manifest and in en.json is one the bot handles', () => {
    const bot = manifest.bots?.[0];
    expect(bot?.scopes).toEqual(expect.arrayContaining(['team', 'groupChat', 'personal']));
    const lists = bot?.commandLists ?? [];
    // Every scope of the bot has a command list.
    expect(new Set(lists.flatMap((l) => l.scopes))).toEqual(new Set(bot?.scopes));
    const titles: string[] = [];
    lists.forEach((list, l) =>
      list.commands.forEach((command, c) => {
        titles.push(command.title, String(en[`bots[0].commandLists[${l}].commands[${c}].title`]));
      }),
    );
    expect(titles.length).toBeGreaterThanOrEqual(8);
    for (const title of titles) {
      expect({ title, kind: parseCommand(asTyped(title)).kind }).not.toEqual({ title, kind: 'unknown' });
    }
    // In a channel the bot offers all it does.
    const team = lists.find((l) => l.scopes.includes('team'));
    expect(new Set(team?.commands.map((c) => parseCommand(asTyped(c.title)).kind))).toEqual(new Set(['newMeeting', 'municipality', 'help']));
    expect(parseCommand(asTyped('kommun <namn>'))).toEqual({ kind: 'municipality', name: 'Skövde' });
  });

  test('RSC: the app asks for no permission it does not use', () => {
    // Roster and channels are read through the Bot Framework, which needs no consent.
    expect(manifest.authorization?.permissions?.resourceSpecific ?? []).toEqual([]);
    const readme = readFileSync(join(ROOT, 'appPackage', 'README.md'), 'utf8');
    expect(readme).toContain('`TeamMember.Read.Group`');
  });
});

describe('packaging refuses a broken package', () => {
  let root: string;

  beforeEach(() => {
    root = scratchRoot();
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  test('a missing variable fails and the message names it', async () => {
    writeEnv(root, 'broken', (lines) => lines.filter((l) => !l.startsWith('BOT_DOMAIN=')));
    const attempt = packageApp({ env: 'broken', root, outDir: join(root, 'out') });
    await expect(attempt).rejects.toBeInstanceOf(MissingVariablesError);
    await expect(attempt).rejects.toThrow(/env\/\.env\.broken: missing or empty variable BOT_DOMAIN \(used in appPackage\/manifest\.json\)/);
    expect(existsSync(join(root, 'out', 'appPackage.broken.zip'))).toBe(false);
  });

  test('an empty variable fails and the message names every one', async () => {
    writeEnv(root, 'empty', (lines) => lines.map((l) => (/^(BOT_ID|APP_NAME_SUFFIX)=/.test(l) ? l.replace(/=.*/, '=') : l)));
    const attempt = packageApp({ env: 'empty', root, outDir: join(root, 'out') });
    await expect(attempt).rejects.toThrow(/missing or empty variables APP_NAME_SUFFIX, BOT_ID \(used in appPackage\/manifest\.json, appPackage\/en\.json\)/);
  });

  test('an unknown environment fails naming the env file it looked for', async () => {
    await expect(packageApp({ env: 'nowhere', root })).rejects.toThrow('env/.env.nowhere does not exist');
  });

  test('a value that breaks the schema fails with the schema error', async () => {
    writeEnv(root, 'badid', (lines) => lines.map((l) => (l.startsWith('BOT_ID=') ? 'BOT_ID=not-a-guid' : l)));
    const attempt = packageApp({ env: 'badid', root, outDir: join(root, 'out') });
    await expect(attempt).rejects.toBeInstanceOf(PackagingError);
    await expect(attempt).rejects.toThrow(/manifest\.json: schema: \/bots\/0\/botId must match pattern/);
  });

  test('a localization key that translates nothing fails', async () => {
    const file = join(root, 'appPackage', 'en.json');
    const en = JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
    en['staticTabs[5].name'] = 'Nowhere';
    writeFileSync(file, JSON.stringify(en));
    await expect(packageApp({ env: 'dev', root, outDir: join(root, 'out') })).rejects.toThrow(/en\.json: "staticTabs\[5\]\.name" translates nothing/);
  });

  test('an outline icon with colour or an opaque background fails', async () => {
    const png = new PNG({ width: 32, height: 32 });
    png.data.fill(255);
    png.data[0] = 0; // one non-white opaque pixel in the corner
    mkdirSync(join(root, 'appPackage'), { recursive: true });
    writeFileSync(join(root, 'appPackage', 'outline.png'), PNG.sync.write(png));
    await expect(packageApp({ env: 'dev', root, outDir: join(root, 'out') })).rejects.toThrow(/outline icon may only hold white or transparent pixels; 1 are neither[\s\S]*transparent background/);
  });
});

describe('packaging helpers', () => {
  test('parseEnvFile reads comments, quotes and inline comments like dotenv', () => {
    expect(parseEnvFile('# c\nA=1\nexport B = "two words"\nC=x # note\nD=\nE=\'#kept\'\nnot a line\n')).toEqual({
      A: '1',
      B: 'two words',
      C: 'x',
      D: '',
      E: '#kept',
    });
  });

  test('urlProblems flags http and other schemes anywhere in the document', () => {
    expect(urlProblems({ a: ['https://x.example', 'api://x.example/id'], b: 'text' }, 'm')).toEqual([]);
    expect(urlProblems({ a: { b: 'http://x.example' }, c: 'ftp://x.example' }, 'm')).toEqual([
      'm: /a/b is not an https URL: http://x.example',
      'm: /c is not an https URL: ftp://x.example',
    ]);
  });

  test('iconProblems checks the decoded size', () => {
    const png = new PNG({ width: 16, height: 16 });
    expect(iconProblems('outline', 'outline.png', PNG.sync.write(png))).toEqual(['outline.png: the outline icon must be 32×32, is 16×16']);
  });

  test('escapeLoneBrackets makes a schema pattern valid with the u flag and keeps its meaning', () => {
    const pattern = '^activities.activityTypes\\[\\b([0-9]|[1-8][0-9])\\b]\\.description$';
    expect(() => new RegExp(pattern, 'u')).toThrow();
    const fixed = escapeLoneBrackets(pattern);
    expect(fixed).toBe('^activities.activityTypes\\[\\b([0-9]|[1-8][0-9])\\b\\]\\.description$');
    for (const s of ['activities.activityTypes[7].description', 'activities.activityTypes[42].description', 'activities.activityTypes[x].description']) {
      expect(new RegExp(fixed, 'u').test(s)).toBe(new RegExp(pattern).test(s));
    }
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, SETTING_NAMES } from '../../src/config';

// No Bicep compiler runs here, so this test reads infra/main.bicep as text: a small parser of the
// subset the file uses (objects, arrays, strings, everything else kept as expression text). It
// refuses what it cannot read rather than guessing, and checks that the web app's app settings
// and the settings the service reads (src/config.ts) stay in step.

const ROOT = path.join(__dirname, '..', '..');
const BICEP_TEXT = fs.readFileSync(path.join(ROOT, 'infra', 'main.bicep'), 'utf8');
const PARAMETERS_JSON: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'infra', 'main.parameters.json'), 'utf8'));

// ---------------------------------------------------------------------------------------------
// The decisions
// ---------------------------------------------------------------------------------------------

/** Settings the service reads that main.bicep leaves unset, on purpose. */
const NOT_SET_BY_BICEP: Readonly<Record<string, string>> = {
  PORT: 'provided by the platform: App Service sets PORT in the Node container and forwards requests to that port',
  DATA_DIR: 'used only by the embedded SQLite store and the Playground; Azure runs STORE=tables without the Playground (and wwwroot, the mounted package, is read-only)',
  PLAYGROUND_PORT: 'the Playground never starts in Azure: BOT_ID is set and PLAYGROUND=off',
  PLAYGROUND_LOCALE: 'the Playground never starts in Azure: BOT_ID is set and PLAYGROUND=off',
  CARD_UPDATE_INTERVAL_MS: "the default (1000 ms) is tuned to Teams' limits; changing it is a reviewed code change, not a per-deployment knob",
  CHANNEL_SENDS_PER_SECOND: 'the default (3 of the 7 Teams allows per conversation) is tuned to Teams; changing it is a reviewed code change',
  REMINDER_DAYS: 'the default (7 and 1 days before) is what the networks asked for; per-network reminder settings belong in the tab, not in the deployment',
  AAD_APP_ID_URI: "the default, api://<PUBLIC_URL's host>/<AAD_APP_CLIENT_ID>, is the identifier URI the toolkit registers (BOT_DOMAIN is the web app's host); it is set only for a custom domain",
  SSO_AUTHORITY: 'Entra ID (https://login.microsoftonline.com) is the default; another authority exists only for the test issuer on 127.0.0.1',
  JUSTERING_REMINDER_DAYS: 'the default (3 days after sending) is what the issue asks for; per-network settings belong in the tab, not in the deployment',
  ARCHIVE_DIR: 'only for ARCHIVE=folder, the embedded default; Azure archives in SharePoint',
  ARCHIVE_FOLDER: 'the default Protokoll/{network}/{year} is the networks\' layout; another layout is a per-library choice made with the library owner',
  GRAPH_BASE_URL: 'Microsoft Graph v1.0 is the default; another root exists only for the Graph emulator on 127.0.0.1 in tests',
  TABLES_CONNECTION_STRING: 'a connection string carries an account key; the account refuses shared keys and the service uses the managed identity (TABLES_ACCOUNT_URL + AZURE_CLIENT_ID); it is for Azurite only',
};

/** App settings main.bicep sets that App Service reads, not the service. */
const PLATFORM_SETTINGS: Readonly<Record<string, string>> = {
  WEBSITE_RUN_FROM_PACKAGE: 'App Service mounts the deployed zip read-only as wwwroot: atomic deploys, no half-copied files',
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'the zip is built before deployment (dist/ and production node_modules); App Service must not build it again',
};

/** Stand-ins for values main.bicep computes during deployment, to check the settings as a whole. */
const DEPLOYMENT_VALUES: Readonly<Record<string, string>> = {
  BOT_ID: '11111111-2222-4333-8444-555555555555',
  BOT_TENANT_ID: '66666666-7777-4888-9999-000000000000',
  AZURE_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
  TABLES_ACCOUNT_URL: 'https://justeraab12cdstate.table.core.windows.net/',
  SHAREPOINT_DRIVE_ID: 'b!AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
  // What the Bicep sets with the default botType (UserAssignedMsi): empty, that is unset.
  BOT_PASSWORD: '',
  AAD_APP_CLIENT_ID: 'aaaaaaaa-2222-4333-8444-555555555555',
  TEAMS_APP_ID: 'bbbbbbbb-2222-4333-8444-555555555555',
  PUBLIC_URL: 'https://justeraab12cd.azurewebsites.net',
  ALLOWED_TENANTS: '66666666-7777-4888-9999-000000000000',
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
};

const ROLE_STORAGE_TABLE_DATA_CONTRIBUTOR = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3';
const ROLE_KEY_VAULT_SECRETS_USER = '4633458b-17de-408a-b874-0445c86b69e6';

// ---------------------------------------------------------------------------------------------
// A reader for the Bicep subset main.bicep uses
// ---------------------------------------------------------------------------------------------

type BicepValue = BicepObject | BicepArray | BicepString | BicepExpression;
interface BicepObject {
  kind: 'object';
  props: Map<string, BicepValue>;
}
interface BicepArray {
  kind: 'array';
  items: BicepValue[];
}
/** A string literal; `interpolated` when it holds ${...}. */
interface BicepString {
  kind: 'string';
  value: string;
  interpolated: boolean;
}
/** Anything else (a reference, a function call, a ternary, true, 42), as its source text. */
interface BicepExpression {
  kind: 'expr';
  text: string;
}

interface Decorator {
  name: string;
  args: string;
}
interface BicepParam {
  name: string;
  type: string;
  defaultText?: string;
  decorators: Decorator[];
}
interface BicepResource {
  symbol: string;
  type: string;
  condition?: string;
  body: BicepObject;
}
interface BicepFile {
  params: BicepParam[];
  vars: Map<string, BicepValue>;
  resources: BicepResource[];
  outputs: string[];
  /** The source with comments blanked and string contents blanked (interpolations kept). */
  code: string;
}

class BicepReadError extends Error {}

function fail(src: string, i: number, message: string): never {
  throw new BicepReadError(`main.bicep line ${src.slice(0, i).split('\n').length}: ${message}`);
}

const CLOSER: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** Index just past the string literal starting at src[i]. */
function endOfString(src: string, i: number): number {
  if (src.startsWith("'''", i)) {
    const end = src.indexOf("'''", i + 3);
    if (end < 0) fail(src, i, 'unterminated multi-line string');
    return end + 3;
  }
  let j = i + 1;
  while (j < src.length) {
    const c = src[j];
    if (c === '\\') j += 2;
    else if (c === "'") return j + 1;
    else if (c === '\n') fail(src, i, 'unterminated string');
    else if (src.startsWith('${', j)) j = endOfBrackets(src, j + 1);
    else j++;
  }
  return fail(src, i, 'unterminated string');
}

/** src[i] opens a bracket; index just past the bracket that closes it (strings skipped). */
function endOfBrackets(src: string, i: number): number {
  const expected: string[] = [];
  let j = i;
  while (j < src.length) {
    const c = src[j];
    if (c === "'") {
      j = endOfString(src, j);
      continue;
    }
    if (c in CLOSER) expected.push(CLOSER[c]);
    else if (c === ')' || c === ']' || c === '}') {
      if (expected.pop() !== c) fail(src, j, `unexpected "${c}"`);
      if (expected.length === 0) return j + 1;
    }
    j++;
  }
  return fail(src, i, `"${src[i]}" is never closed`);
}

/** Blanks // and /* *\/ comments (newlines kept, so line numbers stay right). */
function stripComments(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    if (src[i] === "'") {
      const end = endOfString(src, i);
      out += src.slice(i, end);
      i = end;
    } else if (src.startsWith('//', i)) {
      const nl = src.indexOf('\n', i);
      const end = nl < 0 ? src.length : nl;
      out += ' '.repeat(end - i);
      i = end;
    } else if (src.startsWith('/*', i)) {
      const close = src.indexOf('*/', i + 2);
      if (close < 0) fail(src, i, 'unterminated comment');
      out += src.slice(i, close + 2).replace(/[^\n]/g, ' ');
      i = close + 2;
    } else {
      out += src[i];
      i++;
    }
  }
  return out;
}

/** Blanks the contents of string literals but keeps their ${...} holes: what is left is code. */
function blankStrings(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    if (src[i] !== "'") {
      out += src[i];
      i++;
      continue;
    }
    const end = endOfString(src, i);
    if (src.startsWith("'''", i)) {
      out += src.slice(i, end).replace(/[^\n]/g, ' ');
      i = end;
      continue;
    }
    out += "'";
    let j = i + 1;
    while (j < end - 1) {
      if (src[j] === '\\') {
        out += '  ';
        j += 2;
      } else if (src.startsWith('${', j)) {
        const close = endOfBrackets(src, j + 1);
        out += `  ${blankStrings(src.slice(j + 2, close - 1))} `;
        j = close;
      } else {
        out += ' ';
        j++;
      }
    }
    out += "'";
    i = end;
  }
  return out;
}

function skipBlanks(src: string, i: number, newlines: boolean): number {
  while (i < src.length && (src[i] === ' ' || src[i] === '\t' || src[i] === '\r' || (newlines && src[i] === '\n'))) i++;
  return i;
}

function skipSeparators(src: string, i: number): number {
  while (i < src.length && /[\s,]/.test(src[i])) i++;
  return i;
}

function stringValue(raw: string): BicepString {
  if (raw.startsWith("'''")) return { kind: 'string', value: raw.slice(3, -3), interpolated: false };
  const inner = raw.slice(1, -1);
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t' };
  return {
    kind: 'string',
    value: inner.replace(/\\(.)/g, (_m, ch: string) => escapes[ch] ?? ch),
    interpolated: /(^|[^\\])\$\{/.test(inner),
  };
}

/** Index where an expression starting at i ends: a newline, "," or a closing bracket at depth 0. */
function endOfExpression(src: string, i: number): number {
  while (i < src.length) {
    const c = src[i];
    if (c === "'") i = endOfString(src, i);
    else if (c in CLOSER) i = endOfBrackets(src, i);
    else if (c === '\n' || c === ',' || c === ')' || c === ']' || c === '}') return i;
    else i++;
  }
  return i;
}

function parseValue(src: string, i: number): { value: BicepValue; end: number } {
  const start = skipBlanks(src, i, false);
  let literal: { value: BicepValue; end: number } | undefined;
  if (src[start] === '{') literal = parseObject(src, start);
  else if (src[start] === '[' && !/^\[\s*for\b/.test(src.slice(start, start + 40))) literal = parseArray(src, start);
  else if (src[start] === "'") {
    const end = endOfString(src, start);
    literal = { value: stringValue(src.slice(start, end)), end };
  }
  if (literal) {
    // A literal followed by more on its line (an operator, a property access) is an expression.
    const after = skipBlanks(src, literal.end, false);
    if (after >= src.length || '\n,)]}'.includes(src[after])) return literal;
  }
  const end = endOfExpression(src, start);
  const text = src.slice(start, end).trim();
  if (!text) fail(src, start, 'a value is missing');
  return { value: { kind: 'expr', text }, end };
}

function parseObject(src: string, i: number): { value: BicepObject; end: number } {
  const props = new Map<string, BicepValue>();
  let j = i + 1;
  for (;;) {
    j = skipSeparators(src, j);
    if (j >= src.length) fail(src, i, 'object never closed');
    if (src[j] === '}') return { value: { kind: 'object', props }, end: j + 1 };
    let key: string;
    if (src[j] === "'") {
      const end = endOfString(src, j);
      key = src.slice(j, end);
      j = end;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(j, j + 200));
      if (!m) fail(src, j, 'expected a property name');
      key = m[0];
      j += key.length;
    }
    j = skipBlanks(src, j, false);
    if (src[j] !== ':') fail(src, j, `expected ":" after ${key} (this reader knows objects of "name: value" lines)`);
    if (props.has(key)) fail(src, j, `property ${key} given twice`);
    const { value, end } = parseValue(src, j + 1);
    props.set(key, value);
    j = end;
  }
}

function parseArray(src: string, i: number): { value: BicepArray; end: number } {
  const items: BicepValue[] = [];
  let j = i + 1;
  for (;;) {
    j = skipSeparators(src, j);
    if (j >= src.length) fail(src, i, 'array never closed');
    if (src[j] === ']') return { value: { kind: 'array', items }, end: j + 1 };
    const { value, end } = parseValue(src, j);
    items.push(value);
    j = end;
  }
}

/** Index of the first "=" that is an assignment (not ==, !=, <=, >=, =~), outside strings. */
function assignmentIndex(s: string): number {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "'") {
      i = endOfString(s, i) - 1;
      continue;
    }
    if (s[i] === '=' && s[i + 1] !== '=' && s[i + 1] !== '~' && !'=!<>'.includes(s[i - 1] ?? '')) return i;
  }
  return -1;
}

/** The end of a top-level statement: the end of its line, after any brackets opened on it. */
function endOfStatement(src: string, i: number): number {
  while (i < src.length) {
    const c = src[i];
    if (c === "'") i = endOfString(src, i);
    else if (c in CLOSER) i = endOfBrackets(src, i);
    else if (c === '\n') return i;
    else i++;
  }
  return i;
}

function parseBicep(text: string): BicepFile {
  const src = stripComments(text);
  const file: BicepFile = { params: [], vars: new Map(), resources: [], outputs: [], code: blankStrings(src) };
  let decorators: Decorator[] = [];
  let i = 0;
  for (;;) {
    i = skipBlanks(src, i, true);
    if (i >= src.length) break;
    const rest = src.slice(i, i + 300);
    const decorator = /^@([A-Za-z_][\w.]*)\s*\(/.exec(rest);
    if (decorator) {
      const open = i + decorator[0].length - 1;
      const close = endOfBrackets(src, open);
      decorators.push({ name: decorator[1], args: src.slice(open + 1, close - 1).trim() });
      i = close;
      continue;
    }
    const keyword = /^(targetScope|metadata|param|var|resource|output|module|type|func|import)\b/.exec(rest);
    if (!keyword) fail(src, i, 'not a statement this reader knows');
    const end = endOfStatement(src, i);
    const stmt = src.slice(i, end);
    if (keyword[1] === 'param') {
      const m = /^param\s+([A-Za-z_]\w*)\s+/.exec(stmt);
      if (!m) fail(src, i, 'param without a name');
      const after = stmt.slice(m[0].length);
      const eq = assignmentIndex(after);
      file.params.push({
        name: m[1],
        type: (eq < 0 ? after : after.slice(0, eq)).trim(),
        ...(eq < 0 ? {} : { defaultText: after.slice(eq + 1).trim() }),
        decorators,
      });
    } else if (keyword[1] === 'var') {
      const m = /^var\s+([A-Za-z_]\w*)\s*=/.exec(stmt);
      if (!m) fail(src, i, 'var without a value');
      file.vars.set(m[1], parseValue(src, i + m[0].length).value);
    } else if (keyword[1] === 'resource') {
      const m = /^resource\s+([A-Za-z_]\w*)\s+'([^']+)'\s+(?:existing\s+)?=\s*/.exec(stmt);
      if (!m) fail(src, i, 'resource without a symbol, a type or "="');
      let j = i + m[0].length;
      let condition: string | undefined;
      if (/^if\s*\(/.test(src.slice(j, j + 10))) {
        const open = src.indexOf('(', j);
        const close = endOfBrackets(src, open);
        condition = src.slice(open + 1, close - 1).trim();
        j = skipBlanks(src, close, false);
      }
      if (src[j] !== '{') fail(src, j, `resource ${m[1]}: expected "{" (loops are not read here)`);
      file.resources.push({ symbol: m[1], type: m[2], ...(condition ? { condition } : {}), body: parseObject(src, j).value });
    } else if (keyword[1] === 'output') {
      const m = /^output\s+([A-Za-z_]\w*)\s/.exec(stmt);
      if (!m) fail(src, i, 'output without a name');
      file.outputs.push(m[1]);
    } else if (keyword[1] === 'module' || keyword[1] === 'import' || keyword[1] === 'func' || keyword[1] === 'type') {
      fail(src, i, `"${keyword[1]}" is not read by this test: extend the reader or keep the app settings in main.bicep`);
    }
    decorators = [];
    i = end;
  }
  return file;
}

// ---------------------------------------------------------------------------------------------
// Questions asked of the parsed file
// ---------------------------------------------------------------------------------------------

function at(value: BicepValue | undefined, ...keys: string[]): BicepValue | undefined {
  let v = value;
  for (const k of keys) v = v?.kind === 'object' ? v.props.get(k) : undefined;
  return v;
}

/** A string literal's value, or an expression's text ("true", "botServiceSku"). */
function show(value: BicepValue | undefined): string | undefined {
  if (value?.kind === 'string') return value.value;
  if (value?.kind === 'expr') return value.text;
  return undefined;
}

function resourcesOf(file: BicepFile, type: string): BicepResource[] {
  return file.resources.filter((r) => r.type.toLowerCase().split('@')[0] === type.toLowerCase());
}

function onlyResource(file: BicepFile, type: string): BicepResource {
  const found = resourcesOf(file, type);
  if (found.length !== 1) throw new Error(`expected one ${type} in main.bicep, found ${found.length}`);
  return found[0];
}

function appSettings(file: BicepFile): { name: string; value: BicepValue }[] {
  const list = at(onlyResource(file, 'Microsoft.Web/sites').body, 'properties', 'siteConfig', 'appSettings');
  if (list?.kind !== 'array') {
    throw new BicepReadError("the web app's properties.siteConfig.appSettings is not an array literal: this test reads a literal list of { name, value } objects");
  }
  return list.items.map((item, n) => {
    const name = at(item, 'name');
    const value = at(item, 'value');
    if (item.kind !== 'object' || item.props.size !== 2 || name?.kind !== 'string' || name.interpolated || !value) {
      throw new BicepReadError(`appSettings[${n}] is not { name: '<plain string>', value: ... }`);
    }
    return { name: name.value, value };
  });
}

/** Everything wrong between the app settings main.bicep sets and the settings the service reads. */
function settingsProblems(bicepText: string): string[] {
  const settings = appSettings(parseBicep(bicepText));
  const problems: string[] = [];
  const set = new Set<string>();
  for (const { name } of settings) {
    if (set.has(name)) problems.push(`${name} is set twice`);
    set.add(name);
  }
  const read = new Set(SETTING_NAMES);
  for (const name of SETTING_NAMES) {
    if (set.has(name) && name in NOT_SET_BY_BICEP) problems.push(`${name} is set by main.bicep, yet NOT_SET_BY_BICEP says it is not set on purpose`);
    if (!set.has(name) && !(name in NOT_SET_BY_BICEP)) {
      problems.push(`${name} is read by the service but neither set by main.bicep nor in NOT_SET_BY_BICEP with a reason`);
    }
  }
  for (const name of set) {
    if (!read.has(name) && !(name in PLATFORM_SETTINGS)) {
      problems.push(`${name} is set by main.bicep but the service does not read it, and it is not in PLATFORM_SETTINGS with a reason`);
    }
  }
  for (const name of Object.keys(NOT_SET_BY_BICEP)) {
    if (!read.has(name)) problems.push(`NOT_SET_BY_BICEP lists ${name}, which the service does not read`);
  }
  for (const name of Object.keys(PLATFORM_SETTINGS)) {
    if (read.has(name)) problems.push(`PLATFORM_SETTINGS lists ${name}, which the service reads: it belongs with the service's settings`);
    if (!set.has(name)) problems.push(`PLATFORM_SETTINGS lists ${name}, which main.bicep does not set`);
  }
  return problems;
}

/** App settings whose value refers to a @secure() param (a secret belongs in Key Vault). */
function secretLeaks(file: BicepFile): string[] {
  const secure = file.params.filter((p) => p.decorators.some((d) => d.name === 'secure')).map((p) => p.name);
  const code = (value: BicepValue): string => {
    const text = value.kind === 'expr' ? value.text : value.kind === 'string' ? `'${value.value}'` : '';
    return blankStrings(text);
  };
  return appSettings(file)
    .filter(({ value }) => secure.some((p) => new RegExp(`(?<![\\w.])${p}(?!\\w)`).test(code(value))))
    .map((s) => s.name);
}

/** Params declared but never referenced. */
function unusedParams(file: BicepFile): string[] {
  const lines = file.code.split('\n');
  return file.params
    .filter(({ name }) => {
      let uses = 0;
      lines.forEach((line) => {
        for (const m of line.matchAll(new RegExp(`(?<![\\w.])${name}(?![\\w])`, 'g'))) {
          const before = line.slice(0, m.index);
          const after = line.slice(m.index + name.length);
          const declaration = /^\s*(param|var|output|resource)\s+$/.test(before);
          const propertyKey = /(^\s*|[{,]\s*)$/.test(before) && /^\s*:/.test(after);
          if (!declaration && !propertyKey) uses++;
        }
      });
      return uses === 0;
    })
    .map((p) => p.name);
}

const PLACEHOLDER = /\$\{\{([^}]*)\}\}/g;

/** Everything wrong between main.parameters.json and the params main.bicep declares. */
function parameterFileProblems(file: BicepFile, json: unknown): string[] {
  const problems: string[] = [];
  const given = (json as { parameters?: Record<string, { value?: unknown }> } | null)?.parameters;
  if (!given || typeof given !== 'object') return ['main.parameters.json has no "parameters" object'];
  const declared = new Map(file.params.map((p) => [p.name, p]));
  for (const [name, entry] of Object.entries(given)) {
    const param = declared.get(name);
    if (!param) {
      problems.push(`main.parameters.json gives ${name}, which main.bicep does not declare`);
      continue;
    }
    const value = entry?.value;
    if (typeof value === 'string') {
      for (const m of value.matchAll(PLACEHOLDER)) {
        if (!/^[A-Z][A-Z0-9_]*$/.test(m[1])) problems.push(`${name}: placeholder \${{${m[1]}}} is not an environment variable name`);
      }
    }
    const secure = param.decorators.some((d) => d.name === 'secure');
    if (secure && !(typeof value === 'string' && /^\$\{\{SECRET_[A-Z0-9_]+\}\}$/.test(value))) {
      problems.push(`${name} is @secure(): main.parameters.json may give it only as a \${{SECRET_...}} placeholder`);
    }
    const allowed = param.decorators.find((d) => d.name === 'allowed');
    if (allowed && typeof value === 'string' && !value.includes('${{')) {
      const list = parseValue(allowed.args, 0).value;
      const options = list.kind === 'array' ? list.items.map(show) : [];
      if (!options.includes(value)) problems.push(`${name}: "${value}" is not one of the values main.bicep allows (${options.join(', ')})`);
    }
  }
  for (const p of file.params) {
    const required = p.defaultText === undefined && !p.type.endsWith('?');
    if (required && !(p.name in given)) problems.push(`${p.name} has no default in main.bicep and is missing from main.parameters.json`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

const bicep = parseBicep(BICEP_TEXT);
const settings = new Map(appSettings(bicep).map((s) => [s.name, s.value]));
const identity = onlyResource(bicep, 'Microsoft.ManagedIdentity/userAssignedIdentities');
const webApp = onlyResource(bicep, 'Microsoft.Web/sites');
const storage = onlyResource(bicep, 'Microsoft.Storage/storageAccounts');
const keyVault = onlyResource(bicep, 'Microsoft.KeyVault/vaults');
const bot = onlyResource(bicep, 'Microsoft.BotService/botServices');

describe('app settings in infra/main.bicep and the settings the service reads', () => {
  test('every setting the service reads is set by the Bicep or left unset on purpose, and every setting set is read', () => {
    expect(settingsProblems(BICEP_TEXT)).toEqual([]);
  });

  test('every decision carries a reason', () => {
    for (const [name, reason] of Object.entries({ ...NOT_SET_BY_BICEP, ...PLATFORM_SETTINGS })) {
      expect({ name, reason: reason.trim().length >= 20 }).toEqual({ name, reason: true });
    }
  });

  test('the settings it sets, with the PORT App Service provides, are a valid production configuration', () => {
    const params = new Map(bicep.params.map((p) => [p.name, p]));
    const env: Record<string, string> = { PORT: '8080' };
    for (const [name, value] of settings) {
      if (value.kind === 'string' && !value.interpolated) env[name] = value.value;
      else if (value.kind === 'expr' && params.get(value.text)?.defaultText?.startsWith("'")) {
        env[name] = stringValue(params.get(value.text)!.defaultText!).value;
      } else if (name in DEPLOYMENT_VALUES) env[name] = DEPLOYMENT_VALUES[name];
      else throw new Error(`${name} is computed during deployment: add a stand-in to DEPLOYMENT_VALUES`);
    }
    const config = loadConfig(env, '/home/site/wwwroot');
    expect(config.localMode).toBe(false);
    expect(config.playground.enabled).toBe(false);
    expect(config.host).toBe('0.0.0.0');
    expect(config.port).toBe(8080);
    expect(config.bot).toMatchObject({ type: 'UserAssignedMsi', password: '' });
    // Cards link into the tab with Teams deep links naming the app.
    expect(config.teamsAppId).toBe(DEPLOYMENT_VALUES.TEAMS_APP_ID);
    expect(config.store).toEqual({
      kind: 'tables',
      accountUrl: DEPLOYMENT_VALUES.TABLES_ACCOUNT_URL,
      managedIdentityClientId: DEPLOYMENT_VALUES.AZURE_CLIENT_ID,
      tablePrefix: 'justera',
    });
  });

  test('the values computed during deployment come from the right resources', () => {
    expect(show(settings.get('BOT_ID'))).toBe('botAppId');
    expect(show(bicep.vars.get('botAppId'))).toBe(`botIsManagedIdentity ? ${identity.symbol}.properties.clientId : botAadAppClientId`);
    expect(show(settings.get('AZURE_CLIENT_ID'))).toBe(`${identity.symbol}.properties.clientId`);
    expect(show(settings.get('TABLES_ACCOUNT_URL'))).toBe(`${storage.symbol}.properties.primaryEndpoints.table`);
    expect(show(settings.get('BOT_TENANT_ID'))).toBe('tenant().tenantId');
    expect(show(settings.get('STORE'))).toBe('tables');
    expect(show(settings.get('PLAYGROUND'))).toBe('off');
  });

  test('a bot password reaches the service only as a Key Vault reference, never as plain text', () => {
    const password = show(settings.get('BOT_PASSWORD')) ?? '';
    expect(password).toContain("botType == 'SingleTenant' ? '@Microsoft.KeyVault(SecretUri=");
    expect(password).toContain(`${keyVault.symbol}.properties.vaultUri`);
    expect(password).toMatch(/: ''$/);
    expect(password).not.toContain('botAadAppClientSecret');
    const secret = onlyResource(bicep, 'Microsoft.KeyVault/vaults/secrets');
    expect(secret.condition).toBe("botType == 'SingleTenant'");
    expect(show(at(secret.body, 'parent'))).toBe(keyVault.symbol);
    expect(show(at(secret.body, 'properties', 'value'))).toBe('botAadAppClientSecret');
    expect(bicep.params.filter((p) => p.decorators.some((d) => d.name === 'secure')).map((p) => p.name)).toEqual(['botAadAppClientSecret']);
    expect(secretLeaks(bicep)).toEqual([]);
  });
});

describe('the checks above can fail', () => {
  const hostEntry = /\{\s*name: 'HOST'\s*value: '0\.0\.0\.0'\s*\}\s*/;

  test('a setting the service reads, removed from the Bicep', () => {
    const mutated = BICEP_TEXT.replace(hostEntry, '');
    expect(mutated).not.toBe(BICEP_TEXT);
    expect(settingsProblems(mutated)).toEqual([
      'HOST is read by the service but neither set by main.bicep nor in NOT_SET_BY_BICEP with a reason',
    ]);
  });

  test('a setting nobody reads, added to the Bicep', () => {
    const mutated = BICEP_TEXT.replace(hostEntry, (m) => `${m}{\n          name: 'FEATURE_X'\n          value: 'on'\n        }\n        `);
    expect(settingsProblems(mutated)).toEqual([
      'FEATURE_X is set by main.bicep but the service does not read it, and it is not in PLATFORM_SETTINGS with a reason',
    ]);
  });

  test('a setting listed as not set on purpose, set anyway', () => {
    const mutated = BICEP_TEXT.replace(hostEntry, (m) => `${m}{\n          name: 'PORT'\n          value: '8080'\n        }\n        `);
    expect(settingsProblems(mutated)).toEqual(['PORT is set by main.bicep, yet NOT_SET_BY_BICEP says it is not set on purpose']);
  });

  test('app settings the reader cannot see are refused, not guessed', () => {
    const mutated = BICEP_TEXT.replace(/(appSettings: )(\[[\s\S]*?\n {6}\])/, '$1concat(extraSettings, $2)');
    expect(mutated).not.toBe(BICEP_TEXT);
    expect(() => settingsProblems(mutated)).toThrow(/appSettings is not an array literal/);
    expect(() => parseBicep(BICEP_TEXT.replace("name: 'HOST'", "name: 'HOST"))).toThrow(BicepReadError);
  });

  test('a secret param that reaches an app setting', () => {
    const mutated = BICEP_TEXT.replace(/(name: 'BOT_PASSWORD'\s*value: )[^\n]*/, '$1botAadAppClientSecret');
    expect(mutated).not.toBe(BICEP_TEXT);
    expect(secretLeaks(parseBicep(mutated))).toEqual(['BOT_PASSWORD']);
  });

  test('an unused param, an undeclared parameter and a missing required one', () => {
    const mutated = parseBicep(`${BICEP_TEXT}\nparam forgotten string = 'x'\nparam needed string\n`);
    expect(unusedParams(mutated)).toEqual(['forgotten', 'needed']);
    const json = PARAMETERS_JSON as { parameters: Record<string, unknown> };
    const problems = parameterFileProblems(mutated, { parameters: { ...json.parameters, stranger: { value: 'x' }, botType: { value: 'MultiTenant' } } });
    expect(problems).toEqual([
      'botType: "MultiTenant" is not one of the values main.bicep allows (UserAssignedMsi, SingleTenant)',
      'main.parameters.json gives stranger, which main.bicep does not declare',
      'needed has no default in main.bicep and is missing from main.parameters.json',
    ]);
  });
});

describe('infra/main.bicep keeps its structure', () => {
  test('a Linux web app on Node 24 LTS: HTTPS only, always on, health check /healthz, no FTP, TLS 1.2', () => {
    expect(show(at(webApp.body, 'kind'))).toBe('app,linux');
    const site = at(webApp.body, 'properties', 'siteConfig');
    expect(show(at(site, 'linuxFxVersion'))).toBe('NODE|24-lts');
    expect(show(at(webApp.body, 'properties', 'httpsOnly'))).toBe('true');
    expect(show(at(site, 'alwaysOn'))).toBe('true');
    expect(show(at(site, 'healthCheckPath'))).toBe('/healthz');
    expect(show(at(site, 'ftpsState'))).toBe('Disabled');
    expect(show(at(site, 'minTlsVersion'))).toBe('1.2');
    const plan = onlyResource(bicep, 'Microsoft.Web/serverfarms');
    expect(show(at(plan.body, 'kind'))).toBe('linux');
    expect(show(at(plan.body, 'properties', 'reserved'))).toBe('true');
  });

  test('the startup command runs the built entry point', () => {
    expect(show(at(webApp.body, 'properties', 'siteConfig', 'appCommandLine'))).toBe('node dist/main.js');
    const build = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.build.json'), 'utf8')) as { compilerOptions: { rootDir: string; outDir: string } };
    expect(build.compilerOptions).toMatchObject({ rootDir: 'src', outDir: 'dist' });
    expect(fs.existsSync(path.join(ROOT, 'src', 'main.ts'))).toBe(true);
  });

  test('the web app runs as the user-assigned identity and resolves Key Vault references with it', () => {
    expect(show(at(webApp.body, 'identity', 'type'))).toBe('UserAssigned');
    const assigned = at(webApp.body, 'identity', 'userAssignedIdentities');
    expect(assigned?.kind === 'object' ? [...assigned.props.keys()] : []).toEqual([`'\${${identity.symbol}.id}'`]);
    expect(show(at(webApp.body, 'properties', 'keyVaultReferenceIdentity'))).toBe(`${identity.symbol}.id`);
  });

  test('an Azure Bot on the web app with the identity as its app, and the Teams channel', () => {
    expect(show(at(bot.body, 'kind'))).toBe('azurebot');
    expect(show(at(bot.body, 'location'))).toBe('global');
    expect(show(at(bot.body, 'sku', 'name'))).toBe('botServiceSku');
    expect(show(at(bot.body, 'properties', 'endpoint'))).toBe(`https://\${${webApp.symbol}.properties.defaultHostName}/api/messages`);
    expect(show(at(bot.body, 'properties', 'msaAppId'))).toBe('botAppId');
    expect(show(at(bot.body, 'properties', 'msaAppType'))).toBe("botIsManagedIdentity ? 'UserAssignedMSI' : 'SingleTenant'");
    expect(show(at(bot.body, 'properties', 'msaAppMSIResourceId'))).toBe(`botIsManagedIdentity ? ${identity.symbol}.id : null`);
    const channel = onlyResource(bicep, 'Microsoft.BotService/botServices/channels');
    expect(show(at(channel.body, 'parent'))).toBe(bot.symbol);
    expect(show(at(channel.body, 'name'))).toBe('MsTeamsChannel');
    expect(show(at(channel.body, 'properties', 'channelName'))).toBe('MsTeamsChannel');
    expect(show(at(channel.body, 'properties', 'properties', 'isEnabled'))).toBe('true');
  });

  test('a storage account reached by identity only, with its Table service', () => {
    const props = at(storage.body, 'properties');
    expect(show(at(storage.body, 'kind'))).toBe('StorageV2');
    expect(show(at(props, 'allowSharedKeyAccess'))).toBe('false');
    expect(show(at(props, 'supportsHttpsTrafficOnly'))).toBe('true');
    expect(show(at(props, 'minimumTlsVersion'))).toBe('TLS1_2');
    expect(show(at(props, 'allowBlobPublicAccess'))).toBe('false');
    expect(show(at(onlyResource(bicep, 'Microsoft.Storage/storageAccounts/tableServices').body, 'parent'))).toBe(storage.symbol);
  });

  test('a Key Vault in RBAC mode with soft delete', () => {
    expect(show(at(keyVault.body, 'properties', 'enableRbacAuthorization'))).toBe('true');
    expect(show(at(keyVault.body, 'properties', 'enableSoftDelete'))).toBe('true');
  });

  test('the identity may use the tables and read the secrets, and nothing more', () => {
    const roleIds = bicep.vars.get('roleIds');
    const grants = resourcesOf(bicep, 'Microsoft.Authorization/roleAssignments').map((r) => {
      const roleRef = /roleIds\.(\w+)\)$/.exec(show(at(r.body, 'properties', 'roleDefinitionId')) ?? '')?.[1] ?? '';
      return {
        scope: show(at(r.body, 'scope')),
        role: show(at(roleIds, roleRef)),
        principal: show(at(r.body, 'properties', 'principalId')),
        principalType: show(at(r.body, 'properties', 'principalType')),
      };
    });
    const principal = `${identity.symbol}.properties.principalId`;
    expect(grants).toEqual([
      { scope: storage.symbol, role: ROLE_STORAGE_TABLE_DATA_CONTRIBUTOR, principal, principalType: 'ServicePrincipal' },
      { scope: keyVault.symbol, role: ROLE_KEY_VAULT_SECRETS_USER, principal, principalType: 'ServicePrincipal' },
    ]);
  });

  test('Application Insights gets the connection string, which turns the service\'s OpenTelemetry on', () => {
    const insights = onlyResource(bicep, 'Microsoft.Insights/components');
    expect(show(settings.get('APPLICATIONINSIGHTS_CONNECTION_STRING'))).toBe(`${insights.symbol}.properties.ConnectionString`);
    // The service's own OpenTelemetry reports; App Service's codeless agent would report every request twice.
    expect(settings.has('ApplicationInsightsAgent_EXTENSION_VERSION')).toBe(false);
  });

  test('the outputs the Agents Toolkit writes to env/.env.<env>', () => {
    // m365agents.yml and appPackage/ rely on these.
    expect(bicep.outputs).toEqual(expect.arrayContaining(['BOT_ID', 'BOT_TENANT_ID', 'BOT_DOMAIN', 'BOT_ENDPOINT', 'BOT_AZURE_APP_SERVICE_RESOURCE_ID']));
  });

  test('every param is used, and main.parameters.json gives exactly declared params and every required one', () => {
    expect(unusedParams(bicep)).toEqual([]);
    expect(parameterFileProblems(bicep, PARAMETERS_JSON)).toEqual([]);
  });
});

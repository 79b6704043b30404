/**
 * Builds the Teams app package for one environment, offline:
 *
 *   npm run package -- --env dev      →  appPackage/build/appPackage.dev.zip
 *
 * Reads env/.env.<env>, replaces every ${{VAR}} in appPackage/manifest.json and in its
 * localization files (refusing any variable that is missing or empty), validates the result
 * against the Teams JSON schemas bundled with @microsoft/app-manifest plus the checks the
 * schema does not make (https only, valid domains, icon sizes and colours, localization keys
 * that point at real strings), and zips manifest.json, the localization files and the two
 * icons at the root of the archive. The same conventions as the Microsoft 365 Agents
 * Toolkit's teamsApp/zipAppPackage, so the toolkit and this script build the same package.
 *
 * Exported as functions so the tests package every environment in a temporary folder.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import AdmZip from 'adm-zip';
import { PNG } from 'pngjs';
import { AppManifestUtils, type TeamsManifestLatest } from '@microsoft/app-manifest';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

type SchemaArgument = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;
type ManifestArgument = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];

/** Where the manifest and its files live, relative to the repository root. */
export const APP_PACKAGE_DIR = 'appPackage';
export const ENV_DIR = 'env';
const MANIFEST_FILE = 'manifest.json';
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const SCHEMA_URL_PREFIX = 'https://developer.microsoft.com/json-schemas/teams/';
/** Schemes allowed in the manifest besides https: the SSO resource is an api:// identifier. */
const NON_WEB_SCHEMES: ReadonlySet<string> = new Set(['api']);

export const ICON_SIZES = { color: 192, outline: 32 } as const;

/** Packaging failed; `problems` lists every reason, `message` sums them up. */
export class PackagingError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[] = [message],
  ) {
    super(problems.length === 1 && problems[0] === message ? message : `${message}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'PackagingError';
  }
}

/** A ${{VAR}} used in a package file is not set (or set empty) in the env file. */
export class MissingVariablesError extends PackagingError {
  constructor(
    readonly envFile: string,
    readonly variables: readonly string[],
    usedIn: readonly string[],
  ) {
    super(
      `${envFile}: missing or empty variable${variables.length > 1 ? 's' : ''} ${variables.join(', ')} ` +
        `(used in ${usedIn.join(', ')})`,
    );
    this.name = 'MissingVariablesError';
  }
}

export interface PackageOptions {
  /** Environment name: reads env/.env.<env> and writes appPackage.<env>.zip. */
  env: string;
  /** Repository root (default: the folder above this script that holds package.json). */
  root?: string;
  /** Where the zip goes (default: <root>/appPackage/build). */
  outDir?: string;
}

export interface ResolvedAppPackage {
  env: string;
  envFile: string;
  variables: Readonly<Record<string, string>>;
  manifest: TeamsManifestLatest;
  /** Localization files by their path in the package, with placeholders replaced. */
  localizations: ReadonlyMap<string, JsonObject>;
  /** Every file of the package by its path in the zip. */
  files: ReadonlyMap<string, Buffer>;
}

export interface BuiltAppPackage extends ResolvedAppPackage {
  zipPath: string;
}

// ---------------------------------------------------------------------------- env files

// Kept in its own module so tests can read env files without loading the manifest library.
import { parseEnvFile } from './env-file';
export { parseEnvFile };

export function envFilePath(root: string, env: string): string {
  return join(root, ENV_DIR, `.env.${env}`);
}

function readEnv(root: string, env: string): { file: string; variables: Record<string, string> } {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(env)) {
    throw new PackagingError(`"${env}" is not an environment name (letters, digits, - and _)`);
  }
  const file = envFilePath(root, env);
  if (!existsSync(file)) {
    throw new PackagingError(`${rel(root, file)} does not exist: no environment "${env}"`);
  }
  return { file, variables: parseEnvFile(readFileSync(file, 'utf8')) };
}

// ---------------------------------------------------------------------------- placeholders

/** The names of every ${{VAR}} in a text, each once, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

/** The variables a text uses that are missing or empty. */
export function missingVariables(text: string, variables: Readonly<Record<string, string>>): string[] {
  return placeholdersIn(text).filter((name) => !variables[name]);
}

/**
 * Replaces every ${{VAR}} in a JSON text. Values are inserted JSON-escaped, so a value can
 * never break the document's structure. Callers check missingVariables first.
 */
export function substitute(jsonText: string, variables: Readonly<Record<string, string>>): string {
  return jsonText.replace(PLACEHOLDER, (_whole, name: string) => JSON.stringify(variables[name] ?? '').slice(1, -1));
}

// ---------------------------------------------------------------------------- schemas

/** The folder of the Teams JSON schemas bundled with @microsoft/app-manifest. */
export function bundledTeamsSchemaDir(): string {
  return join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
}

/**
 * Loads the schema a $schema URL names from the copy bundled with @microsoft/app-manifest.
 * Never goes to the network: a URL that is not bundled is an error.
 */
export function bundledSchema(schemaUrl: string): SchemaArgument {
  const url = schemaUrl.replace(/^https:\/\/developer\.microsoft\.com\/[a-z]{2}(?:-[a-z]{2})?\/json-schemas\//i, 'https://developer.microsoft.com/json-schemas/');
  if (!url.startsWith(SCHEMA_URL_PREFIX)) {
    throw new PackagingError(`$schema ${schemaUrl} is not a Teams schema (${SCHEMA_URL_PREFIX}…)`);
  }
  const file = join(bundledTeamsSchemaDir(), ...url.slice(SCHEMA_URL_PREFIX.length).split('/'));
  if (!existsSync(file)) {
    throw new PackagingError(`$schema ${schemaUrl} is not bundled with @microsoft/app-manifest (looked for ${file})`);
  }
  // The upstream loader does the same clean-up: some schemas contain \a and \v escapes.
  const text = readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return unicodeSafePatterns(JSON.parse(text) as JsonValue) as unknown as SchemaArgument;
}

/**
 * Escapes a `]` that closes no character class. Without the u flag such a bracket is a
 * literal; with it (ajv compiles patterns with u) it is a syntax error. The bundled
 * localization schemas have one (`activities.activityTypes[…\b]\.description`), which
 * would otherwise make them impossible to compile.
 */
export function escapeLoneBrackets(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
    } else if (c === '[' && !inClass) {
      inClass = true;
      out += c;
    } else if (c === ']') {
      out += inClass ? c : '\\]';
      inClass = false;
    } else {
      out += c;
    }
  }
  return out;
}

function unicodeSafePatterns(schema: JsonValue): JsonValue {
  if (Array.isArray(schema)) return schema.map(unicodeSafePatterns);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'pattern' && typeof value === 'string') {
      out[key] = escapeLoneBrackets(value);
    } else if (key === 'patternProperties' && isJsonObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([p, v]) => [escapeLoneBrackets(p), unicodeSafePatterns(v)]));
    } else {
      out[key] = unicodeSafePatterns(value);
    }
  }
  return out;
}

/** Schema errors of a JSON document against the bundled schema its $schema names. */
export async function schemaErrors(document: JsonObject, label: string): Promise<string[]> {
  const url = document['$schema'];
  if (typeof url !== 'string') return [`${label}: no $schema`];
  const errors = await AppManifestUtils.validateAgainstSchema(
    document as unknown as ManifestArgument,
    bundledSchema(url),
  );
  return errors.map((e) => `${label}: schema: ${e.trim()}`);
}

// ---------------------------------------------------------------------------- checks

/** Calls visit for every string in a JSON value, with its JSON pointer. */
export function walkStrings(value: JsonValue, visit: (pointer: string, text: string) => void, pointer = ''): void {
  if (typeof value === 'string') {
    visit(pointer, value);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => walkStrings(item, visit, `${pointer}/${i}`));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) walkStrings(item, visit, `${pointer}/${key}`);
  }
}

/** Every string in the document that is a URL but not an https one (api:// identifiers aside). */
export function urlProblems(document: JsonValue, label: string): string[] {
  const problems: string[] = [];
  walkStrings(document, (pointer, text) => {
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text)?.[1]?.toLowerCase();
    if (scheme && scheme !== 'https' && !NON_WEB_SCHEMES.has(scheme)) {
      problems.push(`${label}: ${pointer} is not an https URL: ${text}`);
    } else if (/http:\/\//i.test(text)) {
      problems.push(`${label}: ${pointer} contains an http URL: ${text}`);
    }
  });
  return problems;
}

/** Every string that still holds a ${{ placeholder. */
export function leftoverPlaceholders(document: JsonValue, label: string): string[] {
  const problems: string[] = [];
  walkStrings(document, (pointer, text) => {
    if (text.includes('${{')) problems.push(`${label}: ${pointer} still holds a placeholder: ${text}`);
  });
  return problems;
}

function domainMatches(host: string, domain: string): boolean {
  const h = host.toLowerCase();
  const d = domain.toLowerCase();
  return d.startsWith('*.') ? h.endsWith(d.slice(1)) && h.length > d.length - 1 : h === d;
}

/** Tab pages must load from a domain in validDomains, and BOT_DOMAIN must be one of them. */
export function domainProblems(manifest: TeamsManifestLatest, botDomain: string | undefined): string[] {
  const problems: string[] = [];
  const domains = manifest.validDomains ?? [];
  if (botDomain && !domains.some((d) => d.toLowerCase() === botDomain.toLowerCase())) {
    problems.push(`manifest.json: validDomains does not contain BOT_DOMAIN ${botDomain}`);
  }
  const tabUrls: [string, string | undefined][] = [
    ...(manifest.configurableTabs ?? []).map((t, i): [string, string | undefined] => [`/configurableTabs/${i}/configurationUrl`, t.configurationUrl]),
    ...(manifest.staticTabs ?? []).flatMap((t, i): [string, string | undefined][] => [
      [`/staticTabs/${i}/contentUrl`, t.contentUrl],
      [`/staticTabs/${i}/websiteUrl`, t.websiteUrl],
    ]),
  ];
  for (const [pointer, url] of tabUrls) {
    if (!url) continue;
    let host: string;
    try {
      host = new URL(url).hostname;
    } catch {
      problems.push(`manifest.json: ${pointer} is not a URL: ${url}`);
      continue;
    }
    if (!domains.some((d) => domainMatches(host, d))) {
      problems.push(`manifest.json: ${pointer} loads from ${host}, which is not in validDomains`);
    }
  }
  return problems;
}

/** Size and colour rules for the two icons (decoded, not trusted by file name). */
export function iconProblems(kind: keyof typeof ICON_SIZES, file: string, bytes: Buffer): string[] {
  let png: PNG;
  try {
    png = PNG.sync.read(bytes);
  } catch (err) {
    return [`${file}: not a PNG (${err instanceof Error ? err.message : String(err)})`];
  }
  const size = ICON_SIZES[kind];
  if (png.width !== size || png.height !== size) {
    return [`${file}: the ${kind} icon must be ${size}×${size}, is ${png.width}×${png.height}`];
  }
  if (kind === 'color') return [];
  const problems: string[] = [];
  let coloured = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const transparent = png.data[i + 3] === 0;
    const white = png.data[i] === 255 && png.data[i + 1] === 255 && png.data[i + 2] === 255;
    if (!transparent && !white) coloured++;
  }
  if (coloured) problems.push(`${file}: the outline icon may only hold white or transparent pixels; ${coloured} are neither`);
  const corners = [0, size - 1, size * (size - 1), size * size - 1];
  if (corners.some((p) => png.data[p * 4 + 3] !== 0)) {
    problems.push(`${file}: the outline icon needs a transparent background (a corner pixel is not transparent)`);
  }
  return problems;
}

/** Reads a localization key such as `bots[0].commandLists[1].commands[0].title` in the manifest. */
export function valueAtLocalizationKey(manifest: unknown, key: string): unknown {
  let current: unknown = manifest;
  for (const part of key.split('.')) {
    const m = /^([A-Za-z_$][A-Za-z0-9_$]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[m[1] as string] : undefined;
    for (const index of (m[2] as string).match(/\d+/g) ?? []) {
      current = Array.isArray(current) ? (current as unknown[])[Number(index)] : undefined;
    }
  }
  return current;
}

/** Every key of a localization file must translate a string that exists in the manifest. */
export function localizationKeyProblems(manifest: TeamsManifestLatest, localization: JsonObject, label: string): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(localization)) {
    if (key === '$schema' || key === 'localizationKeys') continue;
    if (typeof valueAtLocalizationKey(manifest, key) !== 'string') {
      problems.push(`${label}: "${key}" translates nothing: the manifest has no string there`);
    }
  }
  const version = /\/v(\d+\.\d+)\//.exec(String(localization['$schema'] ?? ''))?.[1];
  if (version !== manifest.manifestVersion) {
    problems.push(`${label}: $schema is for v${version ?? '?'}, the manifest is v${manifest.manifestVersion}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------- packaging

function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parseJson(text: string, label: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new PackagingError(`${label}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!isJsonObject(value)) throw new PackagingError(`${label}: not a JSON object`);
  return value;
}

function rel(root: string, file: string): string {
  const r = relative(root, file);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r.split('\\').join('/') : file;
}

/** The repository root: the nearest folder above `from` that holds package.json. */
export function repoRoot(from: string = __dirname): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new PackagingError(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

/** Package-relative file names the manifest refers to that must be in the zip. */
function localizationFiles(manifest: JsonObject): string[] {
  const info = manifest['localizationInfo'];
  if (!isJsonObject(info)) return [];
  const files: string[] = [];
  if (typeof info['defaultLanguageFile'] === 'string') files.push(info['defaultLanguageFile']);
  const extra = info['additionalLanguages'];
  if (Array.isArray(extra)) {
    for (const lang of extra) if (isJsonObject(lang) && typeof lang['file'] === 'string') files.push(lang['file']);
  }
  return files;
}

function packageFile(root: string, name: string): string {
  if (isAbsolute(name) || name.split(/[\\/]/).includes('..')) {
    throw new PackagingError(`${APP_PACKAGE_DIR}/${MANIFEST_FILE}: ${name} must be a file inside ${APP_PACKAGE_DIR}/`);
  }
  const file = join(root, APP_PACKAGE_DIR, name);
  if (!existsSync(file)) throw new PackagingError(`${APP_PACKAGE_DIR}/${MANIFEST_FILE} refers to ${name}, which does not exist`);
  return file;
}

/**
 * Reads the env file and the package sources, substitutes the placeholders and validates
 * everything. Throws PackagingError (MissingVariablesError for unset variables) listing
 * every problem found.
 */
export async function resolveAppPackage(options: PackageOptions): Promise<ResolvedAppPackage> {
  const root = options.root ?? repoRoot();
  const { file: envFile, variables } = readEnv(root, options.env);
  const envLabel = rel(root, envFile);

  const manifestFile = join(root, APP_PACKAGE_DIR, MANIFEST_FILE);
  if (!existsSync(manifestFile)) throw new PackagingError(`${rel(root, manifestFile)} does not exist`);
  const manifestSource = readFileSync(manifestFile, 'utf8');
  const manifestTemplate = parseJson(manifestSource, rel(root, manifestFile));

  const sources = new Map<string, string>([[MANIFEST_FILE, manifestSource]]);
  for (const name of localizationFiles(manifestTemplate)) sources.set(name, readFileSync(packageFile(root, name), 'utf8'));

  const missing = new Set<string>();
  const usedIn: string[] = [];
  for (const [name, text] of sources) {
    const unset = missingVariables(text, variables);
    unset.forEach((v) => missing.add(v));
    if (unset.length) usedIn.push(`${APP_PACKAGE_DIR}/${name}`);
  }
  if (missing.size) throw new MissingVariablesError(envLabel, [...missing].sort(), usedIn);

  const problems: string[] = [];
  if (variables['TEAMSFX_ENV'] && variables['TEAMSFX_ENV'] !== options.env) {
    problems.push(`${envLabel}: TEAMSFX_ENV is "${variables['TEAMSFX_ENV']}", expected "${options.env}"`);
  }

  const files = new Map<string, Buffer>();
  const documents = new Map<string, JsonObject>();
  for (const [name, text] of sources) {
    const resolved = substitute(text, variables);
    const document = parseJson(resolved, `${APP_PACKAGE_DIR}/${name} after substitution`);
    documents.set(name, document);
    files.set(name, Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8'));
  }
  const manifestJson = documents.get(MANIFEST_FILE) as JsonObject;

  const manifestErrors = await schemaErrors(manifestJson, MANIFEST_FILE);
  problems.push(...manifestErrors);
  // Later checks read typed fields; they are only meaningful on a schema-valid manifest.
  const manifest = manifestJson as unknown as TeamsManifestLatest;
  const localizations = new Map<string, JsonObject>();
  for (const [name, document] of documents) {
    problems.push(...leftoverPlaceholders(document, name), ...urlProblems(document, name));
    if (name === MANIFEST_FILE) continue;
    localizations.set(name, document);
    problems.push(...(await schemaErrors(document, name)));
    if (!manifestErrors.length) problems.push(...localizationKeyProblems(manifest, document, name));
  }
  if (!manifestErrors.length) {
    problems.push(...domainProblems(manifest, variables['BOT_DOMAIN']));
    for (const kind of ['color', 'outline'] as const) {
      const name = manifest.icons[kind];
      const bytes = readFileSync(packageFile(root, name));
      problems.push(...iconProblems(kind, name, bytes));
      files.set(name, bytes);
    }
  }
  if (problems.length) {
    throw new PackagingError(`the app package for "${options.env}" is not valid`, problems);
  }
  return { env: options.env, envFile, variables, manifest, localizations, files };
}

/** Resolves, validates and writes <outDir>/appPackage.<env>.zip. */
export async function packageApp(options: PackageOptions): Promise<BuiltAppPackage> {
  const root = options.root ?? repoRoot();
  const resolved = await resolveAppPackage({ ...options, root });
  const outDir = options.outDir ?? join(root, APP_PACKAGE_DIR, 'build');
  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${options.env}.zip`);
  const zip = new AdmZip();
  for (const [name, bytes] of resolved.files) zip.addFile(name, bytes);
  zip.writeZip(zipPath);
  return { ...resolved, zipPath };
}

// ---------------------------------------------------------------------------- command line

function envArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--env') return argv[i + 1];
    if (arg.startsWith('--env=')) return arg.slice('--env='.length);
  }
  return undefined;
}

async function main(argv: readonly string[]): Promise<number> {
  const env = envArgument(argv);
  if (!env) {
    console.error('usage: npm run package -- --env <name>   (reads env/.env.<name>, e.g. --env dev)');
    return 2;
  }
  try {
    const built = await packageApp({ env });
    console.log(rel(process.cwd(), built.zipPath));
    return 0;
  } catch (err) {
    if (err instanceof PackagingError) {
      console.error(`package: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}

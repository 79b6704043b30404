/**
 * The Agents Toolkit environments, read as the toolkit reads them: the committed env files
 * leave every id provision writes empty (else the toolkit reuses a placeholder and skips
 * creating the app), and each environment hands the service every setting it requires
 * (src/config.ts: REQUIRED_OUTSIDE_LOCAL_MODE, and loadConfig's own checks), with values
 * that agree with the SSO app registration and the VS Code tasks.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, REQUIRED_OUTSIDE_LOCAL_MODE, SETTING_NAMES } from '../../src/config';
import { parseEnvFile } from '../../scripts/env-file';
import {
  bicepOutputs,
  parseProject,
  projectFileOf,
  resolve,
  ROOT,
  standIn,
  tunnelOutputs,
  writtenByProvision,
  type ToolkitProject,
} from '../harness/agents-toolkit';

/** What one environment consists of, as texts (so the checks can be run on altered copies). */
interface EnvironmentFiles {
  name: string;
  project: string;
  env: string;
  tasks: string;
  bicep: string;
  aadManifest: string;
}

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

function filesOf(name: string): EnvironmentFiles {
  return {
    name,
    project: read(projectFileOf(name)),
    env: read(join('env', `.env.${name}`)),
    tasks: read(join('.vscode', 'tasks.json')),
    bicep: read(join('infra', 'main.bicep')),
    aadManifest: read(join('appPackage', 'aad.manifest.json')),
  };
}

const ENV_NAMES = readdirSync(join(ROOT, 'env')).flatMap((f) => /^\.env\.([A-Za-z0-9_-]+)$/.exec(f)?.[1] ?? []);

function written(f: EnvironmentFiles, project: ToolkitProject): string[] {
  return writtenByProvision(project, { tunnel: tunnelOutputs(f.tasks, f.name), bicep: f.name === 'dev' ? bicepOutputs(f.bicep) : [] });
}

/** Ids the toolkit writes that the committed env file already holds: the toolkit would reuse them and skip creating the app. */
function placeholderProblems(f: EnvironmentFiles): string[] {
  const env = parseEnvFile(f.env);
  return written(f, parseProject(f.project))
    .filter((name) => env[name])
    .map((name) => `env/.env.${f.name}: ${name} is written by provision and must be empty in git (it holds "${env[name]}")`);
}

/** The service's settings file the deploy stage writes (file/createOrUpdateEnvironmentFile), resolved after provision. */
function serviceSettings(f: EnvironmentFiles): { target: string; settings: Record<string, string>; problems: string[] } {
  const project = parseProject(f.project);
  const problems: string[] = [];
  const writers = project.deploy.filter((a) => a.uses === 'file/createOrUpdateEnvironmentFile');
  if (writers.length !== 1) return { target: '', settings: {}, problems: [`${projectFileOf(f.name)}: ${writers.length} file/createOrUpdateEnvironmentFile actions in deploy, expected 1`] };
  const target = String(writers[0]?.with?.['target'] ?? '');
  const envs = (writers[0]?.with?.['envs'] ?? {}) as Record<string, unknown>;
  // env/.env.<env> after provision: the committed values and what the toolkit wrote.
  const env = parseEnvFile(f.env);
  for (const name of written(f, project)) if (!env[name]) env[name] = standIn(f.name, name);
  const settings: Record<string, string> = {};
  for (const [key, raw] of Object.entries(envs)) {
    const { value, unresolved } = resolve(String(raw ?? ''), env);
    for (const name of unresolved) problems.push(`${target}: ${key} uses \${{${name}}}, which neither env/.env.${f.name} nor provision gives`);
    if (!SETTING_NAMES.includes(key)) problems.push(`${target}: ${key} is not a setting the service reads`);
    settings[key] = value;
  }
  return { target, settings, problems };
}

/** Problems of an environment whose service runs as a deployment (BOT_ID set). */
function deployedProblems(f: EnvironmentFiles): string[] {
  const { target, settings, problems } = serviceSettings(f);
  for (const name of REQUIRED_OUTSIDE_LOCAL_MODE) {
    if (!settings[name]) problems.push(`${target}: ${name} is required by the service outside local mode but not written`);
  }
  if (problems.length > 0) return problems;
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(settings);
  } catch (e) {
    return [`${target}: the service refuses it: ${(e as Error).message}`];
  }
  const env = parseEnvFile(f.env);
  for (const name of written(f, parseProject(f.project))) if (!env[name]) env[name] = standIn(f.name, name);
  const manifest = JSON.parse(resolve(f.aadManifest, env).value) as { identifierUris: string[] };
  if (config.localMode) problems.push(`${target}: BOT_ID resolves empty, the service would run in local mode`);
  if (config.publicUrl !== env['BOT_ENDPOINT']) problems.push(`${target}: PUBLIC_URL is ${config.publicUrl}, not the tunnel's address ${env['BOT_ENDPOINT']}`);
  if (!manifest.identifierUris.includes(config.sso.appIdUri)) problems.push(`${target}: the SSO audience ${config.sso.appIdUri} is not the app registration's identifier URI (${manifest.identifierUris.join(', ')})`);
  if (!config.sso.allowedTenants.includes(String(env['TEAMS_APP_TENANT_ID']).toLowerCase())) problems.push(`${target}: the developer tenant is not among ALLOWED_TENANTS`);
  return problems;
}

describe('committed env files leave what provision writes empty', () => {
  test.each(ENV_NAMES)('env/.env.%s', (name) => {
    expect(placeholderProblems(filesOf(name))).toEqual([]);
  });

  test('the written variables are read from the project files: the ids, the tunnel address and the Bicep outputs', () => {
    const local = written(filesOf('local'), parseProject(read('m365agents.local.yml')));
    expect(local).toEqual(expect.arrayContaining(['TEAMS_APP_ID', 'BOT_ID', 'SECRET_BOT_PASSWORD', 'AAD_APP_CLIENT_ID', 'AAD_APP_ACCESS_AS_USER_PERMISSION_ID', 'BOT_ENDPOINT', 'BOT_DOMAIN']));
    const dev = written(filesOf('dev'), parseProject(read('m365agents.yml')));
    expect(dev).toEqual(expect.arrayContaining(['TEAMS_APP_ID', 'AAD_APP_CLIENT_ID', 'BOT_ID', 'BOT_DOMAIN', 'BOT_ENDPOINT']));
  });
});

describe('every environment gives the service what it requires', () => {
  test('local (Teams through a dev tunnel): .localConfigs holds every setting a deployment needs, and they agree with the SSO app', () => {
    const f = filesOf('local');
    expect(deployedProblems(f)).toEqual([]);
    const { target, settings } = serviceSettings(f);
    expect(target).toBe('./.localConfigs');
    expect(settings).toMatchObject({ HOST: '127.0.0.1', PORT: '3978', BOT_TYPE: 'SingleTenant' });
  });

  test('playground: local mode with the Playground, no tenant', () => {
    const { target, settings, problems } = serviceSettings(filesOf('playground'));
    expect(problems).toEqual([]);
    expect(target).toBe('./.localConfigs.playground');
    const config = loadConfig(settings);
    expect(config.localMode).toBe(true);
    expect(config.playground.enabled).toBe(true);
    expect(parseProject(read('m365agents.playground.yml')).provision).toEqual([]);
  });

  test('dev (Azure): the web app settings in infra/main.bicep give every required setting (infra-settings.test.ts loads them as a configuration)', () => {
    const f = filesOf('dev');
    for (const name of REQUIRED_OUTSIDE_LOCAL_MODE) expect(f.bicep).toMatch(new RegExp(`name: '${name}'`));
    // The Bicep's AAD_APP_CLIENT_ID and allowed tenants come from the env file through the parameters.
    const params = read(join('infra', 'main.parameters.json'));
    expect(params).toContain('${{AAD_APP_CLIENT_ID}}');
    expect(params).toContain('${{ALLOWED_TENANTS}}');
    expect(parseEnvFile(f.env)).toHaveProperty('ALLOWED_TENANTS');
  });
});

test("the files holding an environment's secrets stay out of git: the service's settings and env/.env.<env>.user", () => {
  const ignored = (file: string): boolean => {
    try {
      execFileSync('git', ['check-ignore', '-q', file], { cwd: ROOT });
      return true;
    } catch {
      return false;
    }
  };
  const files = ENV_NAMES.flatMap((name) => [serviceSettings(filesOf(name)).target, `env/.env.${name}.user`]).filter(Boolean);
  expect(files).toEqual(expect.arrayContaining(['./.localConfigs', './.localConfigs.playground', 'env/.env.local.user']));
  expect(files.filter((f) => !ignored(f))).toEqual([]);
  expect(ignored('env/.env.local')).toBe(false);
});

describe('VS Code runs the same files', () => {
  const tasks = (JSON.parse(read(join('.vscode', 'tasks.json'))) as { tasks: { label: string; type?: string; command?: string; args?: { env?: string }; dependsOn?: string[] }[] }).tasks;
  const launch = JSON.parse(read(join('.vscode', 'launch.json'))) as { configurations: { name: string }[]; compounds: { name: string; configurations: string[]; preLaunchTask: string }[] };
  const byLabel = new Map(tasks.map((t) => [t.label, t]));

  test('every launch compound starts a task that exists, and attaches to configurations that exist', () => {
    const names = new Set(launch.configurations.map((c) => c.name));
    expect(launch.compounds.map((c) => c.name)).toEqual(expect.arrayContaining(['Debug in Microsoft 365 Agents Playground', 'Debug in Teams (Edge)']));
    for (const c of launch.compounds) {
      expect(byLabel.has(c.preLaunchTask)).toBe(true);
      for (const n of c.configurations) expect(names.has(n)).toBe(true);
    }
    for (const t of tasks) for (const d of t.dependsOn ?? []) expect(byLabel.has(d)).toBe(true);
  });

  test('Teams: tunnel, provision and deploy of "local", then the service with the .localConfigs that deploy writes', () => {
    const steps = (byLabel.get('Start Justera in Teams')?.dependsOn ?? []).map((l) => byLabel.get(l));
    expect(steps.slice(0, 4).map((t) => t?.command)).toEqual(['debug-check-prerequisites', 'debug-start-local-tunnel', 'provision', 'deploy']);
    for (const t of steps.slice(1, 4)) expect(t?.args?.env).toBe('local');
    expect(steps[4]?.type).toBe('shell');
    expect(JSON.stringify(steps[4])).toContain(`--env-file=${serviceSettings(filesOf('local')).target.replace(/^\.\//, '')} `);
  });

  test('Playground: deploy of "playground", then the service with .localConfigs.playground', () => {
    const steps = (byLabel.get('Start Justera in the Agents Playground')?.dependsOn ?? []).map((l) => byLabel.get(l));
    expect(steps.find((t) => t?.command === 'deploy')?.args?.env).toBe('playground');
    expect(JSON.stringify(steps.at(-1))).toContain(`--env-file=${serviceSettings(filesOf('playground')).target.replace(/^\.\//, '')} `);
  });
});

describe('the checks above can fail', () => {
  test('a placeholder id committed in an env file', () => {
    const f = filesOf('local');
    expect(placeholderProblems({ ...f, env: f.env.replace(/^AAD_APP_CLIENT_ID=.*$/m, 'AAD_APP_CLIENT_ID=10ca1000-0000-4000-8000-00000000b003') })).toEqual([
      'env/.env.local: AAD_APP_CLIENT_ID is written by provision and must be empty in git (it holds "10ca1000-0000-4000-8000-00000000b003")',
    ]);
  });

  test('a required setting missing from .localConfigs', () => {
    const f = filesOf('local');
    for (const name of REQUIRED_OUTSIDE_LOCAL_MODE) {
      const project = f.project.replace(new RegExp(`^\\s+${name}: .*\\n`, 'm'), '');
      expect(project).not.toBe(f.project);
      expect(deployedProblems({ ...f, project })).toEqual([`./.localConfigs: ${name} is required by the service outside local mode but not written`]);
    }
  });

  test('a setting from a variable nobody writes, a misspelt setting, and an audience that is not the registration', () => {
    const f = filesOf('local');
    expect(deployedProblems({ ...f, project: f.project.replace('PUBLIC_URL: ${{BOT_ENDPOINT}}', 'PUBLIC_URL: ${{TUNNEL_URL}}') })).toEqual([
      './.localConfigs: PUBLIC_URL uses ${{TUNNEL_URL}}, which neither env/.env.local nor provision gives',
      './.localConfigs: PUBLIC_URL is required by the service outside local mode but not written',
    ]);
    expect(deployedProblems({ ...f, project: f.project.replace('ALLOWED_TENANTS:', 'ALLOWED_TENANT:') })).toEqual(['./.localConfigs: ALLOWED_TENANT is not a setting the service reads']);
    expect(deployedProblems({ ...f, aadManifest: f.aadManifest.replace('api://${{BOT_DOMAIN}}/', 'api://justera.example.org/') })[0]).toMatch(/the SSO audience api:\/\/justera-local\.example\.net\/.* is not the app registration's identifier URI/);
  });
});

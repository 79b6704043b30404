import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseEnvFile } from '../../scripts/env-file';

/**
 * The Microsoft 365 Agents Toolkit project as the toolkit reads it, offline: the project
 * files (m365agents[.<env>].yml), the env files (env/.env.<env>), the VS Code tasks that feed
 * them (the dev tunnel) and the Bicep outputs arm/deploy writes back. It answers which
 * variables the toolkit writes during provision, and what an environment looks like once it
 * has (stand-ins for the ids only Microsoft's cloud hands out).
 */

export const ROOT = join(__dirname, '..', '..');

/** One action of a stage, as the yml declares it. */
export interface ToolkitAction {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}

export interface ToolkitProject {
  provision: ToolkitAction[];
  deploy: ToolkitAction[];
}

/** The project file of an environment: m365agents.<env>.yml when it exists, else m365agents.yml. */
export function projectFileOf(envName: string): string {
  return envName === 'dev' ? 'm365agents.yml' : `m365agents.${envName}.yml`;
}

export function parseProject(text: string): ToolkitProject {
  const doc = parse(text) as { provision?: unknown; deploy?: unknown } | null;
  const stage = (v: unknown): ToolkitAction[] => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) throw new Error('a stage is a list of actions');
    return v.map((a: unknown) => {
      const action = a as ToolkitAction;
      if (typeof action?.uses !== 'string') throw new Error('an action without "uses"');
      return action;
    });
  };
  return { provision: stage(doc?.provision), deploy: stage(doc?.deploy) };
}

export function readText(root: string, file: string): string {
  return readFileSync(join(root, file), 'utf8');
}

export function readEnv(root: string, envName: string): Record<string, string> {
  return parseEnvFile(readText(root, join('env', `.env.${envName}`)));
}

/** Variables the tunnel task in .vscode/tasks.json writes to env/.env.<env>. */
export function tunnelOutputs(tasksJson: string, envName: string): string[] {
  const tasks = (JSON.parse(tasksJson) as { tasks: { command?: string; args?: { env?: string; ports?: { writeToEnvironmentFile?: Record<string, string> }[] } }[] }).tasks;
  return tasks
    .filter((t) => t.command === 'debug-start-local-tunnel' && t.args?.env === envName)
    .flatMap((t) => (t.args?.ports ?? []).flatMap((p) => Object.values(p.writeToEnvironmentFile ?? {})));
}

/** Outputs of infra/main.bicep: arm/deploy writes each to env/.env.<env> under its own name. */
export function bicepOutputs(bicep: string): string[] {
  return [...bicep.matchAll(/^output\s+([A-Za-z_]\w*)\s/gm)].map((m) => m[1] as string);
}

/** Every variable the toolkit writes to env/.env.<env> (or .env.<env>.user) during provision, in order. */
export function writtenByProvision(project: ToolkitProject, extra: { tunnel: string[]; bicep: string[] }): string[] {
  const names: string[] = [...extra.tunnel];
  for (const action of project.provision) {
    names.push(...Object.values(action.writeToEnvironmentFile ?? {}));
    if (action.uses === 'arm/deploy') names.push(...extra.bicep);
    // aadApp/update generates the scope id when its variable is empty.
    if (action.uses === 'aadApp/update') names.push('AAD_APP_ACCESS_AS_USER_PERMISSION_ID');
  }
  return [...new Set(names)];
}

/** The toolkit-written variables of an environment, read from the files in root. */
export function writtenVariables(root: string, envName: string): string[] {
  const project = parseProject(readText(root, projectFileOf(envName)));
  const tasks = readText(root, join('.vscode', 'tasks.json'));
  return writtenByProvision(project, { tunnel: tunnelOutputs(tasks, envName), bicep: envName === 'dev' ? bicepOutputs(readText(root, join('infra', 'main.bicep'))) : [] });
}

function guid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A plausible value for a variable Microsoft's cloud would write: one tenant, distinct ids. */
export function standIn(envName: string, name: string): string {
  const tenant = guid(`${envName}/tenant`);
  if (name.endsWith('_DOMAIN')) return `justera-${envName}.example.net`;
  if (name.endsWith('_ENDPOINT')) return `https://justera-${envName}.example.net`;
  if (name.endsWith('AUTHORITY_HOST')) return 'https://login.microsoftonline.com';
  if (name.endsWith('AUTHORITY')) return `https://login.microsoftonline.com/${tenant}`;
  if (name.endsWith('TENANT_ID')) return tenant;
  if (name.endsWith('RESOURCE_ID')) return `/subscriptions/${guid(`${envName}/sub`)}/resourceGroups/rg-justera-${envName}/providers/Example/${name.toLowerCase()}`;
  if (name === 'BOT_TYPE') return 'UserAssignedMsi';
  if (name === 'TABLES_ACCOUNT_URL') return `https://justera${envName}.table.core.windows.net/`;
  if (name === 'KEY_VAULT_NAME') return `justera-${envName}-kv`;
  if (name.startsWith('SECRET_')) return `stand-in-secret-${envName}`;
  return guid(`${envName}/${name}`);
}

/** env/.env.<env> as it reads after provision: every toolkit-written variable filled with a stand-in. */
export function provisionedEnv(root: string, envName: string): Record<string, string> {
  const env = readEnv(root, envName);
  for (const name of writtenVariables(root, envName)) if (!env[name]) env[name] = standIn(envName, name);
  return env;
}

/** Replaces ${{NAME}} from env; names left unresolved are returned. */
export function resolve(value: string, env: Readonly<Record<string, string>>): { value: string; unresolved: string[] } {
  const unresolved: string[] = [];
  const out = value.replace(/\$\{\{\s*(?:[a-z]+:)?([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_m, name: string) => {
    const v = env[name];
    if (v === undefined || v === '') unresolved.push(name);
    return v ?? '';
  });
  return { value: out, unresolved };
}

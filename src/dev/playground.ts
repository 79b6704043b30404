/**
 * Starts the Microsoft 365 Agents Playground (npm `@microsoft/m365agentsplayground`, a
 * devDependency) as a child process for local mode: a Teams-like web client on loopback that
 * talks to the bot at `botEndpoint` and plays the Bot Connector service under `/_connector`.
 * Its mock tenant (users, team, channels) is written to `.m365agentsplayground.yml` in workDir.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

export interface PlaygroundUser {
  id: string;
  name: string;
  givenName: string;
  surname: string;
  email: string;
  userPrincipalName: string;
  aadObjectId: string;
}

/** The mock tenant. The Playground shows exactly 5 `users` (besides currentUser) and one channel besides General. */
export interface PlaygroundTenant {
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: readonly PlaygroundUser[];
  personalChatId: string;
  groupChat: { id: string; name: string };
  /** General is the channel whose id is the team id; the Playground always adds it itself. */
  team: { id: string; name: string; aadGroupId: string; channels: readonly { id: string; name: string }[] };
}

export interface PlaygroundOptions {
  port: number;
  /** e.g. http://127.0.0.1:3978/api/messages */
  botEndpoint: string;
  /** Gets the config file and the Playground's log file. */
  workDir: string;
  config: PlaygroundTenant;
  /** IANA zone for the Playground process; it stamps activities' localTimezone/localTimestamp. */
  timeZone?: string;
}

export interface RunningPlayground {
  /** The web client, e.g. http://127.0.0.1:56150/ */
  url: string;
  stop(): Promise<void>;
}

const USERS = 5; // the Playground's config schema: users minItems 5, maxItems 5
const EXTRA_CHANNELS = 1; // team.channels maxItems 1 (General comes on top)
const READY_TIMEOUT_MS = 20_000;
const KILL_AFTER_MS = 3_000;

type Yaml = string | readonly Yaml[] | { readonly [key: string]: Yaml };

/** Block YAML; every scalar is a JSON string, which is a valid YAML double-quoted scalar (å, ä, ö, quotes). */
function toYaml(value: Yaml, indent = ''): string {
  if (typeof value === 'string') return `${indent}${JSON.stringify(value)}\n`;
  if (isList(value)) {
    return value
      .map((item) => {
        const block = toYaml(item, `${indent}  `);
        return `${indent}- ${block.slice(indent.length + 2)}`;
      })
      .join('');
  }
  return Object.entries(value)
    .map(([key, v]) => {
      if (typeof v === 'string') return `${indent}${key}: ${JSON.stringify(v)}\n`;
      if (isList(v) && v.length === 0) return `${indent}${key}: []\n`; // an empty list has no block form
      return `${indent}${key}:\n${toYaml(v, `${indent}  `)}`;
    })
    .join('');
}

function isList(value: Yaml): value is readonly Yaml[] {
  return Array.isArray(value);
}

const yamlUser = (u: PlaygroundUser): Yaml => ({
  id: u.id,
  name: u.name,
  userPrincipleName: u.userPrincipalName, // sic: the Playground's schema spells it this way
  aadObjectId: u.aadObjectId,
  givenName: u.givenName,
  surname: u.surname,
  email: u.email,
});

/** The config file text, fitted to the Playground's limits; what had to be left out is reported via `note`. */
export function playgroundConfigYaml(t: PlaygroundTenant, note: (msg: string) => void = () => {}): string {
  if (t.users.length < USERS) throw new Error(`The Playground needs exactly ${USERS} users besides currentUser, got ${t.users.length}`);
  if (t.bot.name.length > 42) throw new Error('The Playground allows a bot name of at most 42 characters');
  const users = t.users.slice(0, USERS);
  if (t.users.length > USERS) note(`Playground shows only ${USERS} users; left out: ${t.users.slice(USERS).map((u) => u.name).join(', ')}`);
  const others = t.team.channels.filter((c) => c.id !== t.team.id);
  const channels = others.slice(0, EXTRA_CHANNELS);
  if (others.length > EXTRA_CHANNELS) note(`Playground shows only General and one more channel; left out: ${others.slice(EXTRA_CHANNELS).map((c) => c.name).join(', ')}`);
  const doc: Yaml = {
    version: '0.1.1',
    tenantId: t.tenantId,
    bot: { id: t.bot.id, name: t.bot.name },
    currentUser: yamlUser(t.currentUser),
    users: users.map(yamlUser),
    personalChat: { id: t.personalChatId },
    groupChat: { id: t.groupChat.id, name: t.groupChat.name },
    team: { id: t.team.id, name: t.team.name, aadGroupId: t.team.aadGroupId, channels: channels.map((c) => ({ id: c.id, name: c.name })) },
  };
  return `# Written by Justera (src/dev/playground.ts) at every start; edits are overwritten.\n${toYaml(doc)}`;
}

function resolveCli(): string {
  try {
    return require.resolve('@microsoft/m365agentsplayground/cli.js');
  } catch {
    throw new Error(
      'The Microsoft 365 Agents Playground is not installed (devDependency @microsoft/m365agentsplayground). ' +
        'Run `npm install` (with dev dependencies), or set PLAYGROUND=false to run without it.',
    );
  }
}

/** loopback-preload.cjs sits next to this file in src/; from dist/dev/ it is ../../src/dev/. */
function resolvePreload(): string {
  const candidates = [path.join(__dirname, 'loopback-preload.cjs'), path.resolve(__dirname, '../../src/dev/loopback-preload.cjs')];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`loopback-preload.cjs not found (looked in ${candidates.join(', ')})`);
  return found;
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** 200 once the Playground has read its config and mounted the connector (a bad config makes it exit instead). */
function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 1_000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(false));
  });
}

/** The last lines of the Playground's log file, without its (long) debug lines. */
function logTail(file: string, lines: number): string[] {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('debug ')).slice(-lines);
  } catch {
    return [];
  }
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startPlayground(opts: PlaygroundOptions, log: (msg: string) => void = () => {}): Promise<RunningPlayground> {
  const cli = resolveCli();
  const preload = resolvePreload();
  if (await portInUse(opts.port)) throw new Error(`Playground port ${opts.port} on 127.0.0.1 is already in use`);

  fs.mkdirSync(opts.workDir, { recursive: true });
  const configFile = path.join(opts.workDir, '.m365agentsplayground.yml');
  const logFile = path.join(opts.workDir, 'm365agentsplayground.log');
  fs.writeFileSync(configFile, playgroundConfigYaml(opts.config, log), 'utf8');
  fs.writeFileSync(logFile, ''); // its own log: config errors are written only there

  const base = `http://127.0.0.1:${opts.port}`;
  const args = ['--require', preload, cli, 'start', '-e', opts.botEndpoint, '-c', 'msteams', '--port', String(opts.port)];
  args.push('--service-url', `${base}/_connector`, '--disable-telemetry');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFile,
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
  };
  if (opts.timeZone) env.TZ = opts.timeZone;
  const child = spawn(process.execPath, args, { cwd: opts.workDir, env, stdio: ['ignore', 'pipe', 'pipe'] });

  const output: string[] = [];
  const onData = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split(/\r?\n/)) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 30) output.shift();
      log(line);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);

  let exited = false;
  let spawnError: Error | undefined;
  child.once('exit', () => (exited = true));
  child.once('error', (err) => {
    spawnError = err;
    exited = true;
  });

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null || spawnError) return;
    const exit = waitForExit(child);
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
    await exit;
    clearTimeout(timer);
  };

  const failure = (why: string): Error => {
    const tail = [...output, ...logTail(logFile, 15)].join('\n');
    return new Error(`Playground ${why}${spawnError ? `: ${spawnError.message}` : ''}\n${tail}`);
  };

  const readyUrl = `${base}/_connector/v3/teams/${encodeURIComponent(opts.config.team.id)}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (exited) throw failure(`exited during start (code ${child.exitCode ?? child.signalCode ?? '?'})`);
    if (await answers(readyUrl)) break;
    if (Date.now() > deadline) {
      await stop();
      throw failure(`did not answer on ${base} within ${READY_TIMEOUT_MS / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  log(`Playground ready on ${base}/`);
  return { url: `${base}/`, stop };
}

import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { eventually } from './service';

export const ROOT = path.resolve(__dirname, '..', '..');

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

export interface RunningService {
  url: string;
  proc: ChildProcess;
  output: () => string;
  /** SIGINT, as Ctrl-C would; resolves with the exit code. */
  interrupt(): Promise<number | null>;
  kill9(): Promise<void>;
}

/** Starts the built service (dist/main.js) as its own process, as `npm start` does. */
export async function spawnService(
  env: Record<string, string>,
  opts: { main?: string; readyPath?: string } = {},
): Promise<RunningService> {
  const main = opts.main ?? path.join(ROOT, 'dist', 'main.js');
  // Ready, not only alive: the service answers and reaches its store.
  const readyPath = opts.readyPath ?? '/readyz';
  const port = env.PORT ?? String(await freePort());
  const proc = spawn(process.execPath, [main], {
    cwd: env.CWD ?? ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env, PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await eventually(async () => {
    if (proc.exitCode !== null) throw new Error(`service exited early:\n${out}`);
    try {
      return (await fetch(url + readyPath)).ok || undefined;
    } catch {
      return undefined;
    }
  }, 30000, 'the service to answer');
  return {
    url,
    proc,
    output: () => out,
    interrupt: async () => {
      proc.kill('SIGINT');
      return exited;
    },
    kill9: async () => {
      proc.kill('SIGKILL');
      await exited;
    },
  };
}

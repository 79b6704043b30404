import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freePort } from './process';
import { eventually } from './service';

/** Azurite's well-known development account (public, documented; not a secret). */
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** Beside this file; from a compiled copy (dist-bench/test/harness), in the source tree. */
const UTF8_PRELOAD = [path.join(__dirname, 'azurite-utf8-chunks.js'), path.join(__dirname, '..', '..', '..', 'test', 'harness', 'azurite-utf8-chunks.js')].find((f) => fs.existsSync(f)) ?? 'azurite-utf8-chunks.js';

export interface Azurite {
  port: number;
  connectionString: string;
  stop(): Promise<void>;
}

/**
 * Azurite's Table service on 127.0.0.1 and a free port (or `port`, to bring a stopped one back
 * where its clients look), in memory; stopped by the caller.
 */
export async function startAzurite(opts: { port?: number } = {}): Promise<Azurite> {
  const port = opts.port ?? (await freePort());
  const bin = path.join(path.dirname(require.resolve('azurite/package.json')), 'dist', 'src', 'table', 'main.js');
  const proc: ChildProcess = spawn(
    process.execPath,
    // The preload keeps multi-byte characters whole across request chunks (see the file).
    ['--require', UTF8_PRELOAD, bin, '--tableHost', '127.0.0.1', '--tablePort', String(port), '--inMemoryPersistence', '--disableTelemetry', '--skipApiVersionCheck', '--silent'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  await eventually(
    () =>
      new Promise<true | undefined>((resolve) => {
        if (proc.exitCode !== null) throw new Error(`Azurite exited: ${out}`);
        const s = net.connect(port, '127.0.0.1', () => {
          s.destroy();
          resolve(true);
        });
        s.on('error', () => resolve(undefined));
      }),
    15000,
    'Azurite',
  );
  return {
    port,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};TableEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`,
    stop: async () => {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    },
  };
}

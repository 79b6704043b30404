import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Clock } from '../../src/app/ports';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { startService, type Service, type ServiceOverrides } from '../../src/service';

export function tempDir(prefix = 'justera-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The real service, in this process, on 127.0.0.1 and a free port, with its own data folder. */
export async function startTestService(env: Record<string, string> = {}, clock?: Clock, overrides: ServiceOverrides = {}): Promise<Service & { dataDir: string }> {
  const dataDir = env.DATA_DIR ?? tempDir();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, PLAYGROUND: 'off', ...env });
  const log = createLogger(process.env.TEST_LOG === '1' ? 'debug' : 'silent');
  const service = await startService(config, log, { ...overrides, ...(clock ? { clock } : {}) });
  return { ...service, dataDir };
}

/** Polls until `check` returns a value, or fails after `ms`. */
export async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, ms = 10000, what = 'condition'): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const OUTPUT = path.resolve(__dirname, '..', '..', 'test-output');

/** Debian's Chromium, headless, offline: everything not on this machine is refused. */
export async function launchBrowser(opts: { locale?: string } = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (see .ci/run)`);
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'justera-chromium-'));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    locale: opts.locale ?? 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(userDir, { recursive: true, force: true });
    },
  };
}

export function outputPath(...parts: string[]): string {
  const file = path.join(OUTPUT, ...parts);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

import fs from 'node:fs';
import type { ImpactValue } from 'axe-core';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { buildTab } from '../../../scripts/build-tab';
import { launchBrowser } from '../browser';
import { Journey } from '../journey';
import { spawnService, type RunningService } from '../process';
import { eventually, tempDir } from '../service';
import { CHANNEL_ID, TEAM_ID, TENANT, type TeamsUser } from '../teams';
import { TestIssuer } from '../test-issuer';
import { startTeamsHost, type TeamsHost } from './server';

/**
 * The tab's browser rig: the tab built, the real service as a process (local mode, Teams SSO
 * verified against a test issuer on 127.0.0.1), a team with the bot installed through the
 * connector emulator, the Teams host page in front, and Debian's Chromium.
 */
export interface TabRig {
  journey: Journey;
  svc: RunningService;
  /** The service's DATA_DIR (its store, and the folder archive under arkiv/). */
  dataDir: string;
  host: TeamsHost;
  browser: Awaited<ReturnType<typeof launchBrowser>>;
  /** A Teams SSO token for `who`, as teams-js would hand the tab. */
  tokenFor(who: TeamsUser): Promise<string>;
  /** The tab API called directly, as `who` with a token from the test issuer. */
  apiAs<T>(who: TeamsUser, method: string, apiPath: string, opts?: { body?: unknown; ifMatch?: string }): Promise<{ status: number; etag: string; body: T }>;
  /** The host page with the tab at `tabPath` as `who`, in the network's channel (Swedish, light unless told). */
  open(who: TeamsUser, tabPath: string, params?: Record<string, string>): Promise<{ page: Page; tab: FrameLocator }>;
  stop(): Promise<void>;
}

export const RIG_CLIENT_ID = 'c1a2b3c4-0000-4000-8000-0000000007ab';

export async function startTabRig(opts: { members: number; env?: Record<string, string> }): Promise<TabRig> {
  await buildTab();
  const issuer = new TestIssuer();
  await issuer.start();
  const journey = await new Journey().startTeam({ members: opts.members });
  const dataDir = tempDir('justera-tab-');
  const svc = await spawnService({
    DATA_DIR: dataDir,
    PLAYGROUND: 'off',
    AAD_APP_CLIENT_ID: RIG_CLIENT_ID,
    ALLOWED_TENANTS: TENANT,
    SSO_AUTHORITY: issuer.url,
    ...opts.env,
  });
  journey.botUrl = svc.url;
  const installed = await journey.install();
  if (installed.status !== 200) throw new Error(`install answered ${installed.status}`);
  const host = await startTeamsHost(svc.url);
  const browser = await launchBrowser();
  const tokenFor = (who: TeamsUser): Promise<string> => issuer.token({ tid: TENANT, oid: who.aadObjectId, aud: RIG_CLIENT_ID, name: who.name });
  return {
    journey,
    svc,
    dataDir,
    host,
    browser,
    tokenFor,
    async apiAs<T>(who: TeamsUser, method: string, apiPath: string, o: { body?: unknown; ifMatch?: string } = {}) {
      const res = await fetch(`${svc.url}${apiPath}`, {
        method,
        headers: { authorization: `Bearer ${await tokenFor(who)}`, 'content-type': 'application/json', ...(o.ifMatch ? { 'if-match': o.ifMatch } : {}) },
        ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
      });
      return { status: res.status, etag: res.headers.get('etag') ?? '', body: (await res.json()) as T };
    },
    async open(who, tabPath, params = {}) {
      const page = await browser.context.newPage();
      const query = { tab: tabPath, userId: who.aadObjectId, tid: TENANT, locale: 'sv-SE', theme: 'default', token: await tokenFor(who), teamId: TEAM_ID, channelId: CHANNEL_ID, ...params };
      await page.goto(host.pageUrl(query));
      return { page, tab: page.frameLocator('#tab') };
    },
    async stop() {
      await browser.close();
      await host.stop();
      const code = svc.proc.exitCode === null ? await svc.interrupt() : svc.proc.exitCode;
      await journey.connector.stop();
      await issuer.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (code !== 0) throw new Error(`the service exited with ${code}`);
    },
  };
}

/** The tab's frame in the host page. */
export async function tabFrame(page: Page): Promise<Frame> {
  const frame = await (await page.waitForSelector('#tab')).contentFrame();
  if (!frame) throw new Error('the host page has no tab frame');
  return frame;
}

/** Waits until the locator's text holds `text`. */
export async function expectText(locator: { innerText(): Promise<string> }, text: string, timeout = 8000): Promise<void> {
  await eventually(async () => ((await locator.innerText().catch(() => '')).includes(text) ? true : undefined), timeout, `"${text}"`);
}

const AXE_RUN = `(async () => {
  const result = await axe.run(document, { resultTypes: ['violations'] });
  return result.violations.map((v) => ({ id: v.id, impact: v.impact || null, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
})()`;

/**
 * axe-core in the page: no violation of impact serious or critical. Measured once the page is
 * still: a colour mid-transition (a live theme change fades buttons over ~0.1 s) is neither
 * theme's and can fail the contrast check on a slow machine.
 */
export async function expectNoSeriousAxeViolations(frame: Frame, screen: string): Promise<void> {
  // Transitions only: they end; a spinner's animation runs for as long as it is shown.
  await frame.waitForFunction("document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running')", undefined, { timeout: 10000 });
  await frame.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = (await frame.evaluate(AXE_RUN)) as { id: string; impact: ImpactValue | null; help: string; nodes: string[] }[];
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({ screen, serious }).toEqual({ screen, serious: [] });
}

import { app, authentication, pages } from '@microsoft/teams-js';

/** The Teams theme names, as the host reports them. */
export type ThemeName = 'default' | 'dark' | 'contrast';

function themeNameOf(raw: string | undefined): ThemeName {
  return raw === 'dark' || raw === 'contrast' ? raw : 'default';
}

/** What the tab takes from the Teams context. */
export interface TeamsSession {
  userId: string;
  tenantId: string;
  /** The team's internal id ("19:…@thread.tacv2"): Justera's network id. Absent in personal tabs. */
  teamId: string | undefined;
  channelId: string | undefined;
  /** Set inside a Teams meeting (its chat, details tab or side panel). */
  meetingId: string | undefined;
  /** The saved tab's entity id (pages.config), e.g. "justera-meeting:<network id>". */
  entityId: string | undefined;
  /** The deep link's sub-entity id the tab was opened with (a place in the tab: domain/tab-links). */
  subPageId: string | undefined;
  locale: string;
  theme: ThemeName;
  /** "content", "settings" (the configuration page), "sidePanel", … */
  frameContext: string;
}

/** How long the tab waits for a host before it decides it runs outside Teams. */
const TEAMS_TIMEOUT_MS = 1500;
const TOKEN_TIMEOUT_MS = 15000;

class TimeoutError extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeoutError(`${what} took longer than ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/**
 * Connects to the Teams host, or answers null outside Teams. On a top-level page
 * app.initialize rejects at once; in a frame whose parent never answers it would never
 * settle, hence the timeout.
 */
export async function connectToTeams(timeoutMs = TEAMS_TIMEOUT_MS): Promise<TeamsSession | null> {
  try {
    await withTimeout(app.initialize(), timeoutMs, 'app.initialize');
    const ctx = await withTimeout(app.getContext(), timeoutMs, 'app.getContext');
    app.notifySuccess().catch(() => undefined); // only hides Teams' loading indicator; nothing to do if it fails
    return {
      userId: ctx.user?.id ?? '',
      tenantId: ctx.user?.tenant?.id ?? '',
      teamId: ctx.team?.internalId || undefined,
      channelId: ctx.channel?.id || undefined,
      meetingId: ctx.meeting?.id || undefined,
      entityId: ctx.page.id || undefined,
      subPageId: ctx.page.subPageId || undefined,
      locale: ctx.app.locale,
      theme: themeNameOf(ctx.app.theme),
      frameContext: String(ctx.page.frameContext ?? app.getFrameContext() ?? ''),
    };
  } catch {
    return null;
  }
}

/** Follows the Teams theme as the user changes it. */
export function followTeamsTheme(onChange: (theme: ThemeName) => void): void {
  app.registerOnThemeChangeHandler((theme) => onChange(themeNameOf(theme)));
}

/** A Teams SSO token for Justera's API (Teams caches it, so asking per request is cheap). */
export function teamsToken(): Promise<string> {
  return withTimeout(authentication.getAuthToken(), TOKEN_TIMEOUT_MS, 'authentication.getAuthToken');
}

export interface TabConfig {
  contentUrl: string;
  websiteUrl: string;
  entityId: string;
  suggestedDisplayName: string;
}

/** The configuration page's side of pages.config: Save is enabled by validity, and saves `config`. */
export function offerTabConfig(config: TabConfig, onFailure: (message: string) => void): void {
  pages.config.registerOnSaveHandler((saveEvent) => {
    pages.config.setConfig(config).then(
      () => saveEvent.notifySuccess(),
      (err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        onFailure(message);
        saveEvent.notifyFailure(message);
      },
    );
  });
  pages.config.setValidityState(true);
}

export function refuseTabConfig(): void {
  pages.config.setValidityState(false);
}

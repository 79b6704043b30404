import path from 'node:path';
import { z } from 'zod';
import type { LegalSettings } from './http/legal-pages';
import { DEFAULT_MEMBER_ORGANISATIONS, DEFAULT_MUNICIPALITY_DOMAINS, memberOrganisationsFrom, type MunicipalityMap } from './domain/municipality';

export type BotType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMsi';

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  timeZone: string;
  bot: { id: string; password: string; tenantId: string; type: BotType };
  /** No BOT_ID: anonymous requests are accepted and the Playground is started. */
  localMode: boolean;
  playground: { enabled: boolean; port: number; locale: string };
  municipalityDomains: MunicipalityMap;
  /** The cooperation's member organisations, in Swedish order: whom the check-in card misses. */
  memberOrganisations: readonly string[];
  /** Days before a meeting when its published agenda is posted again. */
  reminderDays: number[];
  /** Where people reach the service (links in cards to the tab): https://<domain> in Azure. */
  publicUrl: string;
  /**
   * The Teams app's id (the manifest id, TEAMS_APP_ID): cards link into the tab with Teams deep
   * links. Empty (local mode with the Playground): cards link to the tab's web pages.
   */
  teamsAppId: string;
  /** OpenTelemetry to Azure Monitor: on only with APPLICATIONINSIGHTS_CONNECTION_STRING. */
  telemetry: { connectionString: string } | undefined;
  cardUpdateIntervalMs: number;
  channelSendsPerSecond: number;
  /** Verifying the tab's Teams SSO tokens. */
  sso: {
    clientId: string;
    /** The Application ID URI a v1 token names as audience: AAD_APP_ID_URI, else api://<PUBLIC_URL's host>/<client id>. */
    appIdUri: string;
    allowedTenants: string[];
    authority: string;
  };
  /** Days after sending when a justerare who has not answered is reminded. */
  justeringReminderDays: number;
  /** Where approved protocols are kept: a local folder (embedded default) or SharePoint through Graph. */
  archive:
    | { kind: 'folder'; root: string; folderTemplate: string }
    | { kind: 'sharepoint'; driveId: string; siteId?: string; folderTemplate: string; graphBaseUrl: string; managedIdentityClientId?: string };
  /** Who answers for the personal data and the accessibility statement, as the public pages name them. */
  legal: LegalSettings;
  store:
    | { kind: 'sqlite' }
    | {
        kind: 'tables';
        /** Azurite or a connection string with a key; else accountUrl with a managed identity. */
        connectionString?: string;
        accountUrl?: string;
        /** Client id of a user-assigned managed identity (else the system-assigned one). */
        managedIdentityClientId?: string;
        tablePrefix: string;
      };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Settings every deployment must give (BOT_ID set, so not local mode): without them the tab
 * API refuses every token and card links point at this machine. Which others are required
 * depends on BOT_TYPE (BOT_PASSWORD, BOT_TENANT_ID) and on STORE and ARCHIVE; loadConfig
 * checks those too. test/unit/env-files.test.ts checks that each environment writes these.
 */
export const REQUIRED_OUTSIDE_LOCAL_MODE = ['BOT_ID', 'AAD_APP_CLIENT_ID', 'PUBLIC_URL', 'TEAMS_APP_ID'] as const;
const REQUIRED_BECAUSE: Record<(typeof REQUIRED_OUTSIDE_LOCAL_MODE)[number], string> = {
  BOT_ID: 'the bot',
  AAD_APP_CLIENT_ID: 'the tab API accepts only Teams SSO tokens issued for this app registration',
  PUBLIC_URL: "links in cards and the SSO audience api://<PUBLIC_URL's host>/<AAD_APP_CLIENT_ID> use it",
  TEAMS_APP_ID: 'links in cards open the tab inside Teams only as deep links naming the app',
};

const port = z.coerce.number().int().min(0).max(65535);
const flag = z.enum(['on', 'off', 'true', 'false', '1', '0']).transform((v) => v === 'on' || v === 'true' || v === '1');

/** Where people reach someone: an e-mail address or an https URL. */
const contactSetting = z
  .string()
  .trim()
  .max(300)
  .refine((v) => /^[^@\s/]+@[^@\s/]+\.[a-z]{2,}$/i.test(v) || /^https:\/\/[^\s]+$/.test(v), 'is an e-mail address or an https URL');

const schema = z
  .object({
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: port.default(3978),
    DATA_DIR: z.string().min(1).default('./data'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TIME_ZONE: z.string().default('Europe/Stockholm').refine(isTimeZone, 'not a known IANA time zone'),
    BOT_ID: z.string().trim().default(''),
    BOT_PASSWORD: z.string().default(''),
    BOT_TENANT_ID: z.string().trim().default(''),
    BOT_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMsi']).default('MultiTenant'),
    PLAYGROUND: flag.optional(),
    PLAYGROUND_PORT: port.default(56150),
    PLAYGROUND_LOCALE: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'is a Teams locale such as sv-SE or en-US').default('sv-SE'),
    MUNICIPALITY_DOMAINS: z.string().default(''),
    MEMBER_ORGANISATIONS: z
      .string()
      .refine((s) => s.split(';').every((name) => !name.includes('=') && name.trim().length <= 120), 'is names separated by ";" (each at most 120 characters; domains go in MUNICIPALITY_DOMAINS)')
      .default(''),
    CARD_UPDATE_INTERVAL_MS: z.coerce.number().int().min(1000).max(60000).default(1000),
    CHANNEL_SENDS_PER_SECOND: z.coerce.number().min(0.5).max(5).default(3),
    STORE: z.enum(['sqlite', 'tables']).default('sqlite'),
    TABLES_CONNECTION_STRING: z.string().optional(),
    TABLES_ACCOUNT_URL: z.string().url().optional(),
    TABLES_PREFIX: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, 'is letters and digits, starting with a letter').default('justera'),
    AZURE_CLIENT_ID: z.string().optional(),
    PUBLIC_URL: z.string().url().optional(),
    REMINDER_DAYS: z.string().regex(/^\s*(\d{1,2}\s*(,\s*\d{1,2}\s*)*)?$/, 'is whole days separated by commas, e.g. 7,1').default('7,1'),
    AAD_APP_CLIENT_ID: z.string().trim().default(''),
    TEAMS_APP_ID: z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'is the Teams app manifest id (a GUID)')
      .optional(),
    AAD_APP_ID_URI: z.string().trim().regex(/^api:\/\/[^\s/]+\/[^\s]+$/, 'is an Application ID URI such as api://justera.example.se/<client id>').optional(),
    ALLOWED_TENANTS: z.string().default(''),
    SSO_AUTHORITY: z.string().url().default('https://login.microsoftonline.com'),
    JUSTERING_REMINDER_DAYS: z.coerce.number().int().min(1).max(60).default(3),
    ARCHIVE: z.enum(['folder', 'sharepoint']).default('folder'),
    ARCHIVE_DIR: z.string().min(1).optional(),
    ARCHIVE_FOLDER: z.string().min(1).max(400).default('Protokoll/{network}/{year}'),
    SHAREPOINT_DRIVE_ID: z.string().trim().optional(),
    SHAREPOINT_SITE_ID: z.string().trim().optional(),
    GRAPH_BASE_URL: z.string().url().default('https://graph.microsoft.com/v1.0'),
    APPLICATIONINSIGHTS_CONNECTION_STRING: z
      .string()
      .trim()
      .regex(/(^|;)\s*(InstrumentationKey|IngestionEndpoint)\s*=/i, 'is an Application Insights connection string (InstrumentationKey=…;IngestionEndpoint=…)')
      .optional(),
    DATA_CONTROLLER: z.string().trim().min(1).max(200).default('Skaraborgs kommunalförbund'),
    PRIVACY_CONTACT: contactSetting.optional(),
    DPO_CONTACT: contactSetting.optional(),
    ACCESSIBILITY_CONTACT: contactSetting.optional(),
  })
  .superRefine((env, ctx) => {
    if (env.STORE === 'tables' && !env.TABLES_CONNECTION_STRING && !env.TABLES_ACCOUNT_URL) {
      ctx.addIssue({ code: 'custom', path: ['TABLES_ACCOUNT_URL'], message: 'or TABLES_CONNECTION_STRING is required when STORE=tables' });
    }
    if (env.ARCHIVE === 'sharepoint' && !env.SHAREPOINT_DRIVE_ID) {
      ctx.addIssue({ code: 'custom', path: ['SHAREPOINT_DRIVE_ID'], message: 'is required when ARCHIVE=sharepoint' });
    }
    if (!env.BOT_ID) return;
    for (const name of REQUIRED_OUTSIDE_LOCAL_MODE) {
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: `is required when BOT_ID is set (${REQUIRED_BECAUSE[name]})` });
    }
    if (env.PUBLIC_URL && !env.PUBLIC_URL.startsWith('https://')) {
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'is an https:// address when BOT_ID is set (Teams opens tabs and links only over https)' });
    }
    if (!env.ALLOWED_TENANTS && !env.BOT_TENANT_ID) {
      ctx.addIssue({ code: 'custom', path: ['ALLOWED_TENANTS'], message: 'or BOT_TENANT_ID is required when BOT_ID is set (the tenants whose people may use Justera)' });
    }
    if (env.BOT_TYPE !== 'UserAssignedMsi' && !env.BOT_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['BOT_PASSWORD'], message: `is required when BOT_ID is set and BOT_TYPE is ${env.BOT_TYPE}` });
    }
    if (env.BOT_TYPE !== 'MultiTenant' && !env.BOT_TENANT_ID) {
      ctx.addIssue({ code: 'custom', path: ['BOT_TENANT_ID'], message: `is required when BOT_TYPE is ${env.BOT_TYPE}` });
    }
    if (env.PLAYGROUND === true) {
      ctx.addIssue({ code: 'custom', path: ['PLAYGROUND'], message: 'the Playground runs only in local mode (empty BOT_ID)' });
    }
  });

/** Reads the environment once. Throws ConfigError naming every bad setting (never its value). */
export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): Config {
  // An empty variable counts as unset (an empty BOT_ID is local mode either way).
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`));
  }
  const e = parsed.data;
  const domains = parseDomains(e.MUNICIPALITY_DOMAINS);
  if (!domains.ok) throw new ConfigError([`MUNICIPALITY_DOMAINS: ${domains.problem}`]);
  const localMode = e.BOT_ID === '';
  const publicUrl = (e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`).replace(/\/+$/, '');
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    timeZone: e.TIME_ZONE,
    bot: { id: e.BOT_ID, password: e.BOT_PASSWORD, tenantId: e.BOT_TENANT_ID, type: e.BOT_TYPE },
    localMode,
    playground: { enabled: localMode && (e.PLAYGROUND ?? true), port: e.PLAYGROUND_PORT, locale: e.PLAYGROUND_LOCALE },
    municipalityDomains: { ...DEFAULT_MUNICIPALITY_DOMAINS, ...domains.map },
    memberOrganisations: e.MEMBER_ORGANISATIONS.trim() ? memberOrganisationsFrom(e.MEMBER_ORGANISATIONS) : DEFAULT_MEMBER_ORGANISATIONS,
    reminderDays: [...new Set(e.REMINDER_DAYS.split(',').map((d) => d.trim()).filter(Boolean).map(Number))].filter((d) => d > 0),
    publicUrl,
    teamsAppId: e.TEAMS_APP_ID ?? '',
    telemetry: e.APPLICATIONINSIGHTS_CONNECTION_STRING ? { connectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING } : undefined,
    cardUpdateIntervalMs: e.CARD_UPDATE_INTERVAL_MS,
    channelSendsPerSecond: e.CHANNEL_SENDS_PER_SECOND,
    sso: {
      clientId: e.AAD_APP_CLIENT_ID,
      appIdUri: e.AAD_APP_ID_URI ?? `api://${new URL(publicUrl).hostname}/${e.AAD_APP_CLIENT_ID}`,
      allowedTenants: allowedTenants(e.ALLOWED_TENANTS, e.BOT_TENANT_ID),
      authority: e.SSO_AUTHORITY.replace(/\/+$/, ''),
    },
    justeringReminderDays: e.JUSTERING_REMINDER_DAYS,
    archive:
      e.ARCHIVE === 'sharepoint' && e.SHAREPOINT_DRIVE_ID
        ? {
            kind: 'sharepoint',
            driveId: e.SHAREPOINT_DRIVE_ID,
            ...(e.SHAREPOINT_SITE_ID ? { siteId: e.SHAREPOINT_SITE_ID } : {}),
            folderTemplate: e.ARCHIVE_FOLDER,
            graphBaseUrl: e.GRAPH_BASE_URL.replace(/\/+$/, ''),
            ...(e.AZURE_CLIENT_ID ? { managedIdentityClientId: e.AZURE_CLIENT_ID } : {}),
          }
        : { kind: 'folder', root: path.resolve(cwd, e.ARCHIVE_DIR ?? path.join(e.DATA_DIR, 'arkiv')), folderTemplate: e.ARCHIVE_FOLDER },
    legal: {
      controller: e.DATA_CONTROLLER,
      ...(e.PRIVACY_CONTACT ? { privacyContact: e.PRIVACY_CONTACT } : {}),
      ...(e.DPO_CONTACT ? { dpoContact: e.DPO_CONTACT } : {}),
      ...(e.ACCESSIBILITY_CONTACT ? { accessibilityContact: e.ACCESSIBILITY_CONTACT } : {}),
    },
    store:
      e.STORE === 'sqlite'
        ? { kind: 'sqlite' }
        : {
            kind: 'tables',
            tablePrefix: e.TABLES_PREFIX,
            ...(e.TABLES_CONNECTION_STRING ? { connectionString: e.TABLES_CONNECTION_STRING } : {}),
            ...(e.TABLES_ACCOUNT_URL ? { accountUrl: e.TABLES_ACCOUNT_URL } : {}),
            ...(e.AZURE_CLIENT_ID ? { managedIdentityClientId: e.AZURE_CLIENT_ID } : {}),
          },
  };
}

/** Every environment variable the service reads. */
export const SETTING_NAMES: readonly string[] = Object.keys(schema.shape);

/** Tenants whose users may use the tab: the list, or else the bot's own tenant. */
function allowedTenants(list: string, botTenant: string): string[] {
  const tenants = list.split(/[,;\s]+/).map((t) => t.trim().toLowerCase()).filter(Boolean);
  return tenants.length > 0 ? tenants : botTenant ? [botTenant.toLowerCase()] : [];
}

/** "edu.example.se=Skövde;vara.net=Vara" → map. */
function parseDomains(s: string): { ok: true; map: Record<string, string> } | { ok: false; problem: string } {
  const map: Record<string, string> = {};
  for (const part of s.split(/[;,]/).map((p) => p.trim()).filter(Boolean)) {
    const [domain, name] = part.split('=').map((x) => x?.trim() ?? '');
    if (!domain || !name || !/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(domain)) {
      return { ok: false, problem: `"${part}" is not of the form domain=Municipality` };
    }
    map[domain.toLowerCase()] = name;
  }
  return { ok: true, map };
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The configuration as it may be logged: secrets replaced. */
export function describeConfig(c: Config): Record<string, unknown> {
  return {
    host: c.host,
    port: c.port,
    dataDir: c.dataDir,
    localMode: c.localMode,
    botId: c.bot.id || '(empty: local mode)',
    botType: c.bot.type,
    botTenantId: c.bot.tenantId || '(none)',
    botPassword: c.bot.password ? '(set)' : '(not set)',
    playground: c.playground,
    timeZone: c.timeZone,
    telemetry: c.telemetry ? 'on (APPLICATIONINSIGHTS_CONNECTION_STRING)' : 'off',
    cardUpdateIntervalMs: c.cardUpdateIntervalMs,
    channelSendsPerSecond: c.channelSendsPerSecond,
    teamsAppId: c.teamsAppId || "(not set: cards link to the tab's web pages, not Teams deep links)",
    sso: { clientId: c.sso.clientId || '(not set: the tab API refuses tokens)', appIdUri: c.sso.appIdUri, allowedTenants: c.sso.allowedTenants, authority: c.sso.authority },
    store:
      c.store.kind === 'sqlite'
        ? 'sqlite'
        : { kind: 'tables', accountUrl: c.store.accountUrl ?? '(none)', connectionString: c.store.connectionString ? '(set)' : '(not set)', tablePrefix: c.store.tablePrefix },
  };
}

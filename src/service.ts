import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { ReusedClientsAuthentication } from './bot/reused-clients';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type restify from 'restify';
import { AgendaService } from './app/agendas';
import { AttendanceService } from './app/attendance';
import { ProposalService } from './app/proposals';
import { MeetingService } from './app/meetings';
import { NetworkService } from './app/networks';
import { Access } from './app/policy';
import { tellWhereJusterareLeft } from './app/justerare-left';
import { TabQueries } from './app/tab-queries';
import { NO_METRICS, type Archive, type Clock, type IdSource, type ProtocolRenderer, type Store } from './app/ports';
import { minutesUseCases } from './app/minutes';
import { SearchService } from './app/search';
import { ArchiveWorker } from './app/archiving';
import { TeamsJusteringChannel } from './bot/justering-channel';
import { ProtocolImports } from './app/imports';
import { readUpload } from './importer/upload';
import { FolderArchive } from './archive/folder-archive';
import { SharePointArchive } from './archive/sharepoint-archive';
import { ProtocolExports } from './app/exports';
import { PdfKitProtocolRenderer } from './render/protocol-renderer';
import { ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { TeamsAgendaChannel } from './bot/agenda-channel';
import { TeamsCheckinChannel } from './bot/checkin-channel';
import { JusteraBot } from './bot/justera-bot';
import { TeamsProposalNotifier } from './bot/proposal-notifier';
import { TeamsMessenger } from './bot/teams-messenger';
import { TeamsDelivery } from './bot/delivery';
import { CardDelivery } from './app/delivery';
import { Leases } from './app/leases';
import { localeFrom, strings } from './cards';
import type { Config } from './config';
import { createHttpServer } from './http/server';
import { SsoVerifier } from './http/sso';
import type { AppLogger } from './log';
import type { Telemetry } from './telemetry';
import { Scheduler } from './jobs/scheduler';
import { SqliteStore, sqliteFile } from './store/sqlite-store';
import { PersonalData } from './app/personal-data';
import { TablesStore } from './store/tables-store';
import type { TabLinkSettings } from './domain/tab-links';

export interface Service {
  /** http://host:port of the running service. */
  url: string;
  port: number;
  store: Store;
  /** Runs the stored jobs that are due now (the service also does so every minute), then delivers the cards they recorded. */
  runScheduledWork(): Promise<number>;
  /** Archives the approved versions that are due now (the service also does so every 10 s and after each approval). */
  runArchiving(): Promise<number>;
  /** Delivers what is due now through the outbox; resolves with how many cards Teams took. */
  runDelivery(): Promise<number>;
  /** The background backfill of the search index started with the service: how many protocols it indexed. */
  searchBackfill: Promise<number>;
  /** Stops the workers (releasing their leases), closes the server and the store; undelivered cards stay in the outbox. */
  stop(): Promise<void>;
}

export interface ServiceOverrides {
  store?: Store;
  clock?: Clock;
  ids?: IdSource;
  /** The app-only identity SharePoint is reached with (tests: a token for the Graph emulator). */
  graphCredential?: TokenCredential;
  archive?: Archive;
  renderer?: ProtocolRenderer;
  /** Where the built tab is served from (tests: a build of their own); dist/tab otherwise. */
  tabDir?: string;
  /** OpenTelemetry, when APPLICATIONINSIGHTS_CONNECTION_STRING turned it on (src/main.ts). */
  telemetry?: Pick<Telemetry, 'metrics' | 'observeOutboxDepth'>;
}

const SCHEDULER_INTERVAL_MS = 60_000;
const ARCHIVE_INTERVAL_MS = 10_000;

/** The composition root: the only place that constructs adapters and wires them together. */
export async function startService(config: Config, log: AppLogger, overrides: ServiceOverrides = {}): Promise<Service> {
  const store = overrides.store ?? (await openStore(config));
  const clock = overrides.clock ?? { now: () => new Date() };
  const ids = overrides.ids ?? { newId: () => randomUUID() };

  const auth: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.bot.id,
    MicrosoftAppPassword: config.bot.password,
    MicrosoftAppTenantId: config.bot.tenantId,
    MicrosoftAppType: config.bot.type,
  };
  const adapter = new CloudAdapter(new ReusedClientsAuthentication(new ConfigurationBotFrameworkAuthentication(auth)));
  adapter.onTurnError = async (ctx, err) => {
    log.error({ err, activityType: ctx.activity.type }, 'turn failed');
    if (ctx.activity.type === 'message') {
      await ctx.sendActivity(strings(localeFrom(ctx.activity.locale)).errors.internal).catch(() => undefined);
    }
  };

  const tabLinks: TabLinkSettings = { publicUrl: config.publicUrl, teamsAppId: config.teamsAppId };
  const instanceId = `${os.hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  const transport = new TeamsDelivery({ store, messenger: new TeamsMessenger(adapter, config.bot.id), log, sendsPerSecond: config.channelSendsPerSecond });
  const metrics = overrides.telemetry?.metrics ?? NO_METRICS;
  const delivery = new CardDelivery({ store, log, leases: new Leases({ store, instanceId, now: Date.now, log }), transport, intervalMs: config.cardUpdateIntervalMs, metrics });
  overrides.telemetry?.observeOutboxDepth(() => delivery.depth());
  const channel = new TeamsCheckinChannel({ store, delivery, log, memberOrganisations: config.memberOrganisations });
  transport.register('checkinCard', channel);
  const networks = new NetworkService({
    store,
    clock,
    municipalities: config.municipalityDomains,
    memberOrganisations: config.memberOrganisations,
    onLeft: (left) => tellWhereJusterareLeft({ store, channel: justeringChannel, log }, left),
    onMunicipalityCorrected: (member) => attendance.municipalityCorrected(member),
    partialRoster: config.playground.enabled,
  });
  const meetings = new MeetingService({
    store,
    clock,
    channel,
    timeZone: config.timeZone,
    memberOrganisations: config.memberOrganisations,
    delivery,
    reminderDays: config.reminderDays,
  });
  const attendance = new AttendanceService({ store, clock, channel, meetings, metrics });

  const queries = new TabQueries({ store, clock, timeZone: config.timeZone, memberOrganisations: config.memberOrganisations });
  const agendaChannel = new TeamsAgendaChannel({
    store,
    delivery,
    clock,
    tabLinks,
    timeZone: config.timeZone,
    openActions: (m) => minutes.actions.openActionsBefore(m),
  });
  transport.register('agendaCard', agendaChannel);
  const agendas = new AgendaService({
    store,
    clock,
    ids,
    channel: agendaChannel,
    reminderDays: config.reminderDays,
    timeZone: config.timeZone,
    ensureCheckinCard: (meeting) => meetings.ensureCheckinCard(meeting),
  });
  const notifier = new TeamsProposalNotifier({ delivery, tabLinks });
  const proposals = new ProposalService({ store, clock, agendas, notifier, log });
  const justeringChannel = new TeamsJusteringChannel({ store, delivery, clock, tabLinks, timeZone: config.timeZone, log });
  transport.register('justeringCard', justeringChannel);
  const archive = overrides.archive ?? openArchive(config, log, overrides.graphCredential);
  const renderer = overrides.renderer ?? new PdfKitProtocolRenderer({ timeZone: config.timeZone });
  const archiver = new ArchiveWorker({
    store,
    clock,
    log,
    instanceId,
    renderer,
    archive,
    publisher: justeringChannel,
    metrics,
  });
  const search = new SearchService({ store, log });
  const minutes = minutesUseCases({
    store,
    clock,
    channel: justeringChannel,
    timeZone: config.timeZone,
    reminderDays: config.justeringReminderDays,
    onApproved: (version) => archiver.kick(version),
    search,
    archive,
  });
  const bot = new JusteraBot({
    networks,
    meetings,
    attendance,
    proposals,
    minutes: minutes.justering,
    access: new Access(store),
    justering: justeringChannel,
    personal: { checkinCard: channel, agendaCard: agendaChannel, justeringCard: justeringChannel },
    delivery,
    ids,
    log,
    tabLinks,
  });
  const scheduler = new Scheduler({
    store,
    clock,
    log,
    instanceId,
    handlers: {
      agendaReminder: (job) => agendas.remind(job),
      justeringReminder: (job) => minutes.reminders.remindJusterare(job),
      justeringOverdue: (job) => minutes.reminders.remindOverdue(job),
    },
  });
  const sso = new SsoVerifier(config.sso);
  const server = createHttpServer({
    adapter,
    bot,
    store,
    log,
    api: { queries, agendas, proposals, meetings, minutes, personalData: new PersonalData({ store, clock }), search, imports: new ProtocolImports({ store, clock, archive, renderer, reader: readUpload, memberOrganisations: config.memberOrganisations, onImported: (version) => void search.index(version) }), exports: new ProtocolExports({ store, clock, archive, renderer }), sso, localMode: config.localMode },
    tabDir: overrides.tabDir ?? path.resolve(__dirname, '..', 'dist', 'tab'),
    ...(config.localMode ? {} : { allowedTenants: config.sso.allowedTenants }),
    legal: config.legal,
  });
  await listen(server, config.port, config.host);
  const port = server.address().port;
  const url = `http://${config.host}:${port}`;
  log.info({ url }, 'service listening');
  scheduler.start(SCHEDULER_INTERVAL_MS);
  archiver.start(ARCHIVE_INTERVAL_MS);
  delivery.start();
  // Protocols justerade or imported before the search index (or its current version): indexed in the background.
  const backfilled = search.backfill(instanceId, () => clock.now());

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    store,
    runScheduledWork: async () => {
      const finished = await scheduler.runDue();
      await delivery.runDue();
      return finished;
    },
    runArchiving: () => archiver.runDue(),
    runDelivery: () => delivery.runDue(),
    searchBackfill: backfilled,
    stop: () =>
      (stopping ??= (async () => {
        await scheduler.stop();
        await archiver.stop();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.server.closeIdleConnections();
        await closed;
        await delivery.stop();
        await backfilled;
        await store.close();
      })()),
  };
}

/** The configured store: the embedded SQLite file by default, or Azure Table Storage. */
async function openStore(config: Config): Promise<Store> {
  if (config.store.kind === 'sqlite') return new SqliteStore(sqliteFile(config.dataDir));
  const { kind: _kind, ...options } = config.store;
  return TablesStore.open(options);
}

/** The configured archive: a local folder by default, or SharePoint through Graph with the app's managed identity. */
function openArchive(config: Config, log: AppLogger, credential?: TokenCredential): Archive {
  const a = config.archive;
  if (a.kind === 'folder') return new FolderArchive({ root: a.root, folderTemplate: a.folderTemplate });
  return new SharePointArchive({
    credential: credential ?? new ManagedIdentityCredential(a.managedIdentityClientId ? { clientId: a.managedIdentityClientId } : {}),
    baseUrl: a.graphBaseUrl,
    driveId: a.driveId,
    ...(a.siteId ? { siteId: a.siteId } : {}),
    folderTemplate: a.folderTemplate,
    log,
  });
}

/**
 * How long an idle keep-alive connection stays open. Node's default (5 s) is shorter than the
 * idle timeout of the load balancers in front of the service (Azure's front ends keep a
 * connection for minutes): one of them reusing a connection just as Node closes it gets a reset,
 * answered to Teams as a 502. Longer here, the balancer closes first.
 */
const KEEP_ALIVE_MS = 120_000;

function listen(server: restify.Server, port: number, host: string): Promise<void> {
  server.server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.server.headersTimeout = KEEP_ALIVE_MS + 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
}

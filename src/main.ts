import path from 'node:path';
import { ConfigError, describeConfig, loadConfig, type Config } from './config';
import { enginesNode, nodeVersionProblem } from './node-version';

/** Entry point: `npm start`. Reads the configuration once, starts the service and, in local mode, the Playground. */
async function main(): Promise<void> {
  const unsupported = nodeVersionProblem(process.version, enginesNode(__dirname));
  if (unsupported) {
    process.stderr.write(`${unsupported}\n`);
    process.exit(1);
  }
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\nSee the settings table in README.md.\n`);
      process.exit(1);
    }
    throw e;
  }
  // Telemetry first (only with APPLICATIONINSIGHTS_CONNECTION_STRING): its instrumentations
  // must see the HTTP modules and the logger load, so those are imported after it.
  const telemetry = config.telemetry ? (await import('./telemetry')).startTelemetry(config.telemetry.connectionString) : undefined;
  const { createLogger, consoleDestination } = await import('./log');
  const { startService } = await import('./service');
  const log = createLogger(config.logLevel, telemetry ? consoleDestination() : undefined);
  log.info({ config: describeConfig(config) }, 'configuration');

  const service = await startService(config, log, telemetry ? { telemetry } : {});
  const stops: (() => Promise<void>)[] = [service.stop];
  // Last: what the stops log and count is still sent.
  if (telemetry) stops.push(() => telemetry.shutdown());

  if (config.playground.enabled) {
    // Loaded only in local mode: the Playground is a development dependency.
    const { startPlayground } = await import('./dev/playground');
    const { DEMO_TENANT, demoMembers, demoNetwork } = await import('./dev/demo-tenant');
    // Seeded once: later starts keep what was changed in the demo.
    if (!(await service.store.getNetwork(DEMO_TENANT.tenantId, DEMO_TENANT.team.id))) {
      await service.store.upsertNetwork(demoNetwork(`http://127.0.0.1:${config.playground.port}/_connector`, new Date().toISOString()));
    }
    const { startLocaleProxy } = await import('./dev/locale-proxy');
    const missing = [];
    for (const m of demoMembers(config.municipalityDomains)) {
      if (!(await service.store.getMember(m.tenantId, m.networkId, m.id))) missing.push(m);
    }
    await service.store.upsertMembers(missing);
    const proxy = await startLocaleProxy(`${service.url}/api/messages`, config.playground.locale);
    stops.unshift(proxy.stop);
    const playground = await startPlayground(
      {
        port: config.playground.port,
        botEndpoint: proxy.url,
        timeZone: config.timeZone,
        workDir: path.join(config.dataDir, 'playground'),
        config: DEMO_TENANT,
      },
      (line) => log.debug({ playground: line }, 'playground'),
    );
    stops.unshift(playground.stop);
    log.info({ url: playground.url }, 'playground ready');
    process.stderr.write(
      `\n  Justera körs lokalt på ${service.url}\n` +
        `  Öppna Microsoft 365 Agents Playground: ${playground.url}\n` +
        `  Teamet "${DEMO_TENANT.team.name}": välj kanalen och skriv "@Justera ny träff".\n` +
        `  Ctrl-C stoppar allt.\n\n`,
    );
  }

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) {
      log.warn({ signal }, 'forced exit');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'stopping');
    void (async () => {
      for (const stop of stops) {
        await stop().catch((err: unknown) => log.error({ err }, 'error while stopping'));
      }
      log.info('stopped');
      process.exit(0);
    })();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  const e = err as NodeJS.ErrnoException & { port?: number };
  if (e?.code === 'EADDRINUSE') {
    process.stderr.write(`Justera could not start: port ${e.port ?? ''} on 127.0.0.1 is already in use. Stop what uses it, or set PORT / PLAYGROUND_PORT.\n`);
    process.exit(1);
  }
  process.stderr.write(`Justera could not start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});

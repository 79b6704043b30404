/**
 * Telemetry, for real and offline: the built service as its own process, with a connection
 * string whose IngestionEndpoint is a small server on 127.0.0.1 standing in for Application
 * Insights. Azure Monitor's exporter posts there what it would post to Azure (/v2.1/track,
 * gzipped JSON envelopes). The exporter speaks only https, so the server has a certificate for
 * 127.0.0.1 made here with openssl, which the service process trusts (NODE_EXTRA_CA_CERTS).
 * Without the setting, nothing of OpenTelemetry's SDK is loaded.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Journey } from '../harness/journey';
import { closeServer, listenOn127 } from '../harness/local-server';
import { spawnService, type RunningService } from '../harness/process';
import { tempDir } from '../harness/service';

interface Envelope {
  name: string;
  time: string;
  iKey?: string;
  tags?: Record<string, string>;
  data?: { baseType?: string; baseData?: Record<string, unknown> };
}

/** A self-signed certificate for 127.0.0.1, and the file a process trusts it from. */
function certificateFor127(): { key: string; cert: string; caFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'justera-ingestion-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8'), caFile: cert };
}

/** Application Insights' ingestion, as far as the exporter needs it. */
class Ingestion {
  readonly envelopes: Envelope[] = [];
  readonly paths: string[] = [];
  private server?: https.Server;
  url = '';

  constructor(private readonly tls: { key: string; cert: string }) {}

  async start(): Promise<this> {
    this.server = https.createServer(this.tls, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.paths.push(`${req.method ?? ''} ${req.url ?? ''}`);
        const raw = Buffer.concat(chunks);
        const body = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
        const text = body.toString('utf8').trim();
        const items = (text.startsWith('[') ? (JSON.parse(text) as Envelope[]) : text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Envelope));
        this.envelopes.push(...items);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
      });
    });
    this.url = `https://127.0.0.1:${await listenOn127(this.server)}/`;
    return this;
  }

  stop(): Promise<void> {
    return closeServer(this.server);
  }

  of(baseType: string): Envelope[] {
    return this.envelopes.filter((e) => e.data?.baseType === baseType);
  }
}

/** A --require script that writes, at exit, which OpenTelemetry SDK modules the process loaded. */
function loadedModulesProbe(): { nodeOptions: string; read: () => string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'justera-probe-'));
  const out = join(dir, 'loaded.json');
  const probe = join(dir, 'probe.cjs');
  writeFileSync(
    probe,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(Object.keys(require.cache).filter((k) => /[\\\\/]node_modules[\\\\/]@(azure[\\\\/]monitor-opentelemetry|opentelemetry[\\\\/](sdk-|instrumentation))/.test(k)))));\n`,
  );
  return { nodeOptions: `--require ${probe}`, read: () => JSON.parse(readFileSync(out, 'utf8')) as string[] };
}

const INSTRUMENTATION_KEY = '00000000-0000-4000-8000-0000000000a1';
/** Short export intervals, for this test only (the defaults are seconds to a minute). */
const FAST_EXPORT = { OTEL_BSP_SCHEDULE_DELAY: '200', OTEL_BLRP_SCHEDULE_DELAY: '200', OTEL_METRIC_EXPORT_INTERVAL: '500' };
/** Nothing leaves for Microsoft's own endpoints (statsbeat, SDK stats). */
const NO_STATSBEAT = { APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true', APPLICATIONINSIGHTS_SDKSTATS_DISABLED: 'true' };

/** A team installed, a meeting created, and one member checking in online, against a service process. */
async function checkIn(svc: RunningService, j: Journey): Promise<void> {
  j.botUrl = svc.url;
  expect((await j.install()).status).toBe(200);
  const { post, meetingId } = await j.createMeeting();
  const reply = await j.click(j.members[1]!, post.activityId, { action: 'checkin', meetingId, status: 'online' });
  expect(reply.status).toBe(200);
}

describe('telemetry', () => {
  const tls = certificateFor127();
  let ingestion: Ingestion;
  let j: Journey;
  beforeEach(async () => {
    ingestion = await new Ingestion(tls).start();
    j = await new Journey().startTeam({ members: 3 });
  });
  afterEach(async () => {
    await j.connector.stop();
    await ingestion.stop();
  });

  test('with APPLICATIONINSIGHTS_CONNECTION_STRING: requests, log lines of the same operation, and the check-in metric reach Application Insights', async () => {
    const probe = loadedModulesProbe();
    const svc = await spawnService({
      DATA_DIR: tempDir(),
      PLAYGROUND: 'off',
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${INSTRUMENTATION_KEY};IngestionEndpoint=${ingestion.url}`,
      NODE_OPTIONS: probe.nodeOptions,
      NODE_EXTRA_CA_CERTS: tls.caFile,
      ...FAST_EXPORT,
      ...NO_STATSBEAT,
    });
    try {
      await checkIn(svc, j);
    } finally {
      // A stop sends what is buffered: nothing here waits on a clock.
      expect(await svc.interrupt()).toBe(0);
    }
    expect(probe.read().length).toBeGreaterThan(0);
    expect(ingestion.paths.every((p) => p === 'POST /v2.1/track')).toBe(true);
    expect(ingestion.envelopes.every((e) => e.iKey === INSTRUMENTATION_KEY)).toBe(true);

    // Requests: the activities posted to /api/messages, each its own operation.
    const requests = ingestion.of('RequestData').filter((e) => String(e.data?.baseData?.['url'] ?? '').includes('/api/messages'));
    expect(requests.length).toBe(4); // install, "ny träff", the form, the check-in
    for (const r of requests) {
      expect(r.data?.baseData).toMatchObject({ name: 'POST /api/messages', responseCode: '200', success: true });
      expect(r.tags).toMatchObject({ 'ai.cloud.role': 'justera', 'ai.operation.name': 'POST /api/messages' });
    }
    // The Bot Connector calls the service made are dependencies of the requests they belong to.
    const calls = ingestion.of('RemoteDependencyData').filter((d) => String(d.data?.baseData?.['data'] ?? '').includes('/v3/conversations'));
    expect(calls.length).toBeGreaterThan(0);
    const operations = new Set(requests.map((r) => r.tags?.['ai.operation.id']));
    expect(operations.size).toBe(4);

    // Log lines: pino's lines, sent with the request's operation id, and carrying the same trace id themselves.
    const lines = ingestion.of('MessageData').map((m) => ({ operation: m.tags?.['ai.operation.id'], line: JSON.parse(String(m.data?.baseData?.['message'])) as Record<string, unknown> }));
    const requestLines = lines.filter((l) => l.line['msg'] === 'request' && l.line['url'] === '/api/messages');
    expect(requestLines.length).toBe(requests.length);
    for (const l of requestLines) {
      expect(operations.has(l.operation)).toBe(true);
      expect(l.line['trace_id']).toBe(l.operation);
    }
    expect(lines.some((l) => l.line['msg'] === 'configuration')).toBe(true);

    // Metrics: the check-in, the cards Teams took, the outbox's depth.
    const metrics = ingestion.of('MetricData').flatMap((e) => ((e.data?.baseData?.['metrics'] ?? []) as { name: string; value: number }[]).map((m) => ({ ...m, properties: (e.data?.baseData?.['properties'] ?? {}) as Record<string, string> })));
    const checkins = metrics.filter((m) => m.name === 'justera.checkins' && m.properties['status'] === 'online');
    expect(checkins.reduce((max, m) => Math.max(max, m.value), 0)).toBe(1);
    expect(metrics.some((m) => m.name === 'justera.card.deliveries' && m.properties['outcome'] === 'delivered' && m.properties['kind'] === 'checkinCard')).toBe(true);
    expect(metrics.some((m) => m.name === 'justera.outbox.depth')).toBe(true);
  });

  test('without the setting nothing is started: no OpenTelemetry SDK loaded, nothing sent, no trace ids in the log', async () => {
    const probe = loadedModulesProbe();
    const svc = await spawnService({ DATA_DIR: tempDir(), PLAYGROUND: 'off', NODE_OPTIONS: probe.nodeOptions, NODE_EXTRA_CA_CERTS: tls.caFile, ...FAST_EXPORT, ...NO_STATSBEAT });
    try {
      await checkIn(svc, j);
    } finally {
      expect(await svc.interrupt()).toBe(0);
    }
    expect(probe.read()).toEqual([]);
    expect(ingestion.paths).toEqual([]);
    expect(svc.output()).toContain('"telemetry":"off"');
    expect(svc.output()).not.toContain('trace_id');
  });
});

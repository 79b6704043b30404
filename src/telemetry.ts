import { shutdownAzureMonitor, useAzureMonitor } from '@azure/monitor-opentelemetry';
import { metrics as otelMetrics, ValueType } from '@opentelemetry/api';
import type { Metrics } from './app/ports';

/**
 * OpenTelemetry through Azure Monitor's distro, at the edge. Loaded and started only when
 * APPLICATIONINSIGHTS_CONNECTION_STRING is set (src/main.ts), before the HTTP server and the
 * logger are loaded, so the distro's instrumentations see them:
 *
 * - requests: the distro's HTTP instrumentation makes a span of every request (App Insights
 *   "requests"), and of every outgoing call (Bot Connector, Graph, Table Storage: "dependencies");
 * - log lines: pino writes through the console while telemetry is on (src/log.ts,
 *   consoleDestination), and the distro's console instrumentation sends each line with the
 *   active span's context, so a line and its request share the operation id; the lines also
 *   carry trace_id and span_id themselves;
 * - metrics: the instruments below, fed by the app through the Metrics port.
 */
export interface Telemetry {
  metrics: Metrics;
  /** Reports the outbox's depth (an observable gauge) by calling `read` at each export. */
  observeOutboxDepth(read: () => Promise<number>): void;
  /** Sends what is buffered and stops. */
  shutdown(): Promise<void>;
}

/** Metric names as they appear in Application Insights (customMetrics). */
export const METRIC_NAMES = {
  checkins: 'justera.checkins',
  deliveries: 'justera.card.deliveries',
  archiveLatency: 'justera.archive.latency',
  archiveFailures: 'justera.archive.failures',
  outboxDepth: 'justera.outbox.depth',
} as const;

export function startTelemetry(connectionString: string): Telemetry {
  // The cloud role name in Application Insights.
  process.env.OTEL_SERVICE_NAME ??= 'justera';
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    // Every request is kept: Justera's traffic is small, and a check-in burst is what one looks for.
    samplingRatio: 1,
    tracesPerSecond: 0,
    enableLiveMetrics: false,
    instrumentationOptions: {
      http: { enabled: true },
      azureSdk: { enabled: true },
      console: { enabled: true },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
    },
  });
  const meter = otelMetrics.getMeter('justera');
  const checkins = meter.createCounter(METRIC_NAMES.checkins, { description: 'Attendance answers recorded (check-in card or tab), by status', valueType: ValueType.INT });
  const deliveries = meter.createCounter(METRIC_NAMES.deliveries, { description: 'Attempts at sending a card to Teams, by kind and outcome (delivered, retry, failed)', valueType: ValueType.INT });
  const archiveLatency = meter.createHistogram(METRIC_NAMES.archiveLatency, { description: 'Time from approval of minutes until they are in the archive', unit: 's' });
  const archiveFailures = meter.createCounter(METRIC_NAMES.archiveFailures, { description: 'Failed attempts at archiving, by outcome (retry, failed)', valueType: ValueType.INT });
  const outboxDepth = meter.createObservableGauge(METRIC_NAMES.outboxDepth, { description: 'Cards waiting in the delivery outbox (counted up to 1000)', valueType: ValueType.INT });

  // Telemetry must never break what it measures.
  const safe =
    <A extends unknown[]>(f: (...args: A) => void) =>
    (...args: A): void => {
      try {
        f(...args);
      } catch {
        // dropped
      }
    };
  return {
    metrics: {
      checkinRecorded: safe((status: string) => checkins.add(1, { status })),
      deliveryAttempted: safe((kind: string, outcome: string) => deliveries.add(1, { kind, outcome })),
      archived: safe((latencyMs: number) => archiveLatency.record(latencyMs / 1000)),
      archiveFailed: safe((outcome: string) => archiveFailures.add(1, { outcome })),
    },
    observeOutboxDepth: (read) => {
      outboxDepth.addCallback(async (result) => {
        try {
          result.observe(await read());
        } catch {
          // The store did not answer: no value this time.
        }
      });
    },
    shutdown: () => shutdownAzureMonitor(),
  };
}

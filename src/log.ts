import { AsyncLocalStorage } from 'node:async_hooks';
import { trace } from '@opentelemetry/api';
import pino from 'pino';

/** Carries the request id of the HTTP request a bot turn belongs to, into every log line. */
export const requestContext = new AsyncLocalStorage<{ reqId: string }>();

export type AppLogger = pino.Logger;

export function createLogger(level: pino.LevelWithSilent, destination?: pino.DestinationStream): AppLogger {
  return pino(
    {
      name: 'justera',
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => {
        const ctx = requestContext.getStore();
        // The active span's ids (telemetry on): the line and its request share an operation id.
        const span = trace.getActiveSpan()?.spanContext();
        return {
          ...(ctx ? { reqId: ctx.reqId } : {}),
          ...(span && trace.isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId, trace_flags: `0${span.traceFlags.toString(16)}` } : {}),
        };
      },
      redact: {
        paths: [
          'password',
          '*.password',
          'botPassword',
          '*.botPassword',
          'authorization',
          'headers.authorization',
          'req.headers.authorization',
          '*.headers.authorization',
          'err.config',
          'err.request',
          'err.response.request',
        ],
        censor: '[redacted]',
      },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}

/**
 * Where log lines go while telemetry is on: through the console, which Azure Monitor's console
 * instrumentation (src/telemetry.ts) patches to send each line, with the active span's context,
 * to Application Insights, and then prints as before. Errors and warnings go to stderr (console.error,
 * console.warn), the rest to stdout.
 */
export function consoleDestination(): pino.DestinationStream {
  return {
    write(line: string): void {
      const level = Number(/"level":(\d+)/.exec(line)?.[1] ?? 30);
      const text = line.endsWith('\n') ? line.slice(0, -1) : line;
      if (level >= 50) console.error(text);
      else if (level >= 40) console.warn(text);
      else if (level >= 30) console.info(text);
      else console.debug(text);
    },
  };
}

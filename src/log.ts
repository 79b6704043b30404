import { AsyncLocalStorage } from 'node:async_hooks';
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
        return ctx ? { reqId: ctx.reqId } : {};
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

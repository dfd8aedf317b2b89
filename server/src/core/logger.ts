import { randomUUID } from 'node:crypto';
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * The process's structured log: one JSON object per line on stdout, with
 * `reqId` on every line about one request, `jobId` about one scheduled job and
 * `distributionId` about one push. Configured once at start; silent in tests
 * unless LOG_LEVEL asks otherwise.
 */
export let logger: Logger = pino({ base: { service: 'stagecoach' }, level: process.env.NODE_ENV === 'test' ? 'silent' : 'info' });

/** Sets the level (LOG_LEVEL) and, for tests, where lines go instead of stdout. */
export function configureLogger(level: pino.LevelWithSilent, destination?: pino.DestinationStream): Logger {
  const options = { base: { service: 'stagecoach' }, level, serializers: { err: pino.stdSerializers.err } };
  logger = destination ? pino(options, destination) : pino(options);
  return logger;
}

/** A correlation id for a request, a job or an error report, quoted to clients and written to the log. */
export function newCorrelationId(): string {
  return randomUUID();
}

import { DomainError } from './errors';
import { logger, newCorrelationId } from './logger';

/**
 * The message to store where clients can read it (a failed target, a failed
 * job). Domain errors were written for people and are kept; anything else (a
 * driver's message naming tables, columns, hosts or file paths) goes to the
 * log under a reference that the stored message quotes.
 */
export function safeErrorMessage(error: unknown, what: string, where: Record<string, unknown>): string {
  if (error instanceof DomainError) return error.message;
  const reference = newCorrelationId();
  logger.error({ err: error, reference, ...where }, `${what} failed`);
  return `an internal error stopped this ${what} (reference ${reference}); it has been logged, and it can be retried`;
}

import { DomainError } from '../../../core/errors';

/** Runs `fn`, expecting a DomainError, and returns it for assertions on message and details. */
export function domainErrorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}

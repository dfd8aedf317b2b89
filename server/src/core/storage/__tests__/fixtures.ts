import { createHash } from 'node:crypto';
import { DomainError, type ErrorCode } from '../../errors';
import type { TreeEntry } from '../types';

/** A well-formed object id derived from a seed, so tests can make many distinct ids. */
export function idOf(seed: string | number): string {
  return createHash('sha256').update(String(seed)).digest('hex');
}

export function file(name: string, size: number, seed: string | number = name): TreeEntry {
  return { name, kind: 'FILE', id: idOf(seed), size };
}

/** Runs `fn` and returns the DomainError it throws, failing the test on success or on another error type. */
export async function domainErrorOf(fn: () => unknown, code: ErrorCode): Promise<DomainError> {
  let thrown: unknown;
  try {
    await fn();
  } catch (error) {
    thrown = error;
  }
  if (!(thrown instanceof DomainError)) {
    throw new Error(`expected a DomainError ${code}, got ${thrown === undefined ? 'success' : String(thrown)}`);
  }
  expect(thrown.code).toBe(code);
  return thrown;
}

/** Synchronous twin of {@link domainErrorOf}. */
export function syncDomainErrorOf(fn: () => unknown, code: ErrorCode): DomainError {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  if (!(thrown instanceof DomainError)) {
    throw new Error(`expected a DomainError ${code}, got ${thrown === undefined ? 'success' : String(thrown)}`);
  }
  expect(thrown.code).toBe(code);
  return thrown;
}

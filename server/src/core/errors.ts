/**
 * Domain errors. Services throw these; one GraphQL middleware and one HTTP
 * handler map `code` to `extensions.code` / an HTTP status. Nothing here
 * imports graphql, so the storage engine and services stay transport-free.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Machine-readable detail for clients (e.g. the missing paths of a hand-in). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const unauthenticated = (message = 'sign in first: no valid session or token was sent') =>
  new DomainError('UNAUTHENTICATED', message);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
export const notFound = (message: string) => new DomainError('NOT_FOUND', message);
export const badInput = (message: string, details?: Record<string, unknown>) =>
  new DomainError('BAD_USER_INPUT', message, details);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new DomainError('CONFLICT', message, details);
/** Too many attempts; `retryAfterSeconds` becomes the `Retry-After` header. */
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  new DomainError('RATE_LIMITED', message, { retryAfterSeconds });

/** HTTP status for a domain error code, for the streaming endpoints. */
export const httpStatusOf = (code: ErrorCode): number =>
  ({ UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400, CONFLICT: 409, RATE_LIMITED: 429 })[code];

/** The change that won: who made it and when (and what, where that helps), for a refused stale save. */
export interface WinningChange {
  by: { id: string; name: string } | null;
  at: Date;
  /** What the change was, e.g. 'save application jupyter'. */
  what?: string;
}

/**
 * The refusal of a save made from a version that is no longer current. The
 * message names who changed `subject` and when, so the person can decide to
 * reload or overwrite; `changedBy` and `changedAt` carry the same for clients.
 */
export function staleSave(subject: string, change: WinningChange, details: { currentVersion: number; expectedVersion: number }): DomainError {
  if (details.expectedVersion > details.currentVersion) {
    return conflict(`${subject} is at version ${details.currentVersion}; there is no version ${details.expectedVersion} yet: reload and try again`, details);
  }
  const who = change.by?.name ?? 'an automatic change';
  const what = change.what ? ` (${change.what})` : '';
  return conflict(
    `${subject} was changed by ${who} at ${formatUtc(change.at)}${what} after you opened it (version ${details.expectedVersion}, now ${details.currentVersion}); ` +
      'reload to see that change, or save again from the current version to overwrite it',
    { ...details, changedBy: change.by, changedAt: change.at.toISOString() },
  );
}

/** `2026-12-01 05:12:03 UTC`: one unambiguous time in messages, whatever the server's zone. */
export const formatUtc = (at: Date): string => `${at.toISOString().slice(0, 19).replace('T', ' ')} UTC`;

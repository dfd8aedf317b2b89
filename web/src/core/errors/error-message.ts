import type { CombinedError } from '@urql/core';

/** The codes the API puts in `extensions.code`. */
export const API_ERROR_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'RATE_LIMITED'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/**
 * What went wrong, as far as the interface cares: one of the API's codes, the
 * server not being reachable, or anything else (an internal error, a response
 * that is not GraphQL).
 */
export type ErrorKind = ApiErrorCode | 'NETWORK' | 'UNEXPECTED';

export interface ErrorMessage {
  kind: ErrorKind;
  /** Words chosen by `kind`, never taken from the server's text. */
  message: string;
  /**
   * The server's own explanation, for the kinds where the API writes it for
   * people ("path '../x' leaves the workspace"); shown, never inspected.
   */
  detail?: string;
}

export type ErrorWording = Partial<Record<ErrorKind, string>>;

const DEFAULT_WORDING: Record<ErrorKind, string> = {
  UNAUTHENTICATED: 'Your session has ended. Please sign in again.',
  FORBIDDEN: 'You do not have permission to do that.',
  NOT_FOUND: 'That no longer exists, or you do not have access to it.',
  BAD_USER_INPUT: 'Some of what you entered cannot be used.',
  CONFLICT: 'This was changed by someone else in the meantime. Reload and try again.',
  RATE_LIMITED: 'Too many attempts. Please wait before trying again.',
  NETWORK: 'The Stagecoach server cannot be reached. Check your connection and try again.',
  UNEXPECTED: 'Something went wrong on our side. Please try again in a moment.',
};

const SERVER_DETAIL_SHOWN: ReadonlySet<ErrorKind> = new Set(['BAD_USER_INPUT', 'CONFLICT', 'RATE_LIMITED']);

const isApiErrorCode = (code: unknown): code is ApiErrorCode =>
  typeof code === 'string' && (API_ERROR_CODES as readonly string[]).includes(code);

/**
 * Classifies a failed operation by `extensions.code`. A network failure wins:
 * when the request did not complete, any GraphQL errors are not the answer.
 */
export function errorKindOf(error: CombinedError): ErrorKind {
  if (error.networkError) return 'NETWORK';
  for (const graphQLError of error.graphQLErrors) {
    const code = graphQLError.extensions?.code;
    if (isApiErrorCode(code)) return code;
  }
  return 'UNEXPECTED';
}

/** True when the operation failed because nobody is signed in (or the session ended). */
export function isUnauthenticated(error: CombinedError | null | undefined): boolean {
  return error != null && errorKindOf(error) === 'UNAUTHENTICATED';
}

/**
 * The message to show for a failed operation. `wording` replaces the default
 * words for kinds that mean something specific where the call is made (on the
 * sign-in form UNAUTHENTICATED means a wrong address or password).
 */
export function describeError(error: CombinedError, wording: ErrorWording = {}): ErrorMessage {
  const kind = errorKindOf(error);
  const detail = error.graphQLErrors.find((e) => e.extensions?.code === kind)?.message;
  return describeKind(kind, detail, wording);
}

/** The message for a kind, with the server's explanation where that kind shows it. */
export function describeKind(kind: ErrorKind, serverText: string | undefined, wording: ErrorWording = {}): ErrorMessage {
  const message = wording[kind] ?? DEFAULT_WORDING[kind];
  if (!SERVER_DETAIL_SHOWN.has(kind) || !serverText) return { kind, message };
  return { kind, message, detail: serverText };
}

/**
 * A machine-readable detail the API attached to the error of kind `code`
 * (`extensions.missing` of a refused hand-in, `extensions.field` of a refused
 * application), or undefined.
 */
export function errorExtension(error: CombinedError | null | undefined, code: ApiErrorCode, key: string): unknown {
  if (!error || error.networkError) return undefined;
  return error.graphQLErrors.find((e) => e.extensions?.code === code)?.extensions?.[key];
}

/**
 * A failure of the plain HTTP endpoints (upload, download), which answer
 * `{ error: { code, message } }` with a status. `status` 0 means the request
 * never completed.
 */
export function describeHttpFailure(status: number, body: unknown, wording: ErrorWording = {}): ErrorMessage {
  if (status === 0) return describeKind('NETWORK', undefined, wording);
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const kind: ErrorKind = isApiErrorCode(error?.code) ? error.code : 'UNEXPECTED';
  return describeKind(kind, typeof error?.message === 'string' ? error.message : undefined, wording);
}

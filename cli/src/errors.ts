/** Exit codes, documented in the README's "Command line" section. */
export const ExitCode = {
  failure: 1,
  usage: 2,
  unauthenticated: 3,
  notFound: 4,
  unreachable: 5,
  conflict: 6,
} as const;

/** A failure told to the user as one line, with the exit code that classifies it. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.failure,
    readonly code = 'FAILED',
  ) {
    super(message);
    this.name = 'CliError';
  }
}

const byServerCode: Record<string, number> = {
  UNAUTHENTICATED: ExitCode.unauthenticated,
  FORBIDDEN: ExitCode.unauthenticated,
  NOT_FOUND: ExitCode.notFound,
  BAD_USER_INPUT: ExitCode.usage,
  CONFLICT: ExitCode.conflict,
  PRECONDITION_FAILED: ExitCode.conflict,
};

/** The exit code for an error code the server answered with. */
export function exitCodeFor(serverCode: string | undefined): number {
  return (serverCode && byServerCode[serverCode]) || ExitCode.failure;
}

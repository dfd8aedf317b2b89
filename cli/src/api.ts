import type { TypedDocumentString } from './gql/graphql';
import type { Connection } from './config';
import { CliError, ExitCode, exitCodeFor } from './errors';

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: RequestInit['body'];
  /** Statuses answered without an error (besides 2xx), e.g. 304. */
  accept?: number[];
}

/** Talks to one server with one token, through the public GraphQL and HTTP APIs only. */
export class Client {
  constructor(readonly connection: Connection) {}

  get server(): string {
    return this.connection.server;
  }

  /** Fails naming the missing login before any request is made. */
  requireToken(): string {
    if (!this.connection.token) {
      throw new CliError(`not logged in to ${this.server}: run \`stagecoach login\` or set STAGECOACH_TOKEN`, ExitCode.unauthenticated, 'UNAUTHENTICATED');
    }
    return this.connection.token;
  }

  async graphql<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables?: TVariables, anonymous = false): Promise<TResult> {
    const response = await this.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      accept: [400, 401, 403, 404, 409, 422, 500],
    }, anonymous);
    let answer: GraphQLAnswer<TResult>;
    try {
      answer = (await response.json()) as GraphQLAnswer<TResult>;
    } catch {
      throw new CliError(`${this.server}/graphql answered ${response.status} without a GraphQL answer: is this a Stagecoach server?`, ExitCode.unreachable, 'UNREACHABLE');
    }
    const first = answer.errors?.[0];
    if (first) {
      const code = first.extensions?.code;
      const message = code === 'UNAUTHENTICATED' ? `${first.message} (the token was refused: run \`stagecoach login\` again)` : first.message;
      throw new CliError(message, exitCodeFor(code), code ?? 'FAILED');
    }
    if (!answer.data) throw new CliError(`${this.server}/graphql answered without data`);
    return answer.data;
  }

  /** A request under the server's address; non-2xx answers become errors carrying the server's message. */
  async fetch(pathAndQuery: string, options: RequestOptions = {}, anonymous = false): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (!anonymous) headers.authorization = `Bearer ${this.requireToken()}`;
    const url = this.server + pathAndQuery;
    let response: Response;
    try {
      response = await fetch(url, {
        method: options.method ?? 'GET',
        headers,
        body: options.body,
        ...(options.body && typeof options.body === 'object' && 'getReader' in options.body ? { duplex: 'half' } : {}),
      } as RequestInit);
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new CliError(`cannot reach the server at ${this.server} (${cause?.code ?? cause?.message ?? (error as Error).message})`, ExitCode.unreachable, 'UNREACHABLE');
    }
    if (response.ok || options.accept?.includes(response.status)) return response;
    throw await errorFromResponse(response, `${options.method ?? 'GET'} ${pathAndQuery}`);
  }
}

/** The server's `{ error: { code, message } }` answer as an error a user can act on. */
async function errorFromResponse(response: Response, what: string): Promise<CliError> {
  let code: string | undefined;
  let message = `${what} answered ${response.status} ${response.statusText}`;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.message) message = body.error.message;
    code = body.error?.code;
  } catch {
    // Not JSON: the status line says what happened.
  }
  if (response.status === 401) {
    return new CliError(`${message} (the token was refused: run \`stagecoach login\` again)`, ExitCode.unauthenticated, 'UNAUTHENTICATED');
  }
  if (response.status === 404 && !code) code = 'NOT_FOUND';
  return new CliError(message, exitCodeFor(code ?? (response.status === 409 ? 'CONFLICT' : undefined)), code ?? `HTTP_${response.status}`);
}

export interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** Every node of a paged list, asking for one page after another. */
export async function allPages<T>(fetchPage: (after: string | null) => Promise<Page<T>>): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page<T> = await fetchPage(after);
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return nodes;
    after = page.pageInfo.endCursor;
  }
}

/** Encodes a workspace path for the file API, segment by segment. */
export function encodePath(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}

/**
 * The object a lookup by id answered. The server answers one that does not
 * exist or is hidden with null beside a NOT_FOUND error, which `graphql`
 * already throws; a null without that error is reported the same way.
 */
export function found<T>(value: T | null | undefined, what: string): T {
  if (value == null) throw new CliError(`${what} does not exist, or you cannot see it`, ExitCode.notFound, 'NOT_FOUND');
  return value;
}

import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  GraphQLError,
  getNamedType,
  isLeafType,
  isListType,
  getNullableType,
  type DocumentNode,
  type GraphQLField,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { consumePoints, type LimiterStore, type RateLimiterAbstract } from '../rate-limit';
import type { GraphQLContext } from './context';

/** The limits every GraphQL request is held to, over HTTP and WebSocket alike. */
export const LIMITS = {
  /** Nesting of selections. */
  depth: 12,
  /** Aliases in one operation. */
  aliases: 30,
  /** Points one request may cost at most (see queryCost). */
  cost: 20_000,
  /** Lexical tokens in one document. */
  tokens: 5_000,
};

/** The page size a paged list returns when `first`/`last` is not given. */
const DEFAULT_PAGE = 20;
/** What a list without paging arguments is assumed to hold, per item of its parent. */
const UNPAGED_LIST = 10;

/**
 * One point per object a query may resolve (fields of scalar and enum type
 * are free); a paged list multiplies what it selects by its page size, a
 * list without paging by UNPAGED_LIST.
 */
const objectsEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (isLeafType(getNamedType(field.type))) return 0;
  return itemsOf(type.name, field, args) * (1 + childComplexity);
};

function itemsOf(parent: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  if (field.args.some((a) => a.name === 'first' || a.name === 'last')) {
    return [args.first, args.last].find((n): n is number => typeof n === 'number') ?? DEFAULT_PAGE;
  }
  if (!isListType(getNullableType(field.type))) return 1;
  // A connection's edges and nodes are its page, already counted by the field that asked for it.
  return parent.endsWith('Connection') ? 1 : UNPAGED_LIST;
}

/** The most a request may cost: every page full. */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string | null): number {
  return getComplexity({ schema, query: document, variables, operationName: operationName ?? undefined, estimators: [objectsEstimator] });
}

/** The count an armor rule found ("…exceeded, found 14."), to say it in our words. */
function found(error: GraphQLError): string {
  return /found (\d+)/.exec(error.message)?.[1] ?? 'more';
}

const reportAs = (code: string, say: (found: string) => string) => ({
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(say(found(error)), { nodes: error.nodes, extensions: { code } })),
  ],
});

/** Validation rules for depth and aliases; refusals carry their own codes and name the limit. */
export const limitRules: ValidationRule[] = [
  maxDepthRule({
    n: LIMITS.depth,
    ...reportAs('QUERY_TOO_DEEP', (n) => `the query nests ${n} levels deep; at most ${LIMITS.depth} are allowed`),
  }),
  maxAliasesRule({
    n: LIMITS.aliases,
    ...reportAs('TOO_MANY_ALIASES', (n) => `the query uses ${n} aliases; at most ${LIMITS.aliases} are allowed`),
  }),
];

export const tooComplex = (cost: number) =>
  new GraphQLError(`the query may cost ${cost} points; at most ${LIMITS.cost} are allowed per request: ask for smaller pages (first/last) or fewer fields`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', cost, limit: LIMITS.cost },
  });

/**
 * A request refused for a limit, as the client should see it: Apollo reports
 * every validation error as GRAPHQL_VALIDATION_FAILED and a document over the
 * token limit as a "Syntax Error"; these keep their own codes instead.
 */
export function limitError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | null {
  const code = formatted.extensions?.code;
  if (code === 'GRAPHQL_PARSE_FAILED' && isTokenLimit(formatted.message)) {
    return { message: tooLargeMessage(), extensions: { code: 'QUERY_TOO_LARGE', limit: LIMITS.tokens } };
  }
  const original = (error as GraphQLError | null)?.originalError;
  const ownCode = original instanceof GraphQLError ? original.extensions?.code : undefined;
  if (code === 'GRAPHQL_VALIDATION_FAILED' && typeof ownCode === 'string' && LIMIT_CODES.has(ownCode)) {
    return { ...formatted, extensions: { ...formatted.extensions, code: ownCode } };
  }
  return null;
}

const LIMIT_CODES = new Set(['QUERY_TOO_DEEP', 'TOO_MANY_ALIASES']);

/** Parse errors for a document over the token limit get their own code instead of "Syntax Error". */
export function isTokenLimit(message: string): boolean {
  // graphql-js says "Document contains more that N tokens".
  return /more tha[nt] \d+ tokens/i.test(message);
}
export const tooLargeMessage = () => `the query has more than ${LIMITS.tokens} tokens, the limit; split it or use fragments and variables`;

export interface BudgetConfig {
  /** Points each caller may spend per window; 0 turns budgets off. */
  points: number;
  /** The window, in seconds. */
  windowSeconds: number;
}

export interface BudgetState {
  limit: number;
  remaining: number;
  /** Seconds until the window starts again. */
  resetSeconds: number;
}

/**
 * Per-caller budgets of query points: each API token (a dashboard session is
 * a token too) or, signed out, each address may spend `points` per window.
 * A request is charged what it actually resolved once it ran; a caller with
 * nothing left is refused until the window ends.
 */
export class RequestBudget {
  private readonly limiter: RateLimiterAbstract | null;

  constructor(
    limiters: LimiterStore,
    readonly config: BudgetConfig,
  ) {
    this.limiter = config.points > 0 ? limiters.limiter({ keyPrefix: 'query_points', points: config.points, duration: config.windowSeconds }) : null;
  }

  get enabled(): boolean {
    return this.limiter !== null;
  }

  async state(key: string): Promise<BudgetState> {
    const res = await this.limiter?.get(key);
    return this.stateOf(res?.remainingPoints ?? this.config.points, res?.msBeforeNext ?? this.config.windowSeconds * 1000);
  }

  async charge(key: string, points: number): Promise<BudgetState> {
    if (!this.limiter || points <= 0) return this.state(key);
    const res = await consumePoints(this.limiter, key, points);
    return this.stateOf(res.remainingPoints, res.msBeforeNext);
  }

  private stateOf(remaining: number, msBeforeNext: number): BudgetState {
    return { limit: this.config.points, remaining: Math.max(0, remaining), resetSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)) };
  }
}

/** Whose budget a request spends. */
export function budgetKey(context: Pick<GraphQLContext, 'actor' | 'ip'>): string {
  return context.actor ? `token:${context.actor.token.id}` : `address:${context.ip ?? 'unknown'}`;
}

export function rateLimitHeaders(state: BudgetState, windowSeconds: number): [string, string][] {
  return [
    ['ratelimit-limit', String(state.limit)],
    ['ratelimit-remaining', String(state.remaining)],
    ['ratelimit-reset', String(state.resetSeconds)],
    ['ratelimit-policy', `${state.limit};w=${windowSeconds}`],
  ];
}

/**
 * Prices every request before it runs (refusing one that may cost more than
 * LIMITS.cost, and one whose caller has spent the budget), counts what it
 * resolved, charges that, and reports both in `extensions.cost` and the
 * `RateLimit-*` headers.
 */
export function requestCostPlugin(schema: GraphQLSchema, budget: RequestBudget): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      let requested = 0;
      let actual = 0;
      let priced = false;
      return {
        async didResolveOperation({ request, document, operationName, contextValue }) {
          requested = queryCost(schema, document, request.variables ?? {}, operationName);
          if (requested > LIMITS.cost) throw tooComplex(requested);
          priced = true;
          if (!budget.enabled) return;
          const state = await budget.state(budgetKey(contextValue));
          if (state.remaining <= 0) {
            const headers = new Map([['retry-after', String(state.resetSeconds)], ...rateLimitHeaders(state, budget.config.windowSeconds)]);
            throw new GraphQLError(`the budget of ${state.limit} query points per ${budget.config.windowSeconds} s is spent; try again in ${state.resetSeconds} s`, {
              extensions: { code: 'RATE_LIMITED', retryAfterSeconds: state.resetSeconds, http: { status: 429, headers } },
            });
          }
        },
        async executionDidStart() {
          return {
            willResolveField({ info }) {
              if (!isLeafType(getNamedType(info.returnType))) actual++;
            },
          };
        },
        async willSendResponse({ response, contextValue }) {
          if (!priced) return;
          const state = await budget.charge(budgetKey(contextValue), actual);
          if (budget.enabled) for (const [name, value] of rateLimitHeaders(state, budget.config.windowSeconds)) response.http.headers.set(name, value);
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = {
            ...result.extensions,
            cost: { requested, actual, limit: LIMITS.cost, ...(budget.enabled ? { budget: state.limit, remaining: state.remaining, resetSeconds: state.resetSeconds } : {}) },
          };
        },
      };
    },
  };
}

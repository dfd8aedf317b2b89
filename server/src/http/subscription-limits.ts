import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type ExecutionResult, type FormattedExecutionResult, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Context, SubscribePayload } from 'graphql-ws';
import { toGraphQLError } from '../core/graphql/guards';
import { LIMITS, isTokenLimit, limitRules, queryCost, tooComplex, tooLargeMessage } from '../core/graphql/request-cost';
import { logger } from '../core/logger';

type AnyContext = Context<Record<string, unknown> | undefined, unknown>;

const withCode = (error: GraphQLError, code: string) =>
  error.extensions?.code ? error : new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code } });

/**
 * What a client sees of an error on the socket, as over HTTP: domain errors
 * with their code (the HTTP status and headers left out), anything
 * unexpected logged and hidden.
 */
export function socketError(error: GraphQLError): GraphQLFormattedError {
  const mapped = error.originalError ? toGraphQLError(error.originalError) : error;
  if (mapped instanceof GraphQLError && mapped.extensions?.code && mapped.extensions.code !== 'INTERNAL_SERVER_ERROR') {
    const { http: _http, ...extensions } = mapped.extensions as Record<string, unknown>;
    return { message: mapped.message, locations: error.locations, path: error.path, extensions };
  }
  logger.error({ err: error.originalError ?? error }, 'unexpected error in a subscription');
  return { message: 'internal error; it has been logged', path: error.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * graphql-ws hooks holding operations on the socket to the same limits as
 * over HTTP (tokens, depth, aliases, cost), refused with the same codes, and
 * giving subscription errors `extensions.code` like HTTP ones.
 */
export function subscriptionLimits(schema: GraphQLSchema) {
  return {
    onSubscribe(_ctx: AnyContext, _id: string, payload: SubscribePayload): ExecutionArgs | readonly GraphQLError[] {
      let document: DocumentNode;
      try {
        document = parse(payload.query, { maxTokens: LIMITS.tokens });
      } catch (error) {
        const message = (error as Error).message;
        if (isTokenLimit(message)) return [new GraphQLError(tooLargeMessage(), { extensions: { code: 'QUERY_TOO_LARGE', limit: LIMITS.tokens } })];
        return [new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
      }
      const errors = validate(schema, document, [...specifiedRules, ...limitRules]);
      if (errors.length > 0) return errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
      const cost = queryCost(schema, document, payload.variables ?? {}, payload.operationName);
      if (cost > LIMITS.cost) return [tooComplex(cost)];
      return { schema, document, variableValues: payload.variables, operationName: payload.operationName };
    },
    onError(_ctx: AnyContext, _id: string, _payload: SubscribePayload, errors: readonly GraphQLError[]): GraphQLFormattedError[] {
      return errors.map(socketError);
    },
    /** A subscription refused by its resolver arrives as a result with errors, not as an error message. */
    onNext(_ctx: AnyContext, _id: string, _payload: SubscribePayload, _args: ExecutionArgs, result: ExecutionResult): FormattedExecutionResult | void {
      if (!result.errors?.length) return;
      return { ...result, errors: result.errors.map(socketError) };
    },
  };
}

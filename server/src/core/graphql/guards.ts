import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { Extensions, type MiddlewareFn } from 'type-graphql';
import { outageOf } from '../../db/database';
import { DomainError } from '../errors';
import { detailsForClients } from './global-id';
import type { GraphQLContext } from './context';
import { logger } from '../logger';

/** Marks an operation anyone may call (login, sign-up, accepting an invitation). Everything else needs a caller. */
export const Public = () => Extensions({ public: true });

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

export function isPublicField(info: GraphQLResolveInfo): boolean {
  return info.parentType.getFields()[info.fieldName]?.extensions?.public === true;
}

/**
 * Default deny for every root operation: unauthenticated callers reach only
 * fields marked @Public, and read-only tokens reach no mutation. Row-level
 * rules (which space, which workspace) live in the services' AccessPolicy.
 */
export const DefaultDeny: MiddlewareFn<GraphQLContext> = async ({ context, info }, next) => {
  if (ROOT_TYPES.has(info.parentType.name) && !isPublicField(info)) {
    if (!context.actor) throw new DomainError('UNAUTHENTICATED', 'sign in first: no valid session or token was sent');
    if (info.parentType.name === 'Mutation' && context.actor.readOnly && info.fieldName !== 'logout') {
      throw new DomainError('FORBIDDEN', 'this API token is read-only');
    }
  }
  return next();
};

/** Maps domain errors to GraphQL errors with `extensions.code`; other errors pass to formatError. */
export const MapErrors: MiddlewareFn<GraphQLContext> = async (_action, next) => {
  try {
    return await next();
  } catch (error) {
    throw toGraphQLError(error);
  }
};

export function toGraphQLError(error: unknown): unknown {
  if (error instanceof DomainError && error.code === 'RATE_LIMITED') {
    // Over HTTP, Apollo turns `http` into the response's status and headers and leaves it out of the body.
    const retryAfter = String(error.details?.retryAfterSeconds ?? 60);
    return new GraphQLError(error.message, {
      extensions: { code: error.code, ...error.details, http: { status: 429, headers: new Map([['retry-after', retryAfter]]) } },
    });
  }
  if (error instanceof DomainError) {
    return new GraphQLError(error.message, { extensions: { code: error.code, ...detailsForClients(error.details) } });
  }
  const outage = outageOf(error);
  if (outage) {
    logger.error({ err: error }, outage.code);
    const headers = new Map(outage.retryAfterSeconds === null ? [] : [['retry-after', String(outage.retryAfterSeconds)]]);
    // Apollo answers with the status and headers of `http`, and strips it from the extensions clients see.
    return new GraphQLError(outage.message, { extensions: { code: outage.code, http: { status: outage.status, headers } } });
  }
  return error;
}

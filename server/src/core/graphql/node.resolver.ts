import { isInterfaceType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { Arg, Ctx, Field, ID, Info, InterfaceType, Query, Resolver } from 'type-graphql';
import { badInput, DomainError, notFound } from '../errors';
import type { GraphQLContext } from './context';
import { fromGlobalId } from './global-id';
import { toGraphQLError } from './guards';

/**
 * Reads one object of a Node type by its raw id for the caller, under the
 * access rules of the list or field that answers it elsewhere, in the shape
 * that list answers (so its field resolvers work the same). Null, NOT_FOUND or
 * FORBIDDEN when the caller may not see it: `node` answers each as NOT_FOUND.
 */
export type NodeLookup = (raw: string, ctx: GraphQLContext, info: GraphQLResolveInfo) => Promise<object | null | undefined>;

/** The lookups a feature module offers, by the GraphQL type they read. */
export type NodeLookups = Readonly<Record<string, NodeLookup>>;

/** Filled by the composition root (schema.ts) with the lookups of every module. */
const lookups = new Map<string, NodeLookup>();

export function registerNodeLookups(...offered: readonly NodeLookups[]): void {
  for (const record of offered) for (const [type, lookup] of Object.entries(record)) lookups.set(type, lookup);
}

/** Refuses a schema with a Node type that `node` cannot read, naming the types. */
export function assertEveryNodeHasLookup(schema: GraphQLSchema): void {
  const node = schema.getType('Node');
  const types = isInterfaceType(node) ? schema.getImplementations(node).objects : [];
  const missing = types.map((type) => type.name).filter((type) => !lookups.has(type)).sort();
  if (missing.length) throw new Error(`node(id:) has no lookup for ${missing.join(', ')}: register one with registerNodeLookups (schema.ts)`);
}

/** A lookup that reads the type through a root field taking its `id` (`space(id:)`), with that field's access rules. */
export const throughQuery =
  (field: string): NodeLookup =>
  async (raw, ctx, info) => {
    const query = info.schema.getQueryType()?.getFields()[field];
    if (!query?.resolve) throw new Error(`Query.${field}, a node lookup, is missing`);
    return (await query.resolve(undefined, { id: raw }, ctx, info)) as object | null;
  };

/** The type each object `node`/`nodes` answered is of, for the interface's resolveType. */
const typeOfNode = new WeakMap<object, string>();

/** At most this many ids in one `nodes` call, like a page. */
export const MAX_NODES = 100;

@InterfaceType('Node', {
  description:
    'An object with a global id. Ids are opaque: base64url of the type name and the row id, so an id names its type; every id argument also accepts the older raw ids (and the ids of webhook payloads and the /api HTTP routes). `node`/`nodes` refetch an object by its id.',
  resolveType: (value: object) => typeOfNode.get(value),
})
export abstract class Node {
  @Field(() => ID, { description: 'The global id of this object.' }) id: string;
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'Any object by its global id: every type that implements Node, each read with the access rules of the list or field that answers it (a notification only to its recipient, an API token only to its owner, a webhook only to admins of its space, a User only as the caller). Null with a NOT_FOUND error for an id that does not exist, is hidden from the caller or is of another type; BAD_USER_INPUT for a value that is not a Stagecoach id. A raw id names no type and is refused.',
  })
  node(@Arg('id', () => ID, { description: 'A global id, as any id field answers it.' }) id: string, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return nodeOf(id, ctx, info);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `Objects by their global ids, in the order asked, as \`node\` reads each (at most ${MAX_NODES}): an id that cannot be read is null with an error at its index; the rest stand.`,
  })
  nodes(
    @Arg('ids', () => [ID], { description: `Global ids, at most ${MAX_NODES}.` }) ids: string[],
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    if (ids.length > MAX_NODES) throw badInput(`nodes takes at most ${MAX_NODES} ids; ${ids.length} were sent`, { max: MAX_NODES });
    // Each item settles on its own, so one unreadable id leaves the others standing; the errors
    // of items are mapped here, since the middleware sees only the list.
    return ids.map((id) =>
      nodeOf(id, ctx, info).catch((error: unknown) => {
        throw toGraphQLError(error);
      }),
    );
  }
}

async function nodeOf(id: string, ctx: GraphQLContext, info: GraphQLResolveInfo): Promise<object> {
  const { type, raw } = fromGlobalId(id);
  if (type === null) throw badInput(`\`${id}\` is a raw id, which names no type: node takes the global id an id field answers`, { id });
  const lookup = lookups.get(type);
  if (!lookup) throw notFound(`no ${type} can be fetched by id through node; read it through the object it belongs to`);
  const hidden = () => notFound(`${type} ${id} not found`);
  const value = await lookup(raw, ctx, info).catch((error: unknown) => {
    // Refused and absent read the same, so an id tells nothing of what exists.
    throw error instanceof DomainError && error.code === 'FORBIDDEN' ? hidden() : error;
  });
  if (value === null || value === undefined || typeof value !== 'object') throw hidden();
  typeOfNode.set(value, type);
  return value;
}

import { buildSchema, graphql, type GraphQLObjectType } from 'graphql';
import { globalIds, type ArgumentDecoders } from '../graphql/global-ids';
import { toGlobalId } from '../graphql/global-id';

const RAW = '3f0c2a8e-5b1d-4c7e-9a6f-0d2e4b8c1a3f';
const SDL = (extra = '') => `
  interface Node { id: ID! }
  type Space { id: ID! name: String }
  type Workspace { id: ID! spaceId: ID! ownerId: ID ${extra} }
  type Query { workspace(id: ID!): Workspace }
`;

describe('the global id transform of the schema', () => {
  it('fails the build naming an ID field no table types', () => {
    expect(() => globalIds(buildSchema(SDL('mysteryId: ID')), new Map())).toThrow(/Workspace\.mysteryId is an ID field that no table names the type of/);
  });

  it('makes every type with an id a Node and answers global ids', async () => {
    const decoders: ArgumentDecoders = new Map();
    const schema = globalIds(buildSchema(SDL()), decoders);
    expect((schema.getType('Workspace') as GraphQLObjectType).getInterfaces().map((i) => i.name)).toEqual(['Node']);
    expect((schema.getType('Space') as GraphQLObjectType).getInterfaces().map((i) => i.name)).toEqual(['Node']);
    // The decoder of Query.workspace(id:) is handed to the middleware, which applies it before the resolver.
    const decode = decoders.get('Query.workspace')!;
    expect(decode({ id: toGlobalId('Workspace', RAW) })).toEqual({ id: RAW });
    expect(() => decode({ id: toGlobalId('Space', RAW) })).toThrow('names a Space, where a Workspace id is expected');
    const root = { workspace: ({ id }: { id: string }) => ({ id, spaceId: RAW, ownerId: null }) };
    const result = await graphql({ schema, source: `{ workspace(id: "${RAW}") { id spaceId ownerId } }`, rootValue: root });
    expect(result.data?.workspace).toEqual({ id: toGlobalId('Workspace', RAW), spaceId: toGlobalId('Space', RAW), ownerId: null });
  });
});

import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { Page } from '../pagination';

/** `first` and `after` of a forward-paged list. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'At most 100; 20 when omitted.' }) first?: number | null;
  @Field(() => String, { nullable: true }) after?: string | null;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number | null;
}

/** A cursor connection type for `TNode` (lists are never unbounded: `first` is at most 100). */
export function Connection<TNode extends object>(TNodeClass: ClassType<TNode>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field() cursor: string;
    @Field(() => TNodeClass) node: TNode;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass implements ConnectionShape<TNode> {
    @Field(() => [Edge]) edges: Edge[];
    @Field(() => [TNodeClass]) nodes: TNode[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int, { nullable: true, description: 'Total rows matching, where cheap to count.' })
    totalCount: number | null;
  }
  return ConnectionClass;
}

export function toConnection<T, N>(page: Page<T>, map: (row: T) => N): ConnectionShape<N> {
  const nodes = page.nodes.map(map);
  return {
    nodes,
    edges: nodes.map((node, i) => ({ node, cursor: page.cursors[i] })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
    totalCount: page.totalCount ?? null,
  };
}

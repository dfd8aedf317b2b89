import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { Page } from '../pagination';

/** `first` and `after` of a forward-paged list. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'At most 100; 20 when omitted.' }) first?: number | null;
  @Field(() => String, { description: 'Return items after this cursor (an endCursor or edge cursor from the same connection); from the start when omitted.', nullable: true }) after?: string | null;
}

@ObjectType({ description: 'Where a page sits in its connection, for cursor paging.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page; pass endCursor as after to read them.' }) hasNextPage: boolean;
  @Field(() => String, { description: 'Cursor of the last item on this page; null when the page is empty.', nullable: true }) endCursor: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number | null;
}

/** A cursor connection type for `TNode` (lists are never unbounded: `first` is at most 100). */
export function Connection<TNode extends object>(TNodeClass: ClassType<TNode>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque position of this item; pass it as after to read the items that follow.' }) cursor: string;
    @Field(() => TNodeClass, { description: 'The item.' }) node: TNode;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items (cursor paging: first and after).` })
  class ConnectionClass implements ConnectionShape<TNode> {
    @Field(() => [Edge], { description: 'The items of this page with their cursors.' }) edges: Edge[];
    @Field(() => [TNodeClass], { description: 'The items of this page, in order (edges without the cursors).' }) nodes: TNode[];
    @Field(() => PageInfo, { description: 'Where this page sits, and the cursor to read on.' }) pageInfo: PageInfo;
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

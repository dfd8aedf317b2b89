import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { Page, PageArgs as PageArgsShape } from '../pagination';

/** Relay's paging arguments: `first`/`after` forwards, `last`/`before` backwards. */
@ArgsType()
export class PageArgs implements PageArgsShape {
  @Field(() => Int, { nullable: true, description: 'Rows after `after` (at most 100; 20 when neither first nor last is given). Not with last.' }) first?: number | null;
  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' }) after?: string | null;
  @Field(() => Int, { nullable: true, description: 'Rows before `before`, counting back from the end (at most 100). Not with first.' }) last?: number | null;
  @Field(() => String, { nullable: true, description: 'The startCursor of the next page.' }) before?: string | null;
}

@ObjectType({ description: 'Where a page sits in its connection, for cursor paging.' })
export class PageInfo {
  @Field({ description: 'Whether rows follow this page (paging backwards: whether a before cursor was given); pass endCursor as after to read them.' }) hasNextPage: boolean;
  @Field({ description: 'Whether rows come before this page (paging forwards: whether an after cursor was given).' }) hasPreviousPage: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first row of the page; pass it as before for the page before.' }) startCursor: string | null;
  @Field(() => String, { nullable: true, description: 'Cursor of the last row of the page; pass it as after for the page after.' }) endCursor: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number | null;
}

/** A cursor connection type for `TNode` (lists are never unbounded: `first` and `last` are at most 100). */
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
    pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: page.hasPreviousPage, startCursor: page.cursors[0] ?? null, endCursor: page.cursors.at(-1) ?? null },
    totalCount: page.totalCount ?? null,
  };
}

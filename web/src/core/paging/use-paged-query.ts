import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { CombinedError } from '@urql/core';
import type { RequestPolicy } from 'urql';
import { useSessionQuery } from '../graphql/use-session-query';
import { useCursorPages, type CursorPaging } from './use-cursor-pages';

/** The parts of a cursor connection that paging reads. */
export interface Connection<Node> {
  nodes: readonly Node[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  totalCount?: number | null;
}

export interface PagerState {
  page: number;
  pages?: number;
  hasPrevious: boolean;
  hasNext: boolean;
  loading?: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

export interface PagedQuery<Node, C = Connection<Node>> {
  /** The whole connection, with whatever else the query asked of it (counts by status). */
  connection: C | undefined;
  nodes: readonly Node[];
  error: CombinedError | undefined;
  fetching: boolean;
  reload: () => void;
  paging: CursorPaging;
  pager: PagerState;
}

interface PagedQueryArgs<Data, Variables extends { first: number; after?: string | null }, C> {
  query: TypedDocumentNode<Data, Variables>;
  /** Everything but `first` and `after`; a change starts again at the first page. */
  variables: Omit<Variables, 'first' | 'after'>;
  pageSize: number;
  select: (data: Data) => C | undefined;
  pause?: boolean;
  /** One policy for every page, or the policy for the page numbered (from 1). */
  requestPolicy?: RequestPolicy | ((page: number) => RequestPolicy);
}

/** A cursor connection shown a page at a time, with previous and next. */
export function usePagedQuery<Data, Variables extends { first: number; after?: string | null }, C extends Connection<unknown>>({
  query,
  variables,
  pageSize,
  select,
  pause,
  requestPolicy,
}: PagedQueryArgs<Data, Variables, C>): PagedQuery<C['nodes'][number], C> {
  const paging = useCursorPages(JSON.stringify(variables));
  const policy = typeof requestPolicy === 'function' ? requestPolicy(paging.page) : requestPolicy;
  const { data, error, fetching, reload } = useSessionQuery<Data, Variables>({
    query,
    variables: { ...variables, first: pageSize, after: paging.after } as Variables,
    pause,
    ...(policy ? { requestPolicy: policy } : {}),
  });
  const connection = data ? select(data) : undefined;
  return {
    connection,
    nodes: connection?.nodes ?? [],
    error,
    fetching,
    reload,
    paging,
    pager: {
      page: paging.page,
      hasPrevious: paging.page > 1,
      hasNext: connection?.pageInfo.hasNextPage ?? false,
      loading: fetching,
      onPrevious: paging.previous,
      onNext: () => paging.next(connection?.pageInfo.endCursor),
    },
  };
}

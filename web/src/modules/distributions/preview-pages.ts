import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { usePagedQuery, type Connection } from '../../core/paging/use-paged-query';

/** Targets a preview shows a page at a time. */
export const PREVIEW_PAGE_SIZE = 20;

/**
 * The paging variables of a preview's first answer: the first page of every target. A preview operation takes
 * `$first`, `$after` (and a push preview `$only`); its caller spreads these beside its own variables.
 */
export const PREVIEW_FIRST_PAGE = { first: PREVIEW_PAGE_SIZE, after: null };

/** The operation a preview came from, with its own variables, asked again for other pages of its targets. */
export interface PreviewPages<Data, Variables extends { first: number; after?: string | null }, C extends Connection<unknown>> {
  query: TypedDocumentNode<Data, Variables>;
  variables: Omit<Variables, 'first' | 'after'>;
  select: (data: Data) => C | undefined;
}

/**
 * A preview's targets a page at a time, with previous and next. The preview's own answer held the first page of
 * every target, so that page (`firstIsCached`) comes from the cache; any other page is asked of the server, which
 * works the preview out again (workspaces may have changed since an earlier preview asked for the same page).
 */
export function usePreviewPages<Data, Variables extends { first: number; after?: string | null }, C extends Connection<unknown>>(
  { query, variables, select }: PreviewPages<Data, Variables, C>,
  firstIsCached = true,
) {
  return usePagedQuery({
    query,
    variables,
    pageSize: PREVIEW_PAGE_SIZE,
    select,
    requestPolicy: (page) => (page === 1 && firstIsCached ? 'cache-first' : 'network-only'),
  });
}

'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { isUnauthenticated } from '../../../core/errors/error-message';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { ErrorNotice } from '../../shell/components/error-notice';
import { MySpacesQuery } from '../graphql/my-spaces.query';
import { SpaceCard, type SpaceSummary } from './space-card';

const PAGE_SIZE = 20;

/** The signed-in user's spaces, a page at a time. */
export function SpaceList() {
  const router = useRouter();
  const [after, setAfter] = useState<string | null>(null);
  // Pages already shown, before the one `after` asks for.
  const [earlier, setEarlier] = useState<SpaceSummary[]>([]);
  const { data, fetching, error, operation, reload } = useSessionQuery({
    query: MySpacesQuery,
    variables: { first: PAGE_SIZE, after },
    requestPolicy: 'cache-first',
  });
  // urql keeps the previous page's data while the next one loads; only a result for `after` counts.
  const page = (operation?.variables.after ?? null) === after ? data?.spaces : undefined;
  const spaces = page ? [...earlier, ...page.nodes] : earlier;

  const headings = useRef<(HTMLHeadingElement | null)[]>([]);
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    const index = focusFrom.current;
    if (index !== null && spaces.length > index) {
      headings.current[index]?.focus();
      focusFrom.current = null;
    }
  });

  const signedOut = isUnauthenticated(error);
  useEffect(() => {
    if (signedOut) router.replace('/login');
  }, [signedOut, router]);

  function loadMore() {
    if (!page?.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
    // Keyboard and screen-reader users continue at the first space of the new page.
    focusFrom.current = spaces.length;
    setEarlier(spaces);
    setAfter(page.pageInfo.endCursor);
  }

  const loadingMore = !page && !error && earlier.length > 0;

  return (
    <section aria-labelledby="spaces-heading">
      <h1 id="spaces-heading">Your spaces</h1>

      {!page && !error && earlier.length === 0 ? (
        <p className="page-status" role="status">
          Loading your spaces…
        </p>
      ) : null}

      {page && spaces.length === 0 ? (
        <div className="empty-state">
          <p>You are not a member of any space yet.</p>
          <p>When an instructor or project owner invites you, their course or project appears here.</p>
        </div>
      ) : null}

      {spaces.length > 0 ? (
        <ul className="space-list">
          {spaces.map((space, index) => (
            <li key={space.id}>
              <SpaceCard
                space={space}
                headingRef={(el) => {
                  headings.current[index] = el;
                }}
              />
            </li>
          ))}
        </ul>
      ) : null}

      {error && !signedOut && !fetching ? (
        <ErrorNotice error={error} onRetry={reload} />
      ) : null}

      {page?.pageInfo.hasNextPage || loadingMore ? (
        <div className="load-more">
          <button
            type="button"
            className="button button--secondary"
            onClick={loadMore}
            aria-disabled={loadingMore}
          >
            {loadingMore ? 'Loading more…' : 'Load more spaces'}
          </button>
        </div>
      ) : null}
    </section>
  );
}

import type { Client, CombinedError } from '@urql/core';
import type { HandInStatusesQuery as HandInStatusesResult, HandInStatusesQueryVariables, StatusRowFragment } from '../../gql/graphql';
import { HandInStatusesQuery } from './graphql/hand-in-statuses.query';

const PAGE = 100;
/** Beyond this many students a caller gets the first ones, and the total to say so. */
export const MAX_STATUS_ROWS = 2000;

export type AllStatuses = { rows: StatusRowFragment[]; total: number; error?: undefined } | { error: CombinedError };

/**
 * Every student's row of an assignment in the order asked for, page after
 * page from the server (not the cache), up to MAX_STATUS_ROWS. `isCancelled`
 * stops between pages once the caller no longer wants the answer.
 */
export async function readAllStatuses(
  client: Client,
  variables: Omit<HandInStatusesQueryVariables, 'first' | 'after'>,
  isCancelled: () => boolean = () => false,
): Promise<AllStatuses | null> {
  const rows: StatusRowFragment[] = [];
  let total = 0;
  let after: string | null = null;
  for (;;) {
    const result: { data?: HandInStatusesResult; error?: CombinedError } = await client
      .query(HandInStatusesQuery, { ...variables, first: PAGE, after }, { requestPolicy: 'network-only' })
      .toPromise();
    if (isCancelled()) return null;
    const page: HandInStatusesResult['handInStatuses'] | undefined = result.data?.handInStatuses;
    if (!page) return { error: result.error! };
    rows.push(...page.nodes);
    total = page.totalCount ?? rows.length;
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor || rows.length >= MAX_STATUS_ROWS) return { rows, total };
    after = page.pageInfo.endCursor;
  }
}

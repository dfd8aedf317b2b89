'use client';

import { useSubscription } from 'urql';
import type { StatusCountsFragment } from '../../../gql/graphql';
import { DistributionStatusSubscription } from '../graphql/distribution-progress.subscription';
import { DistributionStatusBadge } from './status-badge';

interface LiveDistributionCountsProps {
  id: string;
  initialStatus: string;
  initialCounts: StatusCountsFragment;
}

/** Status and done/total cells of a running distribution in a list, following its progress. */
export function LiveDistributionCounts({ id, initialStatus, initialCounts }: LiveDistributionCountsProps) {
  const [{ data }] = useSubscription({ query: DistributionStatusSubscription, variables: { id } });
  const status = data?.distributionProgress.distribution.status ?? initialStatus;
  const counts = data?.distributionProgress.counts ?? initialCounts;
  return (
    <>
      <td>
        <DistributionStatusBadge status={status} />
      </td>
      <td>
        {counts.done} of {counts.total}
      </td>
    </>
  );
}

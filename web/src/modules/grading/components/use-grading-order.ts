'use client';

import type { CombinedError } from '@urql/core';
import { trackerVariables, type TrackerFilters } from '../../assignments/tracker-filters';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import type { Neighbours } from '../grading-order';
import { GradingNeighboursQuery } from '../graphql/grading.operations';
import { useReadAheadPolicy } from './use-read-ahead';

export interface GradingOrder extends Neighbours {
  loading: boolean;
  error: CombinedError | null;
}

/**
 * Where `studentId` stands in the tracker's list under `filters`, asked of
 * the server in one small request: the student before and after, the place
 * and the total. The student keeps their place even once they no longer
 * match the filters (grading turns 'handed in' into 'graded').
 */
export function useGradingOrder(assignmentId: string, filters: TrackerFilters, studentId: string): GradingOrder {
  const variables = { assignmentId, studentId, ...trackerVariables(filters) };
  const readAhead = useReadAheadPolicy(GradingNeighboursQuery, variables);
  const { data, error, fetching } = useSessionQuery({
    query: GradingNeighboursQuery,
    // What is cached answers at once (a student visited before), while the server is asked again, unless it was just read ahead.
    variables,
    ...(readAhead ? { requestPolicy: readAhead } : {}),
  });
  const found = data?.gradingNeighbours;
  return {
    previous: found?.previous ?? null,
    next: found?.next ?? null,
    position: found?.position ?? null,
    total: found?.total ?? 0,
    loading: !found && (fetching || !error),
    error: error ?? null,
  };
}

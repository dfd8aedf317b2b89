'use client';

import type { CombinedError } from '@urql/core';
import { useEffect, useEffectEvent, useState } from 'react';
import { useClient } from 'urql';
import { readAllStatuses } from '../../assignments/read-all-statuses';
import { trackerQuery, trackerVariables, type TrackerFilters } from '../../assignments/tracker-filters';
import { neighbours, recallOrder, rememberOrder, type Neighbours, type OrderedStudent } from '../grading-order';

export interface GradingOrder extends Neighbours {
  loading: boolean;
  error: CombinedError | null;
}

/**
 * Where `studentId` stands in the tracker's list under `filters`. The list is
 * read once and kept while the grader moves through it; it is read again only
 * when the student is not in the kept one.
 */
export function useGradingOrder(assignmentId: string, filters: TrackerFilters, studentId: string): GradingOrder {
  const client = useClient();
  const key = trackerQuery(filters);
  const [order, setOrder] = useState<readonly OrderedStudent[] | undefined>(() => recallOrder(assignmentId, key));
  const [error, setError] = useState<CombinedError | null>(null);

  // `filters` is fully described by `key`, which the effect follows.
  const readAll = useEffectEvent((cancelled: () => boolean) => readAllStatuses(client, { assignmentId, ...trackerVariables(filters) }, cancelled));
  useEffect(() => {
    const kept = recallOrder(assignmentId, key);
    if (kept?.some((s) => s.id === studentId)) {
      setOrder(kept);
      return;
    }
    let cancelled = false;
    void readAll(() => cancelled).then((result) => {
      if (!result) return;
      if (result.error) {
        setError(result.error);
        return;
      }
      const fresh = result.rows.map((row) => ({ id: row.student.id, name: row.student.name }));
      rememberOrder(assignmentId, key, fresh);
      setError(null);
      setOrder(fresh);
    });
    return () => {
      cancelled = true;
    };
  }, [client, assignmentId, key, studentId]);

  return { ...neighbours(order ?? [], studentId), loading: order === undefined && !error, error };
}

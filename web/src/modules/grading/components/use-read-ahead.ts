'use client';

import { createRequest, type AnyVariables, type RequestPolicy, type TypedDocumentNode } from '@urql/core';
import { useEffect, useMemo } from 'react';
import { useClient } from 'urql';
import { trackerVariables, type TrackerFilters } from '../../assignments/tracker-filters';
import { GradingNeighboursQuery, StudentGradingQuery } from '../graphql/grading.operations';

/**
 * Queries of a neighbouring student's grading page read into the cache
 * ahead of a move there (by urql's operation key): when, and which student
 * they are about (`null`: the tracker's order, which anyone's change can move).
 *
 * Only what the server does not audit is read ahead: the student's feedback,
 * list of hand-ins and place in the order. A hand-in's files and changes are
 * not, because reading those records that the grader opened the hand-in,
 * which they have not yet.
 */
const readAhead = new Map<number, { at: number; assignmentId: string; studentId: string | null }>();

/**
 * Read ahead this long ago or less, the cached answer is shown without asking
 * the server again. Short, because another grader's change is heard (and
 * forgets the read) only while a grading page is open.
 */
const FRESH_MS = 30_000;

/**
 * 'cache-first' when this query was just read ahead, so the cache holds what
 * the server would answer and asking again would do the work twice. Taking
 * it clears it: a later visit asks again.
 */
export function useReadAheadPolicy<Data, Variables extends AnyVariables>(query: TypedDocumentNode<Data, Variables>, variables: Variables): RequestPolicy | undefined {
  const { key } = createRequest(query, variables);
  return useMemo(() => {
    const found = readAhead.get(key);
    readAhead.delete(key);
    return found && Date.now() - found.at < FRESH_MS ? 'cache-first' : undefined;
  }, [key]);
}

/** Something changed for this student (or, without one, for anyone): what was read ahead about them is no longer trusted. */
export function forgetReadAhead(assignmentId: string, studentId: string | null | undefined): void {
  for (const [key, about] of readAhead) {
    if (about.assignmentId === assignmentId && (studentId == null || about.studentId === null || about.studentId === studentId)) readAhead.delete(key);
  }
}

/**
 * Reads the grading page of the students one move away into the cache (who
 * they are, their hand-ins, and their own neighbours), so Alt+N and Alt+P
 * show them without waiting for the server and the move after can be read
 * ahead at once. The reads are watched while this page is shown: a save that
 * changes what the cache holds has them read again. What is cached already
 * (a student visited before) is shown from the cache anyway, and asked again then.
 */
export function useReadAhead(assignmentId: string, filters: TrackerFilters, studentIds: readonly (string | undefined)[]): void {
  const client = useClient();
  const wanted = studentIds.filter((id): id is string => !!id).join(' ');
  const order = JSON.stringify(trackerVariables(filters));
  useEffect(() => {
    const watch = <Data, Variables extends AnyVariables>(query: TypedDocumentNode<Data, Variables>, variables: Variables, studentId: string | null) => {
      const { key } = createRequest(query, variables);
      return client.query(query, variables, { requestPolicy: 'cache-first' }).subscribe((result) => {
        // Only an answer from the server counts, not what an earlier visit left in the cache.
        if (result.data && !result.stale && result.operation.context.meta?.cacheOutcome !== 'hit') readAhead.set(key, { at: Date.now(), assignmentId, studentId });
      });
    };
    const watches = (wanted ? wanted.split(' ') : []).flatMap((studentId) => [
      watch(StudentGradingQuery, { assignmentId, studentId }, studentId),
      watch(GradingNeighboursQuery, { assignmentId, studentId, ...(JSON.parse(order) as ReturnType<typeof trackerVariables>) }, null),
    ]);
    return () => {
      for (const w of watches) w.unsubscribe();
    };
  }, [client, assignmentId, order, wanted]);
}

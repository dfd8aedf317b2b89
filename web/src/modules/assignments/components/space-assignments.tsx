'use client';

import Link from 'next/link';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { DateTime } from '../../ui/components/date-time';
import { EmptyState, LoadingLine } from '../../ui/components/status-line';
import { SpaceAssignmentsQuery } from '../graphql/assignment.query';
import { Countdown } from './countdown';
import { Deadline } from './deadline';

/** The staff's list of a space's assignments, by deadline. */
export function SpaceAssignments({ spaceId, admin }: { spaceId: string; admin: boolean }) {
  const [{ data, error, fetching }, refetch] = useQuery({
    query: SpaceAssignmentsQuery,
    variables: { spaceId },
    requestPolicy: 'cache-and-network',
  });
  const assignments = data?.assignments ?? [];

  return (
    <section className="section" aria-labelledby="assignments-heading">
      <div className="section__header">
        <h2 id="assignments-heading">Assignments</h2>
        {admin ? (
          <Link className="button button--primary" href={`/spaces/${spaceId}/assignments/new`}>
            New assignment
          </Link>
        ) : null}
      </div>
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {!data && fetching ? <LoadingLine>Loading assignments…</LoadingLine> : null}
      {data && assignments.length === 0 ? (
        <EmptyState>
          <p>No assignments yet.</p>
          {admin ? <p>Create one from material in the master workspace or from your stage.</p> : null}
        </EmptyState>
      ) : null}
      {assignments.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Deadline</th>
              <th scope="col">Released</th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link href={`/assignments/${a.id}`}>{a.title}</Link>
                </td>
                <td>
                  <Deadline iso={a.deadline} timeZone={a.timeZone} />
                  <br />
                  <Countdown deadline={a.deadline} />
                </td>
                <td>
                  {a.releasedAt ? (
                    <DateTime iso={a.releasedAt} />
                  ) : (
                    <span className="muted">
                      Scheduled for <DateTime iso={a.releaseAt} />
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

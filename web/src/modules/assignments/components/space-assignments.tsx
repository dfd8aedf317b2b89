'use client';

import Link from 'next/link';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { DateTime } from '../../ui/components/date-time';
import { ResultView } from '../../ui/components/result-view';
import { TableHead } from '../../ui/components/table-head';
import { SpaceAssignmentsQuery } from '../graphql/assignment.query';
import { useAssignmentChanges } from '../use-assignment-changes';
import { DeadlineCountdown } from './deadline';
import { TaExtensionsSetting } from './ta-extensions-setting';

/** The staff's list of a space's assignments, by deadline. */
export function SpaceAssignments({ spaceId, admin }: { spaceId: string; admin: boolean }) {
  const { data, error, fetching, reload } = useSessionQuery({ query: SpaceAssignmentsQuery, variables: { spaceId } });
  useAssignmentChanges(spaceId, reload);
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
      {admin ? <TaExtensionsSetting spaceId={spaceId} /> : null}
      <ResultView
        error={error}
        onRetry={reload}
        loading={!data && fetching}
        loadingText="Loading assignments…"
        empty={data !== undefined && assignments.length === 0}
        emptyText={
          <>
            <p>No assignments yet.</p>
            {admin ? <p>Create one from material in the master workspace or from your stage.</p> : null}
          </>
        }
      >
        <table className="table">
          <TableHead columns={['Title', 'Deadline', 'Released']} />
          <tbody>
            {assignments.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link href={`/assignments/${a.id}`}>{a.title}</Link>
                </td>
                <td>
                  <DeadlineCountdown iso={a.deadline} timeZone={a.timeZone} />
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
      </ResultView>
    </section>
  );
}

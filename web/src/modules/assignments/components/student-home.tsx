'use client';

import Link from 'next/link';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { ResultView } from '../../ui/components/result-view';
import { EmptyState } from '../../ui/components/status-line';
import { browserHref } from '../../workspaces/workspace-paths';
import { SpaceWorkspacesQuery } from '../../spaces/graphql/space.query';
import { SpaceAssignmentsQuery } from '../graphql/assignment.query';
import { useAssignmentChanges } from '../use-assignment-changes';
import { StudentAssignmentCard } from './student-assignment-card';

/** A student's view of a course: their workspace, the shared material, their assignments. */
export function StudentHome({ space, myUserId }: { space: { id: string }; myUserId: string | null }) {
  // A student reads only the shared workspaces and their own: a short list whatever the class size.
  const { data: readable } = useSessionQuery({ query: SpaceWorkspacesQuery, variables: { id: space.id } });
  const workspaces = readable?.space?.workspaces ?? [];
  const mine = workspaces.find((w) => w.kind === 'PERSONAL' && w.ownerId === myUserId);
  const shared = workspaces.filter((w) => w.kind === 'DISTRIBUTED' || w.kind === 'SHARED');
  const { data, error, fetching, reload } = useSessionQuery({ query: SpaceAssignmentsQuery, variables: { spaceId: space.id } });
  useAssignmentChanges(space.id, reload);
  const assignments = data?.assignments ?? [];
  const now = Date.now();
  const open = assignments.filter((a) => !a.myStatus || new Date(a.myStatus.deadline).getTime() > now || a.myStatus.status === 'NOT_STARTED' || a.myStatus.status === 'IN_PROGRESS');
  const done = assignments.filter((a) => !open.includes(a));

  return (
    <>
      <section className="section" aria-labelledby="my-workspace-heading">
        <h2 id="my-workspace-heading">Your workspace</h2>
        {mine ? (
          <div className="card-grid">
            <article className="card">
              <h3 className="card__title">
                <Link href={browserHref(mine.id)}>Open your workspace</Link>
              </h3>
              <p className="card__text muted">Your own copy of the course material, where you do your work.</p>
            </article>
            {shared.map((w) => (
              <article className="card" key={w.id}>
                <h3 className="card__title">
                  <Link href={browserHref(w.id)}>{w.kind === 'DISTRIBUTED' ? 'Course material' : w.name}</Link>
                </h3>
                <p className="card__text muted">
                  {w.kind === 'DISTRIBUTED' ? 'Everything handed out to the class, read-only.' : 'A shared workspace for group work.'}
                </p>
              </article>
            ))}
          </div>
        ) : (
          <EmptyState>
            <p>You do not have a personal workspace in this space.</p>
          </EmptyState>
        )}
      </section>

      <section className="section" aria-labelledby="my-assignments-heading">
        <h2 id="my-assignments-heading">Your assignments</h2>
        <ResultView
          error={error}
          onRetry={reload}
          loading={!data && fetching}
          loadingText="Loading your assignments…"
          empty={data !== undefined && assignments.length === 0}
          emptyText={<p>No assignments yet. When your instructor releases one, it appears here with its deadline.</p>}
        >
          {open.map((a) => (
            <StudentAssignmentCard key={a.id} assignment={a} onChanged={reload} />
          ))}
          {done.length > 0 ? (
            <>
              <h3>Past deadlines</h3>
              {done.map((a) => (
                <StudentAssignmentCard key={a.id} assignment={a} onChanged={reload} />
              ))}
            </>
          ) : null}
        </ResultView>
      </section>
    </>
  );
}

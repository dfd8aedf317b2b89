'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { usePagedQuery } from '../../../core/paging/use-paged-query';
import { useSettled } from '../../../core/use-settled';
import type { WorkspaceSummaryFragment } from '../../../gql/graphql';
import { CourseWorkspacesQuery, WorkspaceListQuery } from '../../spaces/graphql/space.query';
import { SearchFilter } from '../../ui/components/filters';
import { PageRange } from '../../ui/components/page-range';
import { PagedTable } from '../../ui/components/result-view';
import { browserHref } from '../workspace-paths';
import { workspaceKindHint, workspaceKindLabel } from '../workspace-labels';

const PAGE_SIZE = 50;

/**
 * A space's workspaces: the course's own as cards, personal ones a page at a
 * time from the server, searchable by name, e-mail or student number (a
 * course may have thousands; none of them is loaded to show one page).
 */
export function WorkspaceDirectory({ spaceId }: { spaceId: string }) {
  const [searchText, setSearchText] = useState('');
  const search = useSettled(searchText);
  const { data: course } = useSessionQuery({ query: CourseWorkspacesQuery, variables: { id: spaceId } });
  const space = course?.space;
  const shared = space ? [...space.master, ...space.distributed, ...space.shared] : [];
  const personal = usePagedQuery({
    query: WorkspaceListQuery,
    variables: { spaceId, kind: 'PERSONAL', search: search || null },
    pageSize: PAGE_SIZE,
    select: (data) => data.space?.workspaceList,
  });
  const total = personal.connection?.totalCount;

  return (
    <>
      <section aria-labelledby="shared-workspaces-heading" className="section">
        <h2 id="shared-workspaces-heading">Course workspaces</h2>
        <ul className="card-grid">
          {shared.map((w) => (
            <li key={w.id}>
              <WorkspaceCard workspace={w} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="personal-workspaces-heading" className="section">
        <h2 id="personal-workspaces-heading">Personal workspaces</h2>
        <div className="toolbar">
          <SearchFilter label="Find a student" value={searchText} onChange={setSearchText} placeholder="Name, e-mail or student number" />
          <PageRange page={personal.pager.page} pageSize={PAGE_SIZE} shown={personal.nodes.length} total={total} />
        </div>
        <PagedTable
          state={personal}
          label="Personal workspaces pages"
          loadingText="Loading the personal workspaces…"
          emptyText={
            search ? (
              <p>No student matches “{search}”.</p>
            ) : (
              <>
                <p>No member has a personal workspace yet.</p>
                <p>Each student gets one when they join; invite students from the Members tab.</p>
              </>
            )
          }
          columns={['Student', 'E-mail', { label: 'Open', hidden: true }]}
          rowKey={(w) => w.id}
        >
          {(w) => (
            <>
              <td>{w.owner?.name ?? w.name}</td>
              <td className="muted">{w.owner?.email ?? ''}</td>
              <td className="table__actions">
                <Link href={browserHref(w.id)}>
                  Open<span className="visually-hidden"> {w.owner?.name ?? w.name}’s workspace</span>
                </Link>
              </td>
            </>
          )}
        </PagedTable>
      </section>
    </>
  );
}

function WorkspaceCard({ workspace }: { workspace: WorkspaceSummaryFragment }) {
  return (
    <article className="card">
      <h3 className="card__title">
        <Link href={browserHref(workspace.id)}>{workspace.name}</Link>
      </h3>
      <p className="card__meta">
        <span className="badge badge--neutral">{workspaceKindLabel(workspace.kind)}</span>
        {workspace.canWrite ? null : <span className="muted">read-only for you</span>}
      </p>
      <p className="card__text muted">{workspaceKindHint(workspace.kind)}</p>
    </article>
  );
}

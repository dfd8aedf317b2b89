'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { useLocalPages } from '../../../core/paging/use-local-pages';
import type { SpaceQuery } from '../../../gql/graphql';
import { SearchFilter } from '../../ui/components/filters';
import { EmptyState } from '../../ui/components/status-line';
import { Pager } from '../../ui/components/pager';
import { TableHead } from '../../ui/components/table-head';
import { browserHref } from '../workspace-paths';
import { workspaceKindHint, workspaceKindLabel } from '../workspace-labels';

type Workspace = SpaceQuery['space']['workspaces'][number];

const PAGE_SIZE = 25;
const ORDER = ['MASTER', 'DISTRIBUTED', 'SHARED'];

/**
 * A space's workspaces: the shared ones as cards, personal ones as a
 * searchable list a page at a time (a course may have thousands).
 */
export function WorkspaceDirectory({ space }: { space: SpaceQuery['space'] }) {
  const [search, setSearch] = useState('');

  const shared = space.workspaces
    .filter((w) => w.kind !== 'PERSONAL')
    .sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || a.name.localeCompare(b.name));
  const personal = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return space.workspaces
      .filter((w) => w.kind === 'PERSONAL')
      .filter((w) => !needle || `${w.name} ${w.owner?.name ?? ''} ${w.owner?.email ?? ''}`.toLowerCase().includes(needle))
      .sort((a, b) => (a.owner?.name ?? a.name).localeCompare(b.owner?.name ?? b.name));
  }, [space.workspaces, search]);
  const shown = useLocalPages(personal, PAGE_SIZE, search);
  const totalPersonal = space.workspaces.filter((w) => w.kind === 'PERSONAL').length;

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
        <h2 id="personal-workspaces-heading">
          Personal workspaces <span className="muted">({totalPersonal})</span>
        </h2>
        {totalPersonal === 0 ? (
          <EmptyState>
            <p>No member has a personal workspace yet.</p>
            <p>Each student gets one when they join; invite students from the Members tab.</p>
          </EmptyState>
        ) : (
          <>
            <div className="toolbar">
              <SearchFilter
                label="Find a student"
                value={search}
                onChange={setSearch}
                placeholder="Name or e-mail"
                status={search ? `${personal.length} of ${totalPersonal} match` : ''}
              />
            </div>
            {personal.length === 0 ? (
              <EmptyState>
                <p>No student matches “{search}”.</p>
              </EmptyState>
            ) : (
              <table className="table">
                <TableHead columns={['Student', 'E-mail', { label: 'Open', hidden: true }]} />
                <tbody>
                  {shown.items.map((w) => (
                    <tr key={w.id}>
                      <td>{w.owner?.name ?? w.name}</td>
                      <td className="muted">{w.owner?.email ?? ''}</td>
                      <td className="table__actions">
                        <Link href={browserHref(w.id)}>
                          Open<span className="visually-hidden"> {w.owner?.name ?? w.name}’s workspace</span>
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <Pager label="Personal workspaces pages" {...shown.pager} />
          </>
        )}
      </section>
    </>
  );
}

function WorkspaceCard({ workspace }: { workspace: Workspace }) {
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

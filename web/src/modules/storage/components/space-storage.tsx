'use client';

import Link from 'next/link';
import { formatBytes } from '../../../core/format/bytes';
import { useLocalPages } from '../../../core/paging/use-local-pages';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { ErrorNotice } from '../../shell/components/error-notice';
import { Fact } from '../../ui/components/fact';
import { Pager } from '../../ui/components/pager';
import { ProgressBar } from '../../ui/components/progress-bar';
import { LoadingLine } from '../../ui/components/status-line';
import { TableHead } from '../../ui/components/table-head';
import { browserHref } from '../../workspaces/workspace-paths';
import { workspaceKindLabel } from '../../workspaces/workspace-labels';
import { SpaceStorageQuery } from '../graphql/storage.query';
import { QuotaForm } from './quota-form';

const PAGE_SIZE = 25;

/** How much a space stores, against its quota (which its admins set here), and which workspaces hold the most. */
export function SpaceStorage({ spaceId, admin }: { spaceId: string; admin: boolean }) {
  const { data, error, reload } = useSessionQuery({ query: SpaceStorageQuery, variables: { id: spaceId } });
  const space = data?.space;
  const workspaces = [...(space?.workspaces ?? [])].sort((a, b) => b.storageUse.logicalBytes - a.storageUse.logicalBytes);
  const shown = useLocalPages(workspaces, PAGE_SIZE);

  if (!space) {
    return error ? <ErrorNotice error={error} onRetry={reload} /> : <LoadingLine>Measuring storage…</LoadingLine>;
  }
  const use = space.storageUse;
  return (
    <>
      <section aria-labelledby="storage-heading" className="section">
        <h2 id="storage-heading">Storage</h2>
        <dl className="facts">
          <Fact term="Current states">{formatBytes(use.logicalBytes)}</Fact>
          <Fact term="Held only by this space">{formatBytes(use.exclusiveBytes)}</Fact>
          <Fact term="Quota">{use.quotaBytes === null || use.quotaBytes === undefined ? 'None' : formatBytes(use.quotaBytes)}</Fact>
        </dl>
        {use.quotaBytes ? (
          <ProgressBar
            label="Quota used"
            value={use.logicalBytes}
            max={use.quotaBytes}
            text={`${formatBytes(use.logicalBytes)} of ${formatBytes(use.quotaBytes)} (${Math.round((use.logicalBytes / use.quotaBytes) * 100)}%)`}
          />
        ) : null}
        <p className="muted">
          Current states count every file, table and application in each workspace now; what only this space holds
          includes its snapshots, hand-ins and pushes, and is what removing it would free. Uploads and pushes that would
          take the current states beyond the quota are refused.
        </p>
        {admin ? <QuotaForm spaceId={spaceId} quotaBytes={use.quotaBytes ?? null} /> : null}
      </section>

      <section aria-labelledby="storage-workspaces-heading" className="section">
        <h2 id="storage-workspaces-heading">By workspace</h2>
        <table className="table">
          <TableHead
            columns={[
              'Workspace',
              'Kind',
              { label: 'Current state', numeric: true, sort: 'descending' },
              { label: 'Only in its history', numeric: true },
            ]}
          />
          <tbody>
            {shown.items.map((w) => (
              <tr key={w.id}>
                <td>
                  <Link href={browserHref(w.id)}>{w.kind === 'PERSONAL' ? (w.owner?.name ?? w.name) : w.name}</Link>
                </td>
                <td className="muted">{workspaceKindLabel(w.kind)}</td>
                <td className="numeric">{formatBytes(w.storageUse.logicalBytes)}</td>
                <td className="numeric">{formatBytes(w.storageUse.exclusiveBytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pager label="Workspace storage pages" {...shown.pager} />
      </section>
    </>
  );
}

'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useQuery } from 'urql';
import { formatBytes } from '../../../core/format/bytes';
import { useCursorPages } from '../../../core/paging/use-cursor-pages';
import type { WorkspaceEntriesQuery } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { Pager } from '../../ui/components/pager';
import { EmptyState, LoadingLine } from '../../ui/components/status-line';
import { WorkspaceEntriesQuery as EntriesDocument } from '../graphql/workspace-entries.query';
import { entryKindLabel } from '../workspace-labels';
import { AREAS, browserHref, downloadUrl, zipUrl, type Area } from '../workspace-paths';
import { DeleteEntryDialog } from './delete-entry-dialog';
import { MoveEntryDialog } from './move-entry-dialog';
import { NewApplicationButton } from './new-application-button';
import { NewFolderButton } from './new-folder-button';
import { StageNotice } from './stage-notice';
import { UploadFiles } from './upload-files';
import { useStage } from './use-stage';
import { useRefreshOn, useWorkspaceView } from './workspace-context';

export type EntryRow = WorkspaceEntriesQuery['workspace']['entries']['nodes'][number];

const PAGE_SIZE = 50;

const EMPTY_WORDS: Record<Area, string> = {
  files: 'This folder is empty.',
  tables: 'No tables yet.',
  applications: 'No application configurations yet.',
};

/** A folder's entries a page at a time, with download, stage, move and delete. */
export function EntryList({ path, area }: { path: string; area: Area | null }) {
  const { workspace, snapshotId, editable, version } = useWorkspaceView();
  const paging = useCursorPages(`${workspace.id}:${path}:${snapshotId ?? ''}`);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: EntriesDocument,
    variables: { id: workspace.id, path, snapshotId, first: PAGE_SIZE, after: paging.after },
    requestPolicy: 'cache-and-network',
  });
  useRefreshOn(version, () => refetch({ requestPolicy: 'network-only' }));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [moving, setMoving] = useState<EntryRow | null>(null);
  const [deleting, setDeleting] = useState<EntryRow | null>(null);
  const stage = useStage();

  const connection = data?.workspace.entries;
  let rows = connection?.nodes ?? [];
  if (path === '' && connection && paging.page === 1) {
    // An area with nothing in it has no entry; it is still a place to put things.
    const present = new Set(rows.map((r) => r.name));
    const missing = AREAS.filter((a) => !present.has(a)).map((a) => ({ name: a, path: a, kind: 'DIRECTORY' as const, size: 0, hash: '' }));
    rows = [...rows, ...missing].sort((a, b) => AREAS.indexOf(a.name as Area) - AREAS.indexOf(b.name as Area));
  }
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.path));

  function toggle(p: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(p)) next.delete(p);
      else next.add(p);
      return next;
    });
  }

  const canUpload = editable && area === 'files';
  return (
    <section aria-label="Folder contents">
      <div className="toolbar">
        {canUpload ? <UploadFiles folder={path} /> : null}
        {editable && area === 'files' ? <NewFolderButton folder={path} /> : null}
        {editable && area === 'applications' ? <NewApplicationButton /> : null}
        {path !== '' ? (
          <a className="button button--secondary" href={zipUrl(workspace.id, path, snapshotId)} download>
            Download folder as zip
          </a>
        ) : (
          <a className="button button--secondary" href={zipUrl(workspace.id, '', snapshotId)} download>
            Download everything as zip
          </a>
        )}
        <button
          type="button"
          className="button button--secondary"
          disabled={selected.size === 0}
          aria-disabled={stage.staging}
          onClick={async () => {
            if (stage.staging || selected.size === 0) return;
            if (await stage.stage([...selected])) setSelected(new Set());
          }}
        >
          {stage.staging ? 'Staging…' : `Stage selected${selected.size ? ` (${selected.size})` : ''}`}
        </button>
        {path === '' ? (
          <button type="button" className="button button--ghost" onClick={() => void stage.stage([''])}>
            Stage the whole workspace
          </button>
        ) : null}
      </div>
      {!editable && area === 'files' && !snapshotId ? (
        <p className="hint">You can read this workspace but not change it.</p>
      ) : null}
      {editable && path === '' ? <p className="hint">Open the files folder to upload files or make folders.</p> : null}
      <StageNotice action={stage} />

      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {!connection && fetching ? <LoadingLine>Loading the folder…</LoadingLine> : null}
      {connection && rows.length === 0 ? (
        <EmptyState>
          <p>{area ? EMPTY_WORDS[area] : 'This workspace is empty.'}</p>
          {canUpload ? <p>Upload files or make a folder to start.</p> : null}
        </EmptyState>
      ) : null}
      {rows.length > 0 ? (
        <table className="table entries">
          <thead>
            <tr>
              <th scope="col" className="table__check">
                <input
                  type="checkbox"
                  aria-label="Select all on this page"
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.path)))}
                />
              </th>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col" className="numeric">
                Size
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((entry) => (
              <tr key={entry.path} aria-selected={selected.has(entry.path)}>
                <td className="table__check">
                  <input
                    type="checkbox"
                    aria-label={`Select ${entry.name}`}
                    checked={selected.has(entry.path)}
                    onChange={() => toggle(entry.path)}
                  />
                </td>
                <td>
                  <span className={`entry-icon entry-icon--${entry.kind.toLowerCase()}`} aria-hidden="true" />
                  <Link href={browserHref(workspace.id, entry.path, snapshotId)}>{entry.name}</Link>
                </td>
                <td>{entryKindLabel(entry.kind)}</td>
                <td className="numeric">{formatBytes(entry.size)}</td>
                <td className="table__actions">
                  {entry.kind === 'FILE' ? (
                    <a className="button button--ghost button--small" href={downloadUrl(workspace.id, entry.path, snapshotId)} download>
                      Download<span className="visually-hidden"> {entry.name}</span>
                    </a>
                  ) : null}
                  {entry.kind === 'DIRECTORY' ? (
                    <a className="button button--ghost button--small" href={zipUrl(workspace.id, entry.path, snapshotId)} download>
                      Zip<span className="visually-hidden"> of {entry.name}</span>
                    </a>
                  ) : null}
                  <button type="button" className="button button--ghost button--small" onClick={() => void stage.stage([entry.path])}>
                    Stage<span className="visually-hidden"> {entry.name}</span>
                  </button>
                  {editable && path !== '' ? (
                    <>
                      <button type="button" className="button button--ghost button--small" onClick={() => setMoving(entry)}>
                        Rename or move<span className="visually-hidden"> {entry.name}</span>
                      </button>
                      <button type="button" className="button button--ghost button--small text-danger" onClick={() => setDeleting(entry)}>
                        Delete<span className="visually-hidden"> {entry.name}</span>
                      </button>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pager
        label="Folder pages"
        page={paging.page}
        hasPrevious={paging.page > 1}
        hasNext={connection?.pageInfo.hasNextPage ?? false}
        loading={fetching}
        onPrevious={paging.previous}
        onNext={() => paging.next(connection?.pageInfo.endCursor)}
      />
      {connection?.totalCount != null && connection.totalCount > PAGE_SIZE ? (
        <p className="muted">{connection.totalCount} entries in this folder.</p>
      ) : null}
      <MoveEntryDialog entry={moving} onClose={() => setMoving(null)} />
      <DeleteEntryDialog entry={deleting} onClose={() => setDeleting(null)} />
    </section>
  );
}

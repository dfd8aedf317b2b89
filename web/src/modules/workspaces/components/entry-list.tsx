'use client';

import Link from 'next/link';
import { useState } from 'react';
import { formatBytes } from '../../../core/format/bytes';
import { usePagedQuery } from '../../../core/paging/use-paged-query';
import { useSelection } from '../../../core/use-selection';
import { PagedTable } from '../../ui/components/result-view';
import { RowAction } from '../../ui/components/row-action';
import { ACTIONS_COLUMN, selectAllColumn } from '../../ui/components/table-head';
import { WorkspaceEntriesQuery as EntriesDocument, type EntryRow } from '../graphql/workspace-entries.query';
import { entryKindLabel } from '../workspace-labels';
import { AREAS, browserHref, downloadUrl, zipUrl, type Area } from '../workspace-paths';
import { DeleteEntryDialog } from './delete-entry-dialog';
import { ImportTableButton } from './import-table-button';
import { MoveEntryDialog } from './move-entry-dialog';
import { NewApplicationButton } from './new-application-button';
import { NewFolderButton } from './new-folder-button';
import { RestoreEntryButton } from './restore-entry-button';
import { StageNotice } from './stage-notice';
import { UploadFiles } from './upload-files';
import { useStage } from './use-stage';
import { useRefreshOn, useWorkspaceView } from './workspace-context';


const PAGE_SIZE = 50;

const EMPTY_WORDS: Record<Area, string> = {
  files: 'This folder is empty.',
  tables: 'No tables yet.',
  applications: 'No application configurations yet.',
};

/** A folder's entries a page at a time, with download, stage, move and delete. */
export function EntryList({ path, area }: { path: string; area: Area | null }) {
  const { workspace, snapshotId, editable, version } = useWorkspaceView();
  const entries = usePagedQuery({
    query: EntriesDocument,
    variables: { id: workspace.id, path, snapshotId },
    pageSize: PAGE_SIZE,
    select: (data) => data.workspace?.entries,
  });
  useRefreshOn(version, entries.reload);
  const selection = useSelection<string>();
  const selected = selection.selected;
  const [moving, setMoving] = useState<EntryRow | null>(null);
  const [deleting, setDeleting] = useState<EntryRow | null>(null);
  const stage = useStage();

  const connection = entries.connection;
  let rows = entries.nodes;
  if (path === '' && connection && entries.paging.page === 1) {
    // An area with nothing in it has no entry; it is still a place to put things.
    const present = new Set(rows.map((r) => r.name));
    const missing = AREAS.filter((a) => !present.has(a)).map((a) => ({ name: a, path: a, kind: 'DIRECTORY' as const, size: 0, hash: '' }));
    rows = [...rows, ...missing].sort((a, b) => AREAS.indexOf(a.name as Area) - AREAS.indexOf(b.name as Area));
  }
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.path));

  const canUpload = editable && area === 'files';
  return (
    <section aria-label="Folder contents">
      <div className="toolbar">
        {canUpload ? <UploadFiles folder={path} /> : null}
        {editable && area === 'files' ? <NewFolderButton folder={path} /> : null}
        {editable && area === 'applications' ? <NewApplicationButton /> : null}
        {editable && area === 'tables' ? <ImportTableButton /> : null}
        {path !== '' ? (
          <a className="button button--secondary" href={zipUrl(workspace.id, path, snapshotId)} download>
            Download folder as zip
          </a>
        ) : (
          <a className="button button--secondary" href={zipUrl(workspace.id, '', snapshotId)} download>
            Download everything as zip
          </a>
        )}
        {stage.offered ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={selected.size === 0}
          aria-disabled={stage.staging}
          onClick={async () => {
            if (stage.staging || selected.size === 0) return;
            if (await stage.stage([...selected])) selection.clear();
          }}
        >
          {stage.staging ? 'Staging…' : `Stage selected${selected.size ? ` (${selected.size})` : ''}`}
        </button>
        ) : null}
        {stage.offered && path === '' ? (
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

      <PagedTable
        state={entries}
        rows={rows}
        label="Folder pages"
        loadingText="Loading the folder…"
        emptyText={
          <>
            <p>{area ? EMPTY_WORDS[area] : 'This workspace is empty.'}</p>
            {canUpload ? <p>Upload files or make a folder to start.</p> : null}
          </>
        }
        className="table entries"
        columns={[
          // Selecting is for staging; without the stage there is nothing to select for.
          ...(stage.offered ? [selectAllColumn('Select all on this page', allSelected, (all) => selection.set(all ? rows.map((r) => r.path) : []))] : []),
          'Name',
          'Kind',
          { label: 'Size', numeric: true },
          ACTIONS_COLUMN,
        ]}
        rowKey={(entry) => entry.path}
        rowProps={(entry) => ({ 'aria-selected': selected.has(entry.path) })}
      >
        {(entry) => (
          <>
            {stage.offered ? (
              <td className="table__check">
                <input
                  type="checkbox"
                  aria-label={`Select ${entry.name}`}
                  checked={selected.has(entry.path)}
                  onChange={() => selection.toggle(entry.path)}
                />
              </td>
            ) : null}
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
              {stage.offered ? <RowAction label="Stage" subject={entry.name} onClick={() => void stage.stage([entry.path])} /> : null}
              {snapshotId && workspace.canWrite ? <RestoreEntryButton path={entry.path} name={entry.name} /> : null}
              {editable && path !== '' ? (
                <>
                  <RowAction label="Rename or move" subject={entry.name} onClick={() => setMoving(entry)} />
                  <RowAction label="Delete" subject={entry.name} onClick={() => setDeleting(entry)} danger />
                </>
              ) : null}
            </td>
          </>
        )}
      </PagedTable>
      {connection?.totalCount != null && connection.totalCount > PAGE_SIZE ? (
        <p className="muted">{connection.totalCount} entries in this folder.</p>
      ) : null}
      <MoveEntryDialog entry={moving} onClose={() => setMoving(null)} />
      <DeleteEntryDialog entry={deleting} onClose={() => setDeleting(null)} />
    </section>
  );
}

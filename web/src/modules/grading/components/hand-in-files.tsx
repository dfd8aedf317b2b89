'use client';

import { useState } from 'react';
import { useMutation } from 'urql';
import { formatBytes } from '../../../core/format/bytes';
import { usePagedQuery } from '../../../core/paging/use-paged-query';
import { ErrorNotice } from '../../shell/components/error-notice';
import { PagedTable } from '../../ui/components/result-view';
import { RowAction } from '../../ui/components/row-action';
import { ACTIONS_COLUMN } from '../../ui/components/table-head';
import { FilePanel, type OpenedFile } from '../../viewers/components/file-panel';
import { breadcrumbs, parentOf } from '../../workspaces/workspace-paths';
import { handInFileUrl } from '../grading-urls';
import { CopyHandInFileToFeedbackMutation, HandInEntriesQuery } from '../graphql/grading.operations';
import { HandInAnnotations } from './hand-in-annotations';

const PAGE_SIZE = 50;

/** The sealed files of a hand-in, folder by folder: each opens to be read here, downloads, or is copied to the feedback for annotating. */
export function HandInFiles({ handInId, assignmentId, studentId }: { handInId: string; assignmentId: string; studentId: string }) {
  const [path, setPath] = useState('');
  const entries = usePagedQuery({
    query: HandInEntriesQuery,
    variables: { handInId, path },
    pageSize: PAGE_SIZE,
    select: (data) => data.handInEntries,
    requestPolicy: 'cache-first',
  });
  const [copy, runCopy] = useMutation(CopyHandInFileToFeedbackMutation);
  const [copied, setCopied] = useState('');
  const [opened, setOpened] = useState<OpenedFile | null>(null);

  return (
    <section className="section" aria-labelledby="hand-in-files-heading">
      <h2 id="hand-in-files-heading">Files</h2>
      <nav aria-label="Folder in the hand-in" className="breadcrumb">
        <ol>
          <li>{path ? <button type="button" className="link-button" onClick={() => setPath('')}>Hand-in</button> : <span aria-current="page">Hand-in</span>}</li>
          {breadcrumbs(path).map((crumb, i, all) => (
            <li key={crumb.path}>
              {i === all.length - 1 ? (
                <span aria-current="page">{crumb.label}</span>
              ) : (
                <button type="button" className="link-button" onClick={() => setPath(crumb.path)}>
                  {crumb.label}
                </button>
              )}
            </li>
          ))}
        </ol>
      </nav>
      {copy.error ? <ErrorNotice error={copy.error} /> : null}
      <p role="status" className="success-text">
        {copied}
      </p>
      <PagedTable
        state={entries}
        label="Hand-in file pages"
        loadingText="Loading files…"
        emptyText={<p>Nothing here.</p>}
        columns={['Name', { label: 'Size', numeric: true }, ACTIONS_COLUMN]}
        rowKey={(entry) => entry.path}
        firstRow={
          path ? (
            <tr>
              <td colSpan={3}>
                <button type="button" className="link-button" onClick={() => setPath(parentOf(path))}>
                  Up one folder
                </button>
              </td>
            </tr>
          ) : null
        }
      >
        {(entry) => (
          <>
            <td>
              <span className={`entry-icon entry-icon--${entry.kind.toLowerCase()}`} aria-hidden="true" />
              {entry.kind === 'DIRECTORY' ? (
                <button type="button" className="link-button" onClick={() => setPath(entry.path)}>
                  {entry.name}
                </button>
              ) : (
                <button
                  type="button"
                  className="link-button"
                  aria-pressed={opened?.path === entry.path}
                  onClick={() => setOpened({ name: entry.name, path: entry.path, size: entry.size, url: handInFileUrl(handInId, entry.path) })}
                >
                  {entry.name}
                </button>
              )}
            </td>
            <td className="numeric">{formatBytes(entry.size)}</td>
            <td className="table__actions">
              {entry.kind === 'DIRECTORY' ? null : (
                <a className="button button--ghost button--small" href={handInFileUrl(handInId, entry.path)} download={entry.name}>
                  Download<span className="visually-hidden"> {entry.name}</span>
                </a>
              )}
              <RowAction
                label="Copy to feedback"
                subject={entry.name}
                onClick={async () => {
                  setCopied('');
                  const result = await runCopy({ handInId, path: entry.path });
                  if (result.data) setCopied(`${entry.name} copied to the feedback files, to annotate and return.`);
                }}
              />
            </td>
          </>
        )}
      </PagedTable>
      {opened ? (
        <HandInAnnotations assignmentId={assignmentId} studentId={studentId} handInId={handInId} path={opened.path}>
          <FilePanel file={opened} onClose={() => setOpened(null)} />
        </HandInAnnotations>
      ) : null}
    </section>
  );
}

'use client';

import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { formatBytes } from '../../../core/format/bytes';
import { useCursorPages } from '../../../core/paging/use-cursor-pages';
import { ErrorNotice } from '../../shell/components/error-notice';
import { Pager } from '../../ui/components/pager';
import { LoadingLine } from '../../ui/components/status-line';
import { breadcrumbs, parentOf } from '../../workspaces/workspace-paths';
import { handInFileUrl } from '../grading-urls';
import { CopyHandInFileToFeedbackMutation, HandInEntriesQuery } from '../graphql/grading.operations';

const PAGE_SIZE = 50;

/** The sealed files of a hand-in, folder by folder, with download and "copy to feedback" for annotating. */
export function HandInFiles({ handInId }: { handInId: string }) {
  const [path, setPath] = useState('');
  const paging = useCursorPages(`${handInId}:${path}`);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: HandInEntriesQuery,
    variables: { handInId, path, first: PAGE_SIZE, after: paging.after },
  });
  const [copy, runCopy] = useMutation(CopyHandInFileToFeedbackMutation);
  const [copied, setCopied] = useState('');
  const entries = data?.handInEntries;

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
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {copy.error ? <ErrorNotice error={copy.error} /> : null}
      <p role="status" className="success-text">
        {copied}
      </p>
      {!entries && fetching ? <LoadingLine>Loading files…</LoadingLine> : null}
      {entries && entries.nodes.length === 0 ? <p className="empty-state">Nothing here.</p> : null}
      {entries && entries.nodes.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="numeric">
                Size
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {path ? (
              <tr>
                <td colSpan={3}>
                  <button type="button" className="link-button" onClick={() => setPath(parentOf(path))}>
                    Up one folder
                  </button>
                </td>
              </tr>
            ) : null}
            {entries.nodes.map((entry) => (
              <tr key={entry.path}>
                <td>
                  <span className={`entry-icon entry-icon--${entry.kind.toLowerCase()}`} aria-hidden="true" />
                  {entry.kind === 'DIRECTORY' ? (
                    <button type="button" className="link-button" onClick={() => setPath(entry.path)}>
                      {entry.name}
                    </button>
                  ) : (
                    <a href={handInFileUrl(handInId, entry.path)} download>
                      {entry.name}
                    </a>
                  )}
                </td>
                <td className="numeric">{formatBytes(entry.size)}</td>
                <td className="table__actions">
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    onClick={async () => {
                      setCopied('');
                      const result = await runCopy({ handInId, path: entry.path });
                      if (result.data) setCopied(`${entry.name} copied to the feedback files, to annotate and return.`);
                    }}
                  >
                    Copy to feedback<span className="visually-hidden"> {entry.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pager
        label="Hand-in file pages"
        page={paging.page}
        hasPrevious={paging.page > 1}
        hasNext={entries?.pageInfo.hasNextPage ?? false}
        loading={fetching}
        onPrevious={paging.previous}
        onNext={() => paging.next(entries?.pageInfo.endCursor)}
      />
    </section>
  );
}

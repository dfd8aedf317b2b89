'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { formatBytes } from '../../../core/format/bytes';
import { enumDescriptions } from '../../../gql/enum-descriptions';
import type { HandInChangesQuery as ChangesData } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { LoadingLine } from '../../ui/components/status-line';
import { FileViewer } from '../../viewers/components/file-viewer';
import { LineDiffView } from '../../viewers/components/line-diff-view';
import { chooseViewer, extensionOf, languageOf, NOTEBOOK_LIMIT } from '../../viewers/viewer-choice';
import { baseName } from '../../workspaces/workspace-paths';
import { handInFileUrl, handInMaterialUrl } from '../grading-urls';
import { HandInChangesQuery } from '../graphql/grading.operations';

// The notebook comparison brings a diff library and the notebook renderer: loaded when a changed notebook is opened.
const NotebookDiffView = dynamic(() => import('../../viewers/components/notebook-diff-view').then((m) => m.NotebookDiffView), {
  ssr: false,
  loading: () => <p className="muted">Comparing the notebooks…</p>,
});

const CHANGE_WORDS = { ADDED: 'new', DELETED: 'deleted', MODIFIED: 'changed' } as const;
const BADGES = { ADDED: 'good', DELETED: 'bad', MODIFIED: 'info' } as const;

type ChangedFile = ChangesData['handInChanges']['files'][number];

/** What a change shows once opened: a new or deleted file in full, a notebook cell by cell, images and PDFs side by side, other text as a line diff. */
function ChangeBody({ handInId, file }: { handInId: string; file: ChangedFile }) {
  const name = baseName(file.path);
  const isFile = file.kind === 'FILE';
  if (file.change === 'ADDED' && isFile) return <FileViewer name={name} size={file.newSize ?? 0} url={handInFileUrl(handInId, file.path)} />;
  if (file.change === 'DELETED' && isFile) {
    return (
      <>
        <p className="hint">The material had this file; the hand-in does not:</p>
        <FileViewer name={name} size={file.oldSize ?? 0} url={handInMaterialUrl(handInId, file.path)} />
      </>
    );
  }
  if (file.change === 'MODIFIED' && isFile && ['image', 'pdf'].includes(chooseViewer(name, 0).kind)) {
    return (
      <div className="change-pair">
        {(
          [
            ['The material', file.oldSize, handInMaterialUrl(handInId, file.path)],
            ['Handed in', file.newSize, handInFileUrl(handInId, file.path)],
          ] as const
        ).map(([side, size, url]) => (
          <figure key={side} className="change-pair__side">
            <figcaption className="muted small">{side}</figcaption>
            <FileViewer name={name} size={size ?? 0} url={url} />
          </figure>
        ))}
      </div>
    );
  }
  if (file.change === 'MODIFIED' && isFile && extensionOf(name) === 'ipynb' && (file.oldSize ?? 0) <= NOTEBOOK_LIMIT && (file.newSize ?? 0) <= NOTEBOOK_LIMIT) {
    return <NotebookDiffView beforeUrl={handInMaterialUrl(handInId, file.path)} afterUrl={handInFileUrl(handInId, file.path)} name={name} />;
  }
  return (
    <>
      {file.noLineDiff ? <p className="hint">{enumDescriptions.NoLineDiffReason[file.noLineDiff]}</p> : null}
      {file.hunks && file.hunks.length > 0 ? <LineDiffView hunks={file.hunks} language={languageOf(name)} label={`Line changes in ${file.path}`} /> : null}
    </>
  );
}

/** One changed path, its contents read only once it is opened. */
function ChangeDetails({ handInId, file, initiallyOpen }: { handInId: string; file: ChangedFile; initiallyOpen: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details className="diff" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <code>{file.path}</code> <span className={`badge badge--${BADGES[file.change]}`}>{CHANGE_WORDS[file.change]}</span>{' '}
        <span className="muted small">
          {file.oldSize != null ? formatBytes(file.oldSize) : '—'} → {file.newSize != null ? formatBytes(file.newSize) : '—'}
        </span>
      </summary>
      {open ? <ChangeBody handInId={handInId} file={file} /> : null}
    </details>
  );
}

/** What the hand-in changed against the distributed material: new files shown, text files as line diffs, notebooks cell by cell. */
export function HandInChanges({ handInId }: { handInId: string }) {
  const { data, error, fetching } = useSessionQuery({ query: HandInChangesQuery, variables: { handInId }, requestPolicy: 'cache-first' });
  const changes = data?.handInChanges;
  return (
    <section className="section" aria-labelledby="changes-heading">
      <h2 id="changes-heading">Changes against the material</h2>
      {error ? <ErrorNotice error={error} /> : null}
      {!changes && fetching ? <LoadingLine>Comparing with the material…</LoadingLine> : null}
      {changes ? (
        <>
          <p className="muted">
            {changes.counts.added} new, {changes.counts.modified} changed, {changes.counts.deleted} deleted
            {changes.truncated ? ' (the list stops at 10,000)' : ''}.
          </p>
          {changes.files.map((file) => (
            <ChangeDetails key={file.path} handInId={handInId} file={file} initiallyOpen={changes.files.length <= 3} />
          ))}
        </>
      ) : null}
    </section>
  );
}

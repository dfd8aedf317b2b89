'use client';

import { formatBytes } from '../../../core/format/bytes';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { ErrorNotice } from '../../shell/components/error-notice';
import { SealedFilesQuery } from '../graphql/sealed-files.query';

/** The receipt's list of what was sealed: every file by path, with its size. */
export function SealedFileList({ handInId }: { handInId: string }) {
  const { data, error } = useSessionQuery({ query: SealedFilesQuery, variables: { id: handInId }, requestPolicy: 'cache-first' });
  const handIn = data?.handIn;
  if (error) return <ErrorNotice error={error} />;
  if (!handIn) return <span className="muted">Loading the list of files…</span>;
  const files = handIn.files;
  if (files.length === 0) return <span className="muted">No files: nothing was at the hand-in paths.</span>;
  return (
    <ul className="sealed-files">
      {files.map((f) => (
        <li key={f.path}>
          <code>{f.path}</code> <span className="muted">{formatBytes(f.sizeBytes)}</span>
        </li>
      ))}
    </ul>
  );
}

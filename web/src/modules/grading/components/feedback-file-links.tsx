'use client';

import { useState } from 'react';
import { formatBytes } from '../../../core/format/bytes';
import type { EntryFieldsFragment } from '../../../gql/graphql';
import { feedbackFileUrl } from '../grading-urls';
import { RowAction } from '../../ui/components/row-action';
import { FilePanel, type OpenedFile } from '../../viewers/components/file-panel';

interface FeedbackFileLinksProps {
  assignmentId: string;
  studentId: string;
  files: readonly EntryFieldsFragment[];
  /** Offers a delete button beside each file when given. */
  onDelete?: (file: EntryFieldsFragment) => void;
}

/** A student's feedback files with their sizes, each opening to be read here or downloading. */
export function FeedbackFileLinks({ assignmentId, studentId, files, onDelete }: FeedbackFileLinksProps) {
  const [opened, setOpened] = useState<OpenedFile | null>(null);
  return (
    <>
    <ul className="file-list">
      {files.map((f) => (
        <li key={f.path}>
          {f.kind === 'DIRECTORY' ? (
            <span>{f.name}/</span>
          ) : (
            <button
              type="button"
              className="link-button"
              aria-pressed={opened?.path === f.path}
              onClick={() => setOpened({ name: f.name, path: f.path, size: f.size, url: feedbackFileUrl(assignmentId, studentId, f.path) })}
            >
              {f.name}
            </button>
          )}{' '}
          <span className="muted small">{formatBytes(f.size)}</span>
          {f.kind === 'DIRECTORY' ? null : (
            <a className="button button--ghost button--small" href={feedbackFileUrl(assignmentId, studentId, f.path)} download={f.name}>
              Download<span className="visually-hidden"> {f.name}</span>
            </a>
          )}
          {onDelete ? (
            <RowAction label="Delete" subject={f.name} onClick={() => onDelete(f)} danger />
          ) : null}
        </li>
      ))}
    </ul>
    {opened ? <FilePanel file={opened} onClose={() => setOpened(null)} /> : null}
    </>
  );
}

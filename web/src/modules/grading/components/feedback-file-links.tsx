import { formatBytes } from '../../../core/format/bytes';
import type { EntryFieldsFragment } from '../../../gql/graphql';
import { feedbackFileUrl } from '../grading-urls';
import { RowAction } from '../../ui/components/row-action';

interface FeedbackFileLinksProps {
  assignmentId: string;
  studentId: string;
  files: readonly EntryFieldsFragment[];
  /** Offers a delete button beside each file when given. */
  onDelete?: (file: EntryFieldsFragment) => void;
}

/** A student's feedback files as download links with their sizes. */
export function FeedbackFileLinks({ assignmentId, studentId, files, onDelete }: FeedbackFileLinksProps) {
  return (
    <ul className="file-list">
      {files.map((f) => (
        <li key={f.path}>
          {f.kind === 'DIRECTORY' ? (
            <span>{f.name}/</span>
          ) : (
            <a href={feedbackFileUrl(assignmentId, studentId, f.path)} download>
              {f.name}
            </a>
          )}{' '}
          <span className="muted small">{formatBytes(f.size)}</span>
          {onDelete ? (
            <RowAction label="Delete" subject={f.name} onClick={() => onDelete(f)} danger />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

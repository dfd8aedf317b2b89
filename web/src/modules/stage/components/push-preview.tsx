'use client';

import { useState } from 'react';
import { useLocalPages } from '../../../core/paging/use-local-pages';
import { Pager } from '../../ui/components/pager';
import { PathList } from '../../ui/components/path-list';
import { TableHead } from '../../ui/components/table-head';
import { outcomeSummary } from '../../distributions/distribution-labels';
import type { Preview } from './push-dialog';

const PAGE_SIZE = 20;

/** Per-target counts and conflicting paths of a previewed push. */
export function PushPreview({ preview }: { preview: Preview }) {
  const [onlyConflicts, setOnlyConflicts] = useState(preview.targetsWithConflicts > 0);
  const targets = onlyConflicts ? preview.targets.filter((t) => t.conflicts.length > 0 || t.fails) : preview.targets;
  const shown = useLocalPages(targets, PAGE_SIZE, String(onlyConflicts));
  const unchanged = preview.targets.filter((t) => !t.changes).length;

  return (
    <div className="push-preview">
      <div className="summary-grid" role="group" aria-label="Preview summary">
        <div className="summary">
          <span className="summary__value">{preview.targetCount}</span>
          <span className="summary__label">{preview.targetCount === 1 ? 'target' : 'targets'}</span>
        </div>
        <div className={`summary${preview.targetsWithConflicts > 0 ? ' summary--warn' : ''}`}>
          <span className="summary__value">{preview.targetsWithConflicts}</span>
          <span className="summary__label">with conflicts</span>
        </div>
        <div className="summary">
          <span className="summary__value">{unchanged}</span>
          <span className="summary__label">already up to date</span>
        </div>
      </div>
      <p>
        In total: {outcomeSummary(preview.totals)}. {preview.items.length} {preview.items.length === 1 ? 'item' : 'items'} pushed.
      </p>
      {preview.targetCount === 0 ? <p className="notice notice--info">No workspace matches these targets, so there is nothing to push.</p> : null}
      {preview.targetsWithConflicts > 0 ? (
        <div className="choice">
          <input
            type="checkbox"
            id="preview-only-conflicts"
            checked={onlyConflicts}
            onChange={(e) => setOnlyConflicts(e.target.checked)}
          />
          <label htmlFor="preview-only-conflicts">Show only targets with conflicts</label>
        </div>
      ) : null}
      {targets.length > 0 ? (
        <table className="table">
          <TableHead columns={['Workspace', 'What would happen', 'Conflicting paths']} />
          <tbody>
            {shown.items.map((target) => (
              <tr key={target.workspace.id}>
                <td>{target.workspace.owner?.name ?? target.workspace.name}</td>
                <td>
                  {target.fails ? <strong className="text-danger">Left untouched (fail policy). </strong> : null}
                  {target.changes ? outcomeSummary(target.counts) : 'No change'}
                </td>
                <td>
                  {target.conflicts.length === 0 ? (
                    <span className="muted">None</span>
                  ) : (
                    <details>
                      <summary>{target.conflicts.length} {target.conflicts.length === 1 ? 'path' : 'paths'}</summary>
                      <PathList paths={target.conflicts} />
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pager label="Preview pages" {...shown.pager} />
    </div>
  );
}

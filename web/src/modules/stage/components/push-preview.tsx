'use client';

import { useState } from 'react';
import { pageSlice } from '../../../core/paging/cursor-pager';
import { Pager } from '../../ui/components/pager';
import { outcomeSummary } from '../../distributions/distribution-labels';
import type { Preview } from './push-dialog';

const PAGE_SIZE = 20;

/** Per-target counts and conflicting paths of a previewed push. */
export function PushPreview({ preview }: { preview: Preview }) {
  const [onlyConflicts, setOnlyConflicts] = useState(preview.targetsWithConflicts > 0);
  const [page, setPage] = useState(1);
  const targets = onlyConflicts ? preview.targets.filter((t) => t.conflicts.length > 0 || t.fails) : preview.targets;
  const shown = pageSlice(targets, page, PAGE_SIZE);
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
            onChange={(e) => {
              setOnlyConflicts(e.target.checked);
              setPage(1);
            }}
          />
          <label htmlFor="preview-only-conflicts">Show only targets with conflicts</label>
        </div>
      ) : null}
      {targets.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Workspace</th>
              <th scope="col">What would happen</th>
              <th scope="col">Conflicting paths</th>
            </tr>
          </thead>
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
                      <ul className="path-list">
                        {target.conflicts.map((path) => (
                          <li key={path}>
                            <code>{path}</code>
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pager
        label="Preview pages"
        page={shown.page}
        pages={shown.pages}
        hasPrevious={shown.page > 1}
        hasNext={shown.page < shown.pages}
        onPrevious={() => setPage(shown.page - 1)}
        onNext={() => setPage(shown.page + 1)}
      />
    </div>
  );
}

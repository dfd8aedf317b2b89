'use client';

import { useState } from 'react';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { formatCount } from '../../../core/format/bytes';
import { ErrorNotice } from '../../shell/components/error-notice';
import { LoadingLine } from '../../ui/components/status-line';
import { WorkspaceTableQuery } from '../graphql/workspace-table.query';
import { baseName } from '../workspace-paths';
import { ObjectSummary, type ObjectDetails } from './object-summary';
import { RestoreEntryButton } from './restore-entry-button';
import { StageNotice } from './stage-notice';
import { useStage } from './use-stage';
import { useRefreshOn, useWorkspaceView } from './workspace-context';

const ROWS = 50;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A table's columns and rows, fifty at a time. */
export function TablePreview({ object }: { object: ObjectDetails }) {
  const { workspace, snapshotId, version } = useWorkspaceView();
  const stage = useStage();
  const [offset, setOffset] = useState(0);
  const { data, error, fetching, reload } = useSessionQuery({
    query: WorkspaceTableQuery,
    variables: { id: workspace.id, path: object.path, snapshotId, offset, limit: ROWS },
  });
  useRefreshOn(version, reload);
  const table = data?.workspace?.table;
  const csv = `/api/workspaces/${encodeURIComponent(workspace.id)}/tables/${encodeURIComponent(baseName(object.path))}/csv${
    snapshotId ? `?snapshot=${encodeURIComponent(snapshotId)}` : ''
  }`;

  return (
    <section aria-labelledby="table-heading">
      <h2 id="table-heading">Table {object.name}</h2>
      <ObjectSummary object={object} />
      <div className="toolbar">
        <a className="button button--secondary" href={csv} download>
          Download as CSV
        </a>
        {stage.offered ? (
          <button type="button" className="button button--secondary" onClick={() => void stage.stage([object.path])}>
            Stage
          </button>
        ) : null}
        {snapshotId && workspace.canWrite ? <RestoreEntryButton path={object.path} name={object.name} /> : null}
      </div>
      <StageNotice action={stage} />
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {!table && fetching ? <LoadingLine>Loading rows…</LoadingLine> : null}
      {table ? (
        <>
          <p className="muted" role="status">
            {table.rowCount === 0
              ? 'The table has no rows.'
              : `Rows ${formatCount(table.offset + 1)}–${formatCount(Math.min(table.offset + table.rows.length, table.rowCount))} of ${formatCount(table.rowCount)}`}
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={`Rows of ${object.name}`}>
            <table className="table table--compact table--data">
              <thead>
                <tr>
                  <th scope="col" className="numeric muted">
                    #
                  </th>
                  {table.columns.map((column) => (
                    <th key={column.name} scope="col">
                      {column.name}
                      <span className="column-type">{column.type.toLowerCase()}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, index) => (
                  <tr key={table.offset + index}>
                    <td className="numeric muted">{table.offset + index + 1}</td>
                    {(Array.isArray(row) ? row : []).map((value, column) => (
                      <td key={column} className={typeof value === 'number' ? 'numeric' : undefined}>
                        {cell(value)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label="Table pages">
            <button type="button" className="button button--secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - ROWS))}>
              Previous {ROWS}
            </button>
            <span className="pager__page">
              Page {Math.floor(offset / ROWS) + 1} of {Math.max(1, Math.ceil(table.rowCount / ROWS))}
            </span>
            <button
              type="button"
              className="button button--secondary"
              disabled={offset + ROWS >= table.rowCount}
              onClick={() => setOffset(offset + ROWS)}
            >
              Next {ROWS}
            </button>
          </nav>
        </>
      ) : null}
    </section>
  );
}

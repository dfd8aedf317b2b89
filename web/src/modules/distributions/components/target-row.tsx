'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import type { TargetRowFragment } from '../../../gql/graphql';
import { DateTime } from '../../ui/components/date-time';
import { PathList } from '../../ui/components/path-list';
import { TableHead } from '../../ui/components/table-head';
import { browserHref } from '../../workspaces/workspace-paths';
import { outcomeLabel, outcomeSummary } from '../distribution-labels';
import { ReversalDialog } from './reversal-dialog';
import { TargetStatusBadge } from './status-badge';

interface TargetRowProps {
  target: TargetRowFragment;
  distributionId: string;
  reversible: boolean;
}

/** One target as a table body: a summary row and, when opened, its outcomes and conflicts. */
export function TargetRow({ target, distributionId, reversible }: TargetRowProps) {
  const detailsId = useId();
  const [open, setOpen] = useState(false);
  const [undoing, setUndoing] = useState(false);
  const name = target.workspace?.owner?.name ?? target.workspace?.name ?? target.workspaceId;
  const conflicts = target.outcomes.filter((o) => o.outcome === 'CONFLICT');

  return (
    <tbody className={open ? 'row-group row-group--open' : 'row-group'}>
      <tr>
        <td>
          <Link href={browserHref(target.workspaceId)}>{name}</Link>
        </td>
        <td>
          <TargetStatusBadge status={target.status} />
        </td>
        <td>
          {target.error ? <span className="text-danger">{target.error}</span> : outcomeSummary(target.counts)}
          {conflicts.length > 0 ? <span className="muted"> · {conflicts.length} conflicting paths</span> : null}
        </td>
        <td className="table__actions">
          <button
            type="button"
            className="button button--ghost button--small"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen((v) => !v)}
          >
            {open ? 'Hide' : 'Details'}
            <span className="visually-hidden"> for {name}</span>
          </button>
        </td>
      </tr>
      <tr id={detailsId} hidden={!open} className="row-details">
        <td colSpan={4}>
          {open ? (
            <div className="target-details">
              <p className="muted">
                {target.finishedAt ? (
                  <>
                    Finished <DateTime iso={target.finishedAt} />
                  </>
                ) : (
                  'Not finished'
                )}
                {target.attempts > 1 ? ` · ${target.attempts} attempts` : ''}
                {target.snapshotId ? (
                  <>
                    {' '}
                    · <Link href={browserHref(target.workspaceId, '', target.snapshotId)}>snapshot taken before</Link>
                  </>
                ) : null}
              </p>
              {conflicts.length > 0 ? (
                <>
                  <h4>Conflicting paths</h4>
                  <PathList paths={conflicts.map((o) => o.path)} />
                </>
              ) : null}
              {target.outcomes.length > 0 ? (
                <>
                  <h4>Outcomes</h4>
                  <table className="table table--compact">
                    <TableHead columns={['Path', 'Outcome', 'Items']} />
                    <tbody>
                      {target.outcomes.map((o) => (
                        <tr key={`${o.path}:${o.outcome}`}>
                          <td>
                            <code>{o.path}</code>
                            {o.copiedTo ? (
                              <span className="muted">
                                {' '}
                                → <code>{o.copiedTo}</code>
                              </span>
                            ) : null}
                          </td>
                          <td>{outcomeLabel(o.outcome)}</td>
                          <td>{o.files}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              ) : null}
              {target.kept.length > 0 ? (
                <>
                  <h4>Left alone because the recipient changed them</h4>
                  <PathList paths={target.kept} />
                </>
              ) : null}
              {reversible && target.status === 'SUCCEEDED' ? (
                <button type="button" className="button button--secondary button--small" onClick={() => setUndoing(true)}>
                  Undo for {name} only…
                </button>
              ) : null}
              <ReversalDialog distributionId={distributionId} choice={undoing ? 'undo' : null} workspaceIds={[target.workspaceId]} onClose={() => setUndoing(false)} />
            </div>
          ) : null}
        </td>
      </tr>
    </tbody>
  );
}

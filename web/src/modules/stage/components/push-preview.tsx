'use client';

import { useId, useState } from 'react';
import type { Connection } from '../../../core/paging/use-paged-query';
import { PathList } from '../../ui/components/path-list';
import { Summary } from '../../ui/components/summary';
import { outcomeSummary } from '../../distributions/distribution-labels';
import { usePreviewPages, type PreviewPages } from '../../distributions/preview-pages';
import { PreviewTargetsTable } from '../../distributions/components/preview-targets-table';
import type { DistributionPreviewFieldsFragment, TargetPreviewFlag, TargetPreviewRowFragment } from '../../../gql/graphql';
import { previewVerdict, type Recipients } from '../push-input';

export type Preview = DistributionPreviewFieldsFragment;
type TargetPreview = TargetPreviewRowFragment;

/** The targets to look at before pushing: they lose their own edits, conflict, or would fail. */
const NEEDS_LOOK: TargetPreviewFlag[] = ['LOSES_EDITS', 'CONFLICTS', 'FAILS'];

/** The variables a push preview's operation pages its targets with. */
type PageVariables = { first: number; after?: string | null; only?: TargetPreviewFlag[] | TargetPreviewFlag | null };

/**
 * A previewed push in plain words: what is pushed, per target what would
 * happen, the recipient's own edits that would be replaced or removed (apart
 * from delivered entries unchanged since), and which paths conflict. The
 * targets come a page at a time from `pages`, the operation that answered
 * `preview`; those that need a look are listed first on their own.
 * `nothingNote` says why there is no target, where the caller knows better.
 */
export function PushPreview<Data, Variables extends PageVariables>({
  preview,
  pages,
  recipients = 'students',
  nothingNote,
}: {
  preview: Preview;
  pages: PreviewPages<Data, Variables, Connection<TargetPreview>>;
  recipients?: Recipients;
  nothingNote?: string;
}) {
  const id = useId();
  const attention = preview.needingLook.totalCount ?? 0;
  const [onlyAttention, setOnlyAttention] = useState(attention > 0);
  // The preview's own answer holds the first page of every target, not of those needing a look.
  const targets = usePreviewPages({ ...pages, variables: { ...pages.variables, ...(onlyAttention ? { only: NEEDS_LOOK } : {}) } }, !onlyAttention);
  const { lostEditsLine } = previewVerdict(preview, recipients);
  const items = preview.items.length === 1 ? 'item' : 'items';

  return (
    <div className="push-preview">
      {lostEditsLine ? (
        <div className="notice notice--warn" role="note">
          <p>
            <strong>{lostEditsLine}</strong> Their own work is listed below; choose “Preserve their edits” or “Keep both” to keep it.
          </p>
        </div>
      ) : null}
      <div className="summary-grid" role="group" aria-label="Preview summary">
        <Summary value={preview.targetCount} label={preview.targetCount === 1 ? 'target' : 'targets'} />
        <Summary value={preview.targetsChanging} label="would change" />
        <Summary value={preview.targetsLosingEdits} label="would lose their own edits" warn />
        <Summary value={preview.targetsWithConflicts} label="with conflicts" warn />
        {preview.targetsFailing > 0 ? <Summary value={preview.targetsFailing} label="left untouched (fail policy)" warn /> : null}
        <Summary value={preview.targetsUpToDate} label="already up to date" />
      </div>
      <p>In total: {outcomeSummary(preview.totals)}.</p>
      <details className="origin-summary" open={preview.items.length <= 5}>
        <summary>
          {preview.items.length} {items} pushed
        </summary>
        <PathList paths={preview.items.map((i) => i.path || '(the whole workspace)')} />
      </details>
      {preview.targetCount === 0 ? <p className="notice notice--info">{nothingNote ?? 'No workspace matches these targets, so there is nothing to push.'}</p> : null}
      {preview.targetCount > 0 ? (
        <PreviewTargetsTable
          targets={targets}
          emptyText={onlyAttention ? 'No target needs a look.' : 'No target.'}
          columns={['Workspace', 'What would happen', 'Their own edits lost', 'Files they left as delivered, replaced or removed', 'Conflicting paths']}
          filter={
            attention > 0 && attention < preview.targetCount ? (
              <div className="choice">
                <input type="checkbox" id={`${id}-only`} checked={onlyAttention} onChange={(e) => setOnlyAttention(e.target.checked)} />
                <label htmlFor={`${id}-only`}>Show only targets that lose their own edits, conflict or fail ({attention})</label>
              </div>
            ) : null
          }
        >
            {(target) => (
              <>
                <td>{target.workspace.owner?.name ?? target.workspace.name}</td>
                <td>{targetVerdict(target)}</td>
                <td>
                  <OutcomePaths rows={target.lostEdits} total={target.lostEditCount} danger />
                </td>
                <td>
                  <OutcomePaths rows={target.replacedDelivered} />
                </td>
                <td>
                  {target.conflicts.length === 0 ? (
                    <span className="muted">None</span>
                  ) : (
                    <details>
                      <summary>
                        {target.conflicts.length} {target.conflicts.length === 1 ? 'path' : 'paths'}
                      </summary>
                      <PathList paths={target.conflicts} />
                    </details>
                  )}
                </td>
              </>
            )}
        </PreviewTargetsTable>
      ) : null}
    </div>
  );
}

function targetVerdict(target: TargetPreview) {
  if (target.fails) return <strong className="text-danger">Left untouched: something differs and the policy is to fail.</strong>;
  if (target.upToDate) return 'Up to date: nothing would change';
  return outcomeSummary(target.counts);
}

const OUTCOME_WORD: Record<string, string> = { REPLACED: 'replaced', REMOVED: 'removed' };

/** Paths a push would replace or remove, each with what happens to it. */
function OutcomePaths({ rows, total, danger = false }: { rows: readonly { path: string; outcome: string }[]; total?: number; danger?: boolean }) {
  if (rows.length === 0) return <span className="muted">None</span>;
  const count = total ?? rows.length;
  return (
    <details open={danger && rows.length <= 3}>
      <summary className={danger ? 'text-danger' : undefined}>
        {count} {count === 1 ? 'file' : 'files'}
      </summary>
      <ul className="path-list">
        {rows.map((row) => (
          <li key={row.path}>
            <code>{row.path}</code> <span className="muted">({OUTCOME_WORD[row.outcome] ?? row.outcome.toLowerCase()})</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

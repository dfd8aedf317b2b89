'use client';

import { useState } from 'react';
import { useMutation } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import type { BundleFieldsFragment } from '../../../gql/graphql';
import { summariseItems } from '../../distributions/distribution-labels';
import { MySpacesQuery } from '../../spaces/graphql/my-spaces.query';
import { ConfirmDialog } from '../../ui/components/confirm-dialog';
import { DateTime } from '../../ui/components/date-time';
import { SelectFilter } from '../../ui/components/filters';
import { ResultView } from '../../ui/components/result-view';
import { RowAction } from '../../ui/components/row-action';
import { ACTIONS_COLUMN, TableHead } from '../../ui/components/table-head';
import { BundlesQuery } from '../graphql/bundles.query';
import { DeleteBundleMutation } from '../graphql/stage.mutations';
import { NO_PUSH_TARGET, usePushReach } from '../push-targets';
import { PushDialog } from './push-dialog';

// An empty list carries no Bundle to invalidate on; saving one must still refresh it.
const BUNDLES_CONTEXT = { additionalTypenames: ['Bundle'] };

/** The bundles saved in one of the person's spaces: push one again, or delete it. */
export function SavedBundles() {
  const { data: spacesData } = useSessionQuery({ query: MySpacesQuery, variables: { first: 100, after: null }, requestPolicy: 'cache-first' });
  const spaces = spacesData?.spaces.nodes ?? [];
  const [chosenSpace, setChosenSpace] = useState('');
  const spaceId = chosenSpace || spaces[0]?.id || '';
  const { data, error, fetching, reload } = useSessionQuery({
    query: BundlesQuery,
    variables: { spaceId },
    pause: !spaceId,
    context: BUNDLES_CONTEXT,
  });
  const bundles = data?.bundles ?? [];
  const reaches = usePushReach(spaceId);
  const unreachable = (sourceId: string) => !!reaches && !reaches(sourceId);
  // The dialog keeps its bundle while it closes, so focus can return to the button that opened it.
  const [pushed, setPushed] = useState<{ bundle: BundleFieldsFragment; open: boolean } | null>(null);
  const [deleting, setDeleting] = useState<BundleFieldsFragment | null>(null);
  const [remove, runRemove] = useMutation(DeleteBundleMutation);
  const [notice, setNotice] = useState('');

  async function deleteBundle() {
    if (!deleting) return;
    const result = await runRemove({ id: deleting.id });
    if (!result.data) return;
    setNotice(`The bundle “${deleting.name}” was deleted.`);
    setDeleting(null);
    reload();
  }

  return (
    <section className="section" aria-labelledby="bundles-heading">
      <div className="section__header">
        <h2 id="bundles-heading">Saved bundles</h2>
        {spaces.length > 1 ? (
          <SelectFilter
            label="Space"
            value={spaceId}
            options={spaces.map((s) => ({ value: s.id, label: s.name }))}
            onChange={setChosenSpace}
          />
        ) : null}
      </div>
      <p className="hint">A bundle keeps staged items as they were when it was saved, to push the same thing again later.</p>
      <p role="status" className="success-text">
        {notice}
      </p>
      <ResultView
        error={error}
        onRetry={reload}
        loading={!data && (fetching || !spacesData)}
        loadingText="Loading saved bundles…"
        empty={data !== undefined && bundles.length === 0}
        emptyText={<p>No bundles saved in this space yet. Save what you staged as a bundle to push it again later.</p>}
      >
        {bundles.length > 0 ? (
          <table className="table">
            <TableHead columns={['Bundle', 'Items', 'Saved', ACTIONS_COLUMN]} />
            <tbody>
              {bundles.map((bundle) => (
                <tr key={bundle.id}>
                  <td>
                    {bundle.name}
                    {bundle.description ? <div className="muted small">{bundle.description}</div> : null}
                  </td>
                  <td className="cell-truncate" title={bundle.items.map((i) => i.path).join('\n')}>
                    {summariseItems(bundle.items.map((i) => i.path))}
                  </td>
                  <td>
                    <DateTime iso={bundle.createdAt} />
                  </td>
                  <td className="table__actions">
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      disabled={unreachable(bundle.sourceWorkspaceId)}
                      title={unreachable(bundle.sourceWorkspaceId) ? NO_PUSH_TARGET : undefined}
                      onClick={() => setPushed({ bundle, open: true })}
                    >
                      Push…<span className="visually-hidden"> the bundle {bundle.name}</span>
                    </button>
                    <RowAction label="Delete…" subject={`the bundle ${bundle.name}`} onClick={() => setDeleting(bundle)} danger />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </ResultView>

      {pushed ? (
        <PushDialog
          open={pushed.open}
          onClose={() => setPushed({ ...pushed, open: false })}
          origin={{ kind: 'bundle', bundleId: pushed.bundle.id, name: pushed.bundle.name, paths: pushed.bundle.items.map((i) => i.path) }}
          sourceName={`the bundle “${pushed.bundle.name}”`}
          sourceWorkspaceId={pushed.bundle.sourceWorkspaceId}
          spaceId={pushed.bundle.spaceId}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete the bundle “${deleting?.name ?? ''}”?`}
        confirmLabel="Delete bundle"
        busyLabel="Deleting…"
        busy={remove.fetching}
        danger
        error={remove.error}
        onClose={() => setDeleting(null)}
        onConfirm={() => void deleteBundle()}
      >
        <p>Only the saved bundle goes. Workspaces it was pushed to keep what they received.</p>
      </ConfirmDialog>
    </section>
  );
}

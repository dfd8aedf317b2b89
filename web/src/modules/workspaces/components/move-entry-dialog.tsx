'use client';

import { useEffect, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { staleEditOf } from '../../../core/errors/stale-edit';
import { ErrorNotice } from '../../shell/components/error-notice';
import { Dialog } from '../../ui/components/dialog';
import { FormActions } from '../../ui/components/form-actions';
import { TextField } from '../../ui/components/text-field';
import { MovePathMutation } from '../graphql/workspace.mutations';
import { areaOf, normalisePath } from '../workspace-paths';
import type { EntryRow } from '../graphql/workspace-entries.query';
import { StaleWorkspaceNotice, useVersionWhenOpened } from './stale-workspace-notice';
import { useWorkspaceView } from './workspace-context';

/** Renames or moves an entry: the new full path, within the same area. */
export function MoveEntryDialog({ entry, onClose }: { entry: EntryRow | null; onClose: () => void }) {
  const { workspace } = useWorkspaceView();
  const [to, setTo] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching, error }, move] = useMutation(MovePathMutation);
  const stale = staleEditOf(error);

  useEffect(() => {
    if (entry) {
      setTo(entry.path);
      setProblem(null);
    }
  }, [entry]);

  async function submit(expectedVersion: number) {
    if (!entry || fetching) return;
    const target = normalisePath(to);
    if (target === entry.path) return setProblem('Enter a different path.');
    if (areaOf(target) !== areaOf(entry.path)) return setProblem(`The new path must stay in ${areaOf(entry.path)}/.`);
    setProblem(null);
    const result = await move({ workspaceId: workspace.id, from: entry.path, to: target, expectedVersion });
    if (result.data) onClose();
  }

  const opened = useVersionWhenOpened(entry, submit);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit(opened.base);
  }

  return (
    <Dialog open={entry !== null} title={entry ? `Rename or move ${entry.name}` : 'Rename or move'} onClose={onClose}>
      <form onSubmit={onSubmit} className="dialog__content" noValidate>
        <TextField
          label="New path"
          value={to}
          onChange={setTo}
          problem={problem}
          hint="Change the last part to rename; change the folders to move."
          autoFocus
          spellCheck={false}
        />
        {stale ? (
          <StaleWorkspaceNotice stale={stale} onCancel={onClose} onRetry={opened.retry} retryLabel="Move anyway" />
        ) : error ? (
          <ErrorNotice error={error} />
        ) : null}
        <FormActions dialog onCancel={onClose} submitLabel="Move" busyLabel="Moving…" busy={fetching} />
      </form>
    </Dialog>
  );
}

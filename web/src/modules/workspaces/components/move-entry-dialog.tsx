'use client';

import { useEffect, useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { Dialog } from '../../ui/components/dialog';
import { MovePathMutation } from '../graphql/workspace.mutations';
import { areaOf, normalisePath } from '../workspace-paths';
import type { EntryRow } from './entry-list';
import { useWorkspaceView } from './workspace-context';

/** Renames or moves an entry: the new full path, within the same area. */
export function MoveEntryDialog({ entry, onClose }: { entry: EntryRow | null; onClose: () => void }) {
  const id = useId();
  const { workspace } = useWorkspaceView();
  const [to, setTo] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching, error }, move] = useMutation(MovePathMutation);

  useEffect(() => {
    if (entry) {
      setTo(entry.path);
      setProblem(null);
    }
  }, [entry]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!entry || fetching) return;
    const target = normalisePath(to);
    if (target === entry.path) return setProblem('Enter a different path.');
    if (areaOf(target) !== areaOf(entry.path)) return setProblem(`The new path must stay in ${areaOf(entry.path)}/.`);
    setProblem(null);
    const result = await move({ workspaceId: workspace.id, from: entry.path, to: target, expectedVersion: workspace.version });
    if (result.data) onClose();
  }

  return (
    <Dialog open={entry !== null} title={entry ? `Rename or move ${entry.name}` : 'Rename or move'} onClose={onClose}>
      <form onSubmit={onSubmit} className="dialog__content" noValidate>
        <div className="field">
          <label htmlFor={id}>New path</label>
          <input
            id={id}
            autoFocus
            value={to}
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
            onChange={(e) => setTo(e.target.value)}
          />
          <span id={`${id}-hint`} className="hint">
            Change the last part to rename; change the folders to move.
          </span>
          {problem ? (
            <span id={`${id}-problem`} className="field__error">
              {problem}
            </span>
          ) : null}
        </div>
        {error ? <ErrorNotice error={error} /> : null}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" aria-disabled={fetching}>
            {fetching ? 'Moving…' : 'Move'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

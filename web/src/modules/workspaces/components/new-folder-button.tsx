'use client';

import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { Dialog } from '../../ui/components/dialog';
import { CreateFolderMutation } from '../graphql/workspace.mutations';
import { joinPath, nameProblem } from '../workspace-paths';
import { useWorkspaceView } from './workspace-context';

export function NewFolderButton({ folder }: { folder: string }) {
  const id = useId();
  const { workspace } = useWorkspaceView();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching, error }, create] = useMutation(CreateFolderMutation);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const issue = nameProblem(name);
    setProblem(issue);
    if (issue || fetching) return;
    const result = await create({ workspaceId: workspace.id, path: joinPath(folder, name), expectedVersion: workspace.version });
    if (result.data) {
      setOpen(false);
      setName('');
    }
  }

  return (
    <>
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        New folder
      </button>
      <Dialog open={open} title="New folder" onClose={() => setOpen(false)}>
        <form onSubmit={onSubmit} className="dialog__content" noValidate>
          <div className="field">
            <label htmlFor={id}>Folder name</label>
            <input
              id={id}
              autoFocus
              value={name}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              onChange={(e) => setName(e.target.value)}
            />
            {problem ? (
              <span id={`${id}-problem`} className="field__error">
                {problem}
              </span>
            ) : null}
          </div>
          {error ? <ErrorNotice error={error} /> : null}
          <div className="dialog__actions">
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" aria-disabled={fetching}>
              {fetching ? 'Creating…' : 'Create folder'}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

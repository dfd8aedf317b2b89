'use client';

import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { Dialog } from '../../ui/components/dialog';
import { FormActions } from '../../ui/components/form-actions';
import { TextField } from '../../ui/components/text-field';
import { CreateFolderMutation } from '../graphql/workspace.mutations';
import { joinPath, nameProblem } from '../workspace-paths';
import { useWorkspaceView } from './workspace-context';

export function NewFolderButton({ folder }: { folder: string }) {
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
          <TextField label="Folder name" value={name} onChange={setName} problem={problem} autoFocus />
          {error ? <ErrorNotice error={error} /> : null}
          <FormActions dialog onCancel={() => setOpen(false)} submitLabel="Create folder" busyLabel="Creating…" busy={fetching} />
        </form>
      </Dialog>
    </>
  );
}

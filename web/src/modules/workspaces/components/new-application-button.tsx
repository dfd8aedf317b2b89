'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Dialog } from '../../ui/components/dialog';
import { EMPTY_APPLICATION } from '../application-form';
import { browserHref } from '../workspace-paths';
import { ApplicationEditor } from './application-editor';
import { useWorkspaceView } from './workspace-context';

export function NewApplicationButton() {
  const router = useRouter();
  const { workspace, version } = useWorkspaceView();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button--primary" onClick={() => setOpen(true)}>
        New application
      </button>
      <Dialog open={open} title="New application" onClose={() => setOpen(false)} wide>
        <ApplicationEditor
          name=""
          isNew
          initial={EMPTY_APPLICATION}
          // The editor mounts when the dialog opens and keeps this: a change made after that is refused as stale.
          openedVersion={version}
          onDone={(saved) => {
            setOpen(false);
            if (saved) router.push(browserHref(workspace.id, `applications/${saved}`));
          }}
        />
      </Dialog>
    </>
  );
}

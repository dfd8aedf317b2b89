'use client';

import { useId, useRef, useState } from 'react';
import { useClient } from 'urql';
import type { ErrorMessage } from '../../../core/errors/error-message';
import { formatBytes } from '../../../core/format/bytes';
import { uploadWithProgress, type UploadHandle } from '../../../core/http/upload';
import { MessageNotice } from '../../shell/components/message-notice';
import { ProgressBar } from '../../ui/components/progress-bar';
import { WorkspaceQuery } from '../graphql/workspace.query';
import { downloadUrl, joinPath, numberedName } from '../workspace-paths';
import { ExistingNameDialog, type ExistingNameChoice } from './existing-name-dialog';
import { usePathTaken } from './use-path-taken';
import { useWorkspaceView } from './workspace-context';

interface UploadItem {
  key: string;
  name: string;
  size: number;
  loaded: number;
  state: 'waiting' | 'uploading' | 'done' | 'failed' | 'kept';
  error?: ErrorMessage;
}

interface Question {
  name: string;
  keepBothAs: string;
  answer: (choice: ExistingNameChoice) => void;
}

/**
 * Uploads chosen files into `folder`, one after another, each with a progress
 * bar. A name already taken is never replaced without asking: replace, keep
 * both (the upload gets a numbered name) or leave the existing file. The
 * server checks again (If-None-Match / If-Match), so a file that appears or a
 * workspace that changes in the meantime is refused rather than overwritten.
 * The listing refreshes itself from the workspaceChanged subscription.
 */
export function UploadFiles({ folder }: { folder: string }) {
  const inputId = useId();
  const { workspace } = useWorkspaceView();
  const client = useClient();
  const [items, setItems] = useState<UploadItem[]>([]);
  const [question, setQuestion] = useState<Question | null>(null);
  const current = useRef<UploadHandle | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const busy = items.some((i) => i.state === 'waiting' || i.state === 'uploading');

  const taken = usePathTaken(workspace.id);

  async function freeName(name: string): Promise<string> {
    for (let n = 2; ; n++) {
      const candidate = numberedName(name, n);
      if (n >= 100 || !(await taken(joinPath(folder, candidate)))) return candidate;
    }
  }

  function ask(name: string, keepBothAs: string): Promise<ExistingNameChoice> {
    return new Promise((resolve) =>
      setQuestion({
        name,
        keepBothAs,
        answer: (choice) => {
          setQuestion(null);
          resolve(choice);
        },
      }),
    );
  }

  /** Where `file` goes and under which precondition, or null when the person chose to keep the existing file. */
  async function destination(file: File): Promise<{ path: string; headers: Record<string, string> } | null> {
    const path = joinPath(folder, file.name);
    if (!(await taken(path))) return { path, headers: { 'If-None-Match': '*' } };
    const keepBothAs = await freeName(file.name);
    const choice = await ask(file.name, keepBothAs);
    if (choice === 'keep') return null;
    if (choice === 'both') return { path: joinPath(folder, keepBothAs), headers: { 'If-None-Match': '*' } };
    // Replace what is there now: any change after this moment is refused instead of overwritten.
    const seen = await client.query(WorkspaceQuery, { id: workspace.id }, { requestPolicy: 'network-only' }).toPromise();
    const version = seen.data?.workspace?.version ?? workspace.version;
    return { path, headers: { 'If-Match': `"${version}"` } };
  }

  function update(key: string, change: Partial<UploadItem>) {
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }

  async function start(files: FileList | null) {
    if (!files || files.length === 0) return;
    const batch = [...files].map((file, index) => ({ file, key: `${Date.now()}-${index}-${file.name}` }));
    setItems(batch.map(({ file, key }) => ({ key, name: file.name, size: file.size, loaded: 0, state: 'waiting' })));
    for (const { file, key } of batch) {
      const target = await destination(file);
      if (!target) {
        update(key, { state: 'kept' });
        continue;
      }
      update(key, { state: 'uploading', name: target.path.split('/').pop() ?? file.name });
      const handle = uploadWithProgress(downloadUrl(workspace.id, target.path), file, ({ loaded }) => update(key, { loaded }), target.headers);
      current.current = handle;
      const error = await handle.done;
      update(key, error ? { state: 'failed', error } : { state: 'done', loaded: file.size });
    }
    current.current = null;
  }

  const finished = items.filter((i) => i.state === 'done').length;
  const settled = items.filter((i) => i.state !== 'waiting' && i.state !== 'uploading').length;
  return (
    <div className="upload">
      <button
        type="button"
        className="button button--primary"
        aria-disabled={busy}
        onClick={() => {
          if (!busy) picker.current?.click();
        }}
      >
        {busy ? 'Uploading…' : 'Upload files'}
      </button>
      <input
        ref={picker}
        id={inputId}
        type="file"
        multiple
        hidden
        aria-label="Files to upload"
        onChange={(e) => {
          void start(e.target.files);
          e.target.value = '';
        }}
      />
      <ExistingNameDialog
        name={question?.name ?? null}
        place={<code>{folder}</code>}
        keepBothAs={question?.keepBothAs ?? ''}
        onChoose={(choice) => question?.answer(choice)}
      />
      {items.length > 0 ? (
        <div className="upload__panel" aria-label="Uploads">
          <p role="status" className="muted">
            {busy ? `Uploading ${settled + 1} of ${items.length}…` : `${finished} of ${items.length} uploaded.`}
          </p>
          <ul className="upload__list">
            {items.map((item) => (
              <li key={item.key}>
                <ProgressBar
                  label={`Upload of ${item.name}`}
                  value={item.loaded}
                  max={Math.max(item.size, 1)}
                  text={`${item.name}: ${
                    item.state === 'done'
                      ? 'done'
                      : item.state === 'failed'
                        ? 'failed'
                        : item.state === 'kept'
                          ? 'not uploaded, the existing file was kept'
                        : item.state === 'waiting'
                          ? 'waiting'
                          : `${formatBytes(item.loaded)} of ${formatBytes(item.size)}`
                  }`}
                />
                {item.error ? <MessageNotice message={item.error} /> : null}
              </li>
            ))}
          </ul>
          {busy ? (
            <button type="button" className="button button--ghost button--small" onClick={() => current.current?.abort()}>
              Cancel the current upload
            </button>
          ) : (
            <button type="button" className="button button--ghost button--small" onClick={() => setItems([])}>
              Clear the list
            </button>
          )}
        </div>
      ) : null}
    </div>
  );
}

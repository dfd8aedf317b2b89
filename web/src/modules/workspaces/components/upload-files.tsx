'use client';

import { useId, useRef, useState } from 'react';
import type { ErrorMessage } from '../../../core/errors/error-message';
import { formatBytes } from '../../../core/format/bytes';
import { uploadWithProgress, type UploadHandle } from '../../../core/http/upload';
import { MessageNotice } from '../../shell/components/message-notice';
import { ProgressBar } from '../../ui/components/progress-bar';
import { downloadUrl, joinPath } from '../workspace-paths';
import { useWorkspaceView } from './workspace-context';

interface UploadItem {
  key: string;
  name: string;
  size: number;
  loaded: number;
  state: 'waiting' | 'uploading' | 'done' | 'failed';
  error?: ErrorMessage;
}

/**
 * Uploads chosen files into `folder`, one after another, each with a progress
 * bar. The listing refreshes itself from the workspaceChanged subscription.
 */
export function UploadFiles({ folder }: { folder: string }) {
  const inputId = useId();
  const { workspace } = useWorkspaceView();
  const [items, setItems] = useState<UploadItem[]>([]);
  const current = useRef<UploadHandle | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const busy = items.some((i) => i.state === 'waiting' || i.state === 'uploading');

  function update(key: string, change: Partial<UploadItem>) {
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }

  async function start(files: FileList | null) {
    if (!files || files.length === 0) return;
    const batch = [...files].map((file, index) => ({ file, key: `${Date.now()}-${index}-${file.name}` }));
    setItems(batch.map(({ file, key }) => ({ key, name: file.name, size: file.size, loaded: 0, state: 'waiting' })));
    for (const { file, key } of batch) {
      update(key, { state: 'uploading' });
      const handle = uploadWithProgress(downloadUrl(workspace.id, joinPath(folder, file.name)), file, ({ loaded }) =>
        update(key, { loaded }),
      );
      current.current = handle;
      const error = await handle.done;
      update(key, error ? { state: 'failed', error } : { state: 'done', loaded: file.size });
    }
    current.current = null;
  }

  const finished = items.filter((i) => i.state === 'done').length;
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
      {items.length > 0 ? (
        <div className="upload__panel" aria-label="Uploads">
          <p role="status" className="muted">
            {busy ? `Uploading ${finished + 1} of ${items.length}…` : `${finished} of ${items.length} uploaded.`}
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

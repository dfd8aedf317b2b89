'use client';

import { useEffect, useState } from 'react';
import { downloadUrl } from '../workspace-paths';
import { ObjectSummary, type ObjectDetails } from './object-summary';
import { RestoreEntryButton } from './restore-entry-button';
import { StageNotice } from './stage-notice';
import { useStage } from './use-stage';
import { useWorkspaceView } from './workspace-context';

const PREVIEW_LIMIT = 64 * 1024;
const TEXT_NAMES = /\.(txt|md|csv|tsv|json|ya?ml|py|r|rmd|ipynb|js|ts|sql|sh|toml|ini|cfg|html|css|tex|log)$/i;

/** A file: its facts, download, stage, and the start of it when it is small text. */
export function FileDetails({ object }: { object: ObjectDetails }) {
  const { workspace, snapshotId } = useWorkspaceView();
  const stage = useStage();
  const url = downloadUrl(workspace.id, object.path, snapshotId);
  const previewable = TEXT_NAMES.test(object.name) && object.size <= PREVIEW_LIMIT;
  const [preview, setPreview] = useState<{ hash: string; text: string } | null>(null);

  useEffect(() => {
    if (!previewable) return;
    let cancelled = false;
    fetch(url, { credentials: 'same-origin' })
      .then((response) => (response.ok ? response.text() : null))
      .then((text) => {
        if (!cancelled && text !== null) setPreview({ hash: object.hash, text });
      })
      .catch(() => {
        // The download button still works; the preview is a convenience.
      });
    return () => {
      cancelled = true;
    };
  }, [url, object.hash, previewable]);

  return (
    <section aria-labelledby="file-heading">
      <h2 id="file-heading">{object.name}</h2>
      <ObjectSummary object={object} />
      <div className="toolbar">
        <a className="button button--primary" href={url} download>
          Download
        </a>
        {stage.offered ? (
          <button type="button" className="button button--secondary" aria-disabled={stage.staging} onClick={() => void stage.stage([object.path])}>
            Stage
          </button>
        ) : null}
        {snapshotId && workspace.canWrite ? <RestoreEntryButton path={object.path} name={object.name} /> : null}
      </div>
      <StageNotice action={stage} />
      {previewable && preview?.hash === object.hash ? (
        <figure className="file-preview">
          <figcaption className="muted">Contents</figcaption>
          <pre tabIndex={0}>{preview.text}</pre>
        </figure>
      ) : null}
    </section>
  );
}

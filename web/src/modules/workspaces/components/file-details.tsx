'use client';

import { FileViewer } from '../../viewers/components/file-viewer';
import { downloadUrl } from '../workspace-paths';
import { ObjectSummary, type ObjectDetails } from './object-summary';
import { RestoreEntryButton } from './restore-entry-button';
import { StageNotice } from './stage-notice';
import { useStage } from './use-stage';
import { useWorkspaceView } from './workspace-context';

/** A file: its facts, download, stage, and the file itself shown when it can be. */
export function FileDetails({ object }: { object: ObjectDetails }) {
  const { workspace, snapshotId } = useWorkspaceView();
  const stage = useStage();
  const url = downloadUrl(workspace.id, object.path, snapshotId);

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
      <figure className="file-preview">
        <figcaption className="muted">Contents</figcaption>
        <FileViewer key={`${url}#${object.hash}`} name={object.name} size={object.size} url={url} />
      </figure>
    </section>
  );
}

'use client';

import { useState } from 'react';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { LoadingLine } from '../../ui/components/status-line';
import { configToForm } from '../application-form';
import { WorkspaceApplicationQuery } from '../graphql/workspace-application.query';
import { baseName } from '../workspace-paths';
import { ApplicationEditor } from './application-editor';
import { ObjectSummary, type ObjectDetails } from './object-summary';
import { StageNotice } from './stage-notice';
import { useStage } from './use-stage';
import { useRefreshOn, useWorkspaceView } from './workspace-context';

/** An application configuration, read as a summary, edited as a form. */
export function ApplicationView({ object }: { object: ObjectDetails }) {
  const { workspace, snapshotId, editable, version } = useWorkspaceView();
  const stage = useStage();
  const [editing, setEditing] = useState(false);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: WorkspaceApplicationQuery,
    variables: { id: workspace.id, path: object.path, snapshotId },
    requestPolicy: 'cache-and-network',
  });
  useRefreshOn(version, () => {
    if (!editing) refetch({ requestPolicy: 'network-only' });
  });
  const application = data?.workspace.application;

  return (
    <section aria-labelledby="application-heading">
      <h2 id="application-heading">Application {object.name}</h2>
      <ObjectSummary object={object} />
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {!application && fetching ? <LoadingLine>Loading the configuration…</LoadingLine> : null}
      {application && editing ? (
        <ApplicationEditor
          name={baseName(object.path)}
          initial={configToForm(application.config)}
          onDone={() => setEditing(false)}
        />
      ) : null}
      {application && !editing ? (
        <>
          <div className="toolbar">
            {editable ? (
              <button type="button" className="button button--primary" onClick={() => setEditing(true)}>
                Edit configuration
              </button>
            ) : null}
            <button type="button" className="button button--secondary" onClick={() => void stage.stage([object.path])}>
              Stage
            </button>
          </div>
          <StageNotice action={stage} />
          <ApplicationSummary config={application.config} />
        </>
      ) : null}
    </section>
  );
}

function ApplicationSummary({ config }: { config: Record<string, unknown> }) {
  const form = configToForm(config);
  return (
    <dl className="facts facts--stacked">
      <div>
        <dt>Image</dt>
        <dd>
          <code>{form.image}</code>
        </dd>
      </div>
      <div>
        <dt>Packages</dt>
        <dd>
          {form.packages.length === 0 ? (
            <span className="muted">None</span>
          ) : (
            <ul className="plain-list">
              {form.packages.map((p) => (
                <li key={`${p.manager}:${p.name}`}>
                  <code>
                    {p.name} {p.version}
                  </code>{' '}
                  <span className="muted">({p.manager})</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div>
        <dt>Environment</dt>
        <dd>
          {form.environment.length === 0 ? (
            <span className="muted">None</span>
          ) : (
            <ul className="plain-list">
              {form.environment.map((e) => (
                <li key={e.name}>
                  <code>
                    {e.name}={e.value}
                  </code>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div>
        <dt>Resources</dt>
        <dd>
          {form.cpu} CPU · {form.memoryMiB} MiB memory · {form.gpu} GPU
        </dd>
      </div>
      <div>
        <dt>Start command</dt>
        <dd>
          <code>{form.startCommand.split('\n').join(' ')}</code>
        </dd>
      </div>
      <div>
        <dt>Ports</dt>
        <dd>{form.ports || <span className="muted">None</span>}</dd>
      </div>
    </dl>
  );
}

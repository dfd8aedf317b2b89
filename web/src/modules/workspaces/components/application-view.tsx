'use client';

import { useState, type ReactNode } from 'react';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { ErrorNotice } from '../../shell/components/error-notice';
import { Fact } from '../../ui/components/fact';
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
  const { data, error, fetching, reload } = useSessionQuery({
    query: WorkspaceApplicationQuery,
    variables: { id: workspace.id, path: object.path, snapshotId },
  });
  useRefreshOn(version, () => {
    if (!editing) reload();
  });
  const read = data?.workspace;
  const application = read?.application;

  return (
    <section aria-labelledby="application-heading">
      <h2 id="application-heading">Application {object.name}</h2>
      <ObjectSummary object={object} />
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {!application && fetching ? <LoadingLine>Loading the configuration…</LoadingLine> : null}
      {read && application && editing ? (
        <ApplicationEditor
          // A reload that brings another version opens a fresh form on it.
          key={`${application.hash}@${read.version}`}
          name={baseName(object.path)}
          initial={configToForm(application.config)}
          openedVersion={read.version}
          onReload={reload}
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
            {stage.offered ? (
              <button type="button" className="button button--secondary" onClick={() => void stage.stage([object.path])}>
                Stage
              </button>
            ) : null}
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
      <Fact term="Image">
        <code>{form.image}</code>
      </Fact>
      <Fact term="Packages">
        <ListOrNone
          items={form.packages}
          keyOf={(p) => `${p.manager}:${p.name}`}
          render={(p) => (
            <>
              <code>
                {p.name} {p.version}
              </code>{' '}
              <span className="muted">({p.manager})</span>
            </>
          )}
        />
      </Fact>
      <Fact term="Environment">
        <ListOrNone
          items={form.environment}
          keyOf={(e) => e.name}
          render={(e) => (
            <code>
              {e.name}={e.value}
            </code>
          )}
        />
      </Fact>
      <Fact term="Resources">
        {form.cpu} CPU · {form.memoryMiB} MiB memory · {form.gpu} GPU
      </Fact>
      <Fact term="Start command">
        <code>{form.startCommand.split('\n').join(' ')}</code>
      </Fact>
      <Fact term="Ports">{form.ports || <span className="muted">None</span>}</Fact>
    </dl>
  );
}

function ListOrNone<T>({ items, keyOf, render }: { items: readonly T[]; keyOf: (item: T) => string; render: (item: T) => ReactNode }) {
  if (items.length === 0) return <span className="muted">None</span>;
  return (
    <ul className="plain-list">
      {items.map((item) => (
        <li key={keyOf(item)}>{render(item)}</li>
      ))}
    </ul>
  );
}

'use client';

import { type FormEvent, type ReactNode, useEffect, useEffectEvent, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { describeError, errorExtension } from '../../../core/errors/error-message';
import { staleEditOf } from '../../../core/errors/stale-edit';
import { ErrorNotice } from '../../shell/components/error-notice';
import { StaleEditNotice } from '../../shell/components/stale-edit-notice';
import { FormActions } from '../../ui/components/form-actions';
import {
  PACKAGE_MANAGERS,
  controlIdFor,
  formToConfig,
  issuesByControl,
  readIssues,
  type ApplicationForm,
  type ApplicationIssue,
} from '../application-form';
import { SaveApplicationMutation } from '../graphql/workspace.mutations';
import { nameProblem } from '../workspace-paths';
import { ExistingNameDialog, type ExistingNameChoice } from './existing-name-dialog';
import { usePathTaken } from './use-path-taken';
import { useWorkspaceView } from './workspace-context';

interface ApplicationEditorProps {
  /** The application's name; editable when creating a new one. */
  name: string;
  isNew?: boolean;
  initial: ApplicationForm;
  /**
   * The workspace version `initial` was read at. The save sends it, so a
   * change made by anyone since is refused instead of silently reverted.
   * A new application is checked against the version shown on the page.
   */
  openedVersion?: number;
  /** Drops the edits and opens the current configuration (after a refused stale save). */
  onReload?: () => void;
  onDone: (savedName?: string) => void;
}

/**
 * The application editor. The server validates; when it refuses, each issue
 * it names is shown beside its field and listed in a summary linking to it.
 */
export function ApplicationEditor({ name: initialName, isNew, initial, openedVersion, onReload, onDone }: ApplicationEditorProps) {
  const { workspace } = useWorkspaceView();
  // Fixed when the form opens; only an explicit overwrite moves it on.
  const [baseVersion, setBaseVersion] = useState(openedVersion);
  const [name, setName] = useState(initialName);
  const [form, setForm] = useState<ApplicationForm>(initial);
  const [nameIssue, setNameIssue] = useState<string | null>(null);
  const [{ fetching, error }, save] = useMutation(SaveApplicationMutation);
  const summary = useRef<HTMLDivElement>(null);

  const issues: ApplicationIssue[] = error
    ? readIssues(
        errorExtension(error, 'BAD_USER_INPUT', 'issues'),
        errorExtension(error, 'BAD_USER_INPUT', 'field'),
        describeError(error).detail,
      )
    : [];
  const byControl = issuesByControl(issues);

  // A refused save moves focus to the list of problems, once per response.
  const focusProblems = useEffectEvent(() => {
    if (issues.length > 0) summary.current?.focus();
  });
  useEffect(() => {
    if (error) focusProblems();
  }, [error]);

  const set = <K extends keyof ApplicationForm>(key: K, value: ApplicationForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const stale = staleEditOf(error);

  // A new application whose name is taken waits here until the person says replace or cancel.
  const [taken, setTaken] = useState<{ name: string; expectedVersion: number } | null>(null);
  const isTaken = usePathTaken(workspace.id);

  async function submit(expectedVersion: number, replacing = false) {
    if (fetching) return;
    const problem = isNew ? nameProblem(name) : null;
    setNameIssue(problem);
    if (problem) return;
    if (isNew && !replacing && (await isTaken(`applications/${name.trim()}`))) return setTaken({ name: name.trim(), expectedVersion });
    const result = await save({ workspaceId: workspace.id, name: name.trim(), config: formToConfig(form), expectedVersion });
    if (result.data) onDone(name.trim());
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit(baseVersion ?? workspace.version);
  }

  function overwrite(current: number) {
    setBaseVersion(current);
    void submit(current);
  }

  function choose(choice: ExistingNameChoice) {
    if (!taken) return;
    setTaken(null);
    if (choice === 'replace') void submit(taken.expectedVersion, true);
  }

  const fieldProps = (id: string) => {
    const own = byControl.get(id);
    return {
      id,
      'aria-invalid': own ? true : undefined,
      'aria-describedby': own ? `${id}-error` : undefined,
    };
  };
  const fieldError = (id: string): ReactNode => {
    const own = byControl.get(id);
    return own ? (
      <span id={`${id}-error`} className="field__error">
        {own.map((i) => i.message).join('; ')}
      </span>
    ) : null;
  };

  return (
    <form className="form application-editor" onSubmit={onSubmit} noValidate>
      {issues.length > 0 ? (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={summary}>
          <p>The configuration was not saved. The server found these problems:</p>
          <ul>
            {issues.map((issue) => (
              <li key={`${issue.field}:${issue.message}`}>
                <a href={`#${controlIdFor(issue.field)}`}>
                  <code>{issue.field || 'configuration'}</code>: {issue.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : stale ? (
        <StaleEditNotice
          stale={stale}
          subject={isNew ? 'this workspace' : 'this configuration'}
          onReload={onReload}
          onOverwrite={() => overwrite(stale.currentVersion)}
          overwriteLabel={isNew ? 'Save anyway' : undefined}
        />
      ) : error ? (
        <ErrorNotice error={error} />
      ) : null}

      {isNew ? (
        <div className="field">
          <label htmlFor="app-name">Name</label>
          <input
            id="app-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={nameIssue ? true : undefined}
            aria-describedby={nameIssue ? 'app-name-error' : 'app-name-hint'}
            spellCheck={false}
          />
          <span id="app-name-hint" className="hint">
            Saved as applications/{name || '…'}
          </span>
          {nameIssue ? (
            <span id="app-name-error" className="field__error">
              {nameIssue}
            </span>
          ) : null}
        </div>
      ) : null}

      <div className="field">
        <label htmlFor="app-image">Container image</label>
        <input {...fieldProps('app-image')} value={form.image} spellCheck={false} onChange={(e) => set('image', e.target.value)} />
        <span className="hint">For example quay.io/jupyter/scipy-notebook:2024-05-27</span>
        {fieldError('app-image')}
      </div>

      <fieldset className="fieldset">
        <legend>Packages</legend>
        {fieldError('app-packages')}
        {form.packages.length === 0 ? <p className="muted">No packages.</p> : null}
        {form.packages.map((pkg, i) => (
          <div className="row-fields" key={i}>
            <div className="field">
              <label htmlFor={`app-packages-${i}-name`}>Package {i + 1} name</label>
              <input
                {...fieldProps(`app-packages-${i}-name`)}
                value={pkg.name}
                spellCheck={false}
                onChange={(e) => set('packages', form.packages.map((p, j) => (j === i ? { ...p, name: e.target.value } : p)))}
              />
              {fieldError(`app-packages-${i}-name`)}
            </div>
            <div className="field">
              <label htmlFor={`app-packages-${i}-version`}>Version</label>
              <input
                {...fieldProps(`app-packages-${i}-version`)}
                value={pkg.version}
                spellCheck={false}
                onChange={(e) => set('packages', form.packages.map((p, j) => (j === i ? { ...p, version: e.target.value } : p)))}
              />
              {fieldError(`app-packages-${i}-version`)}
            </div>
            <div className="field">
              <label htmlFor={`app-packages-${i}-manager`}>Installed with</label>
              <select
                {...fieldProps(`app-packages-${i}-manager`)}
                value={pkg.manager}
                onChange={(e) => set('packages', form.packages.map((p, j) => (j === i ? { ...p, manager: e.target.value } : p)))}
              >
                {PACKAGE_MANAGERS.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
              {fieldError(`app-packages-${i}-manager`)}
            </div>
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => set('packages', form.packages.filter((_, j) => j !== i))}
            >
              Remove<span className="visually-hidden"> package {i + 1}</span>
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => set('packages', [...form.packages, { name: '', version: '', manager: 'pip' }])}
        >
          Add a package
        </button>
      </fieldset>

      <fieldset className="fieldset">
        <legend>Environment variables</legend>
        {fieldError('app-environment')}
        {form.environment.length === 0 ? <p className="muted">None.</p> : null}
        {form.environment.map((row, i) => {
          const id = `app-env-${row.name || `new-${i}`}`;
          return (
            <div className="row-fields" key={i}>
              <div className="field">
                <label htmlFor={id}>Variable {i + 1} name</label>
                <input
                  {...fieldProps(id)}
                  value={row.name}
                  spellCheck={false}
                  onChange={(e) => set('environment', form.environment.map((r, j) => (j === i ? { ...r, name: e.target.value } : r)))}
                />
                {fieldError(id)}
              </div>
              <div className="field">
                <label htmlFor={`${id}-value`}>Value</label>
                <input
                  id={`${id}-value`}
                  value={row.value}
                  spellCheck={false}
                  onChange={(e) => set('environment', form.environment.map((r, j) => (j === i ? { ...r, value: e.target.value } : r)))}
                />
              </div>
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => set('environment', form.environment.filter((_, j) => j !== i))}
              >
                Remove<span className="visually-hidden"> variable {i + 1}</span>
              </button>
            </div>
          );
        })}
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => set('environment', [...form.environment, { name: '', value: '' }])}
        >
          Add a variable
        </button>
      </fieldset>

      <fieldset className="fieldset">
        <legend>Resources</legend>
        <div className="row-fields">
          <div className="field">
            <label htmlFor="app-cpu">CPUs</label>
            <input {...fieldProps('app-cpu')} inputMode="decimal" value={form.cpu} onChange={(e) => set('cpu', e.target.value)} />
            <span className="hint">0.25 to 64, in steps of 0.25</span>
            {fieldError('app-cpu')}
          </div>
          <div className="field">
            <label htmlFor="app-memoryMiB">Memory (MiB)</label>
            <input {...fieldProps('app-memoryMiB')} inputMode="numeric" value={form.memoryMiB} onChange={(e) => set('memoryMiB', e.target.value)} />
            <span className="hint">256 to 262,144</span>
            {fieldError('app-memoryMiB')}
          </div>
          <div className="field">
            <label htmlFor="app-gpu">GPUs</label>
            <input {...fieldProps('app-gpu')} inputMode="numeric" value={form.gpu} onChange={(e) => set('gpu', e.target.value)} />
            <span className="hint">0 to 8</span>
            {fieldError('app-gpu')}
          </div>
        </div>
      </fieldset>

      <div className="field">
        <label htmlFor="app-startCommand">Start command</label>
        <textarea
          {...fieldProps('app-startCommand')}
          rows={3}
          spellCheck={false}
          value={form.startCommand}
          onChange={(e) => set('startCommand', e.target.value)}
        />
        <span className="hint">The program and its arguments, one per line (not a shell line).</span>
        {fieldError('app-startCommand')}
      </div>

      <div className="field">
        <label htmlFor="app-ports">Ports</label>
        <input {...fieldProps('app-ports')} inputMode="numeric" value={form.ports} onChange={(e) => set('ports', e.target.value)} />
        <span className="hint">Separated by commas, e.g. 8888, 8080</span>
        {fieldError('app-ports')}
      </div>

      <ExistingNameDialog
        name={taken?.name ?? null}
        place="This workspace"
        what="an application"
        replacing="Replacing it saves this configuration in its place (history keeps the old one)"
        onChoose={choose}
      />

      <FormActions onCancel={() => onDone()} submitLabel="Save configuration" busyLabel="Saving…" busy={fetching} />
    </form>
  );
}

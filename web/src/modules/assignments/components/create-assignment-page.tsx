'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { CombinedError } from '@urql/core';
import { useClient, useMutation } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { zonedInputToIso } from '../../../core/time/zoned-time';
import { useSelection } from '../../../core/use-selection';
import { ErrorNotice } from '../../shell/components/error-notice';
import { CourseWorkspacesQuery, SpaceQuery } from '../../spaces/graphql/space.query';
import { StagesQuery } from '../../stage/graphql/stage.query';
import { PageFallback } from '../../ui/components/page-fallback';
import { Dialog } from '../../ui/components/dialog';
import { DateTime } from '../../ui/components/date-time';
import { PolicyFields, type AreaPolicies } from '../../distributions/components/policy-fields';
import { PushConfirm } from '../../stage/components/push-confirm';
import { PushPreview } from '../../stage/components/push-preview';
import type { Preview } from '../../stage/components/push-dialog';
import { DEFAULT_POLICIES } from '../../stage/push-input';
import type { CreateAssignmentInput } from '../../../gql/graphql';
import { PreviewAssignmentReleaseQuery } from '../graphql/release.operations';
import { PREVIEW_FIRST_PAGE } from '../../distributions/preview-pages';
import { assignmentFormProblems, emptyAssignmentForm, toCreateInput, type AssignmentFormState, type FormProblems } from '../assignment-form';
import { CreateAssignmentMutation } from '../graphql/assignment.mutations';
import { AssignmentFields } from './assignment-fields';
import { MaterialPicker } from './material-picker';

const inAWeek = () => {
  const d = new Date(Date.now() + 7 * 86_400_000);
  d.setUTCHours(16, 0, 0, 0);
  return d.toISOString();
};

/** A group assignment's material goes to each group's shared workspace, and there is none before the groups are made. */
const SPACE_WORDING = { NOT_FOUND: 'This space does not exist, or you are not one of its members.' };

const GROUPS_NOTE =
  'The material goes to each group’s shared workspace, not to the students’ own. There are no groups yet: make them on the assignment’s page, and each group receives the material when it is made (once released).';

/** Creates an assignment from master paths or the stage; its release is a push to every student. */
export function CreateAssignmentPage({ spaceId }: { spaceId: string }) {
  const id = useId();
  const router = useRouter();
  const { data: spaceData, error: spaceError } = useSessionQuery({ query: SpaceQuery, variables: { id: spaceId }, requestPolicy: 'cache-first' });
  const { data: courseData, error: courseError } = useSessionQuery({ query: CourseWorkspacesQuery, variables: { id: spaceId }, requestPolicy: 'cache-first' });
  const { data: stagesData } = useSessionQuery({ query: StagesQuery });
  const [state, setState] = useState<AssignmentFormState>(() =>
    emptyAssignmentForm(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', inAWeek()),
  );
  const [problems, setProblems] = useState<FormProblems>({});
  const [materialFrom, setMaterialFrom] = useState<'paths' | 'stage' | 'none'>('paths');
  const material = useSelection<string>();
  const [otherPaths, setOtherPaths] = useState('');
  const [releaseLater, setReleaseLater] = useState(false);
  const [releaseAt, setReleaseAt] = useState('');
  const [message, setMessage] = useState('');
  const [materialProblem, setMaterialProblem] = useState<string | null>(null);
  const [policies, setPolicies] = useState<AreaPolicies>({ ...DEFAULT_POLICIES });
  const [preview, setPreview] = useState<{ input: CreateAssignmentInput; result: Preview } | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [previewRun, setPreviewRun] = useState(0);
  const [previewError, setPreviewError] = useState<CombinedError | null>(null);
  const client = useClient();
  const [{ fetching, error }, create] = useMutation(CreateAssignmentMutation);
  const top = useRef<HTMLParagraphElement>(null);

  const space = spaceData?.space;
  const course = courseData?.space;
  const master = course?.master[0];
  const staged = useMemo(
    () => stagesData?.stages.find((s) => s.workspaceId === master?.id && !s.snapshotId)?.count ?? 0,
    [stagesData, master],
  );

  if (!space || !course) {
    return (
      <PageFallback
        title="New assignment"
        error={spaceError ?? courseError}
        answered={spaceData !== undefined && courseData !== undefined}
        wording={SPACE_WORDING}
        loadingText="Loading…"
      />
    );
  }
  if (space.myRole !== 'ADMIN' || !master) {
    return (
      <>
        <h1>New assignment</h1>
        <p className="notice notice--info">Only an instructor of {space.name} can create assignments.</p>
      </>
    );
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (previewing || !master) return;
    const found = assignmentFormProblems(state);
    const paths = [...material.selected, ...otherPaths.split('\n').map((l) => l.trim()).filter(Boolean)];
    const materialIssue =
      materialFrom === 'paths' && paths.length === 0
        ? 'Choose at least one path of the master workspace.'
        : materialFrom === 'stage' && staged === 0
          ? 'Your stage has nothing from the master workspace.'
          : materialFrom === 'none' && !state.handInPaths.trim()
            ? 'Without a handout, give the paths students create and hand in (under "Paths sealed at hand-in").'
            : null;
    const releaseIso = releaseLater ? zonedInputToIso(releaseAt, state.timeZone) : null;
    setProblems(found);
    setMaterialProblem(materialIssue ?? (releaseLater && !releaseIso ? 'Enter when to release it.' : null));
    if (Object.keys(found).length > 0 || materialIssue || (releaseLater && !releaseIso)) {
      top.current?.focus();
      return;
    }
    const input = toCreateInput(spaceId, state, {
      source: { workspaceId: master.id, snapshotId: null },
      paths: materialFrom === 'paths' ? paths : materialFrom === 'none' ? [] : null,
      releaseAt: releaseIso,
      message,
      policies: { default: policies.files, ...policies },
    });
    if (materialFrom === 'none') {
      // Without a handout nothing reaches the students' workspaces: there is no push to preview.
      const created = await create({ input });
      if (created.data) router.push(`/assignments/${created.data.createAssignment.id}`);
      return;
    }
    setPreviewing(true);
    setPreviewError(null);
    const previewed = await client.query(PreviewAssignmentReleaseQuery, { input, ...PREVIEW_FIRST_PAGE }, { requestPolicy: 'network-only' }).toPromise();
    setPreviewing(false);
    if (previewed.error) setPreviewError(previewed.error);
    else if (previewed.data) {
      setPreview({ input, result: previewed.data.previewAssignmentRelease });
      setPreviewRun((n) => n + 1);
    }
  }

  async function confirmCreate() {
    if (fetching || !preview) return;
    const result = await create({ input: preview.input });
    if (result.data) router.push(`/assignments/${result.data.createAssignment.id}`);
  }

  const problemCount = Object.keys(problems).length + (materialProblem ? 1 : 0);
  return (
    <>
      <header className="page-header">
        <p className="page-header__eyebrow">
          <Link href={`/spaces/${spaceId}?tab=assignments`}>{space.name}</Link>
        </p>
        <h1>New assignment</h1>
      </header>
      <form className="form" onSubmit={onSubmit} noValidate>
        <p ref={top} tabIndex={-1} className={problemCount ? 'field__error' : 'visually-hidden'} role={problemCount ? 'alert' : undefined}>
          {problemCount ? `Please correct ${problemCount === 1 ? 'one field' : `${problemCount} fields`} below.` : ''}
        </p>
        <AssignmentFields idPrefix={`${id}-a`} state={state} problems={problems} onChange={setState} />

        <fieldset className="fieldset">
          <legend>Material handed out</legend>
          <div className="choice">
            <input type="radio" id={`${id}-from-paths`} name={`${id}-from`} checked={materialFrom === 'paths'} onChange={() => setMaterialFrom('paths')} />
            <label htmlFor={`${id}-from-paths`}>Choose from the master workspace</label>
          </div>
          <div className="choice">
            <input
              type="radio"
              id={`${id}-from-stage`}
              name={`${id}-from`}
              checked={materialFrom === 'stage'}
              onChange={() => setMaterialFrom('stage')}
              disabled={staged === 0}
            />
            <label htmlFor={`${id}-from-stage`}>
              Use your stage ({staged} {staged === 1 ? 'item' : 'items'} from the master workspace)
            </label>
          </div>
          <div className="choice">
            <input type="radio" id={`${id}-from-none`} name={`${id}-from`} checked={materialFrom === 'none'} onChange={() => setMaterialFrom('none')} />
            <label htmlFor={`${id}-from-none`}>No handout: students hand in only files they create</label>
          </div>
          {materialFrom === 'paths' ? (
            <>
              <MaterialPicker workspaceId={master.id} selected={material.selected} onToggle={material.toggle} />
              <div className="field">
                <label htmlFor={`${id}-other`}>Other paths, one per line</label>
                <textarea id={`${id}-other`} rows={2} spellCheck={false} value={otherPaths} onChange={(e) => setOtherPaths(e.target.value)} placeholder="files/week2/data" />
              </div>
            </>
          ) : null}
          {materialProblem ? <p className="field__error">{materialProblem}</p> : null}
        </fieldset>

        <fieldset className="fieldset">
          <legend>Release</legend>
          <div className="choice">
            <input type="radio" id={`${id}-now`} name={`${id}-release`} checked={!releaseLater} onChange={() => setReleaseLater(false)} />
            <label htmlFor={`${id}-now`}>Release now: push the material to {state.groupWork ? 'every group’s shared workspace' : 'every student'}</label>
          </div>
          <div className="choice">
            <input type="radio" id={`${id}-later`} name={`${id}-release`} checked={releaseLater} onChange={() => setReleaseLater(true)} />
            <label htmlFor={`${id}-later`}>Release later</label>
          </div>
          {releaseLater ? (
            <div className="field choice--nested">
              <label htmlFor={`${id}-releaseAt`}>Release at ({state.timeZone})</label>
              <input id={`${id}-releaseAt`} type="datetime-local" value={releaseAt} onChange={(e) => setReleaseAt(e.target.value)} />
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={`${id}-message`}>Message to students (optional)</label>
            <textarea id={`${id}-message`} rows={2} value={message} onChange={(e) => setMessage(e.target.value)} />
          </div>
        </fieldset>

        <PolicyFields idPrefix={id} legend="Where a student already has something at a path" policies={policies} onChange={setPolicies} />

        {previewError ? <ErrorNotice error={previewError} /> : null}
        {error && preview === null ? <ErrorNotice error={error} /> : null}
        <div className="form__actions">
          <Link className="button button--secondary" href={`/spaces/${spaceId}?tab=assignments`}>
            Cancel
          </Link>
          <button type="submit" className="button button--primary" aria-disabled={previewing}>
            {previewing
              ? 'Working out what the release would do…'
              : materialFrom !== 'none'
                ? 'Preview the release'
                : fetching
                  ? 'Creating…'
                  : releaseLater
                    ? 'Create and schedule'
                    : 'Create and release'}
          </button>
        </div>
      </form>
      <Dialog open={preview !== null} title={releaseLater ? 'Check and schedule the release' : 'Check and release'} onClose={() => setPreview(null)} wide>
        <div className="dialog__content">
          {preview?.input.releaseAt ? (
            <p className="notice notice--info">
              This is what the release would do to the {preview.input.groupWork ? 'groups’ shared workspaces' : 'students’ workspaces'} as they are now. At{' '}
              <DateTime iso={preview.input.releaseAt} /> it meets them as they are then, under the same choices.
            </p>
          ) : null}
          {preview ? (
            <PushPreview
              preview={preview.result}
              pages={{ query: PreviewAssignmentReleaseQuery, variables: { input: preview.input }, select: (data) => data.previewAssignmentRelease.targetList }}
              nothingNote={preview.input.groupWork ? GROUPS_NOTE : undefined}
            />
          ) : null}
        </div>
        {error ? <ErrorNotice error={error} /> : null}
        {preview ? (
          // The same confirmation as a push: a release that would replace students' own edits asks first.
          <PushConfirm
            key={previewRun}
            preview={preview.result}
            label={releaseLater ? 'Create and schedule' : 'Create and release'}
            busyLabel="Creating…"
            busy={fetching}
            backLabel="Back to the form"
            allowNothing
            onBack={() => setPreview(null)}
            onConfirm={() => void confirmCreate()}
          />
        ) : null}
      </Dialog>
    </>
  );
}

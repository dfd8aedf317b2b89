'use client';

import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { formatBytes } from '../../../core/format/bytes';
import type { AssignmentQuery } from '../../../gql/graphql';
import { staleEditOf } from '../../../core/errors/stale-edit';
import { ErrorNotice } from '../../shell/components/error-notice';
import { StaleEditNotice } from '../../shell/components/stale-edit-notice';
import { DateTime } from '../../ui/components/date-time';
import { Fact } from '../../ui/components/fact';
import { FormActions } from '../../ui/components/form-actions';
import { MarkdownText } from '../../ui/components/markdown-text';
import { PathChips } from './path-chips';
import { assignmentFormProblems, assignmentToForm, toUpdateInput, type AssignmentFormState, type FormProblems } from '../assignment-form';
import { latePolicySummary } from '../assignment-labels';
import { UpdateAssignmentMutation } from '../graphql/assignment.mutations';
import { AssignmentFields } from './assignment-fields';
import { DeadlineCountdown } from './deadline';

type Assignment = NonNullable<AssignmentQuery['assignment']>;

interface AssignmentDetailsProps {
  assignment: Assignment;
  admin: boolean;
  editing: boolean;
  onEditing: (editing: boolean) => void;
  /** Asks the server for the assignment again (after an edit refused as stale). */
  onReload: () => void;
}

export function AssignmentDetails({ assignment, admin, editing, onEditing, onReload }: AssignmentDetailsProps) {
  // The page follows edits made elsewhere, but an open form keeps the version it was opened at (so a stale
  // save is refused, never silently merged or reset); only "reload" reopens it, once that version is here.
  const [reloadedTo, setReloadedTo] = useState<number | null>(null);
  const formKey = reloadedTo !== null && assignment.version >= reloadedTo ? `version-${reloadedTo}` : 'opened';
  return (
    <section className="section" aria-labelledby="details-heading">
      <div className="section__header">
        <h2 id="details-heading">Details</h2>
        {admin && !editing ? (
          <button type="button" className="button button--secondary" onClick={() => onEditing(true)}>
            Edit
          </button>
        ) : null}
      </div>
      {editing ? (
        <EditAssignment
          key={formKey}
          assignment={assignment}
          onDone={() => onEditing(false)}
          onReload={(version) => {
            setReloadedTo(version);
            onReload();
          }}
        />
      ) : (
        <>
          <dl className="facts">
            <Fact term="Deadline">
              <DeadlineCountdown iso={assignment.deadline} timeZone={assignment.timeZone} />
            </Fact>
            <Fact term="Released">
              {assignment.releasedAt ? <DateTime iso={assignment.releasedAt} timeZone={assignment.timeZone} /> : <>Scheduled for <DateTime iso={assignment.releaseAt} timeZone={assignment.timeZone} /></>}
              {assignment.distributionId ? (
                <>
                  {' '}
                  · <Link href={`/distributions/${assignment.distributionId}`}>follow the release</Link>
                </>
              ) : null}
            </Fact>
            <Fact term="Late hand-ins">{latePolicySummary(assignment.latePolicy)}</Fact>
            <Fact term="Grading">
              {assignment.gradingScheme === 'POINTS' ? `${assignment.maxPoints ?? '—'} points` : 'Text grade'} ·{' '}
              {assignment.handBackVisible ? 'students see returned feedback' : 'feedback hidden from students'}
            </Fact>
            <Fact term="Collection">{assignment.collectAtDeadline ? 'At the deadline, the work of students who changed their files but did not hand in is collected; the others have no submission' : 'Only what students hand in'}</Fact>
            <Fact term="Handed in">
              <PathChips paths={assignment.handInPaths} />{' '}
              <span className="muted">up to {formatBytes(assignment.sizeLimitBytes)}</span>
            </Fact>
            <Fact term="Material">
              {assignment.items.length ? <PathChips paths={assignment.items.map((i) => i.path)} /> : <span className="muted">No handout</span>}
            </Fact>
            <Fact term="Extensions">
              {assignment.extensions.filter((e) => !e.revokedAt).length} active
              {assignment.extensions.some((e) => e.revokedAt) ? `, ${assignment.extensions.filter((e) => e.revokedAt).length} revoked` : ''}
            </Fact>
          </dl>
          {assignment.instructions ? <MarkdownText className="instructions markdown">{assignment.instructions}</MarkdownText> : null}
        </>
      )}
    </section>
  );
}

function EditAssignment({ assignment, onDone, onReload }: { assignment: Assignment; onDone: () => void; onReload: (version: number) => void }) {
  const id = useId();
  const [original] = useState<AssignmentFormState>(() => assignmentToForm(assignment));
  // The version the form opened at; only an explicit overwrite moves it on.
  const [baseVersion, setBaseVersion] = useState(assignment.version);
  const [state, setState] = useState<AssignmentFormState>(original);
  const [problems, setProblems] = useState<FormProblems>({});
  const [{ fetching, error }, update] = useMutation(UpdateAssignmentMutation);
  const [nothing, setNothing] = useState(false);

  const stale = staleEditOf(error);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    await submit(baseVersion);
  }

  async function submit(expectedVersion: number) {
    if (fetching) return;
    const found = assignmentFormProblems(state);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const input = toUpdateInput(state, original);
    if (Object.keys(input).length === 0) {
      setNothing(true);
      return;
    }
    const result = await update({ id: assignment.id, input, expectedVersion });
    if (result.data) onDone();
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <AssignmentFields idPrefix={id} state={state} problems={problems} onChange={(s) => { setState(s); setNothing(false); }} />
      {stale ? (
        <StaleEditNotice
          stale={stale}
          subject="this assignment"
          onReload={() => onReload(stale.currentVersion)}
          onOverwrite={() => {
            setBaseVersion(stale.currentVersion);
            void submit(stale.currentVersion);
          }}
        />
      ) : error ? (
        <ErrorNotice error={error} />
      ) : null}
      <p role="status" className="muted">
        {nothing ? 'Nothing has changed.' : ''}
      </p>
      <FormActions onCancel={onDone} submitLabel="Save changes" busyLabel="Saving…" busy={fetching} />
    </form>
  );
}

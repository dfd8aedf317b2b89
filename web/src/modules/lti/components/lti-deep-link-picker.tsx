'use client';

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { CombinedError } from '@urql/core';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { isoToZonedInput, zonedInputToIso } from '../../../core/time/zoned-time';
import { SpaceAssignmentsQuery } from '../../assignments/graphql/assignment.query';
import { CreateAssignmentMutation } from '../../assignments/graphql/assignment.mutations';
import { ErrorNotice } from '../../shell/components/error-notice';
import { CourseWorkspacesQuery } from '../../spaces/graphql/space.query';
import { DateTime } from '../../ui/components/date-time';
import { LoadingLine } from '../../ui/components/status-line';
import { RespondLtiDeepLinkMutation } from '../graphql/lti-course';

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

/**
 * The course at the learning management system asked for "a Stagecoach
 * assignment" (deep linking): the instructor picks one of the space's
 * assignments or creates one (title, max points, due date), and the signed
 * answer goes back to the platform as a form post, which adds the link and
 * its gradebook column there.
 */
export function LtiDeepLinkPicker({ spaceId, request }: { spaceId: string; request: string }) {
  const id = useId();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const { data, error: listError } = useSessionQuery({ query: SpaceAssignmentsQuery, variables: { spaceId } });
  const { data: course } = useSessionQuery({ query: CourseWorkspacesQuery, variables: { id: spaceId }, requestPolicy: 'cache-first' });
  const assignments = data?.assignments ?? [];
  const master = course?.space?.master[0]?.id ?? null;
  const [mode, setMode] = useState<'existing' | 'new' | null>(null);
  const [chosen, setChosen] = useState('');
  const [title, setTitle] = useState('');
  const [maxPoints, setMaxPoints] = useState('100');
  const [due, setDue] = useState(() => isoToZonedInput(inAWeek(), zone));
  const [handIn, setHandIn] = useState('files/answer.md');
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const [answer, setAnswer] = useState<{ returnUrl: string; jwt: string } | null>(null);
  const [creating, create] = useMutation(CreateAssignmentMutation);
  const [responding, respond] = useMutation(RespondLtiDeepLinkMutation);
  const form = useRef<HTMLFormElement>(null);
  const busy = creating.fetching || responding.fetching || answer !== null;
  const shownMode = mode ?? (data && assignments.length === 0 ? 'new' : 'existing');

  useEffect(() => {
    if (answer) form.current?.submit();
  }, [answer]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setProblem(null);
    setFailure(null);
    let assignmentId = chosen;
    if (shownMode === 'existing') {
      if (!assignmentId) return setProblem('Choose the assignment to add.');
    } else {
      const points = Number(maxPoints);
      const deadline = zonedInputToIso(due, zone);
      if (!title.trim()) return setProblem('Give the assignment a title.');
      if (!Number.isInteger(points) || points < 1) return setProblem('Max points must be a whole number of at least 1.');
      if (!deadline) return setProblem('The due date is not a date and time.');
      if (!handIn.trim()) return setProblem('Name the file students hand in.');
      if (!master) return setProblem('The course material workspace is still loading; try again in a moment.');
      const created = await create({
        input: { spaceId, title: title.trim(), instructions: '', source: { workspaceId: master }, paths: [], handInPaths: [handIn.trim()], deadline, timeZone: zone, maxPoints: points },
      });
      if (!created.data) return setFailure(created.error ?? null);
      assignmentId = created.data.createAssignment.id;
    }
    const answered = await respond({ request, assignmentId });
    if (!answered.data) return setFailure(answered.error ?? null);
    setAnswer(answered.data.respondLtiDeepLink);
  }

  return (
    <section className="section notice notice--info" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Add an assignment to the course</h2>
      <p className="hint">
        The course page asked for a Stagecoach assignment. The one you choose gets a link in the course and a column in its gradebook (max points, title, due date);
        returned grades are sent there.
      </p>
      {listError ? <ErrorNotice error={listError} /> : null}
      {!data && !listError ? <LoadingLine>Loading the assignments…</LoadingLine> : null}
      {data ? (
        <form className="form" onSubmit={(e) => void submit(e)}>
          <fieldset className="fieldset">
            <legend>Which assignment</legend>
            <div className="choice">
              <input
                type="radio"
                id={`${id}-existing`}
                name={`${id}-mode`}
                checked={shownMode === 'existing'}
                disabled={assignments.length === 0}
                onChange={() => setMode('existing')}
              />
              <label htmlFor={`${id}-existing`}>An existing assignment{assignments.length === 0 ? ' (this space has none yet)' : ''}</label>
            </div>
            <div className="choice">
              <input type="radio" id={`${id}-new`} name={`${id}-mode`} checked={shownMode === 'new'} onChange={() => setMode('new')} />
              <label htmlFor={`${id}-new`}>A new assignment</label>
            </div>
          </fieldset>
          {shownMode === 'existing' ? (
            <div className="field">
              <label htmlFor={`${id}-assignment`}>Assignment</label>
              <select id={`${id}-assignment`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
                <option value="">Choose…</option>
                {assignments.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.title} — {a.maxPoints ?? 100} points
                  </option>
                ))}
              </select>
              {chosen ? (
                <span className="hint">
                  Due <DateTime iso={assignments.find((a) => a.id === chosen)?.deadline} />
                </span>
              ) : null}
            </div>
          ) : (
            <>
              <div className="field">
                <label htmlFor={`${id}-title`}>Title</label>
                <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />
              </div>
              <div className="row-fields">
                <div className="field">
                  <label htmlFor={`${id}-points`}>Max points</label>
                  <input id={`${id}-points`} type="number" min={1} step={1} value={maxPoints} onChange={(e) => setMaxPoints(e.target.value)} />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-due`}>Due date</label>
                  <input id={`${id}-due`} type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} aria-describedby={`${id}-due-hint`} />
                  <span id={`${id}-due-hint`} className="hint">
                    Your time ({zone}).
                  </span>
                </div>
              </div>
              <div className="field">
                <label htmlFor={`${id}-hand-in`}>File students hand in</label>
                <input id={`${id}-hand-in`} value={handIn} onChange={(e) => setHandIn(e.target.value)} spellCheck={false} aria-describedby={`${id}-hand-in-hint`} />
                <span id={`${id}-hand-in-hint`} className="hint">
                  A path in the student’s workspace, under files/; it is sealed when they hand in.
                </span>
              </div>
            </>
          )}
          {problem ? (
            <p className="field__error" role="alert">
              {problem}
            </p>
          ) : null}
          {failure ? <ErrorNotice error={failure} /> : null}
          <div className="form__actions">
            <button type="submit" className="button button--primary" aria-disabled={busy}>
              {answer ? 'Returning to the course…' : busy ? 'Adding…' : 'Add to the course'}
            </button>
          </div>
        </form>
      ) : null}
      {answer ? (
        <form ref={form} method="post" action={answer.returnUrl} hidden>
          <input type="hidden" name="JWT" value={answer.jwt} />
        </form>
      ) : null}
    </section>
  );
}

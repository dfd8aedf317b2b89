'use client';

import type { CombinedError } from '@urql/core';
import { useId, useState } from 'react';
import { useClient, useMutation } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import type { RubricFieldsFragment, RubricInput, RubricPreviewQuery as RubricPreview } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { ConfirmDialog } from '../../ui/components/confirm-dialog';
import { AssignmentRubricQuery, RubricPreviewQuery, SaveRubricMutation } from '../graphql/rubric.operations';
import { draftFromRubric, draftProblem, draftToInput, emptyCriterion, emptyLevel, type CriterionDraft } from '../rubric-draft';
import './rubric.css';

/**
 * Admins: the assignment's rubric, edited in place. Saving first asks the
 * server what the edit does to grades given with it, and says so (how many
 * totals change, who is told) before anything is saved.
 */
export function RubricEditor({ assignmentId }: { assignmentId: string }) {
  const { data, reload } = useSessionQuery({ query: AssignmentRubricQuery, variables: { id: assignmentId } });
  // Kept here: a saved rubric has a new version, which opens a fresh (closed) form.
  const [saved, setSaved] = useState('');
  const assignment = data?.assignment;
  if (!assignment || assignment.gradingScheme !== 'POINTS') return null;
  return (
    <RubricForm
      key={assignment.rubric?.version ?? 0}
      assignmentId={assignmentId}
      maxPoints={assignment.maxPoints ?? 0}
      rubric={assignment.rubric ?? null}
      saved={saved}
      onSaved={(message) => {
        setSaved(message);
        reload();
      }}
    />
  );
}

interface RubricFormProps {
  assignmentId: string;
  maxPoints: number;
  rubric: RubricFieldsFragment | null;
  /** What the last save did. */
  saved: string;
  onSaved: (message: string) => void;
}

function RubricForm({ assignmentId, maxPoints, rubric, saved, onSaved }: RubricFormProps) {
  const id = useId();
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [criteria, setCriteria] = useState<CriterionDraft[]>(() => draftFromRubric(rubric).criteria);
  const [comments, setComments] = useState(() => draftFromRubric(rubric).comments);
  const [impact, setImpact] = useState<RubricPreview['rubricPreview'] | null>(null);
  const [problem, setProblem] = useState<CombinedError | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, save] = useMutation(SaveRubricMutation);
  const total = criteria.reduce((s, c) => s + (Number(c.maxPoints) || 0), 0);

  const change = (i: number, patch: Partial<CriterionDraft>) => setCriteria((all) => all.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const input = (): RubricInput => draftToInput(criteria, comments);

  async function check() {
    setProblem(null);
    setRefusal(draftProblem(criteria));
    if (draftProblem(criteria)) return;
    const result = await client.query(RubricPreviewQuery, { assignmentId, input: input() }, { requestPolicy: 'network-only' }).toPromise();
    if (result.error) return setProblem(result.error);
    const preview = result.data!.rubricPreview;
    if (preview.removedPickedLevels.length) {
      const list = preview.removedPickedLevels.map((r) => `“${r.level}” of “${r.criterion}” (${r.students} ${r.students === 1 ? 'student' : 'students'})`).join(', ');
      setRefusal(`Graders picked ${list}; those levels cannot be removed. Change their points or title instead, or pick another level for those students first.`);
    } else if (preview.needsConfirm) setImpact(preview);
    else await commit(false);
  }

  async function commit(confirm: boolean) {
    const result = await save({ assignmentId, input: input(), expectedVersion: rubric?.version ?? 0, confirm });
    if (result.error) {
      setProblem(result.error);
      setImpact(null);
      return;
    }
    const { impact: done } = result.data!.saveRubric;
    setImpact(null);
    onSaved(done.changedCount ? `Rubric saved; ${done.changedCount} graded ${done.changedCount === 1 ? 'total was' : 'totals were'} recomputed.` : 'Rubric saved.');
  }

  return (
    <section className="section" aria-labelledby={`${id}-heading`}>
      <div className="section__header">
        <h2 id={`${id}-heading`}>Rubric</h2>
        {!open ? (
          <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
            {rubric ? 'Edit rubric' : 'Add a rubric'}
          </button>
        ) : null}
      </div>
      <p role="status" className="success-text">
        {saved}
      </p>
      {!open ? (
        rubric ? (
          <ol className="rubric-summary">
            {rubric.criteria.map((c) => (
              <li key={c.id}>
                <strong>{c.title}</strong> <span className="muted">({c.maxPoints} points)</span>: {c.levels.map((l) => `${l.title} ${l.points}`).join(' · ')}
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">No rubric: graders type the points. With a rubric they pick a level per criterion and the points are the sum.</p>
        )
      ) : (
        <form
          className="card form--plain rubric-editor"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void check();
          }}
        >
          <p className="hint">
            Criteria add up to {total} of the assignment&apos;s {maxPoints} points. Levels are picked in order with the keys 1, 2, 3… while grading.
          </p>
          {criteria.map((c, i) => (
            <fieldset className="fieldset rubric-editor__criterion" key={c.key}>
              <legend>Criterion {i + 1}</legend>
              <div className="rubric-editor__row">
                <div className="field">
                  <label htmlFor={`${id}-c${i}-title`}>Title</label>
                  <input id={`${id}-c${i}-title`} value={c.title} onChange={(e) => change(i, { title: e.target.value })} />
                </div>
                <div className="field rubric-editor__points">
                  <label htmlFor={`${id}-c${i}-max`}>Max points</label>
                  <input id={`${id}-c${i}-max`} inputMode="decimal" value={c.maxPoints} onChange={(e) => change(i, { maxPoints: e.target.value })} />
                </div>
              </div>
              <div className="field">
                <label htmlFor={`${id}-c${i}-description`}>Description (optional)</label>
                <input id={`${id}-c${i}-description`} value={c.description} onChange={(e) => change(i, { description: e.target.value })} />
              </div>
              {c.levels.map((l, j) => (
                <div className="rubric-editor__row" key={l.key}>
                  <div className="field">
                    <label htmlFor={`${id}-c${i}-l${j}-title`}>
                      Level {j + 1} of {c.title || `criterion ${i + 1}`}
                    </label>
                    <input
                      id={`${id}-c${i}-l${j}-title`}
                      value={l.title}
                      onChange={(e) => change(i, { levels: c.levels.map((x, k) => (k === j ? { ...x, title: e.target.value } : x)) })}
                    />
                  </div>
                  <div className="field rubric-editor__points">
                    <label htmlFor={`${id}-c${i}-l${j}-points`}>Points</label>
                    <input
                      id={`${id}-c${i}-l${j}-points`}
                      inputMode="decimal"
                      value={l.points}
                      onChange={(e) => change(i, { levels: c.levels.map((x, k) => (k === j ? { ...x, points: e.target.value } : x)) })}
                    />
                  </div>
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    onClick={() => change(i, { levels: c.levels.filter((_, k) => k !== j) })}
                    disabled={c.levels.length === 1}
                  >
                    Remove<span className="visually-hidden"> level {l.title || j + 1}</span>
                  </button>
                </div>
              ))}
              <div className="toolbar">
                <button type="button" className="button button--secondary button--small" onClick={() => change(i, { levels: [...c.levels, emptyLevel()] })}>
                  Add a level<span className="visually-hidden"> to {c.title || `criterion ${i + 1}`}</span>
                </button>
                <button type="button" className="button button--ghost button--small" onClick={() => setCriteria((all) => all.filter((_, k) => k !== i))}>
                  Remove criterion<span className="visually-hidden"> {c.title || i + 1}</span>
                </button>
              </div>
            </fieldset>
          ))}
          <button type="button" className="button button--secondary" onClick={() => setCriteria((all) => [...all, emptyCriterion()])}>
            Add a criterion
          </button>
          <div className="field">
            <label htmlFor={`${id}-comments`}>Reusable comments, one per line</label>
            <textarea id={`${id}-comments`} rows={3} value={comments} onChange={(e) => setComments(e.target.value)} />
          </div>
          {refusal ? (
            <p className="notice notice--error" role="alert">
              {refusal}
            </p>
          ) : null}
          {problem && !impact ? <ErrorNotice error={problem} /> : null}
          <div className="form__actions">
            <button type="submit" className="button button--primary" aria-disabled={saving.fetching}>
              {saving.fetching ? 'Saving…' : 'Save rubric'}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
        </form>
      )}
      <ConfirmDialog
        open={impact !== null}
        title="Save the rubric and recompute grades?"
        confirmLabel="Save and recompute"
        busyLabel="Saving…"
        busy={saving.fetching}
        danger
        onClose={() => setImpact(null)}
        onConfirm={() => void commit(true)}
      >
        <p>{impact?.summary}.</p>
        <ul>
          {impact?.changes.map((c) => (
            <li key={c.studentId}>
              {c.student?.name ?? c.studentId}: {c.pointsBefore ?? '—'} → {c.pointsAfter ?? '—'}
              {c.returned ? ' (returned: they are notified)' : ''}
            </li>
          ))}
        </ul>
      </ConfirmDialog>
    </section>
  );
}

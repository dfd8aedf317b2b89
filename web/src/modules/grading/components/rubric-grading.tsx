'use client';

import type { CombinedError } from '@urql/core';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import type { RubricFieldsFragment } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { GradeByRubricMutation, GradeCriteriaQuery } from '../graphql/rubric.operations';
import { rubricKeyAction } from '../rubric-keys';
import './rubric.css';

interface RubricGradingProps {
  assignmentId: string;
  studentId: string;
  rubric: RubricFieldsFragment;
  /** After each saved pick: the page reads the grade (total, version) again. */
  onSaved: () => void;
  /** A criterion comment typed and not saved yet. */
  onDirtyChange?: (dirty: boolean) => void;
}

interface Pick {
  levelId: string | null;
  comment: string;
}

/**
 * Grading with the rubric: one level per criterion, each pick saved at once
 * (the points are the server's sum). Keys: 1… pick a level of the
 * highlighted criterion, 0 clears it, ↓/j and ↑/k move between criteria;
 * Alt+N / Alt+P still go to the next or previous student.
 */
export function RubricGrading({ assignmentId, studentId, rubric, onSaved, onDirtyChange }: RubricGradingProps) {
  const id = useId();
  const { data, reload } = useSessionQuery({ query: GradeCriteriaQuery, variables: { assignmentId, studentId } });
  const [, save] = useMutation(GradeByRubricMutation);
  const [focused, setFocused] = useState(0);
  const [picks, setPicks] = useState<Map<string, Pick>>(new Map());
  const [drafts, setDrafts] = useState<Map<string, string>>(new Map());
  const [said, setSaid] = useState('');
  const [error, setError] = useState<CombinedError | null>(null);
  const version = useRef<number | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const boxes = useRef<(HTMLFieldSetElement | null)[]>([]);

  const feedback = data?.feedback;
  useEffect(() => {
    if (!feedback) return;
    if (version.current === null || (feedback.version ?? 0) > version.current) version.current = feedback.version ?? 0;
    setPicks(new Map((feedback.criteria ?? []).map((c) => [c.criterionId, { levelId: c.levelId ?? null, comment: c.comment }])));
  }, [feedback]);
  useEffect(() => onDirtyChange?.(drafts.size > 0), [drafts, onDirtyChange]);

  /** Saves one criterion; saves run one after another so each carries the version the previous one made. */
  function savePick(criterionId: string, pick: Pick, announce: string) {
    setPicks((all) => new Map(all).set(criterionId, pick));
    queue.current = queue.current.then(async () => {
      const result = await save({ assignmentId, studentId, criteria: [{ criterionId, levelId: pick.levelId, comment: pick.comment }], expectedVersion: version.current });
      if (result.error) {
        setError(result.error);
        reload();
        return;
      }
      setError(null);
      const f = result.data!.setGrade;
      version.current = f.version ?? version.current;
      setSaid(`${announce} Saved; total ${f.grade?.points ?? '—'} points${f.finalPoints != null && f.keptPercent < 100 ? `, ${f.finalPoints} after the late policy` : ''}.`);
      onSaved();
    });
  }

  function pickLevel(index: number, levelIndex: number | null) {
    const criterion = rubric.criteria[index];
    if (!criterion) return;
    const level = levelIndex === null ? null : criterion.levels[levelIndex];
    if (levelIndex !== null && !level) return;
    const comment = picks.get(criterion.id)?.comment ?? '';
    savePick(criterion.id, { levelId: level?.id ?? null, comment }, level ? `${criterion.title}: ${level.title} (${level.points}).` : `${criterion.title}: not graded.`);
  }

  function saveComment(index: number, text: string) {
    const criterion = rubric.criteria[index];
    setDrafts((all) => {
      const next = new Map(all);
      next.delete(criterion.id);
      return next;
    });
    const pick = picks.get(criterion.id) ?? { levelId: null, comment: '' };
    if (pick.comment === text) return;
    savePick(criterion.id, { ...pick, comment: text }, `Comment on ${criterion.title}.`);
  }

  function move(to: number) {
    const index = Math.max(0, Math.min(rubric.criteria.length - 1, to));
    setFocused(index);
    boxes.current[index]?.scrollIntoView({ block: 'nearest' });
  }

  // One listener for the page's life; it reads the latest state through this ref (as the student switcher does).
  const latest = useRef({ focused, pickLevel, move });
  useLayoutEffect(() => {
    latest.current = { focused, pickLevel, move };
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (document.querySelector('dialog[open]')) return;
      const action = rubricKeyAction(event);
      if (!action) return;
      const now = latest.current;
      event.preventDefault();
      if (action.kind === 'level') now.pickLevel(now.focused, action.index);
      else now.move(now.focused + action.by);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const total = rubric.criteria.reduce((sum, c) => {
    const level = c.levels.find((l) => l.id === picks.get(c.id)?.levelId);
    return level ? (sum ?? 0) + level.points : sum;
  }, null as number | null);

  return (
    <section className="card rubric-grading" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        Rubric <span className="muted">({total ?? '—'} of {rubric.maxPoints})</span>
      </h2>
      <p className="hint rubric-grading__keys" id={`${id}-keys`}>
        Keys: <kbd>1</kbd>–<kbd>{Math.min(9, Math.max(...rubric.criteria.map((c) => c.levels.length)))}</kbd> pick a level of the highlighted criterion, <kbd>0</kbd> clears it,{' '}
        <kbd>↓</kbd>/<kbd>j</kbd> and <kbd>↑</kbd>/<kbd>k</kbd> move between criteria, <kbd>Alt+N</kbd>/<kbd>Alt+P</kbd> next or previous student.
      </p>
      {rubric.criteria.map((c, i) => {
        const pick = picks.get(c.id);
        const draft = drafts.get(c.id);
        return (
          <fieldset
            key={c.id}
            ref={(el) => {
              boxes.current[i] = el;
            }}
            className={`fieldset rubric-grading__criterion${i === focused ? ' rubric-grading__criterion--focused' : ''}`}
            aria-current={i === focused ? 'true' : undefined}
            onFocus={() => setFocused(i)}
          >
            <legend>
              {c.title} <span className="muted">(of {c.maxPoints})</span>
              {i === focused ? <span className="visually-hidden"> (highlighted)</span> : null}
            </legend>
            {c.description ? <p className="hint">{c.description}</p> : null}
            <div className="rubric-grading__levels" role="radiogroup" aria-label={c.title}>
              {c.levels.map((l, j) => (
                <div className="choice" key={l.id}>
                  <input
                    type="radio"
                    id={`${id}-${c.id}-${l.id}`}
                    name={`${id}-${c.id}`}
                    checked={pick?.levelId === l.id}
                    onChange={() => {
                      setFocused(i);
                      pickLevel(i, j);
                    }}
                  />
                  <label htmlFor={`${id}-${c.id}-${l.id}`}>
                    {j < 9 ? <kbd aria-hidden="true">{j + 1}</kbd> : null} {l.title} ({l.points})
                  </label>
                </div>
              ))}
            </div>
            <div className="field">
              <label htmlFor={`${id}-${c.id}-comment`}>Comment on {c.title}</label>
              <textarea
                id={`${id}-${c.id}-comment`}
                rows={2}
                value={draft ?? pick?.comment ?? ''}
                onChange={(e) => setDrafts((all) => new Map(all).set(c.id, e.target.value))}
                onBlur={(e) => {
                  if (draft !== undefined) saveComment(i, e.target.value);
                }}
              />
            </div>
            {rubric.comments.length ? (
              <div className="field">
                <label htmlFor={`${id}-${c.id}-snippet`}>Insert a saved comment</label>
                <select
                  id={`${id}-${c.id}-snippet`}
                  value=""
                  onChange={(e) => {
                    if (!e.target.value) return;
                    const before = draft ?? pick?.comment ?? '';
                    saveComment(i, before ? `${before}\n${e.target.value}` : e.target.value);
                  }}
                >
                  <option value="">Choose…</option>
                  {rubric.comments.map((text) => (
                    <option key={text} value={text}>
                      {text.length > 60 ? `${text.slice(0, 59)}…` : text}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
          </fieldset>
        );
      })}
      {error ? <ErrorNotice error={error} /> : null}
      <p role="status" className="success-text">
        {said}
      </p>
    </section>
  );
}

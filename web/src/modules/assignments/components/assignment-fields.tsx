'use client';

import { useMemo } from 'react';
import { enumDescriptions } from '../../../gql/enum-descriptions';
import type { GradingScheme, LateMode, LateUnit } from '../../../gql/graphql';
import { formatDateTime, knownTimeZones, timeZoneLabel, zonedInputToIso } from '../../../core/time/zoned-time';
import { lateModeLabel } from '../assignment-labels';
import type { AssignmentFormState, FormProblems } from '../assignment-form';

interface AssignmentFieldsProps {
  idPrefix: string;
  state: AssignmentFormState;
  problems: FormProblems;
  onChange: (state: AssignmentFormState) => void;
}

const LATE_MODES: LateMode[] = ['ACCEPT', 'PENALTY', 'REJECT'];

/** The fields shared by the create and edit forms. */
export function AssignmentFields({ idPrefix: p, state, problems, onChange }: AssignmentFieldsProps) {
  const zones = useMemo(knownTimeZones, []);
  const set = <K extends keyof AssignmentFormState>(key: K, value: AssignmentFormState[K]) => onChange({ ...state, [key]: value });
  const deadlineIso = zonedInputToIso(state.deadline, state.timeZone);
  const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const invalid = (key: keyof AssignmentFormState) =>
    problems[key] ? { 'aria-invalid': true as const, 'aria-describedby': `${p}-${key}-error` } : {};
  const error = (key: keyof AssignmentFormState) =>
    problems[key] ? (
      <span id={`${p}-${key}-error`} className="field__error">
        {problems[key]}
      </span>
    ) : null;

  return (
    <>
      <div className="field">
        <label htmlFor={`${p}-title`}>Title</label>
        <input id={`${p}-title`} value={state.title} onChange={(e) => set('title', e.target.value)} {...invalid('title')} />
        {error('title')}
      </div>
      <div className="field">
        <label htmlFor={`${p}-instructions`}>Instructions</label>
        <textarea
          id={`${p}-instructions`}
          rows={4}
          value={state.instructions}
          onChange={(e) => set('instructions', e.target.value)}
          aria-describedby={`${p}-instructions-hint`}
        />
        <span id={`${p}-instructions-hint`} className="hint">
          Markdown works: **bold**, `code`, lists, links and # headings.
        </span>
      </div>

      <fieldset className="fieldset">
        <legend>Deadline</legend>
        <div className="row-fields">
          <div className="field">
            <label htmlFor={`${p}-deadline`}>Date and time</label>
            <input
              id={`${p}-deadline`}
              type="datetime-local"
              value={state.deadline}
              onChange={(e) => set('deadline', e.target.value)}
              {...(problems.deadline ? invalid('deadline') : { 'aria-describedby': `${p}-deadline-hint` })}
            />
            {error('deadline')}
          </div>
          <div className="field field--grow">
            <label htmlFor={`${p}-timeZone`}>Time zone</label>
            <input
              id={`${p}-timeZone`}
              list={`${p}-zones`}
              value={state.timeZone}
              onChange={(e) => set('timeZone', e.target.value)}
              spellCheck={false}
              {...invalid('timeZone')}
            />
            <datalist id={`${p}-zones`}>
              {zones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
            {error('timeZone')}
          </div>
        </div>
        <p id={`${p}-deadline-hint`} className="hint" aria-live="polite">
          {deadlineIso
            ? `${formatDateTime(deadlineIso, state.timeZone)} in ${timeZoneLabel(state.timeZone, deadlineIso)}${
                viewerZone !== state.timeZone ? `; that is ${formatDateTime(deadlineIso, viewerZone)} where you are` : ''
              }. Students see it in this zone.`
            : 'The date and time are read in the time zone beside them.'}
        </p>
      </fieldset>

      <fieldset className="fieldset">
        <legend>Late hand-ins</legend>
        {LATE_MODES.map((mode) => (
          <div className="choice" key={mode}>
            <input
              type="radio"
              id={`${p}-late-${mode}`}
              name={`${p}-late`}
              checked={state.lateMode === mode}
              onChange={() => set('lateMode', mode)}
              aria-describedby={`${p}-late-${mode}-hint`}
            />
            <label htmlFor={`${p}-late-${mode}`}>{lateModeLabel(mode)}</label>
            <span id={`${p}-late-${mode}-hint`} className="hint">
              {enumDescriptions.LateMode[mode]}
            </span>
          </div>
        ))}
        {state.lateMode === 'PENALTY' ? (
          <div className="row-fields choice--nested">
            <div className="field">
              <label htmlFor={`${p}-penaltyPercent`}>Penalty (%)</label>
              <input id={`${p}-penaltyPercent`} inputMode="decimal" value={state.penaltyPercent} onChange={(e) => set('penaltyPercent', e.target.value)} {...invalid('penaltyPercent')} />
              {error('penaltyPercent')}
            </div>
            <div className="field">
              <label htmlFor={`${p}-lateUnit`}>Per started</label>
              <select id={`${p}-lateUnit`} value={state.lateUnit} onChange={(e) => set('lateUnit', e.target.value as LateUnit)}>
                <option value="DAY">day</option>
                <option value="HOUR">hour</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${p}-floorPercent`}>Keep at least (%)</label>
              <input id={`${p}-floorPercent`} inputMode="decimal" value={state.floorPercent} onChange={(e) => set('floorPercent', e.target.value)} {...invalid('floorPercent')} />
              {error('floorPercent')}
            </div>
          </div>
        ) : null}
      </fieldset>

      <fieldset className="fieldset">
        <legend>Grading and hand-back</legend>
        <div className="row-fields">
          <div className="field">
            <label htmlFor={`${p}-gradingScheme`}>Grading</label>
            <select id={`${p}-gradingScheme`} value={state.gradingScheme} onChange={(e) => set('gradingScheme', e.target.value as GradingScheme)}>
              <option value="POINTS">Points</option>
              <option value="TEXT">Text grade</option>
            </select>
          </div>
          {state.gradingScheme === 'POINTS' ? (
            <div className="field">
              <label htmlFor={`${p}-maxPoints`}>Points available</label>
              <input id={`${p}-maxPoints`} inputMode="numeric" value={state.maxPoints} onChange={(e) => set('maxPoints', e.target.value)} {...invalid('maxPoints')} />
              {error('maxPoints')}
            </div>
          ) : null}
        </div>
        <div className="choice">
          <input type="checkbox" id={`${p}-handBackVisible`} checked={state.handBackVisible} onChange={(e) => set('handBackVisible', e.target.checked)} />
          <label htmlFor={`${p}-handBackVisible`}>Students see their grade and feedback once returned</label>
        </div>
        <div className="choice">
          <input type="checkbox" id={`${p}-collectAtDeadline`} checked={state.collectAtDeadline} onChange={(e) => set('collectAtDeadline', e.target.checked)} />
          <label htmlFor={`${p}-collectAtDeadline`}>Collect at the deadline the work of students who changed their files but did not hand in (the others have no submission)</label>
        </div>
        <div className="choice">
          <input type="checkbox" id={`${p}-anonymousGrading`} checked={state.anonymousGrading} onChange={(e) => set('anonymousGrading', e.target.checked)} />
          <label htmlFor={`${p}-anonymousGrading`}>Grade anonymously: staff see &ldquo;Student 17&rdquo; instead of names until the feedback is returned</label>
        </div>
        <div className="choice">
          <input type="checkbox" id={`${p}-groupWork`} checked={state.groupWork} onChange={(e) => set('groupWork', e.target.checked)} aria-describedby={`${p}-groupWork-hint`} />
          <label htmlFor={`${p}-groupWork`}>For groups: one shared workspace, one hand-in and one grade per group</label>
          <span id={`${p}-groupWork-hint`} className="hint">
            Form the groups on the assignment&rsquo;s page, from the roster&rsquo;s group column or by hand. This cannot change once the material was pushed or anyone handed in.
          </span>
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend>Hand-in</legend>
        <div className="field">
          <label htmlFor={`${p}-handInPaths`}>Paths sealed at hand-in, one per line</label>
          <textarea
            id={`${p}-handInPaths`}
            rows={3}
            spellCheck={false}
            value={state.handInPaths}
            onChange={(e) => set('handInPaths', e.target.value)}
            aria-describedby={`${p}-handInPaths-hint`}
          />
          <span id={`${p}-handInPaths-hint`} className="hint">
            For example files/week1/answer.py. Left empty, the material’s own paths are handed in.
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${p}-sizeLimitMb`}>Size limit (MB)</label>
          <input id={`${p}-sizeLimitMb`} inputMode="decimal" value={state.sizeLimitMb} onChange={(e) => set('sizeLimitMb', e.target.value)} {...invalid('sizeLimitMb')} />
          {error('sizeLimitMb')}
        </div>
      </fieldset>
    </>
  );
}

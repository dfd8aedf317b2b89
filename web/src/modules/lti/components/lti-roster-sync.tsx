'use client';

import { useId, useState } from 'react';
import { useClient, useMutation } from 'urql';
import type { CombinedError } from '@urql/core';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import type { LtiRosterLineFieldsFragment, LtiRosterOutcome, SpaceKind } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { roleLabel } from '../../spaces/space-labels';
import { BusyButton } from '../../ui/components/busy-button';
import { ConfirmDialog } from '../../ui/components/confirm-dialog';
import { DateTime } from '../../ui/components/date-time';
import { Summary } from '../../ui/components/summary';
import { TableHead } from '../../ui/components/table-head';
import { ApplyLtiRosterSyncMutation, LtiCourseQuery, PreviewLtiRosterSyncQuery } from '../graphql/lti-course';

type Line = LtiRosterLineFieldsFragment;

const GROUPS: readonly { title: string; outcomes: readonly LtiRosterOutcome[] }[] = [
  { title: 'Would add', outcomes: ['ADD'] },
  { title: 'Would deactivate', outcomes: ['DEACTIVATE'] },
  { title: 'Would change', outcomes: ['UPDATE', 'REACTIVATE'] },
];

const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

/**
 * The course roster at the learning management system the space was opened
 * from: what the last instructor launch found, and on request the differences
 * person by person (would add / would deactivate / would change), applied
 * only after the admin confirms exactly that preview.
 */
export function LtiRosterSync({ spaceId, spaceKind, onApplied }: { spaceId: string; spaceKind: SpaceKind; onApplied: () => void }) {
  const id = useId();
  const client = useClient();
  const { data, reload } = useSessionQuery({ query: LtiCourseQuery, variables: { spaceId } });
  const [plan, setPlan] = useState<{ previewHash: string; lines: Line[] } | null>(null);
  const [comparing, setComparing] = useState(false);
  const [compareError, setCompareError] = useState<CombinedError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [applied, setApplied] = useState<Line[] | null>(null);
  const [applying, runApply] = useMutation(ApplyLtiRosterSyncMutation);
  const course = data?.ltiCourse;
  if (!course) return null;

  async function compare() {
    setComparing(true);
    setApplied(null);
    const answer = await client.query(PreviewLtiRosterSyncQuery, { spaceId }, { requestPolicy: 'network-only' }).toPromise();
    setComparing(false);
    setCompareError(answer.error ?? null);
    setPlan(answer.data?.previewLtiRosterSync ?? null);
  }

  async function apply() {
    if (!plan) return;
    const answer = await runApply({ spaceId, previewHash: plan.previewHash });
    if (answer.data) {
      setApplied(answer.data.applyLtiRosterSync.lines);
      setPlan(null);
      setConfirming(false);
      reload();
      onApplied();
    }
  }

  const count = (lines: readonly Line[], outcomes: readonly LtiRosterOutcome[]) => lines.filter((l) => outcomes.includes(l.outcome)).length;
  const changes = plan ? count(plan.lines, ['ADD', 'DEACTIVATE', 'UPDATE', 'REACTIVATE']) : 0;

  return (
    <section className="section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Roster from {course.platformName}</h2>
      <p className="hint">
        This space is the course “{course.title}” at {course.platformName}. Its roster there is compared with the members here; nothing changes until you apply the
        differences. People who left the course there are deactivated, never deleted: they lose access and keep their work.
      </p>
      {!course.rosterAvailable ? (
        <p className="notice notice--info">{course.platformName} has not offered this course’s roster to Stagecoach (Names and Role Provisioning Services is off for the tool).</p>
      ) : (
        <>
          {course.rosterCheckedAt ? (
            <p role="note">
              When an instructor last opened Stagecoach from the course (<DateTime iso={course.rosterCheckedAt} />),{' '}
              {course.rosterCheckError
                ? `the roster could not be compared: ${course.rosterCheckError}`
                : course.rosterDifferences
                  ? `${people(course.rosterDifferences)} differed from the roster at ${course.platformName}.`
                  : `the members here matched the roster at ${course.platformName}.`}
            </p>
          ) : null}
          {compareError ? <ErrorNotice error={compareError} /> : null}
          <div className="form__actions">
            <BusyButton busy={comparing} busyLabel="Reading the roster…" onClick={() => void compare()}>
              Compare with {course.platformName}
            </BusyButton>
          </div>
        </>
      )}

      {plan ? (
        <div className="roster-preview">
          <div className="summary-grid" role="group" aria-label="Roster differences">
            {GROUPS.map((g) => (
              <Summary key={g.title} value={count(plan.lines, g.outcomes)} label={g.title.toLowerCase()} />
            ))}
            <Summary value={count(plan.lines, ['UNCHANGED'])} label="unchanged" />
            <Summary value={count(plan.lines, ['SKIPPED'])} label="not added" warn />
          </div>
          {GROUPS.map((group) => {
            const lines = plan.lines.filter((l) => group.outcomes.includes(l.outcome));
            return lines.length ? (
              <section key={group.title} aria-label={group.title}>
                <h3>
                  {group.title} ({lines.length})
                </h3>
                <table className="table table--compact">
                  <TableHead columns={['Name', 'Student number', 'Role', 'What happens']} />
                  <tbody>
                    {lines.map((line) => (
                      <tr key={line.platformUserId}>
                        <td>{line.name}</td>
                        <td>{line.studentNumber ?? <span className="muted">—</span>}</td>
                        <td>{line.role ? roleLabel(line.role, spaceKind) : <span className="muted">—</span>}</td>
                        <td>{line.detail}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            ) : null;
          })}
          <div className="form__actions">
            <button type="button" className="button button--primary" disabled={changes === 0} onClick={() => setConfirming(true)}>
              {changes === 0 ? 'Nothing to apply' : 'Apply…'}
            </button>
          </div>
        </div>
      ) : null}

      {applied ? (
        <div className="notice notice--success" role="status">
          <p>
            Roster applied: {people(count(applied, ['ADD']))} added, {people(count(applied, ['DEACTIVATE']))} deactivated, {people(count(applied, ['UPDATE', 'REACTIVATE']))}{' '}
            changed.
          </p>
        </div>
      ) : null}

      <ConfirmDialog
        open={confirming && !!plan}
        title={`Apply the roster from ${course.platformName}?`}
        confirmLabel="Apply roster"
        busyLabel="Applying…"
        busy={applying.fetching}
        error={applying.error}
        onConfirm={() => void apply()}
        onClose={() => setConfirming(false)}
      >
        {plan ? (
          <ul>
            {count(plan.lines, ['ADD']) ? <li>{people(count(plan.lines, ['ADD']))} {count(plan.lines, ['ADD']) === 1 ? 'joins' : 'join'} the space, signing in through {course.platformName}.</li> : null}
            {count(plan.lines, ['DEACTIVATE']) ? (
              <li>
                {people(count(plan.lines, ['DEACTIVATE']))} who left the course at {course.platformName} {count(plan.lines, ['DEACTIVATE']) === 1 ? 'loses' : 'lose'} access;
                their workspaces and hand-ins are kept.
              </li>
            ) : null}
            {count(plan.lines, ['UPDATE', 'REACTIVATE']) ? <li>{people(count(plan.lines, ['UPDATE', 'REACTIVATE']))} {count(plan.lines, ['UPDATE', 'REACTIVATE']) === 1 ? 'gets' : 'get'} a new student number or their access back.</li> : null}
            <li>Nobody is deleted.</li>
          </ul>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}

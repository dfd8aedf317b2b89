'use client';

import Link from 'next/link';
import { useEffect, useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useCursorPages } from '../../../core/paging/use-cursor-pages';
import { formatDateTime } from '../../../core/time/zoned-time';
import type { AssignmentQuery, StatusRowFragment, StatusSort, StudentStatus } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { Pager } from '../../ui/components/pager';
import { EmptyState, LoadingLine } from '../../ui/components/status-line';
import { browserHref } from '../../workspaces/workspace-paths';
import { STUDENT_STATUSES, studentStatusLabel } from '../assignment-labels';
import { HandInStatusesQuery } from '../graphql/hand-in-statuses.query';
import { overlayRows, type TrackerLive } from '../tracker-state';
import { ReturnGradesMutation } from '../../grading/graphql/grading.operations';
import { gradesExportUrl, handInsZipUrl, studentGradingHref } from '../../grading/grading-urls';
import { ConfirmDialog } from '../../ui/components/confirm-dialog';
import { ExtensionDialog } from './extension-dialog';
import { StatusBadges } from './status-badges';

type Assignment = AssignmentQuery['assignment'];

const PAGE_SIZE = 25;
const SORTS: { value: StatusSort; label: string }[] = [
  { value: 'NAME', label: 'Name' },
  { value: 'STATUS', label: 'Status' },
  { value: 'HANDED_IN_AT', label: 'Hand-in time' },
  { value: 'GRADE', label: 'Grade' },
];

interface HandInTrackerProps {
  assignment: Assignment;
  admin: boolean;
  live: TrackerLive<StatusRowFragment> | undefined;
}

/**
 * A row per student with status badges, filters by status, sorting and
 * search. Rows change in place as `handInStatus` events arrive; an event that
 * may affect everyone reloads the page of rows.
 */
export function HandInTracker({ assignment, admin, live }: HandInTrackerProps) {
  const id = useId();
  const [statuses, setStatuses] = useState<ReadonlySet<StudentStatus>>(new Set());
  const [sort, setSort] = useState<StatusSort>('NAME');
  const [descending, setDescending] = useState(false);
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [extensionFor, setExtensionFor] = useState<StatusRowFragment | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [confirmReturn, setConfirmReturn] = useState<'selected' | 'all' | null>(null);
  const [returning, runReturn] = useMutation(ReturnGradesMutation);
  const [returnNote, setReturnNote] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(searchText.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [searchText]);

  const statusList = [...statuses].sort();
  const paging = useCursorPages(`${statusList.join(',')}|${sort}|${descending}|${search}`);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: HandInStatusesQuery,
    variables: {
      assignmentId: assignment.id,
      statuses: statusList.length ? statusList : null,
      sort,
      descending,
      search: search || null,
      first: PAGE_SIZE,
      after: paging.after,
    },
    requestPolicy: 'cache-and-network',
  });
  const reloads = live?.reloads ?? 0;
  useEffect(() => {
    if (reloads > 0) refetch({ requestPolicy: 'network-only' });
  }, [reloads, refetch]);
  // Rows change in place at once; the per-status counts (and the order, when
  // sorted by status or time) catch up with one refetch after a burst.
  const events = live?.events ?? 0;
  useEffect(() => {
    if (events === 0) return;
    const timer = window.setTimeout(() => refetch({ requestPolicy: 'network-only' }), 1500);
    return () => window.clearTimeout(timer);
  }, [events, refetch]);

  const connection = data?.handInStatuses;
  const rows = overlayRows(connection?.nodes ?? [], live);
  const counts = new Map((connection?.counts ?? []).map((c) => [c.status, c.count]));
  const lastRow = live?.lastStudentId ? live.rows.get(live.lastStudentId)?.row : null;

  async function returnGrades() {
    const studentIds = confirmReturn === 'selected' ? [...chosen] : null;
    const result = await runReturn({ assignmentId: assignment.id, studentIds });
    if (!result.data) return;
    const { returnedCount, alreadyReturned } = result.data.returnGrades;
    setReturnNote(
      `Returned to ${returnedCount} ${returnedCount === 1 ? 'student' : 'students'}${
        alreadyReturned.length ? `; ${alreadyReturned.length} had it already` : ''
      }. Each has been notified.`,
    );
    setConfirmReturn(null);
    setChosen(new Set());
    refetch({ requestPolicy: 'network-only' });
  }

  function toggleChosen(studentId: string) {
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(studentId)) next.delete(studentId);
      else next.add(studentId);
      return next;
    });
  }

  function toggleStatus(status: StudentStatus) {
    setStatuses((current) => {
      const next = new Set(current);
      if (next.has(status)) next.delete(status);
      else next.add(status);
      return next;
    });
  }

  return (
    <section className="section" aria-labelledby="tracker-heading">
      <div className="section__header">
        <h2 id="tracker-heading">
          Hand-ins {connection?.totalCount != null ? <span className="muted">({connection.totalCount} shown)</span> : null}
        </h2>
        <span className="live-indicator" title="Rows update as students hand in">
          <span className="dot dot--running" aria-hidden="true" /> Live
        </span>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {lastRow ? `${lastRow.student.name}: ${studentStatusLabel(lastRow.status)}` : ''}
      </p>

      <fieldset className="fieldset filter-chips">
        <legend>Show students who are</legend>
        {STUDENT_STATUSES.map((status) => (
          <span className="chip" key={status}>
            <input type="checkbox" id={`${id}-${status}`} checked={statuses.has(status)} onChange={() => toggleStatus(status)} />
            <label htmlFor={`${id}-${status}`}>
              {studentStatusLabel(status)} <span className="muted">{counts.get(status) ?? 0}</span>
            </label>
          </span>
        ))}
        {statuses.size > 0 ? (
          <button type="button" className="button button--ghost button--small" onClick={() => setStatuses(new Set())}>
            Show everyone
          </button>
        ) : null}
      </fieldset>

      <div className="toolbar">
        <div className="field field--inline">
          <label htmlFor={`${id}-search`}>Search</label>
          <input id={`${id}-search`} type="search" placeholder="Name or e-mail" value={searchText} onChange={(e) => setSearchText(e.target.value)} />
        </div>
        <div className="field field--inline">
          <label htmlFor={`${id}-sort`}>Sort by</label>
          <select id={`${id}-sort`} value={sort} onChange={(e) => setSort(e.target.value as StatusSort)}>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="choice">
          <input type="checkbox" id={`${id}-desc`} checked={descending} onChange={(e) => setDescending(e.target.checked)} />
          <label htmlFor={`${id}-desc`}>Descending</label>
        </div>
      </div>

      <div className="toolbar">
        <button type="button" className="button button--primary" disabled={chosen.size === 0} onClick={() => setConfirmReturn('selected')}>
          Return selected{chosen.size ? ` (${chosen.size})` : ''}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setConfirmReturn('all')}>
          Return all graded
        </button>
        <a className="button button--ghost" href={handInsZipUrl(assignment.id)} download>
          All hand-ins (zip)
        </a>
        <a className="button button--ghost" href={gradesExportUrl(assignment.id, 'csv')} download>
          Grades (CSV)
        </a>
        <a className="button button--ghost" href={gradesExportUrl(assignment.id, 'xlsx')} download>
          Grades (Excel)
        </a>
      </div>
      <p role="status" className="success-text">
        {returnNote}
      </p>
      {returning.error && !confirmReturn ? <ErrorNotice error={returning.error} /> : null}

      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {!connection && fetching ? <LoadingLine>Loading hand-ins…</LoadingLine> : null}
      {connection && rows.length === 0 ? (
        <EmptyState>
          <p>{statuses.size || search ? 'No student matches these filters.' : 'This course has no students yet.'}</p>
        </EmptyState>
      ) : null}
      {rows.length > 0 ? (
        <table className="table tracker">
          <thead>
            <tr>
              <th scope="col" className="table__check">
                <input
                  type="checkbox"
                  aria-label="Select every student on this page"
                  checked={rows.length > 0 && rows.every(({ row }) => chosen.has(row.student.id))}
                  onChange={(e) =>
                    setChosen(e.target.checked ? new Set([...chosen, ...rows.map(({ row }) => row.student.id)]) : new Set())
                  }
                />
              </th>
              <th scope="col" aria-sort={sort === 'NAME' ? (descending ? 'descending' : 'ascending') : undefined}>
                Student
              </th>
              <th scope="col" aria-sort={sort === 'STATUS' ? (descending ? 'descending' : 'ascending') : undefined}>
                Status
              </th>
              <th scope="col" aria-sort={sort === 'HANDED_IN_AT' ? (descending ? 'descending' : 'ascending') : undefined}>
                Last hand-in
              </th>
              <th scope="col" className="numeric" aria-sort={sort === 'GRADE' ? (descending ? 'descending' : 'ascending') : undefined}>
                Points
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ row, version }) => (
              <tr key={`${row.student.id}:${version}`} className={version > 0 ? 'row--updated' : undefined}>
                <td className="table__check">
                  <input
                    type="checkbox"
                    aria-label={`Select ${row.student.name}`}
                    checked={chosen.has(row.student.id)}
                    onChange={() => toggleChosen(row.student.id)}
                  />
                </td>
                <td>
                  <Link href={studentGradingHref(assignment.id, row.student.id)}>{row.student.name}</Link>
                  <div className="muted small">{row.student.email}</div>
                </td>
                <td>
                  <StatusBadges row={row} timeZone={assignment.timeZone} />
                </td>
                <td>
                  {row.latestHandIn ? (
                    <>
                      <time dateTime={row.latestHandIn.handedInAt}>{formatDateTime(row.latestHandIn.handedInAt, assignment.timeZone)}</time>
                      <div className="muted small">
                        {row.handInCount} {row.handInCount === 1 ? 'hand-in' : 'hand-ins'}
                        {row.late ? ` · ${Math.round(row.lateByMinutes)} min late` : ''}
                      </div>
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="numeric">
                  {row.finalPoints != null ? row.finalPoints : row.grade?.textGrade ?? <span className="muted">—</span>}
                </td>
                <td className="table__actions">
                  <Link className="button button--ghost button--small" href={studentGradingHref(assignment.id, row.student.id)}>
                    {row.grade?.gradedAt ? 'Regrade' : 'Grade'}
                    <span className="visually-hidden"> {row.student.name}</span>
                  </Link>
                  {row.workspaceId ? (
                    <Link className="button button--ghost button--small" href={browserHref(row.workspaceId)}>
                      Workspace<span className="visually-hidden"> of {row.student.name}</span>
                    </Link>
                  ) : null}
                  {admin ? (
                    <button type="button" className="button button--ghost button--small" onClick={() => setExtensionFor(row)}>
                      {row.extension ? 'Extension…' : 'Extend…'}
                      <span className="visually-hidden"> for {row.student.name}</span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pager
        label="Hand-in pages"
        page={paging.page}
        hasPrevious={paging.page > 1}
        hasNext={connection?.pageInfo.hasNextPage ?? false}
        loading={fetching}
        onPrevious={paging.previous}
        onNext={() => paging.next(connection?.pageInfo.endCursor)}
      />
      <ExtensionDialog assignment={assignment} row={extensionFor} onClose={() => setExtensionFor(null)} />
      <ConfirmDialog
        open={confirmReturn !== null}
        title={confirmReturn === 'selected' ? `Return feedback to ${chosen.size} selected?` : 'Return all graded feedback?'}
        confirmLabel="Return"
        busyLabel="Returning…"
        busy={returning.fetching}
        error={returning.error}
        onClose={() => setConfirmReturn(null)}
        onConfirm={() => void returnGrades()}
      >
        <p>
          {confirmReturn === 'selected'
            ? 'The selected students get their grade, comment and feedback files, and a notification.'
            : 'Every student who is graded and has not had feedback returned gets it now, with a notification.'}
          {assignment.handBackVisible ? '' : ' This assignment keeps feedback hidden from students, so they are told it was returned but do not see it.'}
        </p>
      </ConfirmDialog>
    </section>
  );
}

'use client';

import Link from 'next/link';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { useQueryParams } from '../../../core/navigation/use-query-params';
import { usePagedQuery } from '../../../core/paging/use-paged-query';
import { formatDateTime } from '../../../core/time/zoned-time';
import { toggled, useSelection } from '../../../core/use-selection';
import type { AssignmentQuery, StatusRowFragment } from '../../../gql/graphql';
import { canvasGradebookUrl, gradesExportUrl, handInsZipUrl, studentGradingHref } from '../../grading/grading-urls';
import { ReturnGradesMutation } from '../../grading/graphql/grading.operations';
import { CriterionPoints, OpenRegradeRequests, RegradeMarker } from '../../grading/components/rubric-regrades';
import { ErrorNotice } from '../../shell/components/error-notice';
import { ConfirmDialog } from '../../ui/components/confirm-dialog';
import { SearchFilter, SelectFilter } from '../../ui/components/filters';
import { PagedTable } from '../../ui/components/result-view';
import { RowAction } from '../../ui/components/row-action';
import { ACTIONS_COLUMN, selectAllColumn, type Column } from '../../ui/components/table-head';
import { browserHref } from '../../workspaces/workspace-paths';
import { STUDENT_STATUSES, studentStatusLabel } from '../assignment-labels';
import { HandInStatusesQuery } from '../graphql/hand-in-statuses.query';
import { SORTS, trackerFiltersFrom, trackerParams, trackerQuery, trackerVariables, type TrackerFilters } from '../tracker-filters';
import { currentCounts, overlayRows, type TrackerLive } from '../tracker-state';
import { ExtensionDialog } from './extension-dialog';
import { StatusBadges } from './status-badges';

type Assignment = NonNullable<AssignmentQuery['assignment']>;

const PAGE_SIZE = 25;

interface HandInTrackerProps {
  assignment: Assignment;
  /** Whether the caller may grant extensions (admins; TAs where the space allows it). */
  canExtend: boolean;
  live: TrackerLive<StatusRowFragment> | undefined;
}

/**
 * A row per student with status badges, filters by status, sorting and
 * search. Rows change in place as `handInStatus` events arrive; an event that
 * may affect everyone reloads the page of rows. The filters are kept in the
 * address, and each student's grading page follows the same order.
 */
export function HandInTracker({ assignment, canExtend, live }: HandInTrackerProps) {
  const [params, replaceParams] = useQueryParams();
  const filters = trackerFiltersFrom(params);
  const setFilters = (change: Partial<TrackerFilters>) => replaceParams(trackerParams(change));
  const [searchText, setSearchText] = useState(filters.search);
  const [extensionFor, setExtensionFor] = useState<StatusRowFragment | null>(null);
  const chosen = useSelection<string>();
  const [confirmReturn, setConfirmReturn] = useState<'selected' | 'all' | null>(null);
  const [returning, runReturn] = useMutation(ReturnGradesMutation);
  const [returnNote, setReturnNote] = useState('');

  // Typing settles for 300 ms before the search goes into the address.
  const applySearch = useEffectEvent((text: string) => {
    if (text !== filters.search) setFilters({ search: text });
  });
  useEffect(() => {
    const timer = window.setTimeout(() => applySearch(searchText.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [searchText]);

  const statuses = usePagedQuery({
    query: HandInStatusesQuery,
    variables: { assignmentId: assignment.id, ...trackerVariables(filters) },
    pageSize: PAGE_SIZE,
    select: (data) => data.handInStatuses,
  });
  const { reload } = statuses;
  const reloads = live?.reloads ?? 0;
  useEffect(() => {
    if (reloads > 0) reload();
  }, [reloads, reload]);
  // Rows and the per-status counts change at once, from the same event; the
  // order (when sorted by status or time) catches up with one refetch after a burst.
  const events = live?.events ?? 0;
  useEffect(() => {
    if (events === 0) return;
    const timer = window.setTimeout(reload, 1500);
    return () => window.clearTimeout(timer);
  }, [events, reload]);

  const connection = statuses.connection;
  const rows = overlayRows(statuses.nodes, live);
  const fetched = useRef<{ connection: unknown; events: number }>({ connection: undefined, events: 0 });
  if (fetched.current.connection !== connection) fetched.current = { connection, events };
  const counts = new Map(currentCounts(connection?.counts, fetched.current.events, live).map((c) => [c.status, c.count]));
  const lastRow = live?.lastStudentId ? live.rows.get(live.lastStudentId)?.row : null;
  const gradingHref = (studentId: string) => `${studentGradingHref(assignment.id, studentId)}${trackerQuery(filters)}`;
  const sortedBy = (sort: TrackerFilters['sort']): Column['sort'] =>
    filters.sort === sort ? (filters.descending ? 'descending' : 'ascending') : undefined;

  async function returnGrades() {
    const studentIds = confirmReturn === 'selected' ? [...chosen.selected] : null;
    const result = await runReturn({ assignmentId: assignment.id, studentIds });
    if (!result.data) return;
    const { returnedCount, alreadyReturned } = result.data.returnGrades;
    setReturnNote(
      `Returned to ${returnedCount} ${returnedCount === 1 ? 'student' : 'students'}${
        alreadyReturned.length ? `; ${alreadyReturned.length} had it already` : ''
      }. Each has been notified.`,
    );
    setConfirmReturn(null);
    chosen.clear();
    reload();
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
            <input
              type="checkbox"
              id={`tracker-status-${status}`}
              checked={filters.statuses.includes(status)}
              onChange={() => setFilters({ statuses: [...toggled(new Set(filters.statuses), status)] })}
            />
            <label htmlFor={`tracker-status-${status}`}>
              {studentStatusLabel(status)} <span className="muted">{connection ? (counts.get(status) ?? 0) : ''}</span>
            </label>
          </span>
        ))}
        {filters.statuses.length > 0 ? (
          <button type="button" className="button button--ghost button--small" onClick={() => setFilters({ statuses: [] })}>
            Show everyone
          </button>
        ) : null}
      </fieldset>

      <div className="toolbar">
        <SearchFilter label="Search" value={searchText} onChange={setSearchText} placeholder="Name, e-mail or student number" />
        <SelectFilter label="Sort by" value={filters.sort} options={SORTS} onChange={(sort) => setFilters({ sort })} />
        <div className="choice">
          <input
            type="checkbox"
            id="tracker-descending"
            checked={filters.descending}
            onChange={(e) => setFilters({ descending: e.target.checked })}
          />
          <label htmlFor="tracker-descending">Descending</label>
        </div>
      </div>

      <div className="toolbar">
        <button type="button" className="button button--primary" disabled={chosen.selected.size === 0} onClick={() => setConfirmReturn('selected')}>
          Return selected{chosen.selected.size ? ` (${chosen.selected.size})` : ''}
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
        <a className="button button--ghost" href={canvasGradebookUrl(assignment.id)} download>
          Canvas gradebook (CSV)
        </a>
      </div>
      {assignment.anonymousGrading ? (
        <p className="muted" data-testid="anonymous-note">
          Anonymous grading: students show as &ldquo;Student&nbsp;17&rdquo; until their feedback is returned.
        </p>
      ) : null}
      <p role="status" className="success-text">
        {returnNote}
      </p>
      {returning.error && !confirmReturn ? <ErrorNotice error={returning.error} /> : null}
      <OpenRegradeRequests assignmentId={assignment.id} trackerQuery={trackerQuery(filters)} />

      <PagedTable
        state={statuses}
        rows={rows}
        label="Hand-in pages"
        loadingText="Loading hand-ins…"
        emptyText={<p>{filters.statuses.length || filters.search ? 'No student matches these filters.' : assignment.groupWork ? 'No groups yet.' : 'This course has no students yet.'}</p>}
        className="table tracker"
        columns={[
          selectAllColumn(
            'Select every student on this page',
            rows.length > 0 && rows.every(({ row }) => chosen.has(row.student.id)),
            (all) => chosen.set(all ? [...chosen.selected, ...rows.map(({ row }) => row.student.id)] : []),
          ),
          { label: assignment.groupWork ? 'Group' : 'Student', sort: sortedBy('NAME') },
          assignment.groupWork ? 'Members and student numbers' : 'Student number',
          { label: 'Status', sort: sortedBy('STATUS') },
          { label: 'Last hand-in', sort: sortedBy('HANDED_IN_AT') },
          { label: 'Points', numeric: true, sort: sortedBy('GRADE') },
          ACTIONS_COLUMN,
        ]}
        // A new key per live change replays the highlight on the row that changed.
        rowKey={({ row, version }) => `${row.student.id}:${version}`}
        rowProps={({ version }) => ({ className: version > 0 ? 'row--updated' : undefined })}
      >
        {({ row }) => (
          <>
            <td className="table__check">
              <input
                type="checkbox"
                aria-label={`Select ${row.student.name}`}
                checked={chosen.has(row.student.id)}
                onChange={() => chosen.toggle(row.student.id)}
              />
            </td>
            <td>
              <Link href={gradingHref(row.student.id)}>{row.student.name}</Link>
              {row.student.email ? <div className="muted small">{row.student.email}</div> : null}
              <RegradeMarker count={row.openRegradeRequests} />
            </td>
            <td>
              {row.members ? (
                <GroupMembers members={row.members} />
              ) : (
                <>
                  {row.studentNumber ?? <span className="muted">—</span>}
                  {row.section ? <div className="muted small">Section {row.section}</div> : null}
                </>
              )}
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
              <CriterionPoints assignmentId={assignment.id} points={row.criterionPoints} />
            </td>
            <td className="table__actions">
              <Link className="button button--ghost button--small" href={gradingHref(row.student.id)}>
                {row.grade?.gradedAt ? 'Regrade' : 'Grade'}
                <span className="visually-hidden"> {row.student.name}</span>
              </Link>
              {row.workspaceId ? (
                <Link className="button button--ghost button--small" href={browserHref(row.workspaceId)}>
                  Workspace<span className="visually-hidden"> of {row.student.name}</span>
                </Link>
              ) : null}
              {canExtend ? (
                <RowAction
                  label={row.extension ? 'Extension…' : 'Extend…'}
                  subject={`for ${row.student.name}`}
                  onClick={() => setExtensionFor(row)}
                />
              ) : null}
            </td>
          </>
        )}
      </PagedTable>
      <ExtensionDialog assignment={assignment} row={extensionFor} onClose={() => setExtensionFor(null)} />
      <ConfirmDialog
        open={confirmReturn !== null}
        title={confirmReturn === 'selected' ? `Return feedback to ${chosen.selected.size} selected?` : 'Return all graded feedback?'}
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

/** A group's row: who is in it, each with their student number. */
function GroupMembers({ members }: { members: NonNullable<StatusRowFragment['members']> }) {
  if (members.length === 0) return <span className="muted">No members</span>;
  return (
    <ul className="plain-list">
      {members.map((m) => (
        <li key={`${m.name}:${m.studentNumber ?? ''}`}>
          {m.name} <span className="muted small">{m.studentNumber ?? '—'}</span>
        </li>
      ))}
    </ul>
  );
}

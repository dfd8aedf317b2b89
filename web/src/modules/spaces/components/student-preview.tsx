'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import type { SpaceAssignmentsQuery, SpaceQuery } from '../../../gql/graphql';
import { StudentAssignmentCard } from '../../assignments/components/student-assignment-card';
import { SpaceAssignmentsQuery as AssignmentsDocument } from '../../assignments/graphql/assignment.query';
import { HandInStatusesQuery } from '../../assignments/graphql/hand-in-statuses.query';
import { SpaceMembersQuery } from '../../members/graphql/space-members.query';
import { ErrorNotice } from '../../shell/components/error-notice';
import { ResultView } from '../../ui/components/result-view';
import { browserHref } from '../../workspaces/workspace-paths';

type Assignment = SpaceAssignmentsQuery['assignments'][number];
type Student = { id: string; name: string; email: string };

/**
 * "View as student" for staff: one student's course page as they see it,
 * read-only: their workspace, the course material, and each released
 * assignment with their own deadline, status and receipt. Grades show only
 * once returned and visible to them, as for the student.
 */
export function StudentPreview({ space }: { space: SpaceQuery['space'] }) {
  const selectId = useId();
  const { data, error, reload } = useSessionQuery({ query: SpaceMembersQuery, variables: { spaceId: space.id, first: 100, role: 'MEMBER' } });
  const students = data?.space.members.nodes.map((m) => m.user) ?? [];
  const [chosenId, setChosenId] = useState('');
  const student = students.find((s) => s.id === chosenId) ?? null;

  return (
    <section className="section" aria-labelledby="preview-heading">
      <h2 id="preview-heading">View as a student</h2>
      <p className="hint">See the course as one student sees it. Nothing here can be changed.</p>
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      <div className="field field--inline">
        <label htmlFor={selectId}>Student</label>
        <select id={selectId} value={chosenId} onChange={(e) => setChosenId(e.target.value)}>
          <option value="">Choose a student…</option>
          {students.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.email})
            </option>
          ))}
        </select>
      </div>
      {student ? <StudentCourse space={space} student={student} /> : null}
    </section>
  );
}

function StudentCourse({ space, student }: { space: SpaceQuery['space']; student: Student }) {
  const theirs = space.workspaces.find((w) => w.kind === 'PERSONAL' && w.ownerId === student.id);
  const material = space.workspaces.find((w) => w.kind === 'DISTRIBUTED');
  const { data, error, fetching, reload } = useSessionQuery({ query: AssignmentsDocument, variables: { spaceId: space.id } });
  const released = (data?.assignments ?? []).filter((a) => a.releasedAt);
  return (
    <div className="student-preview" role="region" aria-label={`${student.name}'s view`}>
      <p className="student-preview__banner">
        Preview: what <strong>{student.name}</strong> sees
      </p>
      <h3>Their workspace</h3>
      <ul className="student-preview__links">
        {theirs ? (
          <li>
            <Link href={browserHref(theirs.id)}>Open {student.name}&apos;s workspace</Link>
          </li>
        ) : (
          <li className="muted">No personal workspace.</li>
        )}
        {material ? (
          <li>
            <Link href={browserHref(material.id)}>Course material</Link> <span className="muted">(read-only for students)</span>
          </li>
        ) : null}
      </ul>
      <h3>Their assignments</h3>
      <ResultView
        error={error}
        onRetry={reload}
        loading={!data && fetching}
        loadingText="Loading the assignments…"
        empty={data !== undefined && released.length === 0}
        emptyText={<p>No released assignments: the student sees none yet.</p>}
      >
        {released.map((a) => (
          <PreviewCard key={a.id} assignment={a} student={student} />
        ))}
      </ResultView>
    </div>
  );
}

function PreviewCard({ assignment, student }: { assignment: Assignment; student: Student }) {
  const { data, error } = useSessionQuery({
    query: HandInStatusesQuery,
    variables: { assignmentId: assignment.id, search: student.email, first: 5 },
  });
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <p className="muted">Loading {assignment.title}…</p>;
  const row = data.handInStatuses.nodes.find((r) => r.student.id === student.id) ?? null;
  // A grade is the student's to see only once returned, and only if hand-back is visible.
  const shown = row?.grade && row.grade.returnedAt && assignment.handBackVisible ? row : row && { ...row, grade: null, finalPoints: null };
  return <StudentAssignmentCard assignment={assignment} onChanged={() => undefined} preview={{ status: shown }} />;
}

'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import type { SpaceAssignmentsQuery } from '../../../gql/graphql';
import { StudentAssignmentCard } from '../../assignments/components/student-assignment-card';
import { SpaceAssignmentsQuery as AssignmentsDocument } from '../../assignments/graphql/assignment.query';
import { HandInStatusesQuery } from '../../assignments/graphql/hand-in-statuses.query';
import { StudentPicker, type PickedStudent } from '../../members/components/student-picker';
import { ErrorNotice } from '../../shell/components/error-notice';
import { CourseWorkspacesQuery, WorkspaceListQuery } from '../graphql/space.query';
import { ResultView } from '../../ui/components/result-view';
import { browserHref } from '../../workspaces/workspace-paths';

type Assignment = SpaceAssignmentsQuery['assignments'][number];
type Student = PickedStudent;
type SpaceRef = { id: string };

/**
 * "View as student" for staff: one student's course page as they see it,
 * read-only: their workspace, the course material, and each released
 * assignment with their own deadline, status and receipt. Grades show only
 * once returned and visible to them, as for the student.
 */
export function StudentPreview({ space }: { space: SpaceRef }) {
  const [student, setStudent] = useState<Student | null>(null);

  return (
    <section className="section" aria-labelledby="preview-heading">
      <h2 id="preview-heading">View as a student</h2>
      <p className="hint">See the course as one student sees it. Nothing here can be changed.</p>
      <StudentPicker spaceId={space.id} label="Student" value={student} onChange={setStudent} />
      {student ? <StudentCourse space={space} student={student} /> : null}
    </section>
  );
}

function StudentCourse({ space, student }: { space: SpaceRef; student: Student }) {
  // Their workspace by a search on their address (which may match a few), the material from the course's own.
  const { data: found } = useSessionQuery({ query: WorkspaceListQuery, variables: { spaceId: space.id, kind: 'PERSONAL', search: student.email, first: 10 } });
  const { data: course } = useSessionQuery({ query: CourseWorkspacesQuery, variables: { id: space.id }, requestPolicy: 'cache-first' });
  const theirs = found?.space?.workspaceList.nodes.find((w) => w.ownerId === student.id);
  const material = course?.space?.distributed[0];
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

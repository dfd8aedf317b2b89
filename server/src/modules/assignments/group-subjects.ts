import { In, type EntityManager } from 'typeorm';
import type { Assignment } from './assignment.entity';
import { AssignmentGroup, AssignmentGroupMember } from './assignment-group.entity';
import { HandIn } from './hand-in.entity';

/**
 * Who a grade belongs to. For a single-student assignment it is the student;
 * for a group assignment it is a group: the group whose latest hand-in
 * sealed the student in (they keep it when moved later), else the group they
 * are in now. Grades, regrade requests and feedback are keyed by it.
 */
export async function gradeSubjectOf(manager: EntityManager, assignment: Pick<Assignment, 'id' | 'groupWork'>, userId: string): Promise<string> {
  if (!assignment.groupWork) return userId;
  return (await gradeSubjects(manager, assignment, [userId])).get(userId) ?? userId;
}

/** {@link gradeSubjectOf} for many students at once, in three queries. */
export async function gradeSubjects(manager: EntityManager, assignment: Pick<Assignment, 'id' | 'groupWork'>, userIds?: readonly string[]): Promise<Map<string, string>> {
  if (!assignment.groupWork) return new Map((userIds ?? []).map((id) => [id, id]));
  const members = await manager.find(AssignmentGroupMember, { where: { assignmentId: assignment.id, ...(userIds ? { userId: In([...userIds]) } : {}) } });
  const subjects = new Map(members.map((m) => [m.userId, m.groupId]));
  const handIns = await manager.find(HandIn, { where: { assignmentId: assignment.id }, order: { handedInAt: 'ASC', seq: 'ASC' }, select: { studentId: true, groupMemberIds: true } });
  const wanted = userIds ? new Set(userIds) : null;
  // Later hand-ins win: a student sealed in by two groups keeps the grade of the latest.
  for (const h of handIns) for (const id of h.groupMemberIds ?? []) if (!wanted || wanted.has(id)) subjects.set(id, h.studentId);
  return subjects;
}

/** Each group subject with the members whose grade is the group's (see {@link gradeSubjects}); empty for single-student work. */
export async function peopleBySubject(manager: EntityManager, assignment: Pick<Assignment, 'id' | 'groupWork'>): Promise<Map<string, string[]>> {
  const bySubject = new Map<string, string[]>();
  if (!assignment.groupWork) return bySubject;
  for (const [userId, subject] of await gradeSubjects(manager, assignment)) bySubject.set(subject, [...(bySubject.get(subject) ?? []), userId]);
  return bySubject;
}

/** The people a grade's subjects stand for: each group's members whose grade is the group's; a student stands for themself. */
export async function peopleOf(manager: EntityManager, assignment: Pick<Assignment, 'id' | 'groupWork'>, subjectIds: readonly string[]): Promise<string[]> {
  if (!assignment.groupWork || subjectIds.length === 0) return [...subjectIds];
  const groups = new Set((await manager.find(AssignmentGroup, { where: { assignmentId: assignment.id, id: In([...new Set(subjectIds)]) }, select: { id: true } })).map((g) => g.id));
  const bySubject = await peopleBySubject(manager, assignment);
  const people = subjectIds.filter((id) => !groups.has(id));
  for (const id of new Set(subjectIds)) if (groups.has(id)) people.push(...(bySubject.get(id) ?? []));
  return [...new Set(people)];
}

/** Every group workspace of an assignment: where its release and its previews push the material. */
export async function groupWorkspaceIds(manager: EntityManager, assignmentId: string): Promise<string[]> {
  return (await manager.find(AssignmentGroup, { where: { assignmentId }, select: { workspaceId: true } })).map((g) => g.workspaceId);
}

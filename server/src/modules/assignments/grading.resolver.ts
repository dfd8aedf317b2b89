import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context';
import { PageArgs, toConnection } from '../../core/graphql/connection';
import { assessesGroups } from '../../core/graphql/global-id';
import { outcomeCounts } from '../distributions/distributions.mappers';
import { EntryConnection } from '../workspaces/workspaces.types';
import { gradeNode, handInNode } from './assignments.mappers';
import type { HandInChanges } from './diff.service';
import type { PagedEntry } from './entry-page';
import type { FeedbackView } from './grading-access';
import { userById } from '../users/user-loader';
import { UserType } from '../users/users.types';
import type { Grade } from './grade.entity';
import { GradeType } from './assignments.types';
import { CopyFeedbackResultType, FeedbackType, HandInChangesType, ReturnGradesResultType, SetGradeInput } from './grading.types';

/** What the caller may see of a student's feedback: staff everything, the student only once visible. */
const feedbackNode = (v: FeedbackView) => {
  const shown = v.staff || v.visibleToStudent;
  const grade = v.row.grade;
  return {
    assignmentId: v.assignment.id,
    // What the caller names the student by (a handle while hidden from staff); field resolvers pass it back to the services.
    studentId: v.row.student.id,
    // For per-request loaders only, never a field.
    userId: v.row.userId,
    student: v.row.student,
    returned: !!grade?.returnedAt,
    visibleToStudent: v.visibleToStudent,
    grade: shown && grade ? gradeNode(grade) : null,
    gradedHandIn: v.row.gradedHandIn && handInNode(v.row.gradedHandIn),
    keptPercent: v.row.keptPercent,
    finalPoints: shown ? v.row.finalPoints : null,
    filesHash: shown && grade ? grade.feedbackTreeId : null,
    version: v.staff ? (grade?.version ?? 0) : null,
    filesVersion: v.staff ? (grade?.feedbackVersion ?? 0) : null,
  };
};

const entryNode = (e: PagedEntry) => ({ name: e.name, path: e.path, kind: e.kind, hash: e.id, size: e.size });

const changesNode = (c: HandInChanges) => ({
  handIn: handInNode(c.handIn),
  counts: {
    added: c.files.filter((f) => f.change === 'ADDED').length,
    modified: c.files.filter((f) => f.change === 'MODIFIED').length,
    deleted: c.files.filter((f) => f.change === 'DELETED').length,
  },
  files: c.files.map((f) => ({
    path: f.path,
    change: f.change,
    kind: f.kind,
    oldHash: f.before?.id ?? null,
    newHash: f.after?.id ?? null,
    oldSize: f.before?.size ?? null,
    newSize: f.after?.size ?? null,
    hunks: f.hunks,
    noLineDiff: f.noLineDiff,
  })),
  truncated: c.truncated,
});

@Resolver(() => FeedbackType)
export class GradingResolver {
  @Query(() => FeedbackType, { description: "Staff: a student's grade and feedback, returned or not." })
  async feedback(@Arg('assignmentId', () => ID, { description: 'The assignment.' }) assignmentId: string, @Arg('studentId', () => ID, { description: 'The student.' }) studentId: string, @Ctx() ctx: GraphQLContext) {
    return feedbackNode(await ctx.services.feedback.feedback(ctx.actor, assignmentId, studentId));
  }

  @Query(() => FeedbackType, { description: 'Students: your grade, comment and feedback files, once returned and visible.' })
  async myFeedback(@Arg('assignmentId', () => ID, { description: 'The assignment.' }) assignmentId: string, @Ctx() ctx: GraphQLContext) {
    return feedbackNode(await ctx.services.feedback.myFeedback(ctx.actor, assignmentId));
  }

  @FieldResolver(() => EntryConnection, { description: "A folder of the feedback files ('' is the top)." })
  async files(
    @Root() f: { assignmentId: string; studentId: string },
    @Args(() => PageArgs) page: PageArgs,
    @Arg('path', { description: 'Folder inside the feedback area; its top when empty.', defaultValue: '' }) path: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return toConnection(await ctx.services.feedback.listFeedback(ctx.actor, f.assignmentId, f.studentId, path, page), entryNode);
  }

  @Query(() => HandInChangesType, { description: 'Staff, and the student for their own: what a hand-in changed against the distributed material.' })
  async handInChanges(@Arg('handInId', () => ID, { description: "The hand-in to compare with the student's previous one." }) handInId: string, @Ctx() ctx: GraphQLContext) {
    return changesNode(await ctx.services.handInDiffs.changes(ctx.actor, handInId));
  }

  @Query(() => EntryConnection, { description: "A folder of a sealed hand-in ('' is the top); download files at /api/hand-ins/:id/files/<path>." })
  async handInEntries(
    @Arg('handInId', () => ID, { description: 'The hand-in.' }) handInId: string,
    @Arg('path', { description: 'Folder inside the hand-in; its top when empty.', defaultValue: '' }) path: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    return toConnection(await ctx.services.handInDiffs.entries(ctx.actor, handInId, path, page), entryNode);
  }

  @Mutation(() => FeedbackType, { description: 'Staff: sets or changes a grade (audited with the values before and after; a returned grade that changes notifies the student).' })
  async setGrade(
    @Arg('assignmentId', () => ID, { description: 'The assignment.' }) assignmentId: string,
    @Arg('studentId', () => ID, { description: 'The student to grade.' }) studentId: string,
    @Arg('input', () => SetGradeInput, { description: 'The grade, comment and rubric scores.' }) input: SetGradeInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: "Feedback.version when the form was opened; another grader's change since is a CONFLICT naming who and when." })
    expectedVersion: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return feedbackNode(await ctx.services.grades.setGrade(ctx.actor, assignmentId, studentId, { ...input }, expectedVersion));
  }

  @Mutation(() => ReturnGradesResultType, {
    description: 'Staff: returns feedback to the given students, or without studentIds to every student graded and not yet returned; each is notified.',
  })
  async returnGrades(
    @Arg('assignmentId', () => ID, { description: 'The assignment.' }) assignmentId: string,
    @Arg('studentIds', () => [ID], { description: 'Only these students; every graded, unreturned student when omitted.', nullable: true }) studentIds: string[] | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const result = await ctx.services.gradeReturns.returnGrades(ctx.actor, assignmentId, studentIds);
    const payload = { ...result, returnedCount: result.returned.length };
    return result.groupWork ? assessesGroups(payload) : payload;
  }

  @Mutation(() => FeedbackType, { description: "Staff: copies a file or folder of a hand-in into that student's feedback (default: its path without 'files/')." })
  async copyHandInFileToFeedback(
    @Arg('handInId', () => ID, { description: 'The hand-in holding the file.' }) handInId: string,
    @Arg('path', { description: 'Path of the file inside the hand-in.' }) path: string,
    @Arg('to', () => String, { description: 'Path in the feedback area; the same path when omitted.', nullable: true }) to: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return feedbackNode(await ctx.services.feedback.copyHandInFileToFeedback(ctx.actor, handInId, path, to));
  }

  @Mutation(() => FeedbackType, { description: "Staff: deletes a file or folder from a student's feedback." })
  async deleteFeedbackFile(
    @Arg('assignmentId', () => ID, { description: 'The assignment.' }) assignmentId: string,
    @Arg('studentId', () => ID, { description: 'The student whose feedback area holds the file.' }) studentId: string,
    @Arg('path', { description: 'Path of the file in the feedback area.' }) path: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return feedbackNode(await ctx.services.feedback.deleteFeedbackFile(ctx.actor, assignmentId, studentId, path));
  }

  @Mutation(() => CopyFeedbackResultType, {
    description: "Students: copies your returned feedback files into your workspace under files/feedback/<title>/; your own files are never overwritten (a differing file gets the feedback version beside it).",
  })
  async copyFeedbackToWorkspace(@Arg('assignmentId', () => ID, { description: 'The assignment whose returned feedback to copy.' }) assignmentId: string, @Ctx() ctx: GraphQLContext) {
    const { workspace, path, apply } = await ctx.services.feedback.copyFeedbackToWorkspace(ctx.actor, assignmentId);
    return { workspace, path, changed: apply.changed, counts: outcomeCounts(apply.counts), outcomes: apply.outcomes };
  }
}

@Resolver(() => GradeType)
export class GradeResolver {
  @FieldResolver(() => UserType, { nullable: true, description: 'Who saved this grade last; null before anyone did.' })
  gradedBy(@Root() grade: Grade, @Ctx() ctx: GraphQLContext) {
    return userById(ctx, grade.gradedById);
  }
}

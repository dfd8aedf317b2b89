import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context';
import { PageArgs, toConnection } from '../../core/graphql/connection';
import { throughQuery, type NodeLookups } from '../../core/graphql/node.resolver';
import { seesEveryDistribution, seesEveryStudent, studentSeesFeedback, type Role } from '../../core/policy';
import type { Actor } from '../users/users.service';
import type { Assignment } from './assignment.entity';
import { assignmentNode, handInNode, statusNode } from './assignments.mappers';
import type { AssignmentInput } from './assignments.service';
import {
  GradingNeighboursType,
  HandInSummaryType,
  AssignmentChangedEventType,
  AssignmentConnection,
  AssignmentType,
  CreateAssignmentInput,
  ExtensionType,
  HandInReceiptType,
  HandInStatusEventType,
  HandInConnection,
  HandInType,
  StatusSortEnum,
  StudentStatusConnection,
  StudentStatusEnum,
  StudentStatusType,
  UpdateAssignmentInput,
} from './assignments.types';
import type { StudentRow } from './status.service';
import type { HandInStatusEvent } from './assignment-live';
import { distributionNode, previewNode } from '../distributions/distributions.mappers';
import { DistributionPreviewType, DistributionType } from '../distributions/distributions.types';

@ArgsType()
class StatusFilterArgs {
  @Field(() => [StudentStatusEnum], { description: 'Only students in one of these statuses; all students when omitted.', nullable: true }) statuses?: StudentStatusEnum[] | null;
  @Field(() => StatusSortEnum, { description: 'Order of the rows (by name when omitted).', nullable: true, defaultValue: StatusSortEnum.NAME }) sort?: StatusSortEnum | null;
  @Field(() => Boolean, { description: 'Reverse the order given by sort.', nullable: true }) descending?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Part of a name, e-mail address or student number.' }) search?: string | null;
}

/** Students see their grade only once it is returned and the hand-back is visible. */
export const gradeVisible = (assignment: Assignment, row: StudentRow, staff: boolean) =>
  staff || studentSeesFeedback(assignment, row.grade);

/** Whose extensions a member of the space sees: every student's (staff, undefined) or only their own, which in group work are their group's. */
const extensionsOf = async (ctx: GraphQLContext, assignment: Assignment, role: Role, actor: Actor): Promise<string[] | undefined> =>
  seesEveryStudent(role) ? undefined : [(await ctx.services.grading.ownSubject(assignment, actor, actor.user.id))!];

/** node(id:): assignments and hand-ins as their own lookups read them; an extension to whoever its assignment's extensions list it for (staff every one, a student their own or their group's). */
export const assignmentNodes: NodeLookups = {
  Assignment: throughQuery('assignment'),
  HandIn: throughQuery('handIn'),
  Extension: async (raw, ctx) => {
    const extension = await ctx.services.assignments.extension(raw);
    const { assignment, role, actor } = await ctx.services.assignments.access(ctx.actor, extension.assignmentId);
    const only = await extensionsOf(ctx, assignment, role, actor);
    return !only || only.includes(extension.studentId) ? extension : null;
  },
};

@Resolver(() => AssignmentType)
export class AssignmentsResolver {
  @Query(() => AssignmentType, { nullable: true, description: 'One assignment by id; members of its space (a student only once it is released). Null with a NOT_FOUND error when it does not exist or is hidden from the caller; the rest of the response stands.' })
  async assignment(@Arg('id', () => ID, { description: 'The assignment.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return assignmentNode(await ctx.services.assignments.get(ctx.actor, id));
  }

  @Query(() => AssignmentConnection, { description: "A space's assignments a page at a time, by deadline (students: released ones)." })
  async assignmentList(@Arg('spaceId', () => ID, { description: 'The space whose assignments to list.' }) spaceId: string, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.services.assignments.page(ctx.actor, spaceId, page), assignmentNode);
  }

  @Query(() => [AssignmentType], { description: "A space's assignments by deadline (students: released ones).", deprecationReason: 'Use assignmentList' })
  async assignments(@Arg('spaceId', () => ID, { description: 'The space whose assignments to list.' }) spaceId: string, @Ctx() ctx: GraphQLContext) {
    return (await ctx.services.assignments.list(ctx.actor, spaceId)).map(assignmentNode);
  }

  @FieldResolver(() => StudentStatusType, { nullable: true, description: "The caller's own status (students)." })
  async myStatus(@Root() a: Assignment, @Ctx() ctx: GraphQLContext) {
    const actor = ctx.services.policy.requireActor(ctx.actor);
    const row = await ctx.services.status.one(ctx.actor, a.id, actor.user.id).catch(() => null);
    return row && statusNode(row, gradeVisible(a, row, false));
  }

  @FieldResolver(() => [ExtensionType], { description: "Staff: every extension; students: their own (their group's in group work)." })
  async extensions(@Root() a: Assignment, @Ctx() ctx: GraphQLContext) {
    const { role, actor } = await ctx.services.assignments.roleIn(ctx.actor, a);
    return ctx.services.assignments.extensions(a.id, await extensionsOf(ctx, a, role, actor));
  }

  @Query(() => StudentStatusConnection, { description: 'Every student with their status (staff); a student sees their own row.' })
  async handInStatuses(@Arg('assignmentId', () => ID, { description: 'The assignment whose students to list.' }) assignmentId: string, @Args(() => StatusFilterArgs) filters: StatusFilterArgs, @Args(() => PageArgs) paging: PageArgs, @Ctx() ctx: GraphQLContext) {
    const page = await ctx.services.status.list(ctx.actor, assignmentId, { ...filters, ...paging });
    return {
      ...toConnection(page, (r) => statusNode(r, gradeVisible(page.assignment, r, page.staff))),
      counts: countList(page.counts),
    };
  }

  @Query(() => HandInSummaryType, { description: "Staff: the tracker's counts and chart data over the whole class, without a row per student." })
  async handInSummary(@Arg('assignmentId', () => ID, { description: 'The assignment.' }) assignmentId: string, @Ctx() ctx: GraphQLContext) {
    const summary = await ctx.services.status.summary(ctx.actor, assignmentId);
    return { ...summary, counts: countList(summary.counts) };
  }

  @Query(() => GradingNeighboursType, {
    description: "Staff: the students before and after this one in the tracker's order under the same filters; the student keeps their place when they no longer match.",
  })
  async gradingNeighbours(
    @Arg('assignmentId', () => ID, { description: 'The assignment being graded.' }) assignmentId: string,
    @Arg('studentId', () => ID, { description: 'The student currently open; the neighbours are the rows before and after it.' }) studentId: string,
    @Args(() => StatusFilterArgs) filters: StatusFilterArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const found = await ctx.services.status.neighbours(ctx.actor, assignmentId, studentId, filters);
    return { previous: found.previous?.student ?? null, next: found.next?.student ?? null, position: found.position, total: found.total };
  }

  @Query(() => HandInConnection, { description: 'Hand-ins a page at a time, oldest first (students: their own).' })
  async handInList(
    @Arg('assignmentId', () => ID, { description: 'The assignment.' }) assignmentId: string,
    @Arg('studentId', () => ID, { description: 'Whose hand-ins: staff may name any student; a student gets their own when omitted.', nullable: true }) studentId: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    return toConnection(await ctx.services.handIns.page(ctx.actor, assignmentId, studentId, page), handInNode);
  }

  @Query(() => [HandInType], { description: 'Hand-ins, oldest first per student (students: their own).', deprecationReason: 'Use handInList' })
  async handIns(
    @Arg('assignmentId', () => ID, { description: 'The assignment.' }) assignmentId: string,
    @Arg('studentId', () => ID, { description: 'Whose hand-ins: staff may name any student; a student gets their own when omitted.', nullable: true }) studentId: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return (await ctx.services.handIns.list(ctx.actor, assignmentId, studentId)).map(handInNode);
  }

  @Query(() => HandInType, { nullable: true, description: 'One hand-in by id: course staff, or the student who handed it in. Null with a NOT_FOUND error when it does not exist or is hidden from the caller; the rest of the response stands.' })
  async handIn(@Arg('id', () => ID, { description: 'The hand-in.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return handInNode(await ctx.services.handIns.shown(ctx.actor, id));
  }

  @Query(() => DistributionPreviewType, {
    description:
      "Admins: what releasing this material would do to each student's workspace as it is now, under the chosen policies (default PRESERVE_EDITS). Writes nothing.",
  })
  async previewAssignmentRelease(@Arg('input', () => CreateAssignmentInput, { description: 'The assignment as it would be created; nothing is saved.' }) input: CreateAssignmentInput, @Ctx() ctx: GraphQLContext) {
    return previewNode(await ctx.services.assignments.previewRelease(ctx.actor, input as AssignmentInput));
  }

  @Query(() => DistributionPreviewType, {
    description: "Admins: what an assignment's scheduled release would do to each student's workspace if it ran now. Writes nothing.",
  })
  async previewScheduledRelease(@Arg('assignmentId', () => ID, { description: 'An assignment whose release is scheduled.' }) assignmentId: string, @Ctx() ctx: GraphQLContext) {
    return previewNode(await ctx.services.assignments.previewScheduledRelease(ctx.actor, assignmentId));
  }

  @FieldResolver(() => DistributionType, {
    nullable: true,
    description: "Staff: the push that released the material, with each student's outcome; null before the release and for students.",
  })
  async release(@Root() a: Assignment, @Ctx() ctx: GraphQLContext) {
    if (!a.distributionId) return null;
    const { role } = await ctx.services.assignments.roleIn(ctx.actor, a);
    if (!seesEveryDistribution(role)) return null;
    return distributionNode(await ctx.services.distributions.get(ctx.actor, a.distributionId));
  }

  @Mutation(() => AssignmentType, { description: 'Admins: creates an assignment; its material is released (pushed to every student) at releaseAt.' })
  async createAssignment(@Arg('input', () => CreateAssignmentInput, { description: 'The new assignment: what it hands out, when, and how it is collected and graded.' }) input: CreateAssignmentInput, @Ctx() ctx: GraphQLContext) {
    return assignmentNode(await ctx.services.assignments.create(ctx.actor, input as AssignmentInput));
  }

  @Mutation(() => AssignmentType, { description: 'Admins: edits an assignment (audited, before and after).' })
  async updateAssignment(
    @Arg('id', () => ID, { description: 'The assignment to change.' }) id: string,
    @Arg('input', () => UpdateAssignmentInput, { description: 'Only the fields given change; omitted fields keep their values.' }) input: UpdateAssignmentInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the form was opened at; a later edit by anyone is a CONFLICT naming who and when.' })
    expectedVersion: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return assignmentNode(await ctx.services.assignments.update(ctx.actor, id, input as never, expectedVersion));
  }

  @Mutation(() => ExtensionType, { description: 'Gives one student a later deadline for an assignment, replacing any earlier extension; space admins only. Recorded in the audit trail.' })
  grantExtension(
    @Arg('assignmentId', () => ID, { description: 'The assignment.' }) assignmentId: string,
    @Arg('studentId', () => ID, { description: 'The student who gets the extension.' }) studentId: string,
    @Arg('deadline', { description: "The student's new deadline; must be after the assignment's deadline." }) deadline: Date,
    @Arg('reason', { description: 'Why the extension is granted; required, kept in the audit trail.' }) reason: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.assignments.grantExtension(ctx.actor, assignmentId, studentId, deadline, reason);
  }

  @Mutation(() => ExtensionType, { description: "Withdraws an extension, so the assignment's deadline applies again; space admins only. The extension is kept, marked revoked." })
  revokeExtension(@Arg('id', () => ID, { description: 'The extension to revoke.' }) id: string, @Arg('reason', { description: 'Why it is revoked; required, kept in the audit trail.' }) reason: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.assignments.revokeExtension(ctx.actor, id, reason);
  }

  @Mutation(() => HandInReceiptType, {
    description: 'Students: seals the hand-in paths of your workspace. Missing paths are refused (listed) unless allowMissing.',
  })
  async handInAssignment(
    @Arg('assignmentId', () => ID, { description: 'The assignment to hand in.' }) assignmentId: string,
    @Arg('identifier', () => String, { description: 'An optional label the student gives this hand-in (for example a group or version name).', nullable: true }) identifier: string | null,
    @Arg('message', () => String, { description: 'An optional note to the graders.', nullable: true }) message: string | null,
    @Arg('allowMissing', { description: "Hand in even when some of the assignment's hand-in paths do not exist; otherwise a missing path is refused with BAD_USER_INPUT naming it.", defaultValue: false }) allowMissing: boolean,
    @Ctx() ctx: GraphQLContext,
  ) {
    const { handIn, deadline, late } = await ctx.services.handIns.handIn(ctx.actor, assignmentId, { identifier, message, allowMissing });
    return { handIn: handInNode(handIn), contentHash: handIn.rootTreeId, handedInAt: handIn.handedInAt, deadline, late };
  }

  @Subscription(() => HandInStatusEventType, {
    description: 'Each status change: every student for staff, only your own for a student.',
    subscribe: async ({ args, context }) => {
      const ctx = context as GraphQLContext;
      const { actor } = await ctx.services.assignments.access(ctx.actor, args.assignmentId);
      return ctx.services.assignmentLive.statusesFor(args.assignmentId, actor.user.id);
    },
  })
  handInStatus(@Arg('assignmentId', () => ID, { description: 'The assignment to follow.' }) _assignmentId: string, @Root() event: HandInStatusEvent) {
    const { assignment, row, counts, staff } = event;
    return {
      assignmentId: assignment.id,
      studentId: event.studentId,
      row: row && statusNode(row, gradeVisible(assignment, row, staff)),
      counts: counts && countList(counts),
    };
  }

  @Subscription(() => AssignmentChangedEventType, {
    description: "Each assignment of the space as it is created, edited or released: staff see every one, students released ones.",
    subscribe: async ({ args, context }) => {
      const ctx = context as GraphQLContext;
      const { actor } = await ctx.services.policy.space(ctx.actor, args.spaceId, 'read');
      return ctx.services.assignmentLive.changesFor(args.spaceId, actor.user.id);
    },
  })
  assignmentChanged(@Arg('spaceId', () => ID, { description: 'The space whose assignments to follow.' }) _spaceId: string, @Root() assignment: Assignment) {
    return { spaceId: assignment.spaceId, assignment: assignmentNode(assignment) };
  }
}

const countList = (counts: Record<string, number>) => Object.entries(counts).map(([status, count]) => ({ status, count }));

import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context';
import { loaderOf } from '../../core/graphql/loaders';
import type { NodeLookup, NodeLookups } from '../../core/graphql/node.resolver';
import { userById } from '../users/user-loader';
import { UserType } from '../users/users.types';
import type { Assignment } from './assignment.entity';
import { AssignmentType, StudentStatusType } from './assignments.types';
import { FeedbackType } from './grading.types';
import type { RegradeRequest } from './regrade-request.entity';
import type { Rubric } from './rubric.entity';
import type { CriterionPick } from './rubric-score.entity';
import { criterionPoints } from './rubric-rules';
import { describe, type RubricImpact, type TotalChange } from './rubrics.service';
import {
  CriterionScoreType,
  RegradeRequestType,
  RubricImpactType,
  RubricInput,
  RubricTotalChangeType,
  RubricType,
  SaveRubricResultType,
} from './rubrics.types';

const points = (h: number | null) => (h === null ? null : h / 100);

export const rubricNode = (r: Rubric) => ({
  ...r,
  maxPoints: r.criteria.reduce((s, c) => s + c.maxPointsHundredths, 0) / 100,
  criteria: r.criteria.map((c) => ({
    ...c,
    maxPoints: c.maxPointsHundredths / 100,
    levels: c.levels.map((l) => ({ ...l, points: l.pointsHundredths / 100 })),
  })),
});

const impactNode = (i: RubricImpact) => ({
  ...i,
  changedCount: i.changes.length,
  needsConfirm: i.changes.length > 0 || i.droppedPicks.length > 0,
  summary: describe(i),
});

const regradeNode = (r: RegradeRequest) => ({
  ...r,
  criterionId: r.criterionKey || null,
  open: !r.resolvedAt,
  pointsBefore: points(r.pointsBeforeHundredths),
  pointsAfter: points(r.pointsAfterHundredths),
});

/** Rubrics by assignment id, every assignment of a request in one query. */
const loadRubrics = async (assignmentIds: readonly string[], ctx: GraphQLContext) => {
  const rubrics = await ctx.services.rubricScores.rubricsOf(assignmentIds);
  return assignmentIds.map((id) => rubrics.get(id) ?? null);
};

/** One student's picks and the rubric they were given with, batched per assignment. */
const loadScores = (keys: readonly string[], ctx: GraphQLContext) => {
  const byAssignment = new Map<string, string[]>();
  for (const key of keys) {
    const [assignmentId, studentId] = key.split('|');
    byAssignment.set(assignmentId, [...(byAssignment.get(assignmentId) ?? []), studentId]);
  }
  const loaded = new Map(
    [...byAssignment].map(([assignmentId, studentIds]) => [
      assignmentId,
      Promise.all([loaderOf(ctx, 'rubrics', loadRubrics).load(assignmentId), ctx.services.rubricScores.picksOf(assignmentId, studentIds)]),
    ]),
  );
  return Promise.all(
    keys.map(async (key) => {
      const [assignmentId, studentId] = key.split('|');
      const [rubric, picks] = await loaded.get(assignmentId)!;
      return rubric ? { rubric, picks: picks.get(studentId) ?? ([] as CriterionPick[]) } : null;
    }),
  );
};

/** Open regrade requests per student, one query per assignment in a request. */
const loadOpenCounts = (keys: readonly string[], ctx: GraphQLContext) => {
  const counts = new Map<string, Promise<Map<string, number>>>();
  return Promise.all(
    keys.map(async (key) => {
      const [assignmentId, studentId] = key.split('|');
      if (!counts.has(assignmentId)) counts.set(assignmentId, ctx.services.regrades.openCounts(assignmentId));
      return (await counts.get(assignmentId)!).get(studentId) ?? 0;
    }),
  );
};

/** A rubric, or a part of one, to whoever may see its assignment (as Assignment.rubric): `part` picks the object out of the rubric as that field answers it. */
const inRubric =
  (part: (rubric: ReturnType<typeof rubricNode>, id: string) => object | undefined): NodeLookup =>
  async (raw, ctx) => {
    const rubric = await ctx.services.rubricScores.rubricHolding(raw);
    if (!rubric) return null;
    await ctx.services.assignments.access(ctx.actor, rubric.assignmentId);
    return part(rubricNode(rubric), raw);
  };

/** node(id:): rubrics, their criteria and levels as Assignment.rubric answers them; a regrade request to whoever regradeRequests lists it for (staff; the student who asked). */
export const rubricNodes: NodeLookups = {
  Rubric: inRubric((rubric, id) => (rubric.id === id ? rubric : undefined)),
  RubricCriterion: inRubric((rubric, id) => rubric.criteria.find((c) => c.id === id)),
  RubricLevel: inRubric((rubric, id) => rubric.criteria.flatMap((c) => c.levels).find((l) => l.id === id)),
  RegradeRequest: async (raw, ctx) => {
    const request = await ctx.services.regrades.get(ctx.actor, raw);
    return request && regradeNode(request);
  },
};

@Resolver(() => RubricType)
export class RubricsResolver {
  @Query(() => RubricImpactType, { description: 'Admins: what saving this rubric would do to grades already given with it (nothing is saved).' })
  async rubricPreview(@Arg('assignmentId', () => ID, { description: 'The assignment whose rubric would change.' }) assignmentId: string, @Arg('input', () => RubricInput, { description: 'The rubric as it would be saved; nothing is saved.' }) input: RubricInput, @Ctx() ctx: GraphQLContext) {
    return impactNode(await ctx.services.rubrics.preview(ctx.actor, assignmentId, input));
  }

  @Mutation(() => SaveRubricResultType, {
    description:
      'Admins: creates or edits the rubric; grades given with it are recomputed in the same transaction (audited; returned grades notify the student). Changing totals or dropping picks needs confirm; removing a picked level is refused.',
  })
  async saveRubric(
    @Arg('assignmentId', () => ID, { description: 'The assignment.' }) assignmentId: string,
    @Arg('input', () => RubricInput, { description: 'The whole rubric; it replaces the current one.' }) input: RubricInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'Rubric.version when the editor opened (0: none yet).' }) expectedVersion: number | null,
    @Arg('confirm', { defaultValue: false, description: 'Go ahead although graded totals change or picks are dropped (see rubricPreview).' }) confirm: boolean,
    @Ctx() ctx: GraphQLContext,
  ) {
    const { rubric, impact } = await ctx.services.rubrics.save(ctx.actor, assignmentId, input, expectedVersion, confirm);
    return { rubric: rubric && rubricNode(rubric), impact: impactNode(impact) };
  }

  @Query(() => [RegradeRequestType], { description: "Staff: the assignment's regrade requests (one student's, or only open ones); students: their own." })
  async regradeRequests(
    @Arg('assignmentId', () => ID, { description: 'The assignment.' }) assignmentId: string,
    @Arg('studentId', () => ID, { description: "Only this student's requests; staff get every student's when omitted, a student always gets their own.", nullable: true }) studentId: string | null,
    @Arg('openOnly', { description: 'Only requests not yet answered.', defaultValue: false }) openOnly: boolean,
    @Ctx() ctx: GraphQLContext,
  ) {
    return (await ctx.services.regrades.list(ctx.actor, assignmentId, { studentId, openOnly })).map(regradeNode);
  }

  @Mutation(() => RegradeRequestType, {
    description: 'Students: asks for a regrade of your returned grade, on one rubric criterion (or, without a rubric, the whole grade); once per criterion.',
  })
  async requestRegrade(
    @Arg('assignmentId', () => ID, { description: 'The assignment whose returned grade to question.' }) assignmentId: string,
    @Arg('criterionId', () => ID, { description: 'The rubric criterion in question; the whole grade when omitted.', nullable: true }) criterionId: string | null,
    @Arg('message', { description: 'What the student asks the graders to look at again; must not be empty.' }) message: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return regradeNode(await ctx.services.regrades.request(ctx.actor, assignmentId, criterionId, message));
  }

  @Mutation(() => RegradeRequestType, { description: 'Staff: answers a regrade request (change the grade first if it changes); the student is notified.' })
  async resolveRegrade(@Arg('id', () => ID, { description: 'The regrade request to answer.' }) id: string, @Arg('reply', { description: 'The answer shown to the student.' }) reply: string, @Ctx() ctx: GraphQLContext) {
    return regradeNode(await ctx.services.regrades.resolve(ctx.actor, id, reply));
  }
}

@Resolver(() => RubricTotalChangeType)
export class RubricTotalChangeResolver {
  @FieldResolver(() => UserType, { description: 'The student (a pseudonym under anonymous grading); null when no longer a member.', nullable: true })
  student(@Root() c: TotalChange, @Ctx() ctx: GraphQLContext) {
    // A hidden student: the pseudonym and handle only (see Anonymity).
    if (c.pseudonym) return { id: c.studentId, name: c.pseudonym, email: '' };
    return userById(ctx, c.studentId);
  }
}

@Resolver(() => AssignmentType)
export class AssignmentRubricResolver {
  @FieldResolver(() => RubricType, { nullable: true, description: 'The rubric, if grading uses one.' })
  async rubric(@Root() a: Assignment, @Ctx() ctx: GraphQLContext) {
    const rubric = await loaderOf(ctx, 'rubrics', loadRubrics).load(a.id);
    return rubric && rubricNode(rubric);
  }
}

@Resolver(() => FeedbackType)
export class FeedbackRubricResolver {
  @FieldResolver(() => [CriterionScoreType], { nullable: true, description: 'With a rubric: what was picked per criterion, in order (for students: only once visible).' })
  async criteria(@Root() f: { assignmentId: string; userId: string; grade: unknown }, @Ctx() ctx: GraphQLContext) {
    if (!f.grade) return null;
    const scored = await loaderOf(ctx, 'rubricScores', loadScores).load(`${f.assignmentId}|${f.userId}`);
    if (!scored) return null;
    return scored.rubric.criteria.map((c) => {
      const pick = scored.picks.find((p) => p.criterionId === c.id);
      const level = c.levels.find((l) => l.id === pick?.levelId);
      return { criterionId: c.id, levelId: level?.id ?? null, points: level ? level.pointsHundredths / 100 : null, comment: pick?.comment ?? '' };
    });
  }

  @FieldResolver(() => [RegradeRequestType], { description: "The student's regrade requests and their answers." })
  async regradeRequests(@Root() f: { assignmentId: string; studentId: string }, @Ctx() ctx: GraphQLContext) {
    return (await ctx.services.regrades.list(ctx.actor, f.assignmentId, { studentId: f.studentId })).map(regradeNode);
  }
}

@Resolver(() => StudentStatusType)
export class StatusRubricResolver {
  @FieldResolver(() => [Float], { nullable: 'itemsAndList', description: "With a rubric: each criterion's points, in the rubric's order (null: not graded)." })
  async criterionPoints(@Root() r: { userId: string; grade: { assignmentId: string } | null }, @Ctx() ctx: GraphQLContext) {
    if (!r.grade) return null;
    const scored = await loaderOf(ctx, 'rubricScores', loadScores).load(`${r.grade.assignmentId}|${r.userId}`);
    return scored && criterionPoints(scored.rubric.criteria, scored.picks).map(points);
  }

  @FieldResolver(() => Int, { description: 'Regrade requests of this student not answered yet.' })
  async openRegradeRequests(@Root() r: { userId: string; grade: { assignmentId: string } | null }, @Ctx() ctx: GraphQLContext) {
    if (!r.grade) return 0;
    return loaderOf(ctx, 'openRegrades', loadOpenCounts).load(`${r.grade.assignmentId}|${r.userId}`);
  }
}

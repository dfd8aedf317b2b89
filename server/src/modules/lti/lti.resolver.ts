import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context';
import { byIdWithin, loaderOf } from '../../core/graphql/loaders';
import type { NodeLookups } from '../../core/graphql/node.resolver';
import type { LtiScore } from './lti-score.entity';
import { LtiCourseType, LtiDeepLinkResponseType, LtiPlatformChanges, LtiPlatformInput, LtiPlatformType, LtiRosterSyncType, LtiScoreType, LtiToolSettingsType } from './lti.types';

/** node(id:): a platform only to instance admins, as ltiPlatforms; a score only to graders of its assignment, as ltiScores. */
const loadScores = byIdWithin(
  (ids, ctx) => ctx.services.ltiScores.byIds(ids),
  (s) => s.assignmentId,
  (assignmentId, ctx) => ctx.services.grading.asGrader(ctx.actor, assignmentId, false),
);

export const ltiNodes: NodeLookups = {
  LtiPlatform: (raw, ctx) => ctx.services.ltiPlatforms.get(ctx.actor, raw),
  LtiScore: async (raw, ctx) => {
    const score = await loaderOf(ctx, 'node:LtiScore', loadScores).load(raw);
    return score && scoreView(score);
  },
};

@Resolver()
export class LtiResolver {
  @Query(() => [LtiPlatformType], { description: 'The learning management systems that may launch Stagecoach. Instance admins only.' })
  ltiPlatforms(@Ctx() ctx: GraphQLContext) {
    return ctx.services.ltiPlatforms.list(ctx.actor);
  }

  @Query(() => LtiToolSettingsType, { description: "The values a learning management system's admin pastes to add Stagecoach. Instance admins only." })
  async ltiToolSettings(@Ctx() ctx: GraphQLContext) {
    await ctx.services.ltiPlatforms.list(ctx.actor);
    return ctx.services.ltiLaunch.urls();
  }

  @Mutation(() => LtiPlatformType, { description: 'Registers a learning management system (LTI 1.3). Instance admins only.' })
  registerLtiPlatform(@Arg('input', () => LtiPlatformInput, { description: "The platform's LTI 1.3 registration details." }) input: LtiPlatformInput, @Ctx() ctx: GraphQLContext) {
    return ctx.services.ltiPlatforms.register(ctx.actor, input);
  }

  @Mutation(() => LtiPlatformType, { description: 'Changes a registered learning management system. Instance admins only.' })
  updateLtiPlatform(@Arg('id', () => ID, { description: 'The registered platform.' }) id: string, @Arg('changes', () => LtiPlatformChanges, { description: 'The fields to change.' }) changes: LtiPlatformChanges, @Ctx() ctx: GraphQLContext) {
    return ctx.services.ltiPlatforms.update(ctx.actor, id, changes);
  }

  @Query(() => LtiCourseType, {
    nullable: true,
    description: 'The course at a learning management system this space was opened from (null when it was not), with the roster comparison of the last instructor launch. Admins of the space only.',
  })
  async ltiCourse(@Arg('spaceId', () => ID, { description: 'The space linked to an LMS course.' }) spaceId: string, @Ctx() ctx: GraphQLContext): Promise<LtiCourseType | null> {
    const course = await ctx.services.ltiRoster.course(ctx.actor, spaceId);
    return course && { ...course, rosterAvailable: course.membershipsUrl !== null };
  }

  @Query(() => LtiRosterSyncType, {
    description: "What syncing the space's roster from its learning management system (Names and Role Provisioning Services) would do, person by person. Changes nothing. Admins of the space only.",
  })
  previewLtiRosterSync(@Arg('spaceId', () => ID, { description: 'A space linked to a course at a platform.' }) spaceId: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.ltiRoster.preview(ctx.actor, spaceId);
  }

  @Mutation(() => LtiRosterSyncType, {
    description: 'Applies a previewed roster sync in one transaction: new members, student numbers, and deactivation (never removal) of those who left. Refused when it would now do something else than the preview.',
  })
  applyLtiRosterSync(@Arg('spaceId', () => ID, { description: 'The space.' }) spaceId: string, @Arg('previewHash', { description: 'previewHash from previewLtiRosterSync; refused with CONFLICT when the roster changed since.' }) previewHash: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.ltiRoster.apply(ctx.actor, spaceId, previewHash);
  }

  @Mutation(() => LtiDeepLinkResponseType, {
    description:
      "Answers a platform's deep linking request (the dashboard's `ltiDeepLink` parameter) with this assignment: an LTI resource link with a line item (max points, label) and the deadline. Admins of the space only.",
  })
  respondLtiDeepLink(@Arg('request', { description: "The deep linking request handle from the platform's launch." }) request: string, @Arg('assignmentId', () => ID, { description: "The assignment to link into the platform's course." }) assignmentId: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.ltiDeepLinking.respond(ctx.actor, request, assignmentId);
  }

  @Mutation(() => LtiScoreType, {
    description: "Sends a score whose attempts failed to the course's learning management system again, with a fresh retry window. Graders of the course only.",
  })
  async resendLtiScore(@Arg('id', () => ID, { description: 'The score to send again (one that failed for good).' }) id: string, @Ctx() ctx: GraphQLContext): Promise<LtiScoreType> {
    return scoreView(await ctx.services.ltiScores.resend(ctx.actor, id));
  }

  @Query(() => [LtiScoreType], {
    description: "Scores sent to the course's learning management system for a student of an assignment (hand-in and returned grades), newest first, with the platform's answers. Graders of the course only.",
  })
  async ltiScores(@Arg('assignmentId', () => ID, { description: 'The assignment.' }) assignmentId: string, @Arg('studentId', () => ID, { description: 'The student.' }) studentId: string, @Ctx() ctx: GraphQLContext): Promise<LtiScoreType[]> {
    const scores = await ctx.services.ltiScores.forStudent(ctx.actor, assignmentId, studentId);
    return scores.map(scoreView);
  }
}

/** A score as graders see it: without the platform's id for the student. */
function scoreView(s: LtiScore): LtiScoreType {
  const { userId: _userId, ...score } = JSON.parse(s.payload) as Record<string, unknown>;
  return { ...s, nextAttemptAt: s.status === 'PENDING' ? s.nextAttemptAt : null, score: JSON.stringify(score) };
}

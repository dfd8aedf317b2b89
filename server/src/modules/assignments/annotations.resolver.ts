import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context';
import type { NodeLookups } from '../../core/graphql/node.resolver';
import { userById } from '../users/user-loader';
import { UserType } from '../users/users.types';
import type { AnnotationView } from './annotations.service';
import { AnnotationType, CreateAnnotationInput } from './annotation.types';
import { FeedbackType } from './grading.types';

const annotationNode = (v: AnnotationView) => ({ ...v.annotation, handInSeq: v.handIn.seq, olderHandIn: v.olderHandIn });

/** node(id:): an annotation to whoever the feedback's annotations show it: staff; the student once the feedback is returned and visible. */
export const annotationNodes: NodeLookups = {
  Annotation: async (raw, ctx) => {
    const view = await ctx.services.annotations.get(ctx.actor, raw);
    return view && annotationNode(view);
  },
};

@Resolver(() => AnnotationType)
export class AnnotationsResolver {
  @Mutation(() => AnnotationType, {
    description: "Staff: comments on a line range or a notebook cell of a hand-in's file (audited; once the feedback is visible, the student is told).",
  })
  async createAnnotation(@Arg('handInId', () => ID, { description: 'The hand-in to annotate.' }) handInId: string, @Arg('input', () => CreateAnnotationInput, { description: 'File, lines and text of the annotation.' }) input: CreateAnnotationInput, @Ctx() ctx: GraphQLContext) {
    const { body, ...anchor } = input;
    return annotationNode(await ctx.services.annotations.create(ctx.actor, handInId, anchor, body));
  }

  @Mutation(() => AnnotationType, { description: 'Staff: changes the text of a comment (audited; once the feedback is visible, the student is told).' })
  async updateAnnotation(@Arg('id', () => ID, { description: 'The annotation to edit.' }) id: string, @Arg('body', { description: 'The new comment text; replaces the old one.' }) body: string, @Ctx() ctx: GraphQLContext) {
    return annotationNode(await ctx.services.annotations.update(ctx.actor, id, body));
  }

  @Mutation(() => ID, { description: 'Staff: deletes a comment (audited; once the feedback is visible, the student is told).' })
  deleteAnnotation(@Arg('id', () => ID, { description: 'The annotation to delete.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.annotations.remove(ctx.actor, id);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who wrote the comment.' })
  author(@Root() a: { authorId: string }, @Ctx() ctx: GraphQLContext) {
    return userById(ctx, a.authorId);
  }
}

@Resolver(() => FeedbackType)
export class FeedbackAnnotationsResolver {
  @FieldResolver(() => [AnnotationType], {
    description: "Comments on the student's hand-ins, by hand-in, file and place: staff always; the student once the feedback is returned and visible.",
  })
  async annotations(@Root() f: { assignmentId: string; studentId: string }, @Ctx() ctx: GraphQLContext) {
    return (await ctx.services.annotations.forStudent(ctx.actor, f.assignmentId, f.studentId)).map(annotationNode);
  }
}

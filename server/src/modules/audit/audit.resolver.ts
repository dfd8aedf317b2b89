import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context';
import { PageArgs, toConnection, Connection } from '../../core/graphql/connection';
import { seesWholeAuditTrail } from '../../core/policy';
import { pageRequest, toPage } from '../../core/pagination';
import { userById } from '../users/user-loader';
import { UserType } from '../users/users.types';

@ObjectType('AuditEvent')
export class AuditEventType {
  @Field(() => ID) id: string;
  @Field(() => Int) seq: number;
  @Field(() => ID, { nullable: true }) actorId: string | null;
  @Field() action: string;
  @Field() subjectType: string;
  @Field(() => ID, { nullable: true }) subjectId: string | null;
  @Field(() => ID, { nullable: true }) studentId: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) before: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) after: Record<string, unknown> | null;
  @Field() createdAt: Date;
  @Field() prevHash: string;
  @Field() hash: string;
}

@ObjectType('AuditChainVerification')
export class ChainVerificationType {
  @Field() ok: boolean;
  @Field(() => Int) events: number;
  @Field(() => Int, { nullable: true, description: 'The first event that was altered, or after which events were removed.' }) brokenAt: number | null;
  @Field(() => String, { nullable: true }) problem: string | null;
}

const AuditEventConnection = Connection(AuditEventType, 'AuditEvent');

@ArgsType()
class AuditArgs extends PageArgs {
  @Field(() => ID, { nullable: true }) actorId?: string | null;
  @Field(() => ID, { nullable: true }) studentId?: string | null;
  @Field(() => String, { nullable: true, description: "An action, or a prefix ending in '.' such as 'hand-in.'" }) action?: string | null;
  @Field(() => ID, { nullable: true }) subjectId?: string | null;
  @Field(() => Date, { nullable: true }) from?: Date | null;
  @Field(() => Date, { nullable: true }) to?: Date | null;
}

/** The pseudonyms of students hidden from the reader of an event (anonymous grading), keyed by their handle. */
const pseudonymsOf = new WeakMap<object, Map<string, string>>();

/** A hidden student as the reader may see them: the handle and the pseudonym, nothing else. */
function hiddenPerson(event: AuditEventType, id: string | null): { id: string; name: string; email: string } | null {
  const name = id ? pseudonymsOf.get(event)?.get(id) : undefined;
  return id && name ? { id, name, email: '' } : null;
}

@Resolver(() => AuditEventType)
export class AuditResolver {
  @FieldResolver(() => UserType, { nullable: true, description: 'Who did it; null for the system.' })
  actor(@Root() event: AuditEventType, @Ctx() ctx: GraphQLContext) {
    return hiddenPerson(event, event.actorId) ?? userById(ctx, event.actorId);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'The student it is about, if any.' })
  student(@Root() event: AuditEventType, @Ctx() ctx: GraphQLContext) {
    return hiddenPerson(event, event.studentId) ?? userById(ctx, event.studentId);
  }

  @Query(() => AuditEventConnection, { description: "A space's audit trail, newest first. Staff see every event; others only events about themselves." })
  async auditEvents(@Arg('spaceId', () => ID) spaceId: string, @Args(() => AuditArgs) args: AuditArgs, @Ctx() ctx: GraphQLContext) {
    const { role, actor } = await ctx.services.policy.space(ctx.actor, spaceId, 'read');
    const request = pageRequest('AuditEvent', args, 1);
    const onlyAbout = seesWholeAuditTrail(role) ? null : actor.user.id;
    const [found, total] = await Promise.all([
      ctx.services.audit.page(spaceId, args, onlyAbout, request),
      ctx.services.audit.count(spaceId, args, onlyAbout),
    ]);
    const { events, hiddenNames } = await ctx.services.anonymity.auditFor(role, found);
    for (const event of events) pseudonymsOf.set(event, hiddenNames);
    return toConnection(toPage(events, request, (e) => [e.seq], total), (e) => e);
  }

  @Query(() => ChainVerificationType, { description: "Recomputes the space's hash chain: finds an altered or removed event (admins)." })
  async verifyAuditChain(@Arg('spaceId', () => ID) spaceId: string, @Ctx() ctx: GraphQLContext) {
    await ctx.services.policy.space(ctx.actor, spaceId, 'manage');
    return ctx.services.audit.verify(spaceId);
  }
}

import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Args, ArgsType, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context';
import { PageArgs, toConnection, Connection } from '../../core/graphql/connection';
import { seesWholeAuditTrail } from '../../core/policy';
import { decodeCursor, pageSize, toPage } from '../../core/pagination';

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

@Resolver()
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: "A space's audit trail, newest first. Staff see every event; others only events about themselves." })
  async auditEvents(@Arg('spaceId', () => ID) spaceId: string, @Args(() => AuditArgs) args: AuditArgs, @Ctx() ctx: GraphQLContext) {
    const { role, actor } = await ctx.services.policy.space(ctx.actor, spaceId, 'read');
    const size = pageSize(args.first);
    const key = decodeCursor(args.after, 1);
    const found = await ctx.services.audit.query(spaceId, args, seesWholeAuditTrail(role) ? null : actor.user.id, size + 1, key ? Number(key[0]) : undefined);
    const { events } = await ctx.services.anonymity.auditFor(role, found);
    return toConnection(toPage(events, size, (e) => [e.seq]), (e) => e);
  }

  @Query(() => ChainVerificationType, { description: "Recomputes the space's hash chain: finds an altered or removed event (admins)." })
  async verifyAuditChain(@Arg('spaceId', () => ID) spaceId: string, @Ctx() ctx: GraphQLContext) {
    await ctx.services.policy.space(ctx.actor, spaceId, 'manage');
    return ctx.services.audit.verify(spaceId);
  }
}

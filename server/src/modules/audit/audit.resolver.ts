import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context';
import { PageArgs, toConnection, Connection } from '../../core/graphql/connection';
import type { NodeLookups } from '../../core/graphql/node.resolver';
import { seesWholeAuditTrail, type Role } from '../../core/policy';
import type { AuditEvent } from './audit-event.entity';
import { pageRequest, toPage } from '../../core/pagination';
import { userById } from '../users/user-loader';
import { UserType } from '../users/users.types';

@ObjectType('AuditEvent', { description: "One entry in a space's tamper-evident audit trail: who did what to which subject, with the state before and after. Space admins only." })
export class AuditEventType {
  @Field(() => ID, { description: 'Identifier of this event.' }) id: string;
  @Field(() => Int, { description: "Position in the space's chain, from 1 with no gaps." }) seq: number;
  @Field(() => ID, { description: 'The user who acted; null for the system (scheduled jobs).', nullable: true }) actorId: string | null;
  @Field({ description: 'What was done, as a dotted name (for example grade.set).' }) action: string;
  @Field({ description: 'Kind of thing acted on (for example assignment or grade).' }) subjectType: string;
  @Field(() => ID, { description: 'The thing acted on, of the kind subjectType names; null when the action has no single subject. The global id of a space, workspace, distribution, assignment, hand-in or webhook endpoint; a subject of another kind, which has no object of its own in the API, is named by its raw id.', nullable: true }) subjectId: string | null;
  @Field(() => ID, { description: 'The student concerned; null when none.', nullable: true }) studentId: string | null;
  @Field(() => GraphQLJSONObject, { description: 'The relevant fields before the change; null when created.', nullable: true }) before: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, { description: 'The relevant fields after the change; null when deleted.', nullable: true }) after: Record<string, unknown> | null;
  @Field({ description: 'When it happened.' }) createdAt: Date;
  @Field({ description: 'Hash of the previous event in the chain (empty for the first).' }) prevHash: string;
  @Field({ description: 'Hash of this event and prevHash; changing any earlier event breaks the chain.' }) hash: string;
}

@ObjectType('AuditChainVerification', { description: "The result of recomputing a space's audit chain." })
export class ChainVerificationType {
  @Field({ description: "Whether every event's hash matches." }) ok: boolean;
  @Field(() => Int, { description: 'How many events were checked.' }) events: number;
  @Field(() => Int, { nullable: true, description: 'The first event that was altered, or after which events were removed.' }) brokenAt: number | null;
  @Field(() => String, { description: 'The first mismatch found, naming the event; null when ok.', nullable: true }) problem: string | null;
}

const AuditEventConnection = Connection(AuditEventType, 'AuditEvent');

@ArgsType()
class AuditArgs extends PageArgs {
  @Field(() => ID, { description: 'Only events by this user.', nullable: true }) actorId?: string | null;
  @Field(() => ID, { description: 'Only events concerning this student.', nullable: true }) studentId?: string | null;
  @Field(() => String, { nullable: true, description: "An action, or a prefix ending in '.' such as 'hand-in.'" }) action?: string | null;
  @Field(() => ID, { description: 'Only events about this subject: its global id, or a raw id.', nullable: true }) subjectId?: string | null;
  @Field(() => Date, { description: 'Only events at or after this time.', nullable: true }) from?: Date | null;
  @Field(() => Date, { description: 'Only events before this time.', nullable: true }) to?: Date | null;
}

/** The pseudonyms of students hidden from the reader of an event (anonymous grading), keyed by their handle. */
const pseudonymsOf = new WeakMap<object, Map<string, string>>();

/** A hidden student as the reader may see them: the handle and the pseudonym, nothing else. */
function hiddenPerson(event: AuditEventType, id: string | null): { id: string; name: string; email: string } | null {
  const name = id ? pseudonymsOf.get(event)?.get(id) : undefined;
  return id && name ? { id, name, email: '' } : null;
}

/** Events as `role` reads them: hidden students (anonymous grading) by pseudonym, see Anonymity.auditFor. */
async function readable(ctx: GraphQLContext, role: Role, found: AuditEvent[]): Promise<AuditEventType[]> {
  const { events, hiddenNames } = await ctx.services.anonymity.auditFor(role, found);
  for (const event of events) pseudonymsOf.set(event, hiddenNames);
  return events;
}

/** node(id:): an event to whoever auditEvents lists it for: staff of its space every one, others those about themselves. */
export const auditNodes: NodeLookups = {
  AuditEvent: async (raw, ctx) => {
    const event = await ctx.services.audit.event(raw);
    if (!event) return null;
    const { role, actor } = await ctx.services.policy.space(ctx.actor, event.spaceId, 'read');
    if (!seesWholeAuditTrail(role) && event.studentId !== actor.user.id) return null;
    return (await readable(ctx, role, [event]))[0];
  },
};

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
  async auditEvents(@Arg('spaceId', () => ID, { description: 'The space.' }) spaceId: string, @Args(() => AuditArgs) args: AuditArgs, @Ctx() ctx: GraphQLContext) {
    const { role, actor } = await ctx.services.policy.space(ctx.actor, spaceId, 'read');
    const request = pageRequest('AuditEvent', args, 1);
    const onlyAbout = seesWholeAuditTrail(role) ? null : actor.user.id;
    const [found, total] = await Promise.all([
      ctx.services.audit.page(spaceId, args, onlyAbout, request),
      ctx.services.audit.count(spaceId, args, onlyAbout),
    ]);
    return toConnection(toPage(await readable(ctx, role, found), request, (e) => [e.seq], total), (e) => e);
  }

  @Query(() => ChainVerificationType, { description: "Recomputes the space's hash chain: finds an altered or removed event (admins)." })
  async verifyAuditChain(@Arg('spaceId', () => ID, { description: 'The space.' }) spaceId: string, @Ctx() ctx: GraphQLContext) {
    await ctx.services.policy.space(ctx.actor, spaceId, 'manage');
    return ctx.services.audit.verify(spaceId);
  }
}

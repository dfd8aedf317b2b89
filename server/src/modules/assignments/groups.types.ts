import { Field, Float, ID, ObjectType } from 'type-graphql';

@ObjectType('AssignmentGroup', { description: 'A group of a group assignment: its members share one workspace, one hand-in and one grade.' })
export class AssignmentGroupType {
  @Field(() => ID, { description: 'Identifier of the group; grades, hand-ins and regrade requests of the group are keyed by it.' }) id: string;
  @Field({ description: 'The name staff gave the group (unique within the assignment).' }) name: string;
  @Field(() => ID, { description: "The group's members-only SHARED workspace, where the material goes." }) workspaceId: string;
  @Field({ description: 'Whether any member has handed in for the group.' }) handedIn: boolean;
  /** For the members field resolver only. */
  memberIds: string[];
}

@ObjectType('GroupMemberMove', { description: 'The result of moving a student between groups.' })
export class GroupMemberMoveType {
  @Field(() => [AssignmentGroupType], { description: 'The groups the student left and joined, as they are now.' }) groups: AssignmentGroupType[];
  @Field(() => String, { nullable: true, description: "Set when the student had handed in with a group: whose grade they keep." }) notice: string | null;
}

@ObjectType('GradeAdjustment', { description: "Points added to (or taken from) one member's share of their group's grade." })
export class GradeAdjustmentType {
  @Field(() => ID, { description: 'The member whose share is adjusted.' }) studentId: string;
  @Field(() => ID, { description: 'The group whose grade it adjusts.' }) groupId: string;
  @Field(() => Float, { description: 'Negative takes points away.' }) points: number;
  @Field({ description: 'Why, as the student reads it after the return.' }) reason: string;
  @Field({ description: 'When it was last set.' }) setAt: Date;
}

import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserType } from '../users/users.types';

@ObjectType('RubricLevel')
export class RubricLevelType {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => Float) points: number;
  @Field() description: string;
}

@ObjectType('RubricCriterion')
export class RubricCriterionType {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() description: string;
  @Field(() => Float) maxPoints: number;
  @Field(() => [RubricLevelType], { description: 'In order: key 1 picks the first on the grading page.' }) levels: RubricLevelType[];
}

@ObjectType('Rubric', { description: "An assignment's rubric: the grade's points are the sum of the levels picked per criterion." })
export class RubricType {
  @Field(() => ID) id: string;
  @Field(() => ID) assignmentId: string;
  @Field(() => [RubricCriterionType]) criteria: RubricCriterionType[];
  @Field(() => [String], { description: 'Comments a grader can insert.' }) comments: string[];
  @Field(() => Float, { description: "The criteria's max points added up." }) maxPoints: number;
  @Field(() => Int, { description: 'Pass it to saveRubric as expectedVersion.' }) version: number;
  @Field() updatedAt: Date;
}

@InputType()
export class RubricLevelInput {
  @Field(() => ID, { nullable: true, description: "An existing level's id (keeps what graders picked); leave out for a new level." }) id?: string | null;
  @Field() title: string;
  @Field(() => Float, { description: "0 to the criterion's maxPoints, in steps of 0.01." }) points: number;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType()
export class RubricCriterionInput {
  @Field(() => ID, { nullable: true, description: "An existing criterion's id; leave out for a new criterion." }) id?: string | null;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Float) maxPoints: number;
  @Field(() => [RubricLevelInput]) levels: RubricLevelInput[];
}

@InputType()
export class RubricInput {
  @Field(() => [RubricCriterionInput], { description: "In order; their maxPoints add up to at most the assignment's maxPoints. Empty removes the rubric (only if no grade uses it)." })
  criteria: RubricCriterionInput[];
  @Field(() => [String], { nullable: true }) comments?: string[] | null;
}

@InputType()
export class CriterionGradeInput {
  @Field(() => ID) criterionId: string;
  @Field(() => ID, { nullable: true, description: 'The picked level; null leaves the criterion ungraded.' }) levelId: string | null;
  @Field(() => String, { nullable: true, description: 'Shown to the student beside the criterion.' }) comment?: string | null;
}

@ObjectType('CriterionScore', { description: 'What the grader picked for one criterion.' })
export class CriterionScoreType {
  @Field(() => ID) criterionId: string;
  @Field(() => ID, { nullable: true }) levelId: string | null;
  @Field(() => Float, { nullable: true }) points: number | null;
  @Field() comment: string;
}

@ObjectType('RubricTotalChange')
export class RubricTotalChangeType {
  @Field(() => ID) studentId: string;
  @Field(() => UserType, { nullable: true }) student?: UserType | null;
  @Field(() => Float, { nullable: true }) pointsBefore: number | null;
  @Field(() => Float, { nullable: true }) pointsAfter: number | null;
  @Field({ description: 'Already returned: the student is told.' }) returned: boolean;
}

@ObjectType('RubricRemovedLevel')
export class RubricRemovedLevelType {
  @Field() criterion: string;
  @Field() level: string;
  @Field(() => Int) students: number;
}

@ObjectType('RubricDroppedCriterion')
export class RubricDroppedCriterionType {
  @Field() criterion: string;
  @Field(() => Int, { description: 'Graded students who had a level or comment on it.' }) students: number;
}

@ObjectType('RubricImpact', { description: 'What saving a rubric does to the grades given with it.' })
export class RubricImpactType {
  @Field(() => [RubricTotalChangeType]) changes: RubricTotalChangeType[];
  @Field(() => Int) changedCount: number;
  @Field(() => Int) returnedCount: number;
  @Field(() => [RubricRemovedLevelType], { description: 'Picked levels the edit removes: saving is refused.' }) removedPickedLevels: RubricRemovedLevelType[];
  @Field(() => [RubricDroppedCriterionType], { description: 'Removed criteria that graders used: their picks go (needs confirm).' }) droppedPicks: RubricDroppedCriterionType[];
  @Field({ description: 'Saving needs confirm: totals change or picks are dropped.' }) needsConfirm: boolean;
  @Field({ description: 'The consequences in one sentence, empty when there are none.' }) summary: string;
}

@ObjectType('SaveRubricResult')
export class SaveRubricResultType {
  @Field(() => RubricType, { nullable: true, description: 'Null: the rubric was removed.' }) rubric: RubricType | null;
  @Field(() => RubricImpactType) impact: RubricImpactType;
}

@ObjectType('RegradeRequest', { description: "A student's request to look again at one criterion (or the whole grade), and the answer." })
export class RegradeRequestType {
  @Field(() => ID) id: string;
  @Field(() => ID) assignmentId: string;
  @Field(() => ID) studentId: string;
  @Field(() => ID, { nullable: true, description: 'Null: about the whole grade.' }) criterionId: string | null;
  @Field({ description: "The criterion's title when asked." }) criterionTitle: string;
  @Field() message: string;
  @Field() createdAt: Date;
  @Field() open: boolean;
  @Field(() => Float, { nullable: true, description: 'Points when asked.' }) pointsBefore: number | null;
  @Field(() => Float, { nullable: true, description: 'Points when answered.' }) pointsAfter: number | null;
  @Field(() => String, { nullable: true }) reply: string | null;
  @Field(() => Date, { nullable: true }) resolvedAt: Date | null;
}

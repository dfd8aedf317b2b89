import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserType } from '../users/users.types';

@ObjectType('RubricLevel', { description: 'One level of a rubric criterion, worth a fixed number of points.' })
export class RubricLevelType {
  @Field(() => ID, { description: 'Identifier of this level; stable across rubric edits that keep it.' }) id: string;
  @Field({ description: 'Short name of the level, shown to graders and students.' }) title: string;
  @Field(() => Float, { description: 'Points the level is worth.' }) points: number;
  @Field({ description: 'What work at this level looks like; empty when none.' }) description: string;
}

@ObjectType('RubricCriterion', { description: 'One criterion of a rubric, graded by picking one of its levels.' })
export class RubricCriterionType {
  @Field(() => ID, { description: 'Identifier of this criterion; stable across rubric edits that keep it.' }) id: string;
  @Field({ description: 'Short name of the criterion.' }) title: string;
  @Field({ description: 'What the criterion assesses; empty when none.' }) description: string;
  @Field(() => Float, { description: 'Most points the criterion can give.' }) maxPoints: number;
  @Field(() => [RubricLevelType], { description: 'In order: key 1 picks the first on the grading page.' }) levels: RubricLevelType[];
}

@ObjectType('Rubric', { description: "An assignment's rubric: the grade's points are the sum of the levels picked per criterion." })
export class RubricType {
  @Field(() => ID, { description: 'Identifier of this rubric.' }) id: string;
  @Field(() => ID, { description: 'The assignment the rubric grades.' }) assignmentId: string;
  @Field(() => [RubricCriterionType], { description: 'The criteria, in order.' }) criteria: RubricCriterionType[];
  @Field(() => [String], { description: 'Comments a grader can insert.' }) comments: string[];
  @Field(() => Float, { description: "The criteria's max points added up." }) maxPoints: number;
  @Field(() => Int, { description: 'Pass it to saveRubric as expectedVersion.' }) version: number;
  @Field({ description: 'When the rubric was last saved.' }) updatedAt: Date;
}

@InputType({ description: 'One level of a criterion in a rubric being saved.' })
export class RubricLevelInput {
  @Field(() => ID, { nullable: true, description: "An existing level's id (keeps what graders picked); leave out for a new level." }) id?: string | null;
  @Field({ description: 'Short name of the level; must not be empty.' }) title: string;
  @Field(() => Float, { description: "0 to the criterion's maxPoints, in steps of 0.01." }) points: number;
  @Field(() => String, { description: 'What work at this level looks like; empty when omitted.', nullable: true }) description?: string | null;
}

@InputType({ description: 'One criterion of a rubric being saved.' })
export class RubricCriterionInput {
  @Field(() => ID, { nullable: true, description: "An existing criterion's id; leave out for a new criterion." }) id?: string | null;
  @Field({ description: 'Short name of the criterion; must not be empty.' }) title: string;
  @Field(() => String, { description: 'What the criterion assesses; empty when omitted.', nullable: true }) description?: string | null;
  @Field(() => Float, { description: 'Most points the criterion can give.' }) maxPoints: number;
  @Field(() => [RubricLevelInput], { description: 'The levels, in order.' }) levels: RubricLevelInput[];
}

@InputType({ description: 'A whole rubric, as saved by saveRubric (it replaces the current one).' })
export class RubricInput {
  @Field(() => [RubricCriterionInput], { description: "In order; their maxPoints add up to at most the assignment's maxPoints. Empty removes the rubric (only if no grade uses it)." })
  criteria: RubricCriterionInput[];
  @Field(() => [String], { description: 'Comments a grader can insert; none when omitted.', nullable: true }) comments?: string[] | null;
}

@InputType({ description: 'What a grader picked for one criterion.' })
export class CriterionGradeInput {
  @Field(() => ID, { description: 'The criterion graded.' }) criterionId: string;
  @Field(() => ID, { nullable: true, description: 'The picked level; null leaves the criterion ungraded.' }) levelId: string | null;
  @Field(() => String, { nullable: true, description: 'Shown to the student beside the criterion.' }) comment?: string | null;
}

@ObjectType('CriterionScore', { description: 'What the grader picked for one criterion.' })
export class CriterionScoreType {
  @Field(() => ID, { description: 'The criterion graded.' }) criterionId: string;
  @Field(() => ID, { description: 'The level picked; null when the criterion is ungraded.', nullable: true }) levelId: string | null;
  @Field(() => Float, { description: 'Points of the picked level; null when ungraded.', nullable: true }) points: number | null;
  @Field({ description: 'Comment shown beside the criterion; empty when none.' }) comment: string;
}

@ObjectType('RubricTotalChange', { description: 'A student whose total would change when the rubric is saved.' })
export class RubricTotalChangeType {
  @Field(() => ID, { description: 'The student.' }) studentId: string;
  @Field(() => UserType, { description: 'The student (a pseudonym under anonymous grading); null when no longer a member.', nullable: true }) student?: UserType | null;
  @Field(() => Float, { description: 'Total points now; null when ungraded.', nullable: true }) pointsBefore: number | null;
  @Field(() => Float, { description: 'Total points after saving; null when the grade would be emptied.', nullable: true }) pointsAfter: number | null;
  @Field({ description: 'Already returned: the student is told.' }) returned: boolean;
}

@ObjectType('RubricRemovedLevel', { description: 'A level that graders picked and the edit removes.' })
export class RubricRemovedLevelType {
  @Field({ description: 'Title of the criterion.' }) criterion: string;
  @Field({ description: 'Title of the removed level.' }) level: string;
  @Field(() => Int, { description: 'Graded students who picked it.' }) students: number;
}

@ObjectType('RubricDroppedCriterion', { description: 'A removed criterion that graders used.' })
export class RubricDroppedCriterionType {
  @Field({ description: 'Title of the removed criterion.' }) criterion: string;
  @Field(() => Int, { description: 'Graded students who had a level or comment on it.' }) students: number;
}

@ObjectType('RubricImpact', { description: 'What saving a rubric does to the grades given with it.' })
export class RubricImpactType {
  @Field(() => [RubricTotalChangeType], { description: 'Students whose total would change.' }) changes: RubricTotalChangeType[];
  @Field(() => Int, { description: 'How many grades change.' }) changedCount: number;
  @Field(() => Int, { description: 'How many of those were already returned to the student.' }) returnedCount: number;
  @Field(() => [RubricRemovedLevelType], { description: 'Picked levels the edit removes: saving is refused.' }) removedPickedLevels: RubricRemovedLevelType[];
  @Field(() => [RubricDroppedCriterionType], { description: 'Removed criteria that graders used: their picks go (needs confirm).' }) droppedPicks: RubricDroppedCriterionType[];
  @Field({ description: 'Saving needs confirm: totals change or picks are dropped.' }) needsConfirm: boolean;
  @Field({ description: 'The consequences in one sentence, empty when there are none.' }) summary: string;
}

@ObjectType('SaveRubricResult', { description: 'The saved rubric and what saving did to existing grades.' })
export class SaveRubricResultType {
  @Field(() => RubricType, { nullable: true, description: 'Null: the rubric was removed.' }) rubric: RubricType | null;
  @Field(() => RubricImpactType, { description: 'Grades changed by the save.' }) impact: RubricImpactType;
}

@ObjectType('RegradeRequest', { description: "A student's request to look again at one criterion (or the whole grade), and the answer." })
export class RegradeRequestType {
  @Field(() => ID, { description: 'Identifier of this request.' }) id: string;
  @Field(() => ID, { description: 'The assignment.' }) assignmentId: string;
  @Field(() => ID, { description: 'The student who asked (for staff, a handle while anonymous grading hides the student).' }) studentId: string;
  @Field(() => ID, { nullable: true, description: 'Null: about the whole grade.' }) criterionId: string | null;
  @Field({ description: "The criterion's title when asked." }) criterionTitle: string;
  @Field({ description: "The student's request." }) message: string;
  @Field({ description: 'When it was asked.' }) createdAt: Date;
  @Field({ description: 'Whether it still waits for an answer.' }) open: boolean;
  @Field(() => Float, { nullable: true, description: 'Points when asked.' }) pointsBefore: number | null;
  @Field(() => Float, { nullable: true, description: 'Points when answered.' }) pointsAfter: number | null;
  @Field(() => String, { description: "The graders' answer; null while open.", nullable: true }) reply: string | null;
  @Field(() => Date, { description: 'When it was answered; null while open.', nullable: true }) resolvedAt: Date | null;
}

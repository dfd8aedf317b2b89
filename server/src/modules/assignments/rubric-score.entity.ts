import { Entity, Index } from 'typeorm';
import { IdColumn, JsonColumn, RefColumn } from '../../db/columns';

/** What a grader chose for one criterion: a level (null: not graded yet) and a comment. */
export interface CriterionPick {
  criterionId: string;
  levelId: string | null;
  comment: string;
}

/** A grader's pick as sent: a missing comment is an empty one. */
export interface PickInput {
  criterionId: string;
  levelId: string | null;
  comment?: string | null;
}

/** The levels picked for a student's grade; the grade's points are their sum. */
@Entity('rubric_score')
@Index('uq_rubric_score_student', ['assignmentId', 'studentId'], { unique: true })
export class RubricScore {
  @IdColumn() id: string;
  @RefColumn() assignmentId: string;
  @RefColumn() studentId: string;
  @JsonColumn() picks: CriterionPick[];
}

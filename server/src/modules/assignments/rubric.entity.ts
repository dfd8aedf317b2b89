import { Entity, Index } from 'typeorm';
import { DateTimeColumn, IdColumn, IntColumn, JsonColumn, RefColumn } from '../../db/columns';

export interface RubricLevel {
  id: string;
  title: string;
  /** Hundredths of a point, like grades. */
  pointsHundredths: number;
  description: string;
}

export interface RubricCriterion {
  id: string;
  title: string;
  description: string;
  maxPointsHundredths: number;
  /** In the order a grader sees them: key 1 picks the first. */
  levels: RubricLevel[];
}

/**
 * An assignment's rubric (POINTS grading only): ordered criteria with levels,
 * and comments a grader can insert. A grade given with the rubric has the sum
 * of its picked levels as points; the late penalty applies to that sum.
 */
@Entity('rubric')
@Index('uq_rubric_assignment', ['assignmentId'], { unique: true })
export class Rubric {
  @IdColumn() id: string;
  @RefColumn() assignmentId: string;
  @JsonColumn() criteria: RubricCriterion[];
  /** Reusable comment snippets. */
  @JsonColumn() comments: string[];
  /** Grows with every edit; an edit made from an older version is refused. */
  @IntColumn({ default: 1 }) version: number;
  @RefColumn() updatedById: string;
  @DateTimeColumn() updatedAt: Date;
}

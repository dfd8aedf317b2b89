import { Entity, Index } from 'typeorm';
import { DateTimeColumn, HashColumn, IdColumn, IntColumn, RefColumn, StringColumn, TextColumn } from '../../db/columns';

/** A student's grade, comment and feedback files for an assignment; returned when `returnedAt` is set. */
@Entity('grade')
@Index('uq_grade_student', ['assignmentId', 'studentId'], { unique: true })
export class Grade {
  @IdColumn() id: string;
  @RefColumn() assignmentId: string;
  @RefColumn() studentId: string;
  /** The graded hand-in: the latest unless the grader chose another. */
  @RefColumn({ nullable: true }) handInId: string | null;
  /** Points in hundredths, so halves and quarters are exact. */
  @IntColumn({ nullable: true }) pointsHundredths: number | null;
  @StringColumn(200, { nullable: true }) textGrade: string | null;
  @TextColumn() comment: string;
  /** Feedback files: a tree in dedicated feedback storage. */
  @HashColumn() feedbackTreeId: string;
  @RefColumn({ nullable: true }) gradedById: string | null;
  @DateTimeColumn({ nullable: true }) gradedAt: Date | null;
  @DateTimeColumn({ nullable: true }) returnedAt: Date | null;
  @DateTimeColumn() updatedAt: Date;
  /** Grows with every change of the grade values (setGrade), 0 before the first; a stale save is refused. */
  @IntColumn({ default: 0 }) version: number;
  /** Grows with every change of the feedback files, 0 before the first; a stale upload is refused. */
  @IntColumn({ default: 0 }) feedbackVersion: number;
  /** Who changed the feedback files last, and when: named when a stale upload is refused. */
  @RefColumn({ nullable: true }) feedbackChangedById: string | null;
  @DateTimeColumn({ nullable: true }) feedbackChangedAt: Date | null;
}

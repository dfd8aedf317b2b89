import { Entity, Index } from 'typeorm';
import { DateTimeColumn, IdColumn, IntColumn, RefColumn, StringColumn, TextColumn } from '../../db/columns';

/**
 * A grader's comment on part of one file of one hand-in: a line range of a
 * text file (`startLine`..`endLine`, 1-based, inclusive) or a notebook cell
 * (`cellIndex`, 0-based, and the cell's own id when the notebook has one).
 * It belongs to the student's grade (`assignmentId`, `studentId`) and to the
 * hand-in version it was written on; changing the grade leaves it alone.
 */
@Entity('annotation')
@Index('ix_annotation_grade', ['assignmentId', 'studentId'])
export class Annotation {
  @IdColumn() id: string;
  @RefColumn() assignmentId: string;
  @RefColumn() studentId: string;
  @RefColumn() handInId: string;
  @StringColumn(1000) path: string;
  @IntColumn({ nullable: true }) startLine: number | null;
  @IntColumn({ nullable: true }) endLine: number | null;
  @IntColumn({ nullable: true }) cellIndex: number | null;
  @StringColumn(200, { nullable: true }) cellId: string | null;
  @TextColumn() body: string;
  @RefColumn() authorId: string;
  @DateTimeColumn() createdAt: Date;
  @RefColumn({ nullable: true }) updatedById: string | null;
  @DateTimeColumn() updatedAt: Date;
}

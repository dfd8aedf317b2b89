import { Entity, Index, PrimaryColumn } from 'typeorm';
import { IntColumn } from '../../db/columns';

/**
 * A student's number under an assignment's anonymous grading ("Student 17").
 * Drawn at random from the unused numbers the first time staff see the
 * student, then kept, so the number says nothing about the student's name or
 * place in the roster and stays the same on every page and export.
 */
@Entity('student_alias')
@Index('uq_student_alias_number', ['assignmentId', 'number'], { unique: true })
export class StudentAlias {
  @PrimaryColumn({ type: 'varchar', length: 36 }) assignmentId: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) studentId: string;
  @IntColumn() number: number;
}

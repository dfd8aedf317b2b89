import { Entity, Index } from 'typeorm';
import { BigIntColumn, BoolColumn, DateTimeColumn, HashColumn, IdColumn, IntColumn, JsonColumn, RefColumn, StringColumn, TextColumn } from '../../db/columns';

/**
 * A sealed, immutable copy of a student's hand-in paths: a tree of its own
 * (content-addressed, so sealing copies no bytes) that later edits of the
 * workspace cannot reach. `rootTreeId` is the receipt the student sees.
 */
@Entity('hand_in')
@Index('uq_hand_in_seq', ['assignmentId', 'studentId', 'seq'], { unique: true })
export class HandIn {
  @IdColumn() id: string;
  @RefColumn() assignmentId: string;
  @RefColumn() studentId: string;
  @RefColumn() workspaceId: string;
  /** 1 for the first hand-in of this student, 2 for the next, … */
  @IntColumn() seq: number;
  @HashColumn() rootTreeId: string;
  @BigIntColumn() sizeBytes: number;
  /** Server time. */
  @DateTimeColumn() handedInAt: Date;
  @StringColumn(200, { nullable: true }) identifier: string | null;
  @TextColumn() message: string;
  @JsonColumn() missingPaths: string[];
  /** Sealed by the server at the deadline rather than handed in by the student. */
  @BoolColumn() collected: boolean;
  /** A group's hand-in (`studentId` is then the group's id): the members of the group when it was sealed. */
  @JsonColumn({ nullable: true }) groupMemberIds: string[] | null;
}

import { Entity, Index } from 'typeorm';
import { DateTimeColumn, IdColumn, IntColumn, RefColumn, StringColumn } from '../../db/columns';

/**
 * A group of a group assignment. Its members share one members-only SHARED
 * workspace, which receives the material; its hand-ins and grade are keyed
 * by the group's id where a single student's would be keyed by theirs.
 */
@Entity('assignment_group')
@Index('uq_assignment_group_name', ['assignmentId', 'name'], { unique: true })
export class AssignmentGroup {
  @IdColumn() id: string;
  @RefColumn() assignmentId: string;
  @StringColumn(200) name: string;
  @RefColumn() workspaceId: string;
  @DateTimeColumn() createdAt: Date;
}

/** A student's place in a group; a student is in at most one group per assignment. */
@Entity('assignment_group_member')
@Index('uq_assignment_group_member', ['assignmentId', 'userId'], { unique: true })
@Index('ix_assignment_group_member_group', ['groupId'])
export class AssignmentGroupMember {
  @IdColumn() id: string;
  @RefColumn() assignmentId: string;
  @RefColumn() groupId: string;
  @RefColumn() userId: string;
}

/** Points added to (or taken from) one member's share of their group's grade, with the reason they read. */
@Entity('grade_adjustment')
@Index('uq_grade_adjustment', ['assignmentId', 'studentId'], { unique: true })
export class GradeAdjustment {
  @IdColumn() id: string;
  @RefColumn() assignmentId: string;
  @RefColumn() groupId: string;
  @RefColumn() studentId: string;
  /** Hundredths of a point, like grades; negative takes points away. */
  @IntColumn() pointsHundredths: number;
  @StringColumn(1000) reason: string;
  @RefColumn() setById: string;
  @DateTimeColumn() setAt: Date;
}

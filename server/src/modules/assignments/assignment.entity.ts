import { Entity, Index } from 'typeorm';
import { BoolColumn, DateTimeColumn, IdColumn, IntColumn, JsonColumn, RefColumn, StringColumn, TextColumn, BigIntColumn } from '../../db/columns';
import type { Policies } from '../distributions/engine/policy';
import type { FrozenItem } from '../stage/frozen-item';

export type LateMode = 'REJECT' | 'ACCEPT' | 'PENALTY';

export interface LatePolicy {
  mode: LateMode;
  /** PENALTY: percent of the points taken per started unit late. */
  penaltyPercent: number;
  unit: 'DAY' | 'HOUR';
  /** PENALTY: the least percent of the points a late hand-in keeps. */
  floorPercent: number;
}

export type GradingScheme = 'POINTS' | 'TEXT';

/**
 * A distribution with a deadline and a hand-in. Lateness and penalties are
 * never stored: they are computed from the deadline in force (the deadline,
 * or a student's extension) whenever they are read.
 */
@Entity('assignment')
@Index('ix_assignment_space', ['spaceId', 'deadline'])
export class Assignment {
  @IdColumn() id: string;
  @RefColumn() spaceId: string;
  @StringColumn(300) title: string;
  @TextColumn() instructions: string;
  @RefColumn() sourceWorkspaceId: string;
  @RefColumn({ nullable: true }) sourceSnapshotId: string | null;
  /** The material, frozen when the assignment was created. */
  @JsonColumn() items: FrozenItem[];
  @JsonColumn() policies: Policies;
  @StringColumn(2000) message: string;
  @DateTimeColumn() releaseAt: Date;
  @DateTimeColumn({ nullable: true }) releasedAt: Date | null;
  @RefColumn({ nullable: true }) distributionId: string | null;
  @DateTimeColumn() deadline: Date;
  /** IANA time zone the deadline is shown in, e.g. 'Europe/Zurich'. */
  @StringColumn(64) timeZone: string;
  /** Workspace paths sealed at hand-in, e.g. ['files/week1/answers.ipynb']. */
  @JsonColumn() handInPaths: string[];
  @BigIntColumn() sizeLimitBytes: number;
  @JsonColumn() latePolicy: LatePolicy;
  @StringColumn(16) gradingScheme: GradingScheme;
  @IntColumn({ nullable: true }) maxPoints: number | null;
  /** Whether returned feedback is visible to students (a switch for the whole assignment). */
  @BoolColumn() handBackVisible: boolean;
  /** Seal the hand-in paths of students who have not handed in when their deadline passes. */
  @BoolColumn() collectAtDeadline: boolean;
  /**
   * Staff see each student under a pseudonym ("Student 17") until the
   * student's feedback is returned; the audit trail still names them.
   */
  @BoolColumn() anonymousGrading: boolean;
  /**
   * For groups: the material goes to one shared workspace per group, any
   * member hands in for the group and the group gets one grade. Chosen at
   * creation; fixed once material was pushed or anyone handed in.
   */
  @BoolColumn() groupWork: boolean;
  @RefColumn() createdById: string;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn() updatedAt: Date;
  /** Grows with every edit; an edit made from an older version is refused (no lost updates). */
  @IntColumn({ default: 1 }) version: number;
  /** Who made the latest edit (the creator until the first one). */
  @RefColumn({ nullable: true }) updatedById: string | null;
}

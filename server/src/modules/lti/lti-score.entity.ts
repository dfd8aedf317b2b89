import { Entity, Index } from 'typeorm';
import { DateTimeColumn, IdColumn, IntColumn, RefColumn, StringColumn, TextColumn } from '../../db/columns';

/** PENDING: waiting for its next attempt; RUNNING: leased to a worker; SENT: the platform accepted it; FAILED: retries ran out. */
export type LtiScoreStatus = 'PENDING' | 'RUNNING' | 'SENT' | 'FAILED';

/**
 * One score for one student sent to a platform's line item (Assignment and
 * Grade Services): written in the transaction that returned the grade or
 * took the hand-in, then claimed under a lease by workers and posted until
 * the platform accepts it or the retry window closes. The last attempt's
 * answer is kept; every attempt is in the audit trail.
 */
@Entity('lti_score')
@Index('ix_lti_score_due', ['status', 'nextAttemptAt'])
@Index('ix_lti_score_student', ['assignmentId', 'studentId', 'createdAt'])
export class LtiScore {
  @IdColumn() id: string;
  @RefColumn() platformId: string;
  @RefColumn() contextId: string;
  @RefColumn() spaceId: string;
  @RefColumn() assignmentId: string;
  @RefColumn() studentId: string;
  /** The platform's subject for the student (`userId` of the score). */
  @StringColumn(255) subject: string;
  /** SUBMITTED (a hand-in) or GRADED (a returned grade). */
  @StringColumn(16) kind: string;
  /** The exact score JSON posted on every attempt. */
  @TextColumn() payload: string;
  @StringColumn(16) status: LtiScoreStatus;
  @IntColumn({ default: 0 }) attempts: number;
  @DateTimeColumn() nextAttemptAt: Date;
  @DateTimeColumn() retryUntil: Date;
  @StringColumn(64, { nullable: true }) leaseOwner: string | null;
  @DateTimeColumn({ nullable: true }) leaseExpiresAt: Date | null;
  @DateTimeColumn({ nullable: true }) lastAttemptAt: Date | null;
  @IntColumn({ nullable: true }) lastResponseStatus: number | null;
  /** The first 2,000 characters of the last answer's body. */
  @TextColumn({ nullable: true }) lastResponseBody: string | null;
  @TextColumn({ nullable: true }) lastError: string | null;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn({ nullable: true }) sentAt: Date | null;
}

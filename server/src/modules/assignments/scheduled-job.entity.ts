import { randomUUID } from 'node:crypto';
import { Entity, Index } from 'typeorm';
import { DateTimeColumn, IdColumn, IntColumn, RefColumn, StringColumn, TextColumn } from '../../db/columns';

/** DIGEST: the staff's notification of the hand-ins of one window (see StaffNotices). */
export type JobKind = 'RELEASE' | 'COLLECT' | 'DIGEST';

/**
 * Work due at a time (releasing an assignment, collecting at a deadline,
 * telling staff of a window's hand-ins),
 * claimed by workers under a lease like distribution targets, and marked DONE
 * in the transaction that does it: each runs exactly once, also when the
 * server was down at the time.
 */
@Entity('scheduled_job')
@Index('ix_scheduled_job_due', ['status', 'runAt'])
@Index('ix_scheduled_job_subject', ['assignmentId', 'kind'])
export class ScheduledJob {
  @IdColumn() id: string;
  @StringColumn(16) kind: JobKind;
  @RefColumn() assignmentId: string;
  /** COLLECT for one student's extended deadline; null for the assignment's deadline. */
  @RefColumn({ nullable: true }) studentId: string | null;
  @DateTimeColumn() runAt: Date;
  @StringColumn(16) status: 'PENDING' | 'RUNNING' | 'DONE' | 'CANCELLED';
  @StringColumn(64, { nullable: true }) leaseOwner: string | null;
  @DateTimeColumn({ nullable: true }) leaseExpiresAt: Date | null;
  @IntColumn({ default: 0 }) attempts: number;
  @TextColumn({ nullable: true }) error: string | null;
  @DateTimeColumn({ nullable: true }) doneAt: Date | null;
}

/** A job waiting for its time, to insert. */
export function pendingJob(kind: JobKind, assignmentId: string, runAt: Date, studentId: string | null = null, id: string = randomUUID()): ScheduledJob {
  return Object.assign(new ScheduledJob(), {
    id,
    kind,
    assignmentId,
    studentId,
    runAt,
    status: 'PENDING',
    leaseOwner: null,
    leaseExpiresAt: null,
    attempts: 0,
    error: null,
    doneAt: null,
  });
}

import { Entity, Index } from 'typeorm';
import { DateTimeColumn, HashColumn, IdColumn, IntColumn, JsonColumn, RefColumn, StringColumn, TextColumn } from '../../db/columns';
import type { Outcome, PathOutcome } from './engine/policy';

/**
 * PENDING → RUNNING (leased) → SUCCEEDED | CONFLICT | FAILED; CANCELLED when the
 * distribution is cancelled first. SUCCEEDED is written in the same
 * transaction that moves the head, so a target is never applied twice.
 */
export type TargetStatus = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'CONFLICT' | 'FAILED' | 'CANCELLED';

@Entity('distribution_target')
@Index('uq_distribution_target', ['distributionId', 'workspaceId'], { unique: true })
@Index('ix_distribution_target_claim', ['status', 'leaseExpiresAt'])
@Index('ix_distribution_target_workspace', ['workspaceId'])
export class DistributionTarget {
  @IdColumn() id: string;
  @RefColumn() distributionId: string;
  @RefColumn() workspaceId: string;
  @StringColumn(16) status: TargetStatus;
  @StringColumn(64, { nullable: true }) leaseOwner: string | null;
  @DateTimeColumn({ nullable: true }) leaseExpiresAt: Date | null;
  @IntColumn({ default: 0 }) attempts: number;
  @HashColumn({ nullable: true }) beforeRootId: string | null;
  @HashColumn({ nullable: true }) afterRootId: string | null;
  @RefColumn({ nullable: true }) commitId: string | null;
  @RefColumn({ nullable: true }) snapshotId: string | null;
  @JsonColumn({ nullable: true }) counts: Record<Outcome, number> | null;
  /** Coarse outcomes (a whole added folder is one row), capped; conflicts always listed. */
  @JsonColumn({ nullable: true }) outcomes: PathOutcome[] | null;
  /** Undo/retract: the paths left alone because the recipient changed them. */
  @JsonColumn({ nullable: true }) kept: string[] | null;
  @TextColumn({ nullable: true }) error: string | null;
  @DateTimeColumn({ nullable: true }) finishedAt: Date | null;
}

import { Entity, Index } from 'typeorm';
import { DateTimeColumn, HashColumn, IdColumn, IntColumn, JsonColumn, RefColumn, StringColumn, TextColumn } from '../../db/columns';
import type { Policies } from './engine/policy';
import type { FrozenItem } from '../stage/frozen-item';

export type DistributionStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'PARTIAL' | 'FAILED' | 'CANCELLED';
/** A push, or an undo/retract of an earlier push (`originId`), executed by the same worker. */
export type DistributionKind = 'PUSH' | 'UNDO' | 'RETRACT';

export interface DistributionOptions {
  snapshotFirst: boolean;
  includeFutureMembers: boolean;
  message: string;
  emailRecipients: boolean;
}

@Entity('distribution')
@Index('uq_distribution_idempotency', ['createdById', 'idempotencyKey'], { unique: true })
@Index('ix_distribution_space', ['spaceId', 'createdAt'])
export class Distribution {
  @IdColumn() id: string;
  @StringColumn(16) kind: DistributionKind;
  @RefColumn() spaceId: string;
  @RefColumn() createdById: string;
  @RefColumn() sourceWorkspaceId: string;
  @RefColumn({ nullable: true }) sourceSnapshotId: string | null;
  @RefColumn({ nullable: true }) originId: string | null;
  @JsonColumn() items: FrozenItem[];
  @JsonColumn() policies: Policies;
  @JsonColumn() options: DistributionOptions;
  @StringColumn(16) status: DistributionStatus;
  @IntColumn() targetCount: number;
  /** Null when none was given; unique per creator otherwise. */
  @StringColumn(200, { nullable: true }) idempotencyKey: string | null;
  /** SHA-256 of the normalised input: the same key with other input is refused. */
  @HashColumn() inputHash: string;
  @TextColumn({ nullable: true }) error: string | null;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn({ nullable: true }) startedAt: Date | null;
  @DateTimeColumn({ nullable: true }) finishedAt: Date | null;
}

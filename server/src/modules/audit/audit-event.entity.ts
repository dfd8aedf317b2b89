import { Entity, Index } from 'typeorm';
import { DateTimeColumn, HashColumn, IdColumn, IntColumn, JsonColumn, RefColumn, StringColumn } from '../../db/columns';

/**
 * Append-only and hash-chained per space: `hash` covers this event's fields
 * and `prevHash`, so altering or deleting any event breaks every later link.
 */
@Entity('audit_event')
@Index('uq_audit_event_seq', ['spaceId', 'seq'], { unique: true })
@Index('ix_audit_event_subject', ['spaceId', 'subjectType', 'subjectId'])
export class AuditEvent {
  @IdColumn() id: string;
  @RefColumn() spaceId: string;
  @IntColumn() seq: number;
  @RefColumn({ nullable: true }) actorId: string | null;
  @StringColumn(64) action: string;
  @StringColumn(32) subjectType: string;
  @RefColumn({ nullable: true }) subjectId: string | null;
  /** The student concerned, so a student's view can be limited to their own events. */
  @RefColumn({ nullable: true }) studentId: string | null;
  @JsonColumn({ nullable: true }) before: Record<string, unknown> | null;
  @JsonColumn({ nullable: true }) after: Record<string, unknown> | null;
  @DateTimeColumn() createdAt: Date;
  @HashColumn() prevHash: string;
  @HashColumn() hash: string;
}

import { Entity, Index } from 'typeorm';
import { DateTimeColumn, IdColumn, RefColumn, StringColumn } from '../../db/columns';

/** A student's own deadline; the newest one not revoked is in force. */
@Entity('extension')
@Index('ix_extension_assignment', ['assignmentId', 'studentId'])
export class Extension {
  @IdColumn() id: string;
  @RefColumn() assignmentId: string;
  @RefColumn() studentId: string;
  @DateTimeColumn() deadline: Date;
  @StringColumn(1000) reason: string;
  @RefColumn() grantedById: string;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn({ nullable: true }) revokedAt: Date | null;
  @RefColumn({ nullable: true }) revokedById: string | null;
  @StringColumn(1000, { nullable: true }) revokeReason: string | null;
}

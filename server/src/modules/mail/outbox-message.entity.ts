import { Entity, Index } from 'typeorm';
import { DateTimeColumn, IdColumn, RefColumn, StringColumn, TextColumn } from '../../db/columns';

/** Every e-mail Stagecoach sends is written here first; without SMTP it stays here for admins to read. */
@Entity('outbox_message')
@Index('ix_outbox_space', ['spaceId', 'createdAt'])
export class OutboxMessage {
  @IdColumn() id: string;
  @RefColumn({ nullable: true }) spaceId: string | null;
  @StringColumn(320) recipient: string;
  @StringColumn(300) subject: string;
  @TextColumn() body: string;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn({ nullable: true }) sentAt: Date | null;
  @TextColumn({ nullable: true }) error: string | null;
}

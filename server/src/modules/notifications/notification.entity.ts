import { Entity, Index } from 'typeorm';
import { DateTimeColumn, IdColumn, RefColumn, StringColumn, TextColumn } from '../../db/columns';

@Entity('notification')
@Index('ix_notification_user', ['userId', 'createdAt'])
export class Notification {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @RefColumn({ nullable: true }) spaceId: string | null;
  @StringColumn(32) kind: string;
  @StringColumn(300) title: string;
  @TextColumn() body: string;
  @RefColumn({ nullable: true }) distributionId: string | null;
  /** The dashboard path of what the notification is about (a workspace, an assignment, a distribution). */
  @StringColumn(300, { nullable: true }) link: string | null;
  @RefColumn({ nullable: true }) actorId: string | null;
  @DateTimeColumn() createdAt: Date;
  @DateTimeColumn({ nullable: true }) readAt: Date | null;
}

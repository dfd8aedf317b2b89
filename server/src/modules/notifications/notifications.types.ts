import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../core/graphql/connection';

@ObjectType('Notification', { description: 'A message to one user, shown in the dashboard (for example material pushed to their workspace).' })
export class NotificationType {
  @Field(() => ID, { description: 'Identifier of this notification.' }) id: string;
  @Field({ description: 'What it is about, as a short code (for example distribution).' }) kind: string;
  @Field({ description: 'One-line summary.' }) title: string;
  @Field({ description: 'The message; empty when none.' }) body: string;
  @Field(() => ID, { description: 'The space it concerns; null when none.', nullable: true }) spaceId: string | null;
  @Field(() => ID, { description: 'The distribution it concerns; null when none.', nullable: true }) distributionId: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The dashboard path of what it is about, one the recipient can open: their workspace, an assignment, a distribution (e.g. '/workspaces/<id>').",
  })
  link: string | null;
  @Field({ description: 'When it was sent.' }) createdAt: Date;
  @Field(() => Date, { description: 'When the user marked it read; null while unread.', nullable: true }) readAt: Date | null;
}

export const NotificationConnection = Connection(NotificationType, 'Notification');

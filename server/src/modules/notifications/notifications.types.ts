import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../core/graphql/connection';

@ObjectType('Notification')
export class NotificationType {
  @Field(() => ID) id: string;
  @Field() kind: string;
  @Field() title: string;
  @Field() body: string;
  @Field(() => ID, { nullable: true }) spaceId: string | null;
  @Field(() => ID, { nullable: true }) distributionId: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The dashboard path of what it is about, one the recipient can open: their workspace, an assignment, a distribution (e.g. '/workspaces/<id>').",
  })
  link: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) readAt: Date | null;
}

export const NotificationConnection = Connection(NotificationType, 'Notification');

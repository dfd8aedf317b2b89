import { Field, ObjectType } from 'type-graphql';

@ObjectType('StorageUse', { description: 'Bytes a workspace or space uses.' })
export class StorageUseType {
  @Field(() => Number, { description: 'Size of the current state (for a space: of all its workspaces’ current states).' })
  logicalBytes: number;
  @Field(() => Number, {
    description:
      'Bytes of content only this workspace’s history holds (current state, snapshots, hand-ins, pushes to it), or only this space holds: what removing it would free.',
  })
  exclusiveBytes: number;
  @Field(() => Number, { nullable: true, description: 'The space’s quota on the size of its current states; null when it has none (always null for a workspace).' })
  quotaBytes: number | null;
}

import type { EntityManager } from 'typeorm';
import { User } from './user.entity';

/** Who a user is, as messages name them; null for no user (an automatic change) or a deleted account. */
export async function personRef(manager: EntityManager, userId: string | null): Promise<{ id: string; name: string } | null> {
  if (!userId) return null;
  const user = await manager.findOne(User, { where: { id: userId }, select: { id: true, name: true } });
  return user && { id: user.id, name: user.name };
}

import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../db/database';
import { Assignment } from '../assignments/assignment.entity';
import { LtiLineItem } from './lti-line-item.entity';

/**
 * Remembers the platform's line item of an assignment in a course (one per
 * course and assignment). A line item named by a launch replaces one this
 * tool found or made; a concurrent first write wins and the other is dropped.
 */
export async function linkLineItem(
  m: EntityManager,
  link: { contextId: string; spaceId: string; assignmentId: string; url: string; resourceLinkId: string | null },
): Promise<void> {
  // A link naming an assignment of another space (an edited custom parameter) links nothing.
  const assignment = await m.findOne(Assignment, { where: { id: link.assignmentId, spaceId: link.spaceId }, select: { id: true } });
  if (!assignment) return;
  const existing = await m.findOne(LtiLineItem, { where: { contextId: link.contextId, assignmentId: link.assignmentId } });
  if (existing) {
    if (existing.url !== link.url && link.resourceLinkId !== null) await m.update(LtiLineItem, { id: existing.id }, { url: link.url, resourceLinkId: link.resourceLinkId });
    return;
  }
  try {
    await m.insert(LtiLineItem, { id: randomUUID(), contextId: link.contextId, assignmentId: link.assignmentId, url: link.url, resourceLinkId: link.resourceLinkId, createdAt: new Date() });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

import { logger } from '../../core/logger';
import type { EntityManager } from 'typeorm';
import type { Notification } from '../notifications/notification.entity';
import { dashboardLink } from '../notifications/dashboard-links';
import type { NotificationsService } from '../notifications/notifications.service';
import type { Actor } from '../users/users.service';
import type { Assignment } from './assignment.entity';
import { peopleOf } from './group-subjects';

/** What students are told about their grades: a notice in the app and an e-mail, linking to the assignment. */
export class GradeNotices {
  constructor(private readonly notifications: NotificationsService) {}

  /** In the transaction of the change: one notice per student (a group's grade: one per member it stands for). */
  async add(m: EntityManager, assignment: Assignment, studentIds: readonly string[], by: Actor, kind: string, title: string, body: string): Promise<Notification[]> {
    return this.notifications.add(
      m,
      (await peopleOf(m, assignment, studentIds)).map((studentId) => ({
        userId: studentId,
        spaceId: assignment.spaceId,
        kind,
        title: title.slice(0, 300),
        body,
        distributionId: null,
        link: dashboardLink.assignment(assignment.id),
        actorId: by.user.id,
      })),
    );
  }

  /** In the transaction of the change: a returned grade changed (regrade, rubric edit); `what` says how. */
  gradeChanged(m: EntityManager, assignment: Assignment, studentIds: readonly string[], by: Actor, what: string): Promise<Notification[]> {
    return this.add(m, assignment, studentIds, by, 'GRADE_CHANGED', `Your grade for '${assignment.title}' was changed`, what);
  }

  /**
   * After commit. In-app notifications go out at once; e-mails are sent in
   * the background so a bulk return does not wait on the mail server (each
   * message is in the outbox before it is sent, as for every e-mail).
   */
  send(notes: readonly Notification[]): void {
    if (notes.length === 0) return;
    this.notifications.announce(notes);
    void this.notifications.email(notes).catch((err: unknown) => logger.error({ err }, 'feedback e-mail could not be sent'));
  }
}

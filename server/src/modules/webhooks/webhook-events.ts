import { badInput } from '../../core/errors';

/** Every event an endpoint may subscribe to, with what it means. */
export const WEBHOOK_EVENTS = {
  'distribution.finished': 'a push (or undo, retraction) settled: every target succeeded, failed, conflicted or was cancelled',
  'distribution.target_failed': "one target of a push failed or met a conflict its policy refused",
  'hand_in.submitted': 'a student handed in, or their work was collected at the deadline',
  'assignment.deadline_passed': "an assignment's deadline (or one student's extended deadline) passed and work was collected",
  'grades.returned': 'grades and feedback were returned to students',
  'member.joined': 'someone joined the space',
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;

/** Sent only by `sendTestWebhook`; not subscribable. */
export const TEST_EVENT = 'webhook.test';

export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as WebhookEventType[];

/** The chosen events, deduplicated; an unknown name or an empty choice is refused naming the valid ones. */
export function parseWebhookEvents(names: readonly string[]): WebhookEventType[] {
  const unknown = names.filter((n) => !(n in WEBHOOK_EVENTS));
  if (unknown.length) {
    throw badInput(`unknown webhook event${unknown.length === 1 ? '' : 's'} ${unknown.map((n) => `'${n}'`).join(', ')}; choose from ${WEBHOOK_EVENT_TYPES.join(', ')}`, { unknown });
  }
  if (names.length === 0) throw badInput(`choose at least one event: ${WEBHOOK_EVENT_TYPES.join(', ')}`);
  return WEBHOOK_EVENT_TYPES.filter((t) => names.includes(t));
}

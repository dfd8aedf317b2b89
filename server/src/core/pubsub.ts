import { createPubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import Redis from 'ioredis';

/** Every event Stagecoach publishes, by topic. Payloads are small; clients re-query for detail. */
export type Events = {
  WORKSPACE_CHANGED: [workspaceId: string, payload: { workspaceId: string; version: number; commitId: string }];
  /** A target finished (targetId set) or the distribution's status changed. */
  DISTRIBUTION_PROGRESS: [distributionId: string, payload: { distributionId: string; targetId: string | null }];
  NOTIFICATION_ADDED: [userId: string, payload: { userId: string; notificationId: string }];
  /** A student's hand-in status may have changed (studentId null: any student's, e.g. the deadline moved). */
  HAND_IN_STATUS: [assignmentId: string, payload: { assignmentId: string; studentId: string | null; at: number }];
  /** An assignment of the space was created, edited or released (`released`: students may see it). */
  ASSIGNMENT_CHANGED: [spaceId: string, payload: { spaceId: string; assignmentId: string; released: boolean }];
};

export type EventBus = ReturnType<typeof createPubSub<Events>>;

export interface PubSubHandle {
  pubSub: EventBus;
  close(): Promise<void>;
}

/** In-process by default; through Redis when REDIS_URL is set, so every process sees every event. */
export function createEventBus(redisUrl: string | null): PubSubHandle {
  if (!redisUrl) return { pubSub: createPubSub<Events>(), close: async () => undefined };
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubSub: createPubSub<Events>({ eventTarget }),
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}

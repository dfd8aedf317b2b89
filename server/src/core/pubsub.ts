import { createPubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type Redis from 'ioredis';
import { connectRedis } from './redis';
import { logger } from './logger';

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

/**
 * Logs the first failure of an outage and the recovery, not every failed
 * publish in between: an outage during a large push would otherwise print
 * one line per target.
 */
function outageLog(what: string) {
  let down = false;
  let dropped = 0;
  const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
  return {
    failed(error: unknown) {
      if (down) return;
      down = true;
      logger.error(`${what}: Redis unavailable, events are dropped until it returns (${reason(error)})`);
    },
    /** An event was lost; the first of an outage is logged. */
    dropped(error: unknown) {
      this.failed(error);
      if (dropped++ === 0) logger.warn(`${what}: dropped an event (${reason(error)})`);
    },
    recovered() {
      if (!down) return;
      logger.info(`${what}: Redis reachable again${dropped ? `; ${dropped} event(s) were dropped meanwhile` : ''}`);
      down = false;
      dropped = 0;
    },
  };
}

/**
 * Events shared by the threads of one process (the API and its worker thread)
 * over a BroadcastChannel: what one thread publishes reaches its own
 * listeners at once and the other threads' by message. Payloads are plain
 * data, so they cross threads as they are.
 */
function threadEventTarget(channelName: string): { eventTarget: EventTarget; close(): void } {
  const local = new EventTarget();
  const channel = new BroadcastChannel(channelName);
  channel.onmessage = (message) => {
    const { type, detail } = (message as { data: { type: string; detail: unknown } }).data;
    local.dispatchEvent(new CustomEvent(type, { detail }));
  };
  // Listening never keeps a thread alive on its own.
  (channel as unknown as { unref(): void }).unref();
  const eventTarget: EventTarget = {
    addEventListener: local.addEventListener.bind(local),
    removeEventListener: local.removeEventListener.bind(local),
    dispatchEvent(event: Event) {
      channel.postMessage({ type: event.type, detail: (event as CustomEvent).detail });
      return local.dispatchEvent(event);
    },
  };
  return { eventTarget, close: () => channel.close() };
}

/**
 * In-process by default (shared with the process's worker thread through
 * `threadChannel`, when it has one); through Redis when REDIS_URL is set, so
 * every process sees every event.
 *
 * Events are hints (clients re-query the state, which lives in the database),
 * so a Redis outage must never fail the write that emitted them nor take the
 * process down: a publish that fails is logged and dropped. Both clients
 * reconnect on their own, the subscriber re-subscribes its channels, and
 * events flow again once Redis is back; open subscriptions stay open.
 */
export function createEventBus(redisUrl: string | null, threadChannel: string | null = null): PubSubHandle {
  if (!redisUrl && threadChannel) {
    const threads = threadEventTarget(threadChannel);
    return { pubSub: createPubSub<Events>({ eventTarget: threads.eventTarget as never }), close: async () => threads.close() };
  }
  if (!redisUrl) return { pubSub: createPubSub<Events>(), close: async () => undefined };
  // One retry per command: a publish during an outage fails in about a second instead of queueing.
  const publishClient = connectRedis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1 });
  // Subscribing waits for the connection however long it takes, so a subscription made during an outage starts once Redis is back.
  const subscribeClient = connectRedis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: null });
  const publishing = outageLog('event publishing');
  const subscribing = outageLog('event subscriptions');
  publishClient.on('error', (error) => publishing.failed(error));
  publishClient.on('ready', () => publishing.recovered());
  subscribeClient.on('error', (error) => subscribing.failed(error));
  subscribeClient.on('ready', () => subscribing.recovered());
  // The event target drops the promise publish returns; this client settles it.
  const safePublisher = {
    publish: (channel: string, message: string) =>
      publishClient.publish(channel, message).then(
        (receivers) => {
          publishing.recovered();
          return receivers;
        },
        (error: unknown) => {
          publishing.dropped(error);
          return 0;
        },
      ),
  } as unknown as Redis;
  // Pending subscribe calls reject when the client closes; ioredis subscribes again to every channel on reconnect.
  const safeSubscriber = new Proxy(subscribeClient, {
    get(target, property, receiver) {
      if (property === 'subscribe' || property === 'unsubscribe') {
        return (...channels: string[]) =>
          (target[property] as (...c: string[]) => Promise<unknown>).apply(target, channels).catch((error: unknown) => {
            subscribing.failed(error);
          });
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  const eventTarget = createRedisEventTarget({ publishClient: safePublisher, subscribeClient: safeSubscriber });
  return {
    pubSub: createPubSub<Events>({ eventTarget }),
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}

import { SharedTopics } from '../../core/graphql/shared-topics';
import type { EventBus, Events } from '../../core/pubsub';

export type WorkspaceChange = Events['WORKSPACE_CHANGED'][1];

/**
 * New versions of workspaces for every subscriber in this process: each
 * workspace watched is followed once, and a burst of commits (a push, an
 * upload of many files) reaches its subscribers as its latest version, at
 * most one event per `intervalMs`.
 */
export class WorkspaceLive {
  private readonly topics: SharedTopics<WorkspaceChange, WorkspaceChange>;

  constructor(events: EventBus, intervalMs = 100) {
    this.topics = new SharedTopics({
      subscribe: (workspaceId) => events.subscribe('WORKSPACE_CHANGED', workspaceId),
      read: async (_workspaceId, heard) => heard.reduce((latest, e) => (e.version > latest.version ? e : latest)),
      intervalMs,
    });
  }

  /** Subscribers following a workspace now. */
  watchers(workspaceId: string): number {
    return this.topics.watchers(workspaceId);
  }

  /** A subscriber's stream; the caller authorised it. */
  stream(workspaceId: string): AsyncGenerator<WorkspaceChange> {
    return this.topics.stream(workspaceId);
  }
}

'use client';

import { useClient } from 'urql';
import { errorKindOf } from '../../../core/errors/error-message';
import { WorkspaceObjectQuery } from '../graphql/workspace.query';

/**
 * Asks the server (not the cache) whether something is at a path of the
 * workspace now; an answer other than NOT_FOUND counts as taken (the server decides).
 */
export function usePathTaken(workspaceId: string): (path: string) => Promise<boolean> {
  const client = useClient();
  return async (path) => {
    const result = await client.query(WorkspaceObjectQuery, { id: workspaceId, path, snapshotId: null }, { requestPolicy: 'network-only' }).toPromise();
    return !(result.error && errorKindOf(result.error) === 'NOT_FOUND');
  };
}

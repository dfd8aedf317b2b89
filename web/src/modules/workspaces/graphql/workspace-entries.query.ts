import type { WorkspaceEntriesQuery as WorkspaceEntriesResult } from '../../../gql/graphql';
import { graphql } from '../../../gql';

export const WorkspaceEntriesQuery = graphql(`
  query WorkspaceEntries($id: ID!, $path: String!, $snapshotId: ID, $first: Int!, $after: String) {
    workspace(id: $id) {
      id
      version
      entries(path: $path, snapshotId: $snapshotId, first: $first, after: $after) {
        totalCount
        nodes {
          ...EntryFields
          hash
        }
        pageInfo {
          ...PageInfoFields
        }
      }
    }
  }
`);

/** One row of a folder listing. */
export type EntryRow = NonNullable<WorkspaceEntriesResult['workspace']>['entries']['nodes'][number];

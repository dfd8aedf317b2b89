import { graphql } from '../../../gql';

/** What every page of a space needs: its name and the caller's role; no workspaces (a course has one per student). */
export const SpaceQuery = graphql(`
  query Space($id: ID!) {
    space(id: $id) {
      id
      name
      kind
      description
      myRole
      tasGrantExtensions
      canGrantExtensions
    }
  }
`);

/** Every workspace of the space the caller may read: for a student only (the shared ones and their own); staff page through workspaceList. */
export const SpaceWorkspacesQuery = graphql(`
  query SpaceWorkspaces($id: ID!) {
    space(id: $id) {
      id
      name
      kind
      myRole
      workspaces {
        ...WorkspaceSummary
      }
    }
  }
`);

/** The course's own workspaces (master, distributed material, shared ones): a handful whatever the class size. */
export const CourseWorkspacesQuery = graphql(`
  query CourseWorkspaces($id: ID!) {
    space(id: $id) {
      id
      master: workspaces(kind: MASTER) {
        ...WorkspaceSummary
      }
      distributed: workspaces(kind: DISTRIBUTED) {
        ...WorkspaceSummary
      }
      shared: workspaces(kind: SHARED) {
        ...WorkspaceSummary
      }
    }
  }
`);

/** A page of the space's workspaces, searchable by owner name, e-mail or student number, with the total that match. */
export const WorkspaceListQuery = graphql(`
  query WorkspaceList($spaceId: ID!, $first: Int!, $after: String, $kind: WorkspaceKind, $search: String) {
    space(id: $spaceId) {
      id
      workspaceList(first: $first, after: $after, kind: $kind, search: $search) {
        totalCount
        nodes {
          ...WorkspaceSummary
        }
        pageInfo {
          ...PageInfoFields
        }
      }
    }
  }
`);

/** The workspaces a push from `excluding` could change, a page at a time, with how many there are. */
export const PushTargetsQuery = graphql(`
  query PushTargets($spaceId: ID!, $first: Int!, $after: String, $search: String, $excluding: ID) {
    space(id: $spaceId) {
      id
      workspaceList(first: $first, after: $after, search: $search, writable: true, excluding: $excluding) {
        totalCount
        nodes {
          id
          name
          kind
        }
        pageInfo {
          ...PageInfoFields
        }
      }
    }
  }
`);

import { graphql } from './gql';

// Every operation the command line sends; types come from schema.graphql through `npm run codegen -w cli`.

export const MeQuery = graphql(`
  query CliMe {
    me {
      id
      name
      email
    }
  }
`);

export const LoginMutation = graphql(`
  mutation CliLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      user {
        id
        name
        email
      }
    }
  }
`);

export const CreateTokenMutation = graphql(`
  mutation CliCreateToken($name: String!) {
    createApiToken(name: $name) {
      secret
      token {
        id
        name
      }
    }
  }
`);

export const SpacesQuery = graphql(`
  query CliSpaces($after: String) {
    spaces(first: 100, after: $after) {
      nodes {
        id
        name
        kind
        myRole
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const SpaceWorkspacesQuery = graphql(`
  query CliSpaceWorkspaces($id: ID!) {
    space(id: $id) {
      id
      name
      workspaces {
        id
        name
        kind
        version
        owner {
          name
          email
        }
      }
    }
  }
`);

export const WorkspaceQuery = graphql(`
  query CliWorkspace($id: ID!) {
    workspace(id: $id) {
      id
      name
      kind
      spaceId
      version
      canWrite
    }
  }
`);

export const ObjectQuery = graphql(`
  query CliObject($id: ID!, $path: String!) {
    workspace(id: $id) {
      id
      version
      object(path: $path) {
        hash
        kind
        size
      }
    }
  }
`);

export const EntriesQuery = graphql(`
  query CliEntries($id: ID!, $path: String!, $after: String) {
    workspace(id: $id) {
      id
      version
      entries(path: $path, first: 100, after: $after) {
        nodes {
          path
          name
          kind
          hash
          size
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const AddToStageMutation = graphql(`
  mutation CliAddToStage($source: SourceInput!, $paths: [String!]!) {
    addToStage(source: $source, paths: $paths) {
      id
      path
    }
  }
`);

export const StageQuery = graphql(`
  query CliStage($source: SourceInput!) {
    stage(source: $source) {
      id
      path
    }
  }
`);

export const PreviewQuery = graphql(`
  query CliPreview($input: PushInput!) {
    distributionPreview(input: $input) {
      targetCount
      targetsChanging
      targetsUpToDate
      targetsWithConflicts
      targetsFailing
      targetsLosingEdits
      totals {
        added
        replaced
        removed
        skipped
        copied
        conflict
        unchanged
      }
      targets {
        workspace {
          id
          name
        }
        upToDate
        fails
        lostEditCount
        conflicts
        counts {
          added
          replaced
          removed
          skipped
          copied
          conflict
          unchanged
        }
      }
    }
  }
`);

export const PushMutation = graphql(`
  mutation CliPush($input: PushInput!) {
    createDistribution(input: $input) {
      distribution {
        id
        status
        targetCount
        createdAt
      }
    }
  }
`);

export const DistributionQuery = graphql(`
  query CliDistribution($id: ID!) {
    distribution(id: $id) {
      id
      status
      targetCount
      finishedAt
      counts {
        total
        done
        succeeded
        failed
        conflict
        cancelled
      }
    }
  }
`);

export const HandInMutation = graphql(`
  mutation CliHandIn($assignmentId: ID!, $message: String, $allowMissing: Boolean!) {
    handInAssignment(assignmentId: $assignmentId, message: $message, allowMissing: $allowMissing) {
      contentHash
      handedInAt
      deadline
      late
      handIn {
        id
        seq
        sizeBytes
        missingPaths
        files {
          path
          sizeBytes
        }
      }
    }
  }
`);

export const StatusesQuery = graphql(`
  query CliStatuses($assignmentId: ID!, $after: String) {
    handInStatuses(assignmentId: $assignmentId, first: 100, after: $after) {
      nodes {
        status
        late
        handInCount
        finalPoints
        deadline
        studentNumber
        pseudonym
        lastActivityAt
        student {
          id
          name
          email
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query CliMe {\n    me {\n      id\n      name\n      email\n    }\n  }\n": typeof types.CliMeDocument,
    "\n  mutation CliLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user {\n        id\n        name\n        email\n      }\n    }\n  }\n": typeof types.CliLoginDocument,
    "\n  mutation CliCreateToken($name: String!) {\n    createApiToken(name: $name) {\n      secret\n      token {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CliCreateTokenDocument,
    "\n  query CliSpaces($after: String) {\n    spaces(first: 100, after: $after) {\n      nodes {\n        id\n        name\n        kind\n        myRole\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CliSpacesDocument,
    "\n  query CliSpaceWorkspaces($id: ID!) {\n    space(id: $id) {\n      id\n      name\n      workspaces {\n        id\n        name\n        kind\n        version\n        owner {\n          name\n          email\n        }\n      }\n    }\n  }\n": typeof types.CliSpaceWorkspacesDocument,
    "\n  query CliWorkspace($id: ID!) {\n    workspace(id: $id) {\n      id\n      name\n      kind\n      spaceId\n      version\n      canWrite\n    }\n  }\n": typeof types.CliWorkspaceDocument,
    "\n  query CliObject($id: ID!, $path: String!) {\n    workspace(id: $id) {\n      id\n      version\n      object(path: $path) {\n        hash\n        kind\n        size\n      }\n    }\n  }\n": typeof types.CliObjectDocument,
    "\n  query CliEntries($id: ID!, $path: String!, $after: String) {\n    workspace(id: $id) {\n      id\n      version\n      entries(path: $path, first: 100, after: $after) {\n        nodes {\n          path\n          name\n          kind\n          hash\n          size\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.CliEntriesDocument,
    "\n  mutation CliAddToStage($source: SourceInput!, $paths: [String!]!) {\n    addToStage(source: $source, paths: $paths) {\n      id\n      path\n    }\n  }\n": typeof types.CliAddToStageDocument,
    "\n  query CliStage($source: SourceInput!) {\n    stage(source: $source) {\n      id\n      path\n    }\n  }\n": typeof types.CliStageDocument,
    "\n  query CliPreview($input: PushInput!) {\n    distributionPreview(input: $input) {\n      targetCount\n      targetsChanging\n      targetsUpToDate\n      targetsWithConflicts\n      targetsFailing\n      targetsLosingEdits\n      totals {\n        added\n        replaced\n        removed\n        skipped\n        copied\n        conflict\n        unchanged\n      }\n      targets {\n        workspace {\n          id\n          name\n        }\n        upToDate\n        fails\n        lostEditCount\n        conflicts\n        counts {\n          added\n          replaced\n          removed\n          skipped\n          copied\n          conflict\n          unchanged\n        }\n      }\n    }\n  }\n": typeof types.CliPreviewDocument,
    "\n  mutation CliPush($input: PushInput!) {\n    createDistribution(input: $input) {\n      distribution {\n        id\n        status\n        targetCount\n        createdAt\n      }\n    }\n  }\n": typeof types.CliPushDocument,
    "\n  query CliDistribution($id: ID!) {\n    distribution(id: $id) {\n      id\n      status\n      targetCount\n      finishedAt\n      counts {\n        total\n        done\n        succeeded\n        failed\n        conflict\n        cancelled\n      }\n    }\n  }\n": typeof types.CliDistributionDocument,
    "\n  mutation CliHandIn($assignmentId: ID!, $message: String, $allowMissing: Boolean!) {\n    handInAssignment(assignmentId: $assignmentId, message: $message, allowMissing: $allowMissing) {\n      contentHash\n      handedInAt\n      deadline\n      late\n      handIn {\n        id\n        seq\n        sizeBytes\n        missingPaths\n        files {\n          path\n          sizeBytes\n        }\n      }\n    }\n  }\n": typeof types.CliHandInDocument,
    "\n  query CliStatuses($assignmentId: ID!, $after: String) {\n    handInStatuses(assignmentId: $assignmentId, first: 100, after: $after) {\n      nodes {\n        status\n        late\n        handInCount\n        finalPoints\n        deadline\n        studentNumber\n        pseudonym\n        lastActivityAt\n        student {\n          id\n          name\n          email\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CliStatusesDocument,
};
const documents: Documents = {
    "\n  query CliMe {\n    me {\n      id\n      name\n      email\n    }\n  }\n": types.CliMeDocument,
    "\n  mutation CliLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user {\n        id\n        name\n        email\n      }\n    }\n  }\n": types.CliLoginDocument,
    "\n  mutation CliCreateToken($name: String!) {\n    createApiToken(name: $name) {\n      secret\n      token {\n        id\n        name\n      }\n    }\n  }\n": types.CliCreateTokenDocument,
    "\n  query CliSpaces($after: String) {\n    spaces(first: 100, after: $after) {\n      nodes {\n        id\n        name\n        kind\n        myRole\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CliSpacesDocument,
    "\n  query CliSpaceWorkspaces($id: ID!) {\n    space(id: $id) {\n      id\n      name\n      workspaces {\n        id\n        name\n        kind\n        version\n        owner {\n          name\n          email\n        }\n      }\n    }\n  }\n": types.CliSpaceWorkspacesDocument,
    "\n  query CliWorkspace($id: ID!) {\n    workspace(id: $id) {\n      id\n      name\n      kind\n      spaceId\n      version\n      canWrite\n    }\n  }\n": types.CliWorkspaceDocument,
    "\n  query CliObject($id: ID!, $path: String!) {\n    workspace(id: $id) {\n      id\n      version\n      object(path: $path) {\n        hash\n        kind\n        size\n      }\n    }\n  }\n": types.CliObjectDocument,
    "\n  query CliEntries($id: ID!, $path: String!, $after: String) {\n    workspace(id: $id) {\n      id\n      version\n      entries(path: $path, first: 100, after: $after) {\n        nodes {\n          path\n          name\n          kind\n          hash\n          size\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.CliEntriesDocument,
    "\n  mutation CliAddToStage($source: SourceInput!, $paths: [String!]!) {\n    addToStage(source: $source, paths: $paths) {\n      id\n      path\n    }\n  }\n": types.CliAddToStageDocument,
    "\n  query CliStage($source: SourceInput!) {\n    stage(source: $source) {\n      id\n      path\n    }\n  }\n": types.CliStageDocument,
    "\n  query CliPreview($input: PushInput!) {\n    distributionPreview(input: $input) {\n      targetCount\n      targetsChanging\n      targetsUpToDate\n      targetsWithConflicts\n      targetsFailing\n      targetsLosingEdits\n      totals {\n        added\n        replaced\n        removed\n        skipped\n        copied\n        conflict\n        unchanged\n      }\n      targets {\n        workspace {\n          id\n          name\n        }\n        upToDate\n        fails\n        lostEditCount\n        conflicts\n        counts {\n          added\n          replaced\n          removed\n          skipped\n          copied\n          conflict\n          unchanged\n        }\n      }\n    }\n  }\n": types.CliPreviewDocument,
    "\n  mutation CliPush($input: PushInput!) {\n    createDistribution(input: $input) {\n      distribution {\n        id\n        status\n        targetCount\n        createdAt\n      }\n    }\n  }\n": types.CliPushDocument,
    "\n  query CliDistribution($id: ID!) {\n    distribution(id: $id) {\n      id\n      status\n      targetCount\n      finishedAt\n      counts {\n        total\n        done\n        succeeded\n        failed\n        conflict\n        cancelled\n      }\n    }\n  }\n": types.CliDistributionDocument,
    "\n  mutation CliHandIn($assignmentId: ID!, $message: String, $allowMissing: Boolean!) {\n    handInAssignment(assignmentId: $assignmentId, message: $message, allowMissing: $allowMissing) {\n      contentHash\n      handedInAt\n      deadline\n      late\n      handIn {\n        id\n        seq\n        sizeBytes\n        missingPaths\n        files {\n          path\n          sizeBytes\n        }\n      }\n    }\n  }\n": types.CliHandInDocument,
    "\n  query CliStatuses($assignmentId: ID!, $after: String) {\n    handInStatuses(assignmentId: $assignmentId, first: 100, after: $after) {\n      nodes {\n        status\n        late\n        handInCount\n        finalPoints\n        deadline\n        studentNumber\n        pseudonym\n        lastActivityAt\n        student {\n          id\n          name\n          email\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CliStatusesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliMe {\n    me {\n      id\n      name\n      email\n    }\n  }\n"): typeof import('./graphql').CliMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user {\n        id\n        name\n        email\n      }\n    }\n  }\n"): typeof import('./graphql').CliLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliCreateToken($name: String!) {\n    createApiToken(name: $name) {\n      secret\n      token {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').CliCreateTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliSpaces($after: String) {\n    spaces(first: 100, after: $after) {\n      nodes {\n        id\n        name\n        kind\n        myRole\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').CliSpacesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliSpaceWorkspaces($id: ID!) {\n    space(id: $id) {\n      id\n      name\n      workspaces {\n        id\n        name\n        kind\n        version\n        owner {\n          name\n          email\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CliSpaceWorkspacesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliWorkspace($id: ID!) {\n    workspace(id: $id) {\n      id\n      name\n      kind\n      spaceId\n      version\n      canWrite\n    }\n  }\n"): typeof import('./graphql').CliWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliObject($id: ID!, $path: String!) {\n    workspace(id: $id) {\n      id\n      version\n      object(path: $path) {\n        hash\n        kind\n        size\n      }\n    }\n  }\n"): typeof import('./graphql').CliObjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliEntries($id: ID!, $path: String!, $after: String) {\n    workspace(id: $id) {\n      id\n      version\n      entries(path: $path, first: 100, after: $after) {\n        nodes {\n          path\n          name\n          kind\n          hash\n          size\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CliEntriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliAddToStage($source: SourceInput!, $paths: [String!]!) {\n    addToStage(source: $source, paths: $paths) {\n      id\n      path\n    }\n  }\n"): typeof import('./graphql').CliAddToStageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliStage($source: SourceInput!) {\n    stage(source: $source) {\n      id\n      path\n    }\n  }\n"): typeof import('./graphql').CliStageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliPreview($input: PushInput!) {\n    distributionPreview(input: $input) {\n      targetCount\n      targetsChanging\n      targetsUpToDate\n      targetsWithConflicts\n      targetsFailing\n      targetsLosingEdits\n      totals {\n        added\n        replaced\n        removed\n        skipped\n        copied\n        conflict\n        unchanged\n      }\n      targets {\n        workspace {\n          id\n          name\n        }\n        upToDate\n        fails\n        lostEditCount\n        conflicts\n        counts {\n          added\n          replaced\n          removed\n          skipped\n          copied\n          conflict\n          unchanged\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CliPreviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliPush($input: PushInput!) {\n    createDistribution(input: $input) {\n      distribution {\n        id\n        status\n        targetCount\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql').CliPushDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliDistribution($id: ID!) {\n    distribution(id: $id) {\n      id\n      status\n      targetCount\n      finishedAt\n      counts {\n        total\n        done\n        succeeded\n        failed\n        conflict\n        cancelled\n      }\n    }\n  }\n"): typeof import('./graphql').CliDistributionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliHandIn($assignmentId: ID!, $message: String, $allowMissing: Boolean!) {\n    handInAssignment(assignmentId: $assignmentId, message: $message, allowMissing: $allowMissing) {\n      contentHash\n      handedInAt\n      deadline\n      late\n      handIn {\n        id\n        seq\n        sizeBytes\n        missingPaths\n        files {\n          path\n          sizeBytes\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CliHandInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliStatuses($assignmentId: ID!, $after: String) {\n    handInStatuses(assignmentId: $assignmentId, first: 100, after: $after) {\n      nodes {\n        status\n        late\n        handInCount\n        finalPoints\n        deadline\n        studentNumber\n        pseudonym\n        lastActivityAt\n        student {\n          id\n          name\n          email\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').CliStatusesDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

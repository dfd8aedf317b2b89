import { toGlobalId } from '../../core/graphql/global-id';

const space = (id: string) => `/spaces/${toGlobalId('Space', id)}`;

/**
 * Dashboard paths a notification links to, relative to the dashboard's origin
 * (the web app defines these routes). Each names a page its recipient can open,
 * by the global id the API answers, which the page compares with the ids it reads.
 */
export const dashboardLink = {
  space,
  spaceWebhooks: (id: string) => `${space(id)}/webhooks`,
  workspace: (id: string) => `/workspaces/${toGlobalId('Workspace', id)}`,
  assignment: (id: string) => `/assignments/${toGlobalId('Assignment', id)}`,
  distribution: (id: string) => `/distributions/${toGlobalId('Distribution', id)}`,
};

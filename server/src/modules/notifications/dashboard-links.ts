/**
 * Dashboard paths a notification links to, relative to the dashboard's origin
 * (the web app defines these routes). Each names a page its recipient can open.
 */
export const dashboardLink = {
  workspace: (id: string) => `/workspaces/${id}`,
  assignment: (id: string) => `/assignments/${id}`,
  distribution: (id: string) => `/distributions/${id}`,
};

import assert from 'node:assert/strict';
import { DEMO_PASSWORD } from './browser';

export type Variables = Record<string, unknown>;

/**
 * A person talking to the API directly, for the setup a test needs but does
 * not test (a hand-in made before the grader's part begins).
 */
export async function apiSession(apiUrl: string, email: string) {
  let cookie = '';
  async function request<T>(query: string, variables: Variables = {}): Promise<T> {
    const response = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0];
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  }
  await request('mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { user { id } } }', {
    email,
    password: DEMO_PASSWORD,
  });
  /** A file of a workspace over the file endpoint: read (no content) or written. */
  async function file(workspaceId: string, filePath: string, content?: string): Promise<string> {
    const encoded = filePath.split('/').map(encodeURIComponent).join('/');
    // A write with the session cookie says it is not a cross-site form, as the dashboard's uploads do.
    const init: RequestInit =
      content === undefined ? { headers: { cookie } } : { method: 'PUT', headers: { cookie, 'x-stagecoach-request': '1' }, body: content };
    const response = await fetch(`${apiUrl}/api/workspaces/${workspaceId}/files/${encoded}`, init);
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${filePath} failed: ${response.status} ${await response.text()}`);
    return response.text();
  }
  return {
    request,
    upload: async (workspaceId: string, filePath: string, content: string) => void (await file(workspaceId, filePath, content)),
    read: (workspaceId: string, filePath: string) => file(workspaceId, filePath),
  };
}

/** Empties someone's stage, so a test starts from nothing staged whatever ran before it. */
export async function clearStage(apiUrl: string, email: string): Promise<void> {
  const session = await apiSession(apiUrl, email);
  const { stages } = await session.request<{ stages: { workspaceId: string; snapshotId: string | null }[] }>(
    '{ stages { workspaceId snapshotId } }',
  );
  for (const source of stages) {
    await session.request('mutation ($source: SourceInput!) { clearStage(source: $source) }', { source });
  }
}

/** The demo course's master workspace and each member's personal workspace (by e-mail), as the instructor sees them. */
export async function demoCourseWorkspaces(apiUrl: string, instructorEmail: string): Promise<{ master: string; personal: Map<string, string> }> {
  const session = await apiSession(apiUrl, instructorEmail);
  const { spaces } = await session.request<{
    spaces: { nodes: { name: string; workspaces: { id: string; kind: string; owner: { email: string } | null }[] }[] };
  }>('{ spaces { nodes { name workspaces { id kind owner { email } } } } }');
  const space = spaces.nodes.find((s) => s.name === 'Data Analysis 101')!;
  const personal = space.workspaces.filter((w) => w.kind === 'PERSONAL' && w.owner);
  return { master: space.workspaces.find((w) => w.kind === 'MASTER')!.id, personal: new Map(personal.map((w) => [w.owner!.email, w.id])) };
}

export type ApiSession = Awaited<ReturnType<typeof apiSession>>;

/** Asks for the release's status until it has finished. */
export async function released(instructor: ApiSession, assignmentId: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const { assignment } = await instructor.request<{ assignment: { release: { status: string } | null } }>(
      'query($id: ID!) { assignment(id: $id) { release { status } } }',
      { id: assignmentId },
    );
    const status = assignment.release?.status;
    if (status && !['QUEUED', 'RUNNING'].includes(status)) {
      assert.equal(status, 'SUCCEEDED');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the assignment was not released');
}

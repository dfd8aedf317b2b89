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
  return { request };
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

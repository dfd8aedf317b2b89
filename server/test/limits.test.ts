import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createCourse, upload } from './support/factories';
import { codeOf, describeDb, startTestServer } from './support/test-server';
import { LIMITS } from '../src/app';

describeDb('request limits, production mode and shutdown', () => {
  it('refuses queries that are too deep, too aliased or too long, saying which limit', async () => {
    const server = await startTestServer();
    try {
      const course = await createCourse(server, 0);
      // The schema has no cycles, but introspection types do: ofType nests without end.
      const deep = `{ __type(name: "Space") { fields { type { ${'ofType { '.repeat(LIMITS.depth)} name ${'} '.repeat(LIMITS.depth)} } } } }`;
      const tooDeep = await server.gql(deep, {}, course.admin.token);
      expect(tooDeep.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
      expect(tooDeep.errors?.[0]?.message).toMatch(new RegExp(`nests \\d+ levels deep; at most ${LIMITS.depth} are allowed`));
      const aliases = Array.from({ length: LIMITS.aliases + 5 }, (_, i) => `a${i}: me { id }`).join(' ');
      const tooMany = await server.gql(`query { ${aliases} }`, {}, course.admin.token);
      expect(tooMany.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ALIASES');
      expect(tooMany.errors?.[0]?.message).toBe(`the query uses ${LIMITS.aliases + 5} aliases; at most ${LIMITS.aliases} are allowed`);
      const long = `query { ${Array.from({ length: LIMITS.tokens }, () => '__typename').join(' ')} }`;
      const tooLong = await server.gql(long, {}, course.admin.token);
      expect(tooLong.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_LARGE');
      expect(tooLong.errors?.[0]?.message).toMatch(new RegExp(`more than ${LIMITS.tokens} tokens`));
      for (const refused of [tooDeep, tooMany, tooLong]) expect(refused.errors?.[0]?.message).not.toMatch(/syntax error/i);
      expect(codeOf(await server.gql('{ me { id } }', {}, course.admin.token))).toBeUndefined();
    } finally {
      await server.stop();
    }
  });

  it('turns introspection and the landing page off in production', async () => {
    const server = await startTestServer({ env: 'production' });
    try {
      const result = await server.gql('{ __schema { queryType { name } } }');
      expect(result.errors?.[0]?.message).toMatch(/introspection/i);
      const landing = await server.fetch('/graphql', { headers: { accept: 'text/html' } });
      expect(await landing.text()).not.toMatch(/Apollo Server|sandbox/i);
    } finally {
      await server.stop();
    }
  });

  it('completes open subscriptions when the server stops', async () => {
    const server = await startTestServer();
    const course = await createCourse(server, 0);
    const client = createClient({
      url: server.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${course.admin.token}` },
      retryAttempts: 0,
      onNonLazyError: () => undefined,
    });
    const events: number[] = [];
    const ended = new Promise<string>((resolve) => {
      client.subscribe(
        { query: `subscription { workspaceChanged(workspaceId: "${course.master}") { version } }` },
        { next: (v) => events.push((v.data as { workspaceChanged: { version: number } }).workspaceChanged.version), error: () => resolve('error'), complete: () => resolve('complete') },
      );
    });
    for (let i = 0; events.length === 0 && i < 50; i++) {
      await upload(server, course.admin.token, course.master, `files/n${i}.txt`, String(i));
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(events.length).toBeGreaterThan(0);
    await server.stop();
    expect(['complete', 'error']).toContain(await ended);
    await client.dispose();
  });
});

import fs from 'node:fs';
import path from 'node:path';
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  Kind,
  parse,
  typeFromAST,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from 'graphql';
import { createClient } from 'graphql-ws';
import type { FormattedExecutionResult } from 'graphql';
import WebSocket from 'ws';
import { createCourse } from './support/factories';
import { describeDb, startTestServer, type TestServer } from './support/test-server';
import { LIMITS, queryCost } from '../src/core/graphql/request-cost';
import { createSchema } from '../src/schema';
import { createEventBus } from '../src/core/pubsub';

/** Runs one operation over the socket and returns what came back: the result, or the error message's errors. */
async function overSocket(server: TestServer, token: string, query: string): Promise<{ data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const client = createClient({
    url: server.url.replace('http', 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  try {
    return await new Promise((resolve) => {
      let last: FormattedExecutionResult<Record<string, unknown>, unknown> | undefined;
      client.subscribe(
        { query },
        {
          next: (value) => {
            last = value;
            if (value.errors) resolve(value as never);
          },
          error: (errors) => resolve({ errors: errors as never }),
          complete: () => resolve((last ?? {}) as never),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

/** Small enough to spend in a test, large enough for setting up a course. */
const BUDGET = 300;

/** A new API token of `user`'s: a budget of its own. */
async function freshToken(server: TestServer, token: string): Promise<string> {
  const data = await server.ok('mutation { createApiToken(name: "script", readOnly: false) { secret } }', {}, token);
  return data.createApiToken.secret as string;
}

const NESTED_PAGES = '{ spaces(first: 100) { nodes { members(first: 100) { nodes { user { id } } } } } }';

describeDb('limits integrators can design against', () => {
  let server: TestServer;
  let course: Awaited<ReturnType<typeof createCourse>>;
  beforeAll(async () => {
    server = await startTestServer({ requestBudget: { points: BUDGET, windowSeconds: 60 } });
    course = await createCourse(server, 2);
  });
  afterAll(() => server.stop());

  it('reports what each request cost and what is left of the budget, in the body and the RateLimit headers', async () => {
    const res = await server.fetch('/graphql', {
      method: 'POST',
      token: await freshToken(server, course.students[0]!.token),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ space(id: "${course.spaceId}") { name members(first: 5) { nodes { user { name } } } } }` }),
    });
    const body = (await res.json()) as { data: unknown; extensions: { cost: Record<string, number> } };
    const cost = body.extensions.cost;
    // The space, its members' connection, each member (staff and the caller, 3 here) and their user.
    expect(cost.requested).toBe(1 * (1 + 5 * (1 + 1 * (1 + 1))));
    expect(cost.actual).toBeGreaterThan(0);
    expect(cost.actual).toBeLessThanOrEqual(cost.requested);
    expect(cost.limit).toBe(LIMITS.cost);
    expect(cost.budget).toBe(BUDGET);
    expect(cost.remaining).toBe(BUDGET - cost.actual);
    expect(res.headers.get('ratelimit-limit')).toBe(String(BUDGET));
    expect(res.headers.get('ratelimit-remaining')).toBe(String(cost.remaining));
    expect(Number(res.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    expect(res.headers.get('ratelimit-policy')).toBe(`${BUDGET};w=60`);
  });

  it('answers 429 RATE_LIMITED with Retry-After once a token has spent its budget; other tokens go on', async () => {
    const token = await freshToken(server, course.ta.token);
    let res: Response;
    let spent = 0;
    do {
      res = await server.fetch('/graphql', {
        method: 'POST',
        token,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ space(id: "${course.spaceId}") { members(first: 100) { nodes { user { name } } } } }` }),
      });
      spent++;
    } while (res.status === 200 && spent < 100);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.headers.get('ratelimit-remaining')).toBe('0');
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0]!.message).toMatch(/budget of 300 query points per 60 s is spent; try again in \d+ s/);
    // Another caller's budget is its own.
    const other = await server.gql('{ me { name } }', {}, course.admin.token);
    expect(other.errors).toBeUndefined();
  });

  it('refuses a query that may cost more than the limit before running it, naming its cost', async () => {
    const result = await server.gql(NESTED_PAGES, {}, course.ta.token);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(result.errors?.[0]?.message).toMatch(new RegExp(`may cost \\d+ points; at most ${LIMITS.cost} are allowed per request`));
    expect(result.errors?.[0]?.message).not.toMatch(/syntax error/i);
  });

  it('takes a read-only query over GET without any special header, and refuses a mutation over GET', async () => {
    const query = encodeURIComponent('{ me { name } }');
    const get = await server.fetch(`/graphql?query=${query}`, { token: course.ta.token });
    expect(get.status).toBe(200);
    expect(((await get.json()) as { data: { me: { name: string } } }).data.me.name).toBe(course.ta.name);
    const mutation = encodeURIComponent('mutation { logout }');
    const refused = await server.fetch(`/graphql?query=${mutation}`, { token: course.ta.token });
    expect(refused.status).toBe(405);
  });

  it('holds the socket to the same limits and codes, and gives subscription errors their code', async () => {
    const deep = `{ __type(name: "Space") { fields { type { ${'ofType { '.repeat(LIMITS.depth)} name ${'} '.repeat(LIMITS.depth)} } } } }`;
    const tooDeep = await overSocket(server, course.ta.token, deep);
    expect(tooDeep.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    const tooComplex = await overSocket(server, course.ta.token, NESTED_PAGES);
    expect(tooComplex.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const long = `query { ${Array.from({ length: LIMITS.tokens }, () => '__typename').join(' ')} }`;
    const tooLong = await overSocket(server, course.ta.token, long);
    expect(tooLong.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_LARGE');
    // A student may not follow the TA's view of the master workspace.
    const forbidden = await overSocket(server, course.students[0]!.token, `subscription { workspaceChanged(workspaceId: "${course.master}") { version } }`);
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(forbidden.errors?.[0]?.extensions?.code);
    expect(forbidden.errors?.[0]?.message).not.toMatch(/internal error/);
  });
});

/** A value for each required variable, with the largest page wherever a page size is asked for. */
function worstCaseVariables(operation: OperationDefinitionNode, schema: Awaited<ReturnType<typeof createSchema>>): Record<string, unknown> {
  const valueOf = (type: GraphQLInputType, name: string): unknown => {
    if (type instanceof GraphQLNonNull) return valueOf(type.ofType, name);
    if (type instanceof GraphQLList) return [valueOf(type.ofType, name)];
    if (type instanceof GraphQLEnumType) return type.getValues()[0]!.value;
    if (type instanceof GraphQLInputObjectType) {
      const fields = Object.values(type.getFields()).filter((f) => f.type instanceof GraphQLNonNull);
      return Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type, f.name)]));
    }
    if (name === 'first' || name === 'last') return 100;
    // The first of a few plain values the scalar takes.
    return ['x', 1, false, new Date().toISOString(), {}].find((value) => {
      try {
        type.parseValue(value);
        return true;
      } catch {
        return false;
      }
    });
  };
  return Object.fromEntries(
    (operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, valueOf(typeFromAST(schema, v.type as never) as GraphQLInputType, v.variable.name.value)]),
  );
}

describe('the dashboard stays within the limits', () => {
  it('prices every operation of the dashboard, at its largest pages, under the per-request limit', async () => {
    const bus = createEventBus(null);
    const schema = await createSchema(bus.pubSub);
    await bus.close();
    const source = fs.readFileSync(path.join(__dirname, '../../web/src/gql/gql.ts'), 'utf8');
    const documents = [...source.matchAll(/^ {4}("(?:[^"\\]|\\.)*"): typeof types\./gm)].map((m) => JSON.parse(m[1]!) as string);
    const fragments = documents.filter((d) => /^\s*fragment /.test(d)).join('\n');
    const operations = documents.filter((d) => /^\s*(query|mutation|subscription) /.test(d));
    expect(operations.length).toBeGreaterThan(50);
    const costs = operations.map((text) => {
      const document = parse(`${text}\n${fragments}`);
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      return { name: operation.name?.value, cost: queryCost(schema, document, worstCaseVariables(operation, schema), operation.name?.value) };
    });
    const over = costs.filter((c) => c.cost > LIMITS.cost);
    expect(over).toEqual([]);
  });
});

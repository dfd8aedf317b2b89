import { createCourse, upload, type TestCourse } from './support/factories';
import { describeDb, startTestServer, type GqlResult, type TestServer } from './support/test-server';

/**
 * An integrator on another origin, with a personal API token, pages every
 * connection it can fill forwards and backwards, and sees every row once.
 */
const INTEGRATOR = 'https://dashboard.example.org';

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}
interface Connection {
  totalCount: number | null;
  pageInfo: PageInfo;
  edges: { cursor: string; node: { key: string } }[];
  nodes: { key: string }[];
}

/** A connection, by a query with `ARGS` where the paging arguments go, and where its answer is. */
interface Target {
  name: string;
  query: string;
  variables: (c: TestCourse) => Record<string, unknown>;
  pick: (data: Record<string, any>) => Connection;
  /** How many rows the fixture made at least. */
  atLeast: number;
}

const PAGE = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { key: id } } nodes { key: id }';
const ENTRY_PAGE = PAGE.replaceAll('key: id', 'key: name');
const STUDENTS = 7;
const FILES = 9;

const TARGETS: Target[] = [
  { name: 'spaces', query: `query { spaces(ARGS) { ${PAGE} } }`, variables: () => ({}), pick: (d) => d.spaces, atLeast: 5 },
  {
    name: 'members',
    query: `query($s: ID!) { space(id: $s) { members(ARGS) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { key: role user { id } } } nodes { key: role user { id } } } } }`,
    variables: (c) => ({ s: c.spaceId }),
    pick: (d) => {
      const members = d.space.members;
      const keyed = (n: { user: { id: string } }) => ({ key: n.user.id });
      return { ...members, nodes: members.nodes.map(keyed), edges: members.edges.map((e: { cursor: string; node: { user: { id: string } } }) => ({ cursor: e.cursor, node: keyed(e.node) })) };
    },
    atLeast: STUDENTS + 3,
  },
  { name: 'workspaceList', query: `query($s: ID!) { space(id: $s) { workspaceList(ARGS) { ${PAGE} } } }`, variables: (c) => ({ s: c.spaceId }), pick: (d) => d.space.workspaceList, atLeast: STUDENTS + 2 },
  { name: 'invitationList', query: `query($s: ID!) { space(id: $s) { invitationList(ARGS) { ${PAGE} } } }`, variables: (c) => ({ s: c.spaceId }), pick: (d) => d.space.invitationList, atLeast: 6 },
  { name: 'outboxList', query: `query($s: ID!) { space(id: $s) { outboxList(ARGS) { ${PAGE} } } }`, variables: (c) => ({ s: c.spaceId }), pick: (d) => d.space.outboxList, atLeast: 6 },
  { name: 'apiTokenList', query: `query { apiTokenList(ARGS) { ${PAGE} } }`, variables: () => ({}), pick: (d) => d.apiTokenList, atLeast: 6 },
  { name: 'auditEvents', query: `query($s: ID!) { auditEvents(spaceId: $s, ARGS) { ${PAGE} } }`, variables: (c) => ({ s: c.spaceId }), pick: (d) => d.auditEvents, atLeast: 2 * STUDENTS },
  { name: 'entries', query: `query($w: ID!) { workspace(id: $w) { entries(path: "files", ARGS) { ${ENTRY_PAGE} } } }`, variables: (c) => ({ w: c.master }), pick: (d) => d.workspace.entries, atLeast: FILES },
  {
    name: 'distributionPreview.targetList',
    query: `query($i: PushInput!) { distributionPreview(input: $i) { targetList(ARGS) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { workspace { id } } } nodes { workspace { id } } } } }`,
    variables: (c) => ({ i: { source: { workspaceId: c.master }, paths: ['files'], targets: { spaceId: c.spaceId } } }),
    pick: (d) => {
      const targets = d.distributionPreview.targetList;
      const keyed = (n: { workspace: { id: string } }) => ({ key: n.workspace.id });
      return { ...targets, nodes: targets.nodes.map(keyed), edges: targets.edges.map((e: { cursor: string; node: { workspace: { id: string } } }) => ({ cursor: e.cursor, node: keyed(e.node) })) };
    },
    atLeast: STUDENTS,
  },
  { name: 'history', query: `query($w: ID!) { workspace(id: $w) { history(ARGS) { ${PAGE} } } }`, variables: (c) => ({ w: c.master }), pick: (d) => d.workspace.history, atLeast: FILES },
];

describeDb('an integrator on another origin pages every connection', () => {
  let server: TestServer;
  let course: TestCourse;
  let token: string;

  /** A request as the integrator's dashboard sends it: its own origin, a personal token, no cookie. */
  async function call(query: string, variables: Record<string, unknown>): Promise<GqlResult> {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { origin: INTEGRATOR, authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
    expect(res.headers.get('access-control-allow-origin')).toBe(INTEGRATOR);
    return (await res.json()) as GqlResult;
  }

  async function page(target: Target, args: string): Promise<Connection> {
    const result = await call(target.query.replace('ARGS', args), target.variables(course));
    expect(result.errors).toBeUndefined();
    return target.pick(result.data!);
  }

  beforeAll(async () => {
    server = await startTestServer({ corsOrigins: [INTEGRATOR] });
    course = await createCourse(server, STUDENTS);
    const admin = course.admin.token;
    for (let i = 0; i < 4; i++) {
      await server.ok('mutation($i: CreateSpaceInput!) { createSpace(input: $i) { id } }', { i: { name: `Other course ${i}`, kind: 'COURSE' } }, admin);
    }
    for (let i = 0; i < 6; i++) {
      await server.ok('mutation($s: ID!, $e: String!) { inviteByEmail(spaceId: $s, email: $e, role: MEMBER) { url } }', { s: course.spaceId, e: `invitee${i}@example.org` }, admin);
    }
    for (let i = 0; i < 6; i++) await server.ok('mutation($n: String!) { createApiToken(name: $n) { secret } }', { n: `script ${i}` }, admin);
    for (let i = 0; i < FILES; i++) await upload(server, admin, course.master, `files/f${String(i).padStart(2, '0')}.txt`, `file ${i}`);
    // Audited one event per call: something for the audit trail to page through.
    for (const student of course.students) {
      for (const role of ['VIEWER', 'MEMBER']) {
        await server.ok('mutation($s: ID!, $u: [ID!]!, $r: Role!) { changeMemberRoles(spaceId: $s, userIds: $u, role: $r) { role } }', { s: course.spaceId, u: [student.id], r: role }, admin);
      }
    }
    // Not read-only: the invitations and the outbox are for admins who may change things.
    token = (await server.ok('mutation { createApiToken(name: "dashboard") { secret } }', {}, admin)).createApiToken.secret;
  });
  afterAll(() => server.stop());

  it.each(TARGETS.map((t) => [t.name, t] as const))('%s: forwards and backwards, every row once, in one order', async (_name, target) => {
    const everything = await page(target, 'first: 100');
    const all = everything.nodes.map((n) => n.key);
    expect(all.length).toBeGreaterThanOrEqual(target.atLeast);
    expect(new Set(all).size).toBe(all.length);
    if (everything.totalCount !== null) expect(everything.totalCount).toBe(all.length);
    expect(everything.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });

    const forwards: string[] = [];
    let after: string | null = null;
    for (let pages = 0; ; pages++) {
      expect(pages).toBeLessThan(all.length);
      const p: Connection = await page(target, after ? `first: 3, after: "${after}"` : 'first: 3');
      expect(p.edges.map((e) => e.node.key)).toEqual(p.nodes.map((n) => n.key));
      expect(p.pageInfo.startCursor).toBe(p.edges[0]?.cursor ?? null);
      expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)?.cursor ?? null);
      expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
      forwards.push(...p.nodes.map((n) => n.key));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(forwards).toEqual(all);

    const backwards: string[][] = [];
    let before: string | null = null;
    for (let pages = 0; ; pages++) {
      expect(pages).toBeLessThan(all.length);
      const p: Connection = await page(target, before ? `last: 4, before: "${before}"` : 'last: 4');
      expect(p.pageInfo.hasNextPage).toBe(before !== null);
      backwards.unshift(p.nodes.map((n) => n.key));
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
    }
    expect(backwards.flat()).toEqual(all);
  });

  it('refuses first with last, a cursor of another connection and a forged cursor, naming what was wrong', async () => {
    const [spaces, members] = [TARGETS[0], TARGETS[1]];
    const both = await call(spaces.query.replace('ARGS', 'first: 2, last: 2'), {});
    expect(both.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/first .* or last .*not both/) });

    const memberCursor = (await page(members, 'first: 1')).pageInfo.endCursor;
    const crossed = await call(spaces.query.replace('ARGS', `first: 2, after: "${memberCursor}"`), {});
    expect(crossed.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/belongs to the Member connection, not Space/) });
    const crossedBack = await call(spaces.query.replace('ARGS', `last: 2, before: "${memberCursor}"`), {});
    expect(crossedBack.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const forged = await call(spaces.query.replace('ARGS', 'first: 2, after: "bm90IGEgY3Vyc29y"'), {});
    expect(forged.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/after: cursor .* is not valid/) });

    const tooMany = await call(spaces.query.replace('ARGS', 'last: 101'), {});
    expect(tooMany.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/last must be between 1 and 100/) });
  });
});

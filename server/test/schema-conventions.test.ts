import { randomUUID } from 'node:crypto';
import { createCourse, upload } from './support/factories';
import { followDistribution } from './support/progress';
import { codeOf, describeDb, startTestServer, type TestServer } from './support/test-server';

const INTROSPECT = `{ __schema {
  queryType { name } mutationType { name } subscriptionType { name }
  types {
    name kind description
    fields(includeDeprecated: true) { name description isDeprecated deprecationReason args { name description } }
    inputFields { name description }
    enumValues(includeDeprecated: true) { name description }
  }
} }`;

interface Described {
  name: string;
  description: string | null;
}
interface IntrospectedType extends Described {
  kind: string;
  fields: (Described & { isDeprecated: boolean; deprecationReason: string | null; args: Described[] })[] | null;
  inputFields: Described[] | null;
  enumValues: Described[] | null;
}

describeDb('a self-describing schema: descriptions an integrator reads, consistent names, payloads for new mutations, lookups that fail alone', () => {
  let server: TestServer;
  let types: IntrospectedType[];
  beforeAll(async () => {
    server = await startTestServer();
    const { __schema } = await server.ok(INTROSPECT, {}, null);
    types = __schema.types;
  });
  afterAll(() => server.stop());

  const type = (name: string) => types.find((t) => t.name === name)!;
  const field = (typeName: string, name: string) => type(typeName).fields!.find((f) => f.name === name)!;

  it('gives every type, field, argument, input field and enum value a description over introspection', () => {
    const missing: string[] = [];
    const need = (where: string, item: Described) => {
      if (!item.description?.trim()) missing.push(where);
    };
    for (const t of types.filter((t) => !t.name.startsWith('__'))) {
      need(t.name, t);
      for (const f of t.fields ?? []) {
        need(`${t.name}.${f.name}`, f);
        for (const a of f.args) need(`${t.name}.${f.name}(${a.name})`, a);
      }
      for (const f of t.inputFields ?? []) need(`${t.name}.${f.name}`, f);
      for (const v of t.enumValues ?? []) need(`${t.name}.${v.name}`, v);
    }
    expect(missing).toEqual([]);
    expect(types.length).toBeGreaterThan(100);
  });

  it('describes who may call an operation and what a nullable answer means', () => {
    expect(field('Query', 'space').description).toMatch(/members only/);
    expect(field('Query', 'space').description).toMatch(/NOT_FOUND/);
    expect(field('Mutation', 'grantExtension').description).toMatch(/admins only/);
    expect(field('Grade', 'returnedAt').description).toMatch(/null until returned/);
  });

  it('says that a lookup by id answers null with a NOT_FOUND error when missing', () => {
    for (const name of ['space', 'workspace', 'snapshot', 'assignment', 'handIn', 'bundle', 'distribution']) {
      expect(field('Query', name).description).toMatch(/Null with a NOT_FOUND error when/);
    }
  });

  it('answers a missing space with null and its own error, and the other lookups of the request stand', async () => {
    const c = await createCourse(server, 1);
    const missing = randomUUID();
    const result = await server.gql('query($real: ID!, $missing: ID!) { a: space(id: $real) { name } b: space(id: $missing) { name } }', { real: c.spaceId, missing }, c.admin.token);
    expect(result.data?.a.name).toMatch(/^Course /);
    expect(result.data?.b).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({ path: ['b'], extensions: { code: 'NOT_FOUND' } });
  });

  it("answers a student's lookup of another student's workspace with null and NOT_FOUND, beside their own workspace", async () => {
    const c = await createCourse(server, 2);
    const [me, other] = c.students;
    const result = await server.gql(
      'query($mine: ID!, $theirs: ID!) { mine: workspace(id: $mine) { id kind } theirs: workspace(id: $theirs) { id name } }',
      { mine: c.personal.get(me.id), theirs: c.personal.get(other.id) },
      me.token,
    );
    expect(result.data).toEqual({ mine: { id: c.personal.get(me.id), kind: 'PERSONAL' }, theirs: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({ path: ['theirs'], extensions: { code: 'NOT_FOUND' } });
    expect(result.errors?.[0].message).not.toContain(other.name);
  });

  it('marks the old push operations deprecated, naming their replacements', () => {
    expect(field('Mutation', 'pushDistribution')).toMatchObject({ isDeprecated: true, deprecationReason: expect.stringContaining('createDistribution') });
    expect(field('Query', 'previewDistribution')).toMatchObject({ isDeprecated: true, deprecationReason: expect.stringContaining('distributionPreview') });
    expect(field('Mutation', 'createDistribution').isDeprecated).toBe(false);
    expect(type('PushInputType').description).toMatch(/former name of PushInput/);
    expect(type('PushInput').inputFields!.map((f) => f.name).sort()).toEqual(type('PushInputType').inputFields!.map((f) => f.name).sort());
  });

  it('pushes through createDistribution (PushInput, answered with a payload) and through the deprecated pushDistribution (PushInputType) alike', async () => {
    const c = await createCourse(server, 1);
    const student = c.students[0];
    const own = c.personal.get(student.id)!;
    expect((await upload(server, c.admin.token, c.master, 'files/new.txt', 'new name')).status).toBeLessThan(300);
    expect((await upload(server, c.admin.token, c.master, 'files/old.txt', 'old name')).status).toBeLessThan(300);
    const input = (path: string) => ({ source: { workspaceId: c.master }, paths: [path], targets: { workspaceIds: [own] } });

    const { distributionPreview } = await server.ok('query($i: PushInput!) { distributionPreview(input: $i) { targetCount items { path } } }', { i: input('files/new.txt') }, c.admin.token);
    expect(distributionPreview).toEqual({ targetCount: 1, items: [{ path: 'files/new.txt' }] });

    const { createDistribution } = await server.ok(
      'mutation($i: PushInput!) { createDistribution(input: $i) { distribution { id kind items { path } } } }',
      { i: input('files/new.txt') },
      c.admin.token,
    );
    expect(createDistribution.distribution).toMatchObject({ kind: 'PUSH', items: [{ path: 'files/new.txt' }] });
    expect((await followDistribution(server, c.admin.token, createDistribution.distribution.id)).at(-1)!.distribution.status).toBe('SUCCEEDED');

    const { pushDistribution } = await server.ok('mutation($i: PushInputType!) { pushDistribution(input: $i) { id items { path } } }', { i: input('files/old.txt') }, c.admin.token);
    expect(pushDistribution.items).toEqual([{ path: 'files/old.txt' }]);
    expect((await followDistribution(server, c.admin.token, pushDistribution.id)).at(-1)!.distribution.status).toBe('SUCCEEDED');

    for (const [path, text] of [['files/new.txt', 'new name'], ['files/old.txt', 'old name']]) {
      const res = await server.fetch(`/api/workspaces/${own}/files/${path}`, { token: student.token });
      expect(await res.text()).toBe(text);
    }
  });

  it('refuses a variable of the old input type for the new operation, naming both types', async () => {
    const c = await createCourse(server, 1);
    const result = await server.gql(
      'mutation($i: PushInputType!) { createDistribution(input: $i) { distribution { id } } }',
      { i: { source: { workspaceId: c.master }, paths: ['files'], targets: { workspaceIds: [c.personal.get(c.students[0].id)!] } } },
      c.admin.token,
    );
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0].message).toMatch(/PushInputType!.*PushInput!/);
    expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    const { space } = await server.ok('query($s: ID!) { space(id: $s) { id } }', { s: c.spaceId }, c.admin.token);
    expect(space.id).toBe(c.spaceId);
    const { distributions } = await server.ok('query($s: ID!) { distributions(spaceId: $s) { nodes { id } } }', { s: c.spaceId }, c.admin.token);
    expect(distributions.nodes).toEqual([]);
  });
});
